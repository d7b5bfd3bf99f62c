// `BENCH_SUITE=rpc npm run bench`: JSON-RPC read throughput and latency of mosaic-node, Hardhat's node
// holding the same state, and a bare fastify handler returning a constant (the HTTP layer's ceiling),
// at 1, 16 and 64 keep-alive clients (autocannon). See bench/README.md.
import { mkdirSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import { join } from 'node:path'
import autocannon from 'autocannon'
import type { SubmitOptions } from './load.ts'
import { type Peer, type PeerName, REPO_ROOT, startBare, startHardhat, startMosaic } from './peers.ts'
import { sleep } from './rpc.ts'
import { setupChain } from './setup.ts'
import { buildPlan, ERC20_AMOUNT, type Plan, SENDER_TOKENS } from './txs.ts'
import { runWorkload } from './workload.ts'

export const RPC_METHODS = ['eth_blockNumber', 'eth_getBalance', 'eth_call', 'eth_getLogs'] as const
type Method = (typeof RPC_METHODS)[number]
type ServerKind = 'mosaic' | 'hardhat' | 'bare'

/** Blocks an eth_getLogs query spans. */
const LOGS_RANGE = 100
const WARMUP_SECONDS = 2

export interface RpcSuiteOptions {
  servers: ServerKind[]
  clients: number[]
  seconds: number
  /** ERC-20 transfers (and so Transfer logs) in the state both nodes hold. */
  transfers: number
  senders: number
  mosaicArgs: string[]
}

interface Row {
  server: PeerName
  method: Method
  clients: number
  requestsPerSecond: number
  p50Ms: number
  p99Ms: number
  /** CPU time of the server's process tree per answered request (all its threads), in µs. */
  cpuUsPerRequest: number
  /** Connection errors and non-2xx answers; a run with any is not a result. */
  errors: number
}

type Bodies = Record<Method, string>

function body(method: Method, params: unknown[]): string {
  return JSON.stringify({ jsonrpc: '2.0', id: 1, method, params })
}

const hex = (n: number) => `0x${n.toString(16)}`

/**
 * Builds the state on a node (token, funded senders, `transfers` ERC-20 transfers, at least
 * LOGS_RANGE blocks from the first transfer on) and returns the request bodies, each checked once.
 */
async function prepare(peer: Peer, plan: Plan, submit: SubmitOptions): Promise<Bodies> {
  const { client } = peer
  await setupChain(peer, plan, submit)
  const workload = plan.workloads[0]
  if (!workload) throw new Error('no workload in the plan')
  const w = await runWorkload(peer, workload, plan.senders, submit)
  const first = w.blocks.find((b) => b.txs > 0)?.number
  if (first === undefined) throw new Error(`${peer.name}: the transfers reached no block`)
  const last = first + LOGS_RANGE - 1
  const headNow = async () => Number(await client.call<string>('eth_blockNumber'))
  let head = await headNow()
  if (peer.name === 'hardhat node' && head < last) {
    await client.call('hardhat_mine', [hex(last - head)])
    head = await headNow()
  }
  for (; head < last; head = await headNow()) {
    console.log(`${peer.name}: waiting for block ${last} (at ${head})`)
    await sleep(Math.min(10_000, (last - head) * 1000))
  }

  const holder = plan.senders[0] as string
  const balanceOf = `0x70a08231${holder.slice(2).toLowerCase().padStart(64, '0')}`
  const bodies: Bodies = {
    eth_blockNumber: body('eth_blockNumber', []),
    eth_getBalance: body('eth_getBalance', [holder, 'latest']),
    eth_call: body('eth_call', [{ to: plan.token, data: balanceOf }, 'latest']),
    eth_getLogs: body('eth_getLogs', [{ fromBlock: hex(first), toBlock: hex(last), address: plan.token }]),
  }
  // Same state on both nodes: the token balance and the logs in the range are the workload's.
  const sentBy = workload.txs.filter((t) => t.from.toLowerCase() === holder.toLowerCase()).length
  const tokens = BigInt(
    await client.call<string>('eth_call', [{ to: plan.token, data: balanceOf }, 'latest']),
  )
  if (tokens !== SENDER_TOKENS - BigInt(sentBy) * ERC20_AMOUNT) {
    throw new Error(`${peer.name}: ${holder} holds ${tokens} tokens, expected after ${sentBy} transfers`)
  }
  const logs = await client.call<unknown[]>('eth_getLogs', [
    { fromBlock: hex(first), toBlock: hex(last), address: plan.token },
  ])
  if (logs.length !== workload.txs.length) {
    throw new Error(
      `${peer.name}: ${logs.length} Transfer logs in the range, expected ${workload.txs.length}`,
    )
  }
  return bodies
}

interface LoadResult {
  requestsPerSecond: number
  requests: number
  p50Ms: number
  p99Ms: number
  errors: number
}

/**
 * `connections` keep-alive clients, each with one request in flight, for `seconds`. Latencies are
 * taken from every response (autocannon's own histogram keeps whole milliseconds only).
 */
async function load(url: string, payload: string, connections: number, seconds: number): Promise<LoadResult> {
  const latencies: number[] = []
  const run = autocannon({
    url,
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: payload,
    connections,
    duration: seconds,
  })
  ;(run as unknown as NodeJS.EventEmitter).on('response', (_client, status: number, _bytes, ms: number) => {
    if (status === 200) latencies.push(ms)
  })
  const r = await run
  latencies.sort((a, b) => a - b)
  const at = (q: number) =>
    round(latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? 0)
  return {
    requestsPerSecond: r.requests.total / r.duration,
    requests: r.requests.total,
    p50Ms: at(0.5),
    p99Ms: at(0.99),
    errors: r.errors + r.non2xx,
  }
}

function round(ms: number): number {
  return ms < 10 ? Math.round(ms * 100) / 100 : Math.round(ms * 10) / 10
}

async function measure(peer: Peer, bodies: Bodies, opts: RpcSuiteOptions): Promise<Row[]> {
  const rows: Row[] = []
  for (const method of RPC_METHODS) {
    await load(peer.url, bodies[method], 16, WARMUP_SECONDS)
    for (const clients of opts.clients) {
      // The server's CPU per request, unlike requests/s, hardly depends on what else the shared
      // machine runs at the time: it compares servers measured minutes apart.
      const cpu0 = peer.cpuSeconds()
      const { requests, ...r } = await load(peer.url, bodies[method], clients, opts.seconds)
      const cpuUsPerRequest = requests > 0 ? Math.round(((peer.cpuSeconds() - cpu0) * 1e6) / requests) : 0
      const row: Row = { server: peer.name, method, clients, ...r, cpuUsPerRequest }
      rows.push(row)
      console.log(
        `${peer.name} ${method} x${clients}: ${Math.round(row.requestsPerSecond)} req/s, ` +
          `p50 ${row.p50Ms} ms, p99 ${row.p99Ms} ms, ${cpuUsPerRequest} µs CPU/request` +
          `${row.errors ? `, ${row.errors} errors` : ''}`,
      )
    }
  }
  return rows
}

function table(rows: Row[], opts: RpcSuiteOptions): string {
  const names: PeerName[] = [...new Set(rows.map((r) => r.server))]
  const find = (s: PeerName, m: Method, c: number) =>
    rows.find((r) => r.server === s && r.method === m && r.clients === c)
  const cell = (r: Row | undefined) =>
    r ? `${Math.round(r.requestsPerSecond).toLocaleString('en-US')} | ${r.p50Ms} | ${r.p99Ms}` : '— | — | —'
  const ratio = (a: Row | undefined, b: Row | undefined) =>
    a && b ? `${(a.requestsPerSecond / b.requestsPerSecond).toFixed(2)}x` : '—'
  const header = ['method', 'clients', ...names.map((n) => `${n} req/s | p50 ms | p99 ms`)]
  const hasMosaic = names.includes('mosaic-node')
  if (hasMosaic && names.includes('hardhat node')) header.push('mosaic / hardhat')
  if (hasMosaic && names.includes('bare fastify')) header.push('mosaic / bare')
  const lines = [`| ${header.join(' | ')} |`, `|${' --- |'.repeat(header.join(' | ').split(' | ').length)}`]
  for (const m of RPC_METHODS) {
    for (const c of opts.clients) {
      const mosaic = find('mosaic-node', m, c)
      const cells = [m, String(c), ...names.map((n) => cell(find(n, m, c)))]
      if (hasMosaic && names.includes('hardhat node')) cells.push(ratio(mosaic, find('hardhat node', m, c)))
      if (hasMosaic && names.includes('bare fastify')) cells.push(ratio(mosaic, find('bare fastify', m, c)))
      lines.push(`| ${cells.join(' | ')} |`)
    }
  }
  const cpuHeader = ['method', 'clients', ...names.map((n) => `${n} µs CPU/request`)]
  if (hasMosaic && names.includes('hardhat node')) cpuHeader.push('CPU: hardhat / mosaic')
  lines.push('', `| ${cpuHeader.join(' | ')} |`, `|${' --- |'.repeat(cpuHeader.length)}`)
  for (const m of RPC_METHODS) {
    for (const c of opts.clients) {
      const cells = [m, String(c), ...names.map((n) => String(find(n, m, c)?.cpuUsPerRequest ?? '—'))]
      const mosaic = find('mosaic-node', m, c)
      const hardhat = find('hardhat node', m, c)
      if (hasMosaic && names.includes('hardhat node')) {
        cells.push(
          mosaic && hardhat ? `${(hardhat.cpuUsPerRequest / mosaic.cpuUsPerRequest).toFixed(2)}x` : '—',
        )
      }
      lines.push(`| ${cells.join(' | ')} |`)
    }
  }
  return lines.join('\n')
}

export async function runRpcSuite(opts: RpcSuiteOptions, submit: SubmitOptions): Promise<boolean> {
  const plan = buildPlan(opts.transfers, opts.senders, ['erc20'])
  const rows: Row[] = []
  const failures: string[] = []
  let bodies: Bodies | undefined
  for (const kind of opts.servers) {
    const peer =
      kind === 'mosaic'
        ? await startMosaic(opts.mosaicArgs)
        : kind === 'hardhat'
          ? await startHardhat()
          : await startBare()
    console.log(`${peer.name}: started, pid ${peer.pid}, ${peer.url}`)
    try {
      // The bare server ignores what it is sent: it gets the nodes' requests.
      const own =
        kind === 'bare' ? (bodies ?? (await placeholderBodies())) : await prepare(peer, plan, submit)
      if (kind !== 'bare') bodies = own
      rows.push(...(await measure(peer, own, opts)))
    } catch (e) {
      failures.push(`${peer.name}: ${(e as Error).message}`)
      console.error(`${peer.name}: FAILED: ${(e as Error).message}`)
    } finally {
      await peer.stop()
    }
  }

  const date = new Date().toISOString()
  const resultsDir = join(REPO_ROOT, 'bench', 'results')
  mkdirSync(resultsDir, { recursive: true })
  const file = join(resultsDir, `rpc-${date.replace(/[:.]/g, '-')}.json`)
  writeFileSync(
    file,
    `${JSON.stringify({ date, cores: os.cpus().length, options: opts, rows, failures }, null, 2)}\n`,
  )
  console.log(
    `\n${opts.seconds} s per row after a ${WARMUP_SECONDS} s warm-up, keep-alive HTTP (autocannon), ` +
      `${opts.transfers} Transfer logs in the ${LOGS_RANGE}-block eth_getLogs range, ${os.cpus().length} cores\n`,
  )
  console.log(table(rows, opts))
  const erroneous = rows.filter((r) => r.errors > 0)
  for (const r of erroneous) console.log(`WARNING: ${r.server} ${r.method} x${r.clients}: ${r.errors} errors`)
  for (const f of failures) console.log(`FAILED: ${f}`)
  console.log(`results: ${file}`)
  return failures.length === 0 && erroneous.length === 0
}

/** Request bodies for the bare server when no node ran first (its answers do not depend on them). */
async function placeholderBodies(): Promise<Bodies> {
  const b = body('eth_blockNumber', [])
  return { eth_blockNumber: b, eth_getBalance: b, eth_call: b, eth_getLogs: b }
}
