// `BENCH_SUITE=finality npm run bench`: how long until a transaction is final, and what finality costs
// on the origin chain (issue 5, "Benchmark").
// 1. Submission (eth_sendRawTransaction on node 1) -> node 1's `finalized` block holds the transaction,
//    on real validator networks of 4 and 16 processes (test/helpers/network.ts, as `mosaic-node devnet`),
//    and on Hardhat's node fed the same pre-signed transactions.
// 2. Gas of Core.commitMetaBlock on a real Hardhat origin for 4-128 validators (bench/commitGas.ts).
// See bench/README.md.
import { execFileSync } from 'node:child_process'
import { mkdirSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import { join } from 'node:path'
import { splitExtra } from '../consensus/index.ts'
import { createTestNetwork, type TestNetwork } from '../test/helpers/network.ts'
import { type CommitGasRow, measureCommitGas } from './commitGas.ts'
import { type LatencyRun, measureFinality, percentile, signTransfers } from './finalityLatency.ts'
import { type Peer, REPO_ROOT, startHardhat, startMosaicNode } from './peers.ts'
import { machineBusySeconds, treeCpuSeconds } from './proc.ts'
import { type RpcClient, sleep } from './rpc.ts'

export interface FinalitySuiteOptions {
  /** Validator counts of the networks measured, in order. */
  validators: number[]
  /** Block time of each network (one per count). */
  blockMs: number[]
  /** Transactions per network. */
  txs: number
  /** Spacing between submissions, in block times: not a whole number, so every slot phase is sampled. */
  spacingBlocks: number
  pollMs: number
  hardhat: boolean
  /** Validator counts of the commit-gas table; empty to skip it. */
  gasValidators: number[]
}

interface NetworkResult {
  node: string
  validators?: number
  blockMs: number
  startSeconds?: number
  run?: LatencyRun
  /** Slots of the measured stretch of chain, and how many of them have no block. */
  slots?: { total: number; empty: number }
  /** CPU over the measured stretch, in cores: this benchmark's process tree (nodes and client), the rest. */
  cpu?: { own: number; other: number }
  error?: string
}

/** Nodes start in groups: all at once on 2 cores makes some miss their start-up deadline. */
const START_GROUP = 4
/** The network counts as settled when `finalized` is this close to the head... */
const SETTLED_LAG_BLOCKS = 3
/** ...within this many block times of the last node's start. */
const SETTLE_BLOCKS = 60
const CHAIN_ID = 1515

/** Share of a core other processes may use during a measurement before it is flagged. */
const OTHER_CPU_WARNING = 0.15

/** Starts a CPU window; the returned function ends it. */
function cpuWindow(): () => { own: number; other: number } {
  const t0 = performance.now()
  const machine0 = machineBusySeconds()
  const own0 = treeCpuSeconds(process.pid)
  return () => {
    const seconds = (performance.now() - t0) / 1000
    const own = treeCpuSeconds(process.pid) - own0
    const other = Math.max(0, machineBusySeconds() - machine0 - own)
    return { own: +(own / seconds).toFixed(2), other: +(other / seconds).toFixed(2) }
  }
}

/** Starting a node can take a minute on a busy machine: 2 cores shared by 16 nodes and other work. */
const NODE_READY_MS = 240_000

interface Network {
  net: TestNetwork
  /** Node 1, where transactions go and finality is read. */
  first: Peer
  stop(): Promise<void>
}

async function startNetwork(validators: number, blockMs: number): Promise<Network> {
  const net = await createTestNetwork({ validators, blockTimeMs: blockMs })
  const peers: Peer[] = []
  let first: Peer | undefined
  const stop = async () => {
    await Promise.all(peers.map((p) => p.stop()))
    await net.stopAll()
  }
  try {
    const nodes = net.devnet.nodes
    for (let i = 0; i < nodes.length; i += START_GROUP) {
      const group = nodes.slice(i, i + START_GROUP)
      const args = (n: (typeof nodes)[number]) => [...n.args, '--log.level', 'warn', '--log.format', 'json']
      // Each started node is kept at once, so a failed start of its neighbour still stops it.
      const started = await Promise.allSettled(
        group.map(async (n) => {
          const peer = await startMosaicNode(args(n), n.rpcPort, NODE_READY_MS)
          peers.push(peer)
          if (n.index === 0) first = peer
        }),
      )
      const failed = started.find((r) => r.status === 'rejected')
      if (failed) throw failed.reason
    }
    if (!first) throw new Error('node 1 did not start')
    const client = first.client
    const deadline = Date.now() + SETTLE_BLOCKS * blockMs
    for (;;) {
      const [head, fin] = await client.batchResults<unknown>([
        { method: 'eth_blockNumber', params: [] },
        { method: 'eth_getBlockByNumber', params: ['finalized', false] },
      ])
      const lag = Number(head as string) - Number((fin as { number: string }).number)
      if (Number((fin as { number: string }).number) > 0 && lag <= SETTLED_LAG_BLOCKS)
        return { net, first, stop }
      if (Date.now() > deadline)
        throw new Error(`finality did not settle within ${SETTLE_BLOCKS} blocks of the start (lag ${lag})`)
      await sleep(blockMs / 2)
    }
  } catch (e) {
    await stop()
    throw e
  }
}

/** Slots from the block before the first transaction's to the last finalising one, and the empty ones. */
async function slotStats(client: RpcClient, run: LatencyRun): Promise<{ total: number; empty: number }> {
  const from = Math.max(1, Math.min(...run.txs.map((t) => t.block)) - 1)
  const to = Math.max(...run.txs.map((t) => t.finalizedAtFinal))
  const blocks = await client.batchResults<{ extraData: string }>(
    Array.from({ length: to - from + 1 }, (_, i) => ({
      method: 'eth_getBlockByNumber',
      params: [`0x${(from + i).toString(16)}`, false],
    })),
  )
  const slotOf = (b: { extraData: string }) =>
    Number(splitExtra(Buffer.from(b.extraData.slice(2), 'hex')).payload.slot)
  const total = slotOf(blocks.at(-1)!) - slotOf(blocks[0]!) + 1
  return { total, empty: total - blocks.length }
}

async function benchNetwork(validators: number, blockMs: number, raws: string[], o: FinalitySuiteOptions) {
  const result: NetworkResult = {
    node: `mosaic-node, ${validators} validators`,
    validators,
    blockMs,
  }
  const t0 = performance.now()
  let net: Network | undefined
  try {
    net = await startNetwork(validators, blockMs)
    result.startSeconds = (performance.now() - t0) / 1000
    console.log(`${result.node}: started and finalising after ${result.startSeconds.toFixed(0)} s`)
    const client = net.first.client
    const cpu = cpuWindow()
    result.run = await measureFinality(client, raws, {
      spacingMs: o.spacingBlocks * blockMs,
      pollMs: o.pollMs,
      timeoutMs: 30 * blockMs,
    })
    result.cpu = cpu()
    result.slots = await slotStats(client, result.run)
  } catch (e) {
    result.error = (e as Error).message
    console.error(`${result.node}: FAILED: ${result.error}`)
  } finally {
    await net?.stop()
  }
  return result
}

async function benchHardhat(raws: string[], o: FinalitySuiteOptions): Promise<NetworkResult> {
  const blockMs = 1000 // bench/hardhat/hardhat.config.ts: interval mining
  const result: NetworkResult = { node: 'hardhat node', blockMs }
  const peer = await startHardhat()
  try {
    const cpu = cpuWindow()
    result.run = await measureFinality(peer.client, raws, {
      spacingMs: o.spacingBlocks * blockMs,
      pollMs: o.pollMs,
      timeoutMs: 30 * blockMs,
    })
    result.cpu = cpu()
  } catch (e) {
    result.error = (e as Error).message
    console.error(`${result.node}: FAILED: ${result.error}`)
  } finally {
    await peer.stop()
  }
  return result
}

const ms = (x: number): string => Math.round(x).toLocaleString('en-US')
const blocks = (x: number, blockMs: number): string => (x / blockMs).toFixed(2)

function latencyTable(results: NetworkResult[]): string {
  const header = [
    'node',
    'block time',
    'txs',
    'included p50 / p99 ms',
    'finalized p50 / p99 ms',
    'finalized p50 / p99 in block times',
    'max',
    'head - finalized (p50 / max blocks)',
    'empty slots',
    'reorged before finality',
    'CPU: ours / other (cores)',
  ]
  const rows = results.map((r) => {
    if (!r.run) return [`${r.node} (failed)`, `${r.blockMs / 1000} s`, ...header.slice(2).map(() => '—')]
    const fin = r.run.txs.map((t) => t.finalizedMs)
    const inc = r.run.txs.map((t) => t.includedMs)
    return [
      r.node,
      `${r.blockMs / 1000} s`,
      String(r.run.txs.length),
      `${ms(percentile(inc, 50))} / ${ms(percentile(inc, 99))}`,
      `${ms(percentile(fin, 50))} / ${ms(percentile(fin, 99))}`,
      `${blocks(percentile(fin, 50), r.blockMs)} / ${blocks(percentile(fin, 99), r.blockMs)}`,
      blocks(Math.max(...fin), r.blockMs),
      `${percentile(r.run.lagBlocks, 50)} / ${Math.max(...r.run.lagBlocks)}`,
      r.slots ? `${r.slots.empty} of ${r.slots.total}` : '—',
      String(r.run.txs.filter((t) => t.movedBeforeFinality).length),
      r.cpu ? `${r.cpu.own} / ${r.cpu.other}` : '—',
    ]
  })
  return markdown(header, rows)
}

function gasTable(rows: CommitGasRow[]): string {
  const int = (x: number) => x.toLocaleString('en-US')
  return markdown(
    [
      'validators',
      'first commit (⌈2/3⌉)',
      '⌈2/3⌉ signing',
      'all signing',
      'gas per extra signer',
      'header bytes',
    ],
    rows.map((r) => [
      String(r.validators),
      int(r.firstCommitGas),
      `${int(r.twoThirdsGas)} (${r.supermajority})`,
      int(r.allGas),
      r.validators > r.supermajority
        ? int(Math.round((r.allGas - r.twoThirdsGas) / (r.validators - r.supermajority)))
        : '—',
      `${r.headerBytes.twoThirds} / ${r.headerBytes.all}`,
    ]),
  )
}

function markdown(header: string[], rows: string[][]): string {
  const line = (cells: string[]) => `| ${cells.join(' | ')} |`
  return [line(header), line(header.map((_, i) => (i === 0 ? '---' : '---:'))), ...rows.map(line)].join('\n')
}

function git(args: string[]): string {
  try {
    return execFileSync('git', args, { cwd: REPO_ROOT, encoding: 'utf8' }).trim()
  } catch {
    return 'unknown'
  }
}

export async function runFinalitySuite(o: FinalitySuiteOptions): Promise<boolean> {
  const started = performance.now()
  const raws = await signTransfers(o.txs, CHAIN_ID)
  const results: NetworkResult[] = []
  for (const [i, n] of o.validators.entries()) {
    results.push(await benchNetwork(n, o.blockMs[i] ?? o.blockMs[0]!, raws, o))
  }
  if (o.hardhat) results.push(await benchHardhat(raws, o))

  let gas: CommitGasRow[] = []
  let gasError: string | undefined
  if (o.gasValidators.length > 0) {
    try {
      gas = await measureCommitGas(o.gasValidators)
    } catch (e) {
      gasError = (e as Error).message
      console.error(`commit gas: FAILED: ${gasError}`)
    }
  }

  const date = new Date().toISOString()
  const dir = join(REPO_ROOT, 'bench', 'results')
  mkdirSync(dir, { recursive: true })
  const file = join(dir, `finality-${date.replace(/[:.]/g, '-')}.json`)
  const record = {
    date,
    cores: os.cpus().length,
    mosaicCommit: git(['rev-parse', '--short', 'HEAD']),
    mosaicDirty: git(['status', '--porcelain']) !== '',
    options: o,
    seconds: Math.round((performance.now() - started) / 1000),
    latency: results,
    commitGas: gas,
    ...(gasError ? { commitGasError: gasError } : {}),
  }
  writeFileSync(file, `${JSON.stringify(record, null, 2)}\n`)

  console.log(
    `\nSubmission (eth_sendRawTransaction on node 1) -> node 1's \`finalized\` block holds the transaction; ` +
      `${o.txs} transfers one every ${o.spacingBlocks} block times, polled every ${o.pollMs} ms, ` +
      `${os.cpus().length} cores. Hardhat's \`finalized\` is its latest block (a dev chain: no finality).\n`,
  )
  console.log(latencyTable(results))
  if (gas.length > 0) {
    console.log(
      "\nCore.commitMetaBlock gas on Hardhat's node (equal stakes; the header's certificate is signed by the same signers)\n",
    )
    console.log(gasTable(gas))
  }
  const failures: string[] = []
  for (const r of results) {
    if (r.error) failures.push(`${r.node}: ${r.error}`)
    for (const p of r.run?.problems ?? []) failures.push(`${r.node}: ${p}`)
    if (r.cpu && r.cpu.other > OTHER_CPU_WARNING)
      console.log(
        `WARNING: ${r.node}: other processes used ${Math.round(100 * r.cpu.other)}% of a core ` +
          'during the measurement; its numbers are not comparable',
      )
  }
  if (gasError) failures.push(`commit gas: ${gasError}`)
  for (const f of failures) console.log(`FAILED: ${f}`)
  console.log(`results: ${file} (${record.seconds} s)`)
  return failures.length === 0
}
