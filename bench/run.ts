// `npm run bench`: block-production throughput of mosaic-node next to Hardhat's node, fed the same
// pre-signed native and ERC-20 transfers through eth_sendRawTransaction. Each node gets a fresh chain.
// `BENCH_SUITE=rpc npm run bench`: JSON-RPC read throughput and latency instead (bench/rpcSuite.ts).
// `BENCH_SUITE=finality npm run bench`: time to `finalized` and origin commit gas (bench/finality.mts).
// `BENCH_SUITE=bridge npm run bench`: deposit / withdraw latency and gas per step (bench/bridge.ts).
// See bench/README.md.
import { execFileSync } from 'node:child_process'
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import { join } from 'node:path'
import { runBridgeSuite } from './bridge.ts'
import { runFinalitySuite } from './finality.mts'
import type { SubmitOptions } from './load.ts'
import { readNodeLogs } from './nodeLogs.ts'
import { type Peer, REPO_ROOT, startHardhat, startMosaic } from './peers.ts'
import { runRpcSuite } from './rpcSuite.ts'
import { setupChain } from './setup.ts'
import { detailTable, type NodeResult, summaryTable } from './table.ts'
import { buildPlan, type Plan, type WorkloadName } from './txs.ts'
import { runWorkload, type WorkloadResult } from './workload.ts'

type NodeKind = 'mosaic' | 'hardhat'

const RESULTS_DIR = join(REPO_ROOT, 'bench', 'results')
/** Share of one core that other processes may use during a run before the run is flagged. */
const OTHER_CPU_WARNING = 0.15

interface Options {
  /** Transactions per workload. */
  txs: number
  senders: number
  submit: SubmitOptions
  nodes: NodeKind[]
  workloads: WorkloadName[]
  /** Extra `mosaic-node dev` flags. */
  mosaicArgs: string[]
}

function envInt(name: string, fallback: number): number {
  const raw = process.env[name]
  if (raw === undefined || raw === '') return fallback
  const n = Number(raw.replaceAll('_', ''))
  if (!Number.isSafeInteger(n) || n <= 0) throw new Error(`${name}: expected a positive integer, got ${raw}`)
  return n
}

function readOptions(): Options {
  const nodes = (process.env['BENCH_NODES'] ?? 'mosaic,hardhat').split(',').map((s) => s.trim())
  for (const n of nodes) {
    if (n !== 'mosaic' && n !== 'hardhat') throw new Error(`BENCH_NODES: unknown node ${n} (mosaic, hardhat)`)
  }
  const workloads = (process.env['BENCH_WORKLOADS'] ?? 'native,erc20').split(',').map((s) => s.trim())
  for (const w of workloads) {
    if (w !== 'native' && w !== 'erc20')
      throw new Error(`BENCH_WORKLOADS: unknown workload ${w} (native, erc20)`)
  }
  return {
    txs: envInt('BENCH_TXS', 20_000),
    senders: envInt('BENCH_SENDERS', 200),
    submit: { concurrency: envInt('BENCH_CLIENTS', 16), batchSize: envInt('BENCH_BATCH', 50) },
    nodes: nodes as NodeKind[],
    workloads: workloads as WorkloadName[],
    mosaicArgs: (process.env['BENCH_MOSAIC_ARGS'] ?? '').split(/\s+/).filter(Boolean),
  }
}

/** Producer time of the blocks that carried the workload, from mosaic-node's logs. */
function buildTimes(
  sealedMs: Map<number, number>,
  w: WorkloadResult,
): { avg: number; max: number } | undefined {
  const ms = w.blocks.filter((b) => b.txs > 0).flatMap((b) => sealedMs.get(b.number) ?? [])
  if (ms.length === 0) return undefined
  return { avg: ms.reduce((a, b) => a + b, 0) / ms.length, max: Math.max(...ms) }
}

async function benchNode(kind: NodeKind, plan: Plan, opts: Options): Promise<NodeResult> {
  const peer: Peer = kind === 'mosaic' ? await startMosaic(opts.mosaicArgs) : await startHardhat()
  console.log(`${peer.name}: started, pid ${peer.pid}, ${peer.url}`)
  const result: NodeResult = { node: peer.name, setupSeconds: 0, workloads: [], buildMs: {}, problems: [] }
  try {
    result.setupSeconds = await setupChain(peer, plan, opts.submit)
    console.log(`${peer.name}: setup done in ${result.setupSeconds.toFixed(1)} s`)
    for (const workload of plan.workloads) {
      const w = await runWorkload(peer, workload, plan.senders, opts.submit)
      result.workloads.push(w)
      console.log(
        `${peer.name} ${w.workload}: ${w.txs} txs in ${w.seconds.toFixed(1)} s = ${Math.round(w.txPerSecond)} tx/s, ` +
          `${w.blocksUsed} blocks, all accepted after ${w.submitSeconds.toFixed(1)} s`,
      )
    }
  } catch (e) {
    result.error = (e as Error).message
    console.error(`${peer.name}: FAILED: ${result.error}`)
  } finally {
    if (kind === 'mosaic') {
      const logs = readNodeLogs(peer.logLines())
      for (const w of result.workloads) result.buildMs[w.workload] = buildTimes(logs.sealedMs, w)
      result.problems = logs.problems
      if (process.env['BENCH_NODE_LOG']) {
        const file = join(RESULTS_DIR, `mosaic-node-${new Date().toISOString().replace(/[:.]/g, '-')}.log`)
        mkdirSync(RESULTS_DIR, { recursive: true })
        writeFileSync(file, `${peer.logLines().join('\n')}\n`)
        console.log(`${peer.name}: log written to ${file}`)
      }
    }
    await peer.stop()
  }
  return result
}

function git(args: string[]): string {
  try {
    return execFileSync('git', args, { cwd: REPO_ROOT, encoding: 'utf8' }).trim()
  } catch {
    return 'unknown'
  }
}

function version(pkg: string): string {
  const json = readFileSync(join(REPO_ROOT, 'node_modules', pkg, 'package.json'), 'utf8')
  return (JSON.parse(json) as { version: string }).version
}

function list(name: string, fallback: string, allowed: readonly string[]): string[] {
  const items = (process.env[name] ?? fallback).split(',').map((s) => s.trim())
  for (const i of items)
    if (!allowed.includes(i)) throw new Error(`${name}: unknown ${i} (${allowed.join(', ')})`)
  return items
}

async function rpcSuite(): Promise<void> {
  const servers = list('BENCH_RPC_SERVERS', 'mosaic,hardhat,bare', ['mosaic', 'hardhat', 'bare'])
  const clients = list('BENCH_RPC_CLIENTS', '1,16,64', ['1', '4', '8', '16', '32', '64', '128', '256'])
  const ok = await runRpcSuite(
    {
      servers: servers as ('mosaic' | 'hardhat' | 'bare')[],
      clients: clients.map(Number),
      seconds: envInt('BENCH_RPC_SECONDS', 5),
      transfers: envInt('BENCH_RPC_TRANSFERS', 200),
      senders: envInt('BENCH_SENDERS', 20),
      mosaicArgs: (process.env['BENCH_MOSAIC_ARGS'] ?? '').split(/\s+/).filter(Boolean),
    },
    { concurrency: envInt('BENCH_CLIENTS', 16), batchSize: envInt('BENCH_BATCH', 50) },
  )
  if (!ok) process.exitCode = 1
}

function ints(name: string, fallback: string): number[] {
  const raw = process.env[name] ?? fallback
  if (raw.trim() === '') return []
  return raw.split(',').map((s) => {
    const n = Number(s.trim())
    if (!Number.isSafeInteger(n) || n <= 0) throw new Error(`${name}: expected positive integers, got ${raw}`)
    return n
  })
}

async function finalitySuite(): Promise<void> {
  const validators = ints('BENCH_FINALITY_VALIDATORS', '4,16')
  // 16 node processes on 2 cores do not keep 1 s slots (bench/README.md).
  const blockMs = process.env['BENCH_FINALITY_BLOCK_MS']
    ? ints('BENCH_FINALITY_BLOCK_MS', '')
    : validators.map((n) => (n > 8 ? 2000 : 1000))
  if (validators.length > 0 && blockMs.length !== 1 && blockMs.length !== validators.length)
    throw new Error('BENCH_FINALITY_BLOCK_MS: one block time, or one per BENCH_FINALITY_VALIDATORS entry')
  const ok = await runFinalitySuite({
    validators,
    blockMs,
    txs: envInt('BENCH_TXS', 50),
    spacingBlocks: 0.73,
    pollMs: 10,
    hardhat: list('BENCH_FINALITY_HARDHAT', 'yes', ['yes', 'no'])[0] === 'yes',
    gasValidators: ints('BENCH_FINALITY_GAS_VALIDATORS', '4,16,64,128'),
  })
  if (!ok) process.exitCode = 1
}

async function main(): Promise<void> {
  const major = Number(process.versions.node.split('.')[0])
  if (major < 22)
    throw new Error(`Node ${process.version}: run the benchmark with \`npm run bench\` (Node 24)`)
  const suite = process.env['BENCH_SUITE'] ?? 'throughput'
  if (suite === 'rpc') return rpcSuite()
  if (suite === 'finality') return finalitySuite()
  if (suite === 'bridge') {
    const ok = await runBridgeSuite({
      runs: envInt('BENCH_BRIDGE_RUNS', 5),
      commitEvery: envInt('BENCH_BRIDGE_COMMIT_EVERY', 1),
    })
    if (!ok) process.exitCode = 1
    return
  }
  if (suite !== 'throughput')
    throw new Error(`BENCH_SUITE: unknown suite ${suite} (throughput, rpc, finality, bridge)`)
  const opts = readOptions()

  const signStart = performance.now()
  const plan = buildPlan(opts.txs, opts.senders, opts.workloads)
  const signed = plan.setup.flat().length + plan.workloads.reduce((a, w) => a + w.txs.length, 0)
  const signSeconds = (performance.now() - signStart) / 1000
  console.log(`signed ${signed} transactions (${opts.senders} senders) in ${signSeconds.toFixed(1)} s`)

  const results: NodeResult[] = []
  for (const kind of opts.nodes) results.push(await benchNode(kind, plan, opts))

  const cpus = os.cpus()
  const record = {
    date: new Date().toISOString(),
    machine: {
      cpus: cpus.length,
      cpuModel: cpus[0]?.model ?? 'unknown',
      memoryGiB: Math.round(os.totalmem() / 2 ** 30),
      platform: `${os.platform()} ${os.release()}`,
    },
    node: process.version,
    mosaicCommit: git(['rev-parse', '--short', 'HEAD']),
    mosaicDirty: git(['status', '--porcelain']) !== '',
    hardhat: version('hardhat'),
    edr: version('@nomicfoundation/edr'),
    options: { ...opts, submit: { concurrency: opts.submit.concurrency, batchSize: opts.submit.batchSize } },
    results,
  }
  mkdirSync(RESULTS_DIR, { recursive: true })
  const file = join(RESULTS_DIR, `throughput-${record.date.replace(/[:.]/g, '-')}.json`)
  writeFileSync(file, `${JSON.stringify(record, null, 2)}\n`)

  console.log(
    `\n${opts.txs} transactions per workload, ${opts.senders} senders, ${opts.submit.concurrency} clients, ` +
      `batches of ${opts.submit.batchSize}, 1 s blocks, 100M gas limit, ${cpus.length} cores\n`,
  )
  console.log(summaryTable(results))
  console.log(`\n${detailTable(results)}\n`)
  for (const r of results) {
    if (r.error) console.log(`${r.node} FAILED: ${r.error}`)
    if (r.problems.length > 0) {
      console.log(
        `${r.node} logged ${r.problems.length} warnings/errors, first: ${r.problems.slice(0, 5).join(' | ')}`,
      )
    }
    for (const w of r.workloads) {
      if (Object.keys(w.retried).length > 0) {
        console.log(`${r.node} ${w.workload} rejections retried: ${JSON.stringify(w.retried)}`)
      }
      if (Object.keys(w.failed).length > 0) {
        console.log(`${r.node} ${w.workload} rejections final: ${JSON.stringify(w.failed)}`)
      }
      for (const s of w.stalls) console.log(s)
      if (w.cpu.other > OTHER_CPU_WARNING * w.seconds) {
        console.log(
          `WARNING: ${r.node} ${w.workload}: other processes used ${Math.round((100 * w.cpu.other) / w.seconds)}% ` +
            'of a core during the run; its numbers are not comparable',
        )
      }
    }
  }
  console.log(`results: ${file}`)
  if (results.some((r) => r.error)) process.exitCode = 1
}

await main()
