// Multi-node networks on loopback for the p2p e2e tests: a devnet prepared like `mosaic-node devnet`
// does (node/devnet.ts), each node a real `mosaic-node start` process on free ports.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { DevOrigin } from '../../consensus/index.ts'
import type { GenesisJson } from '../../genesis/index.ts'
import { DEV_CHAIN_ID } from '../../genesis/index.ts'
import { type Devnet, prepareDevnet, startDevnetOrigin } from '../../node/devnet.ts'
import { type DevNode, freePort, rpc, startNodeWithArgs } from './node.ts'

export interface TestNetwork {
  dir: string
  devnet: Devnet
  /** The origin chain, when the network was created with `origin: true`. */
  origin?: DevOrigin
  nodes: (DevNode | undefined)[]
  /** Starts (or restarts) node i. */
  start(i: number): Promise<DevNode>
  node(i: number): DevNode
  stopAll(): Promise<void>
}

export async function createTestNetwork(o: {
  validators: number
  fullNodes?: number
  blockTimeMs: number
  editGenesis?: (g: GenesisJson) => void
  extraArgs?: string[]
  /** Start Hardhat's node as the origin, stake the genesis validators there; validators commit to it. */
  origin?: boolean
  /** Validators the genesis names (the first ones; default all): the others join by depositing. */
  genesisValidators?: number
  /** Origin blocks between leaving and withdrawing. */
  unbondingBlocks?: number
}): Promise<TestNetwork> {
  const dir = mkdtempSync(join(tmpdir(), 'mosaic-e2e-net-'))
  const staked = o.genesisValidators ?? o.validators
  const started = o.origin
    ? await startDevnetOrigin({
        validators: staked,
        chainId: DEV_CHAIN_ID,
        ...(o.unbondingBlocks ? { unbondingBlocks: o.unbondingBlocks } : {}),
      })
    : undefined
  const total = o.validators + (o.fullNodes ?? 0)
  const rpcPorts: number[] = []
  const p2pPorts: number[] = []
  for (let i = 0; i < total; i++) {
    rpcPorts.push(await freePort())
    p2pPorts.push(await freePort())
  }
  const devnet = await prepareDevnet({
    dir,
    validators: o.validators,
    fullNodes: o.fullNodes ?? 0,
    rpcPort: (i) => rpcPorts[i]!,
    p2pPort: (i) => p2pPorts[i]!,
    blockTimeMs: o.blockTimeMs,
    ...(o.editGenesis ? { editGenesis: o.editGenesis } : {}),
    ...(started ? { origin: started.genesis } : {}),
    genesisValidators: staked,
  })
  const nodes: (DevNode | undefined)[] = new Array(total).fill(undefined)
  const net: TestNetwork = {
    dir,
    devnet,
    ...(started ? { origin: started.origin } : {}),
    nodes,
    async start(i) {
      const n = devnet.nodes[i]!
      const node = await startNodeWithArgs(
        [
          ...n.args,
          '--log.level',
          process.env['E2E_LOG'] ?? 'info',
          '--log.format',
          'json',
          ...(o.extraArgs ?? []),
        ],
        n.rpcPort,
        n.datadir,
      )
      nodes[i] = node
      return node
    },
    node(i) {
      const n = nodes[i]
      if (!n) throw new Error(`node ${i} is not running`)
      return n
    },
    async stopAll() {
      await Promise.all(nodes.map((n) => n?.stop().catch(() => {})))
      await started?.origin.stop()
      rmSync(dir, { recursive: true, force: true })
    },
  }
  return net
}

export interface RpcBlock {
  number: string
  hash: string
  parentHash: string
  miner: string
  extraData: string
  timestamp: string
  transactions: unknown[]
}

export function getBlock(url: string, tag: string | number): Promise<RpcBlock | null> {
  const t = typeof tag === 'number' ? `0x${tag.toString(16)}` : tag
  return rpc<RpcBlock | null>(url, 'eth_getBlockByNumber', [t, false])
}

/** Canonical hash of block `n` on the node, or undefined when it has none. */
export async function hashAt(url: string, n: number): Promise<string | undefined> {
  return (await getBlock(url, n))?.hash
}
