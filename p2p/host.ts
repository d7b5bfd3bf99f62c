// The libp2p host: TCP + Noise + yamux, identify, ping and gossipsub, with a peer key created once
// and kept in the data directory, and a connection gater that keeps banned peers out.
import { existsSync } from 'node:fs'
import { mkdir, readFile, writeFile } from 'node:fs/promises'
import { dirname } from 'node:path'
import { noise } from '@chainsafe/libp2p-noise'
import { yamux } from '@chainsafe/libp2p-yamux'
import { generateKeyPair, privateKeyFromProtobuf, privateKeyToProtobuf } from '@libp2p/crypto/keys'
import { type GossipSub, gossipsub, StrictNoSign } from '@libp2p/gossipsub'
import { identify } from '@libp2p/identify'
import type { PeerId, PrivateKey } from '@libp2p/interface'
import { peerIdFromPrivateKey } from '@libp2p/peer-id'
import { ping } from '@libp2p/ping'
import { tcp } from '@libp2p/tcp'
import { createLibp2p, type Libp2p } from 'libp2p'
import { P2PError } from './errors.ts'
import type { P2POptions } from './options.ts'

export type Host = Libp2p<{ pubsub: GossipSub; identify: unknown; ping: unknown }>

/** Loads the node's peer key, or creates it (Ed25519) on first start. */
export async function loadPeerKey(file: string): Promise<PrivateKey> {
  if (existsSync(file)) {
    try {
      return privateKeyFromProtobuf(await readFile(file))
    } catch (e) {
      throw new P2PError('PEER_KEY', `peer key ${file} is unreadable: ${(e as Error).message.split('\n')[0]}`)
    }
  }
  const key = await generateKeyPair('Ed25519')
  await mkdir(dirname(file), { recursive: true })
  await writeFile(file, privateKeyToProtobuf(key), { mode: 0o600 })
  return key
}

/** The peer id of a peer key file (created when missing): what bootnode multiaddrs end with. */
export async function peerIdOfKeyFile(file: string): Promise<string> {
  return peerIdFromPrivateKey(await loadPeerKey(file)).toString()
}

export interface HostHooks {
  isBanned(peer: PeerId): boolean
  /** Message id of a gossip message: a hash of its content, so the same block relayed twice is one message. */
  msgId(data: Uint8Array): Uint8Array
  /** Gossipsub topic score parameters per topic. */
  topics: string[]
}

export async function createHost(
  options: P2POptions,
  privateKey: PrivateKey,
  hooks: HostHooks,
): Promise<Host> {
  const topicScore = {
    topicWeight: 1,
    timeInMeshWeight: 0.01,
    timeInMeshQuantum: 1000,
    timeInMeshCap: 100,
    firstMessageDeliveriesWeight: 1,
    firstMessageDeliveriesDecay: 0.9,
    firstMessageDeliveriesCap: 50,
    meshMessageDeliveriesWeight: 0,
    meshMessageDeliveriesDecay: 0.9,
    meshMessageDeliveriesCap: 1,
    meshMessageDeliveriesThreshold: 1,
    meshMessageDeliveriesWindow: 10,
    meshMessageDeliveriesActivation: 60_000,
    meshFailurePenaltyWeight: 0,
    meshFailurePenaltyDecay: 0.9,
    // Every rejected message costs its sender squared: a few invalid blocks graylist it.
    invalidMessageDeliveriesWeight: -100,
    invalidMessageDeliveriesDecay: 0.9,
  }
  return createLibp2p({
    // Started by the network once its handlers are in place.
    start: false,
    privateKey,
    addresses: { listen: [`/ip4/${options.addr}/tcp/${options.port}`] },
    transports: [tcp()],
    connectionEncrypters: [noise()],
    streamMuxers: [yamux()],
    connectionManager: { maxConnections: options.maxPeers },
    connectionGater: {
      denyDialPeer: (peer) => hooks.isBanned(peer),
      denyInboundEncryptedConnection: (peer) => hooks.isBanned(peer),
      denyOutboundEncryptedConnection: (peer) => hooks.isBanned(peer),
    },
    services: {
      identify: identify(),
      ping: ping(),
      pubsub: gossipsub({
        // Blocks, transactions and votes carry their own signatures (PERF-NOTES.md: unsigned
        // envelopes are ~4x cheaper to receive).
        globalSignaturePolicy: StrictNoSign,
        msgIdFn: (msg) => hooks.msgId(msg.data),
        allowPublishToZeroTopicPeers: true,
        emitSelf: false,
        maxInboundDataLength: options.maxBlockBytes + 64 * 1024,
        scoreParams: {
          topics: Object.fromEntries(hooks.topics.map((t) => [t, topicScore])),
          IPColocationFactorWeight: 0,
          behaviourPenaltyWeight: -1,
        },
        scoreThresholds: {
          gossipThreshold: -100,
          publishThreshold: -500,
          graylistThreshold: -1000,
          acceptPXThreshold: 100,
          opportunisticGraftThreshold: 5,
        },
      }),
    },
  }) as Promise<Host>
}
