// A local multi-validator network: one genesis naming N dev validators (stakes equal) and funding
// the dev accounts, one data directory per node with its validator keystore and its peer key, and
// the arguments that start each node with every validator as a bootnode. Used by
// `mosaic-node devnet` and by the e2e tests.
import { mkdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { hexToBytes } from '@ethereumjs/util'
import type { Logger } from 'pino'
import { type DevOrigin, startDevOrigin } from '../consensus/index.ts'
import {
  type BridgeGenesis,
  CO_GATEWAY_DEV_RESERVE,
  DEV_VALIDATOR_STAKE,
  devAccounts,
  devGenesisJson,
  devValidatorKeys,
  type GenesisJson,
  type Hex,
} from '../genesis/index.ts'
import { peerIdOfKeyFile } from '../p2p/index.ts'
import { createKeystore } from './keystore.ts'

export interface DevnetOptions {
  dir: string
  validators: number
  fullNodes: number
  /** Node i serves RPC on rpcPorts(i). */
  rpcPort: (i: number) => number
  p2pPort: (i: number) => number
  blockTimeMs?: number
  chainId?: bigint
  /** Changes the genesis before it is written (tests: another chain). */
  editGenesis?: (g: GenesisJson) => void
  /** The origin chain holding the validators' stake (startDevnetOrigin); validators commit to it. */
  origin?: GenesisOrigin
  /**
   * Node 0 runs the bridge facilitator (with an origin), paying aux gas from the last dev account.
   * `mosaic-node devnet` sets it; tests start their own.
   */
  facilitator?: boolean
  /**
   * How many of the validators the genesis (kernel 1) names, the first ones; the others run with
   * their keys but only validate once they deposit on the origin. Default: all.
   */
  genesisValidators?: number
}

/** `mosaic.origin` of a genesis: where the chain's stake and commits live. */
export interface GenesisOrigin {
  chainId: number
  stake: string
  core: string
  gateway: string
  baseToken: string
  rpc: string
}

/** The CoGateway predeploy of a genesis whose origin is `origin` (DESIGN.md §8). */
export function bridgeGenesis(origin: GenesisOrigin): BridgeGenesis {
  return {
    gateway: origin.gateway.toLowerCase() as Hex,
    baseToken: origin.baseToken.toLowerCase() as Hex,
    reserve: CO_GATEWAY_DEV_RESERVE,
  }
}

/**
 * The origin of a dev chain or devnet (DESIGN.md §7): Hardhat's node on a free loopback port (or the
 * origin at `rpcUrl`), the contracts deployed, the first `validators` dev validators staked with
 * DEV_VALIDATOR_STAKE each and given ETH for origin gas.
 */
export async function startDevnetOrigin(o: {
  validators: number
  chainId: bigint
  epochLength?: number
  rpcUrl?: string
  logger?: Logger
  /** Origin blocks between leaving the set and withdrawing (default 10). */
  unbondingBlocks?: number
}): Promise<{ origin: DevOrigin; genesis: GenesisOrigin }> {
  const origin = await startDevOrigin({
    auxChainId: o.chainId,
    validators: devValidatorKeys(o.validators).map((k) => ({
      address: k.address,
      stake: DEV_VALIDATOR_STAKE,
    })),
    ...(o.epochLength ? { epochLength: o.epochLength } : {}),
    ...(o.rpcUrl ? { rpcUrl: o.rpcUrl } : {}),
    ...(o.logger ? { logger: o.logger } : {}),
    ...(o.unbondingBlocks ? { unbondingBlocks: o.unbondingBlocks } : {}),
  })
  const { stake, core, gateway, valueToken } = origin.deployment
  return {
    origin,
    genesis: { chainId: origin.chainId, stake, core, gateway, baseToken: valueToken, rpc: origin.url },
  }
}

export interface DevnetNode {
  index: number
  role: 'validator' | 'full'
  /** Validator address ('' for a full node). */
  address: string
  datadir: string
  peerId: string
  rpcPort: number
  p2pPort: number
  multiaddr: string
  /** Arguments after `mosaic-node`. */
  args: string[]
}

export interface Devnet {
  genesisFile: string
  chainId: bigint
  nodes: DevnetNode[]
}

const PASSWORD = 'devnet'

export async function prepareDevnet(o: DevnetOptions): Promise<Devnet> {
  if (!Number.isSafeInteger(o.validators) || o.validators < 1)
    throw new RangeError('--validators: expected at least 1')
  const keys = devValidatorKeys(o.validators)
  const genesis = devGenesisJson({
    validators: keys
      .slice(0, o.genesisValidators ?? o.validators)
      .map((k) => ({ address: k.address.toLowerCase() as Hex, stake: DEV_VALIDATOR_STAKE })),
    ...(o.blockTimeMs ? { blockTimeMs: o.blockTimeMs } : {}),
    ...(o.chainId ? { chainId: o.chainId } : {}),
    ...(o.origin ? { bridge: bridgeGenesis(o.origin) } : {}),
  })
  if (o.origin) (genesis.mosaic as Record<string, unknown>)['origin'] = o.origin
  o.editGenesis?.(genesis)
  await mkdir(o.dir, { recursive: true })
  const genesisFile = join(o.dir, 'genesis.json')
  await writeFile(genesisFile, `${JSON.stringify(genesis, null, 2)}\n`)
  const passwordFile = join(o.dir, 'password')
  await writeFile(passwordFile, `${PASSWORD}\n`)

  const nodes: DevnetNode[] = []
  for (let i = 0; i < o.validators + o.fullNodes; i++) {
    const role = i < o.validators ? 'validator' : 'full'
    const datadir = join(o.dir, `node${i}`)
    await mkdir(datadir, { recursive: true })
    const peerId = await peerIdOfKeyFile(join(datadir, 'p2p', 'peer.key'))
    const p2pPort = o.p2pPort(i)
    const args = [
      'start',
      '--datadir',
      datadir,
      '--genesis',
      genesisFile,
      '--rpc.port',
      String(o.rpcPort(i)),
      '--p2p.port',
      String(p2pPort),
      '--p2p.addr',
      '127.0.0.1',
    ]
    let address = ''
    if (role === 'validator') {
      const key = keys[i]!
      address = key.address
      // A cheap scrypt: these are the public dev keys.
      const ks = await createKeystore(join(datadir, 'keystore'), PASSWORD, {
        privateKey: hexToBytes(key.privateKey),
        kdf: { n: 1024 },
      })
      args.push('--validator.keystore', ks.path, '--validator.passwordFile', passwordFile)
      // Staked validators got ETH on the origin for commits; joiners commit once someone funds them.
      if (o.origin && i < (o.genesisValidators ?? o.validators)) args.push('--origin.key', 'validator')
      if (o.origin && o.facilitator && i === 0) {
        const keyFile = join(datadir, 'facilitator.key')
        await writeFile(keyFile, `${devAccounts().at(-1)!.privateKey}\n`, { mode: 0o600 })
        args.push('--facilitator', '--facilitator.key', keyFile)
      }
    }
    nodes.push({
      index: i,
      role,
      address,
      datadir,
      peerId,
      rpcPort: o.rpcPort(i),
      p2pPort,
      multiaddr: `/ip4/127.0.0.1/tcp/${p2pPort}/p2p/${peerId}`,
      args,
    })
  }
  // Every node knows every validator; validators do not list themselves.
  const validatorAddrs = nodes.filter((n) => n.role === 'validator').map((n) => n.multiaddr)
  for (const n of nodes) {
    const boot = validatorAddrs.filter((a) => a !== n.multiaddr)
    if (boot.length > 0) n.args.push('--bootnodes', boot.join(','))
  }
  return { genesisFile, chainId: BigInt(String(genesis.config['chainId'])), nodes }
}
