// A peer that speaks our protocols (libp2p TCP + Noise + yamux, gossipsub without signatures, the
// req/resp frames) to send what an attacker would: garbage, oversized messages, blocks with bad
// seals or bad execution. It answers the node's status request with the node's own status, so it
// counts as a peer of the same chain.
import { createHash } from 'node:crypto'
import { noise } from '@chainsafe/libp2p-noise'
import { yamux } from '@chainsafe/libp2p-yamux'
import { type GossipSub, gossipsub, StrictNoSign } from '@libp2p/gossipsub'
import { identify } from '@libp2p/identify'
import { tcp } from '@libp2p/tcp'
import { lpStream } from '@libp2p/utils'
import { multiaddr } from '@multiformats/multiaddr'
import { createLibp2p, type Libp2p } from 'libp2p'
import { PROTOCOLS, topicsFor } from '../../p2p/index.ts'

export interface HostilePeer {
  node: Libp2p<{ pubsub: GossipSub; identify: unknown }>
  topics: ReturnType<typeof topicsFor>
  connect(addr: string): Promise<void>
  publish(topic: string, data: Uint8Array): Promise<void>
  /** Sends one raw request frame on a req/resp protocol; resolves with the answer or undefined. */
  request(peerId: string, protocol: string, frame: Uint8Array): Promise<Uint8Array | undefined>
  connectedTo(peerId: string): boolean
  stop(): Promise<void>
}

export async function createHostilePeer(chainId: bigint): Promise<HostilePeer> {
  const node = (await createLibp2p({
    addresses: { listen: ['/ip4/127.0.0.1/tcp/0'] },
    transports: [tcp()],
    connectionEncrypters: [noise()],
    streamMuxers: [yamux()],
    services: {
      identify: identify(),
      pubsub: gossipsub({
        globalSignaturePolicy: StrictNoSign,
        msgIdFn: (m) => createHash('sha256').update(m.data).digest().subarray(0, 20),
        allowPublishToZeroTopicPeers: true,
        maxInboundDataLength: 16 * 1024 * 1024,
      }),
    },
  })) as HostilePeer['node']
  // Echo the node's status: same chain, same genesis.
  await node.handle(PROTOCOLS.status, async (stream) => {
    const lp = lpStream(stream)
    const req = await lp.read()
    await lp.write(req.subarray())
    await stream.close()
  })
  await node.start()
  const topics = topicsFor(chainId)
  for (const t of Object.values(topics)) node.services.pubsub.subscribe(t)
  return {
    node,
    topics,
    async connect(addr) {
      await node.dial(multiaddr(addr), { signal: AbortSignal.timeout(5000) })
    },
    async publish(topic, data) {
      await node.services.pubsub.publish(topic, data)
    },
    async request(peerId, protocol, frame) {
      const id = node.getPeers().find((p) => p.toString() === peerId)
      if (!id) return undefined
      try {
        const stream = await node.dialProtocol(id, protocol, { signal: AbortSignal.timeout(5000) })
        const lp = lpStream(stream)
        await lp.write(frame)
        const answer = await lp.read({ signal: AbortSignal.timeout(5000) })
        return answer.subarray()
      } catch {
        return undefined
      }
    },
    connectedTo(peerId) {
      return node.getConnections().some((c) => c.remotePeer.toString() === peerId && c.status === 'open')
    },
    async stop() {
      await node.stop()
    },
  }
}
