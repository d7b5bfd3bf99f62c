// Starts real `mosaic-node dev` processes on loopback for end-to-end tests, and small helpers to
// talk to them. Every process started here is SIGKILLed when the test process exits, whatever
// happens in the test, and helper-created data directories are removed by stop()/kill9().
//
// MOSAIC_E2E_TARGET=hardhat runs the same tests against Hardhat's node (1 s interval mining, chain
// id 1515, same mnemonic) to debug the harness itself; tests that exercise mosaic-only behaviour
// check `target` and skip.
import { type ChildProcess, spawn } from 'node:child_process'
import { once } from 'node:events'
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { HDNodeWallet } from 'ethers'
import { assertSpecResult } from './rpcSchema.ts'

export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..')
export const NODE_BIN = join(REPO_ROOT, 'bin', 'mosaic-node.js')

export const DEV_CHAIN_ID = 1515
export const DEV_MNEMONIC = 'test test test test test test test test test test test junk'
/** The 10 funded dev accounts: DEV_MNEMONIC at m/44'/60'/0'/0/i, derived here independently of the node. */
const DEV_WALLETS = Array.from({ length: 10 }, (_, i) =>
  HDNodeWallet.fromPhrase(DEV_MNEMONIC, undefined, `m/44'/60'/0'/0/${i}`),
)
export const DEV_KEYS = DEV_WALLETS.map((w) => w.privateKey as `0x${string}`) as Tuple10<`0x${string}`>
/** Checksummed addresses of DEV_KEYS. */
export const DEV_ADDRESSES = DEV_WALLETS.map((w) => w.address as `0x${string}`) as Tuple10<`0x${string}`>
type Tuple10<T> = [T, T, T, T, T, T, T, T, T, T]

export type Target = 'mosaic' | 'hardhat'
export const target: Target = process.env['MOSAIC_E2E_TARGET'] === 'hardhat' ? 'hardhat' : 'mosaic'

const READY_TIMEOUT_MS = 60_000
const STOP_TIMEOUT_MS = 20_000
const TAIL_BYTES = 16 * 1024

const live = new Set<ChildProcess>()
process.on('exit', () => {
  for (const p of live) {
    try {
      p.kill('SIGKILL')
    } catch {
      // Already gone.
    }
  }
})

/** A port that was free a moment ago: bind port 0, read it, close. */
export async function freePort(): Promise<number> {
  const server = createServer()
  server.listen(0, '127.0.0.1')
  await once(server, 'listening')
  const address = server.address()
  if (address === null || typeof address === 'string') throw new Error('freePort: no port')
  server.close()
  await once(server, 'close')
  return address.port
}

/** Keeps the last few KiB of a stream, so failures can show what the process said. */
class Tail {
  private text = ''
  push(chunk: Buffer | string): void {
    this.text += chunk.toString()
    if (this.text.length > TAIL_BYTES * 2) this.text = this.text.slice(-TAIL_BYTES)
  }
  toString(): string {
    return this.text.slice(-TAIL_BYTES)
  }
}

export interface ExitInfo {
  code: number | null
  signal: NodeJS.Signals | null
}

export interface DevNode {
  url: string
  port: number
  proc: ChildProcess
  /** The data directory passed with --datadir ('' when none was passed). */
  datadir: string
  /** Everything the process has printed on stdout (banner). */
  stdout(): string
  /** The last ~16 KiB of stderr (pino logs). */
  stderrTail(): string
  /** Resolves when the process has exited. */
  exited: Promise<ExitInfo>
  /** SIGTERM, wait for exit (SIGKILL after 20 s), remove a helper-created datadir. */
  stop(): Promise<ExitInfo>
  /** SIGKILL, wait for exit; keeps the datadir unless the helper created it and `removeDatadir` is set. */
  kill9(opts?: { removeDatadir?: boolean }): Promise<ExitInfo>
}

export interface StartOptions {
  /**
   * Use (and keep) this data directory. Without it a fresh temp dir is created and removed on stop;
   * null passes no --datadir at all, so the node picks (and should remove) its own temp dir.
   */
  datadir?: string | null
  /** Extra CLI flags after `dev`. */
  args?: string[]
  /** Extra environment variables. */
  env?: Record<string, string>
  /**
   * Start the dev chain's origin (Hardhat's node, contracts, commits) as `mosaic-node dev` does by
   * default. Off unless asked: most tests are about the aux chain, and a node killed with SIGKILL
   * would leave its Hardhat process behind.
   */
  origin?: boolean
}

/** Starts `mosaic-node dev` on a free port and waits until eth_chainId answers. */
export async function startDevNode(opts: StartOptions = {}): Promise<DevNode> {
  if (target === 'hardhat') return startHardhatNode(opts)
  // The port is free when chosen but may be taken before the node binds it: then try another.
  for (let attempt = 1; ; attempt++) {
    const ownsDatadir = opts.datadir === undefined
    const datadir = opts.datadir === undefined ? mkdtempSync(join(tmpdir(), 'mosaic-e2e-')) : opts.datadir
    const port = await freePort()
    const args = [
      NODE_BIN,
      'dev',
      ...(datadir === null ? [] : ['--datadir', datadir]),
      '--rpc.addr',
      '127.0.0.1',
      '--rpc.port',
      String(port),
      ...(opts.origin ? [] : ['--origin.rpc', 'none']),
      ...(opts.args ?? []),
    ]
    try {
      return await launch(process.execPath, args, {
        cwd: REPO_ROOT,
        datadir: datadir ?? '',
        ownsDatadir,
        port,
        env: opts.env,
        // Some other server could answer on the port; the banner shows the node itself is listening.
        ready: (stdout) => stdout.includes(`127.0.0.1:${port}`),
      })
    } catch (e) {
      if (!(e instanceof PortInUseError) || attempt >= 3) throw e
    }
  }
}

class PortInUseError extends Error {}

/** Starts `mosaic-node start --datadir DIR <args>` on a free port; the caller owns `datadir`. */
export async function startNode(datadir: string, args: string[]): Promise<DevNode> {
  for (let attempt = 1; ; attempt++) {
    const port = await freePort()
    // Any free p2p port, unless the test names one: a fixed default could be taken on the machine.
    const p2p = args.includes('--p2p.port') ? [] : ['--p2p.port', '0']
    const argv = [NODE_BIN, 'start', '--datadir', datadir, '--rpc.port', String(port), ...p2p, ...args]
    try {
      return await launch(process.execPath, argv, { cwd: REPO_ROOT, datadir, ownsDatadir: false, port })
    } catch (e) {
      if (!(e instanceof PortInUseError) || attempt >= 3) throw e
    }
  }
}

/** Starts `mosaic-node <args>` whose RPC port is `port` (args name it); the caller owns the datadir. */
export function startNodeWithArgs(args: string[], port: number, datadir: string): Promise<DevNode> {
  return launch(process.execPath, [NODE_BIN, ...args], { cwd: REPO_ROOT, datadir, ownsDatadir: false, port })
}

interface LaunchOptions {
  cwd: string
  datadir: string
  ownsDatadir: boolean
  port: number
  env?: Record<string, string> | undefined
  /** Extra directories to remove on cleanup. */
  cleanup?: string[]
  /** Besides answering eth_chainId, what stdout must show before the node counts as started. */
  ready?: (stdout: string) => boolean
}

async function launch(cmd: string, args: string[], o: LaunchOptions): Promise<DevNode> {
  const proc = spawn(cmd, args, {
    cwd: o.cwd,
    env: { ...process.env, ...o.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  live.add(proc)
  let stdout = ''
  const stderr = new Tail()
  proc.stdout?.on('data', (d: Buffer) => {
    stdout += d.toString()
  })
  proc.stderr?.on('data', (d: Buffer) => stderr.push(d))
  const exited = new Promise<ExitInfo>((res) => {
    proc.on('exit', (code, signal) => {
      live.delete(proc)
      res({ code, signal })
    })
  })
  let exitInfo: ExitInfo | undefined
  void exited.then((e) => {
    exitInfo = e
  })

  const cleanupDirs = (): void => {
    if (o.ownsDatadir && o.datadir) rmSync(o.datadir, { recursive: true, force: true })
    for (const d of o.cleanup ?? []) rmSync(d, { recursive: true, force: true })
  }
  const kill = async (signal: NodeJS.Signals): Promise<ExitInfo> => {
    if (exitInfo) return exitInfo
    proc.kill(signal)
    if (signal === 'SIGKILL') return exited
    let timer: NodeJS.Timeout | undefined
    const timeout = new Promise<'timeout'>((res) => {
      timer = setTimeout(() => res('timeout'), STOP_TIMEOUT_MS)
    })
    const first = await Promise.race([exited, timeout])
    clearTimeout(timer)
    if (first !== 'timeout') return first
    proc.kill('SIGKILL')
    await exited
    throw new Error(`process did not exit within ${STOP_TIMEOUT_MS} ms of ${signal}; stderr:\n${stderr}`)
  }

  const url = `http://127.0.0.1:${o.port}`
  const node: DevNode = {
    url,
    port: o.port,
    proc,
    datadir: o.datadir,
    stdout: () => stdout,
    stderrTail: () => stderr.toString(),
    exited,
    async stop() {
      try {
        return await kill('SIGTERM')
      } finally {
        cleanupDirs()
      }
    },
    async kill9(k = {}) {
      const info = await kill('SIGKILL')
      if (k.removeDatadir) cleanupDirs()
      return info
    },
  }

  const deadline = Date.now() + READY_TIMEOUT_MS
  for (;;) {
    if (exitInfo) {
      cleanupDirs()
      const msg = `node exited before serving RPC (code ${exitInfo.code}, signal ${exitInfo.signal}); stderr tail:\n${stderr}`
      throw /EADDRINUSE/.test(stderr.toString()) ? new PortInUseError(msg) : new Error(msg)
    }
    try {
      await rpc(url, 'eth_chainId', [], { timeoutMs: 2000 })
      if (!o.ready || o.ready(stdout)) return node
    } catch {
      // Not listening yet.
    }
    if (Date.now() > deadline) {
      await node.kill9()
      cleanupDirs()
      throw new Error(
        `node did not answer eth_chainId within ${READY_TIMEOUT_MS} ms; stderr tail:\n${stderr}`,
      )
    }
    await sleep(250)
  }
}

/** Starts Hardhat's node (same chain id and mnemonic), for side-by-side comparisons. */
export async function startHardhatNode(opts: StartOptions = {}): Promise<DevNode> {
  const dir = mkdtempSync(join(tmpdir(), 'mosaic-e2e-hardhat-'))
  symlinkSync(join(REPO_ROOT, 'node_modules'), join(dir, 'node_modules'))
  writeFileSync(join(dir, 'package.json'), '{"type":"module"}\n')
  writeFileSync(
    join(dir, 'hardhat.config.js'),
    `export default { networks: { node: { type: 'edr-simulated', chainType: 'l1', chainId: ${DEV_CHAIN_ID}, ` +
      `mining: { auto: false, interval: 1000 } } } }\n`,
  )
  const datadir = opts.datadir ?? join(dir, 'data')
  mkdirSync(datadir, { recursive: true })
  const port = await freePort()
  const cli = join(REPO_ROOT, 'node_modules', 'hardhat', 'dist', 'src', 'cli.js')
  return launch(process.execPath, [cli, 'node', '--hostname', '127.0.0.1', '--port', String(port)], {
    cwd: dir,
    datadir,
    ownsDatadir: false,
    port,
    env: opts.env,
    cleanup: [dir],
  })
}

export function sleep(ms: number): Promise<void> {
  return new Promise((res) => setTimeout(res, ms))
}

/** A JSON-RPC error response, as received. */
export class RpcResponseError extends Error {
  readonly code: number
  readonly data: unknown
  constructor(method: string, error: { code: number; message: string; data?: unknown }) {
    super(`${method}: ${error.code} ${error.message}`)
    this.name = 'RpcResponseError'
    this.code = error.code
    this.data = error.data
  }
}

let nextId = 1

/** One JSON-RPC call over HTTP; returns `result` or throws RpcResponseError. */
export async function rpc<T = unknown>(
  url: string,
  method: string,
  params: unknown[] = [],
  opts: { timeoutMs?: number } = {},
): Promise<T> {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ jsonrpc: '2.0', id: nextId++, method, params }),
    signal: AbortSignal.timeout(opts.timeoutMs ?? 30_000),
  })
  const body = (await res.json()) as { result?: T; error?: { code: number; message: string; data?: unknown } }
  if (body.error) throw new RpcResponseError(method, body.error)
  if (!('result' in body)) throw new Error(`${method}: response without result or error (HTTP ${res.status})`)
  // Every result of a spec method is checked against the execution-apis schemas (our node only).
  if (target === 'mosaic') assertSpecResult(method, body.result)
  return body.result as T
}

export interface RawResponse {
  status: number
  /** The parsed JSON body, or undefined when the body is not JSON. */
  json: unknown
  text: string
}

/** POSTs an arbitrary body, for malformed-input tests. */
export async function postRaw(
  url: string,
  body: string | Uint8Array,
  contentType = 'application/json',
): Promise<RawResponse> {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': contentType },
    body,
    signal: AbortSignal.timeout(30_000),
  })
  const text = await res.text()
  let json: unknown
  try {
    json = JSON.parse(text)
  } catch {
    json = undefined
  }
  return { status: res.status, json, text }
}

export async function blockNumber(url: string): Promise<number> {
  return Number(await rpc<string>(url, 'eth_blockNumber'))
}

/**
 * Polls `check` until it returns a value other than undefined/false. The timeout only keeps a broken
 * node from hanging the suite; it is not a performance threshold.
 */
export async function waitFor<T>(
  what: string,
  check: () => Promise<T | undefined | false> | T | undefined | false,
  opts: { timeoutMs?: number; intervalMs?: number } = {},
): Promise<T> {
  const deadline = Date.now() + (opts.timeoutMs ?? 60_000)
  let lastError: unknown
  for (;;) {
    try {
      const v = await check()
      if (v !== undefined && v !== false) return v
    } catch (e) {
      lastError = e
    }
    if (Date.now() > deadline) {
      throw new Error(`timed out waiting for ${what}${lastError ? `: last error ${String(lastError)}` : ''}`)
    }
    await sleep(opts.intervalMs ?? 200)
  }
}

/** Waits until the head is at least `n`. */
export function waitForBlock(url: string, n: number, timeoutMs = 60_000): Promise<number> {
  return waitFor(
    `block ${n}`,
    async () => {
      const head = await blockNumber(url)
      return head >= n ? head : undefined
    },
    { timeoutMs },
  )
}

export interface CliResult {
  code: number | null
  signal: NodeJS.Signals | null
  stdout: string
  stderr: string
}

/** Runs `mosaic-node <args>` to completion (for CLI tests); kills it after `timeoutMs`. */
export async function runCli(
  args: string[],
  opts: { timeoutMs?: number; cwd?: string } = {},
): Promise<CliResult> {
  const proc = spawn(process.execPath, [NODE_BIN, ...args], {
    cwd: opts.cwd ?? REPO_ROOT,
    env: process.env,
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  live.add(proc)
  let stdout = ''
  let stderr = ''
  proc.stdout?.on('data', (d: Buffer) => {
    stdout += d.toString()
  })
  proc.stderr?.on('data', (d: Buffer) => {
    stderr += d.toString()
  })
  const timer = setTimeout(() => proc.kill('SIGKILL'), opts.timeoutMs ?? 60_000)
  const [code, signal] = (await once(proc, 'close')) as [number | null, NodeJS.Signals | null]
  clearTimeout(timer)
  live.delete(proc)
  return { code, signal, stdout, stderr }
}

/** A receipt as the node returns it (hex quantities), for byte-for-byte comparisons. */
export interface RawReceipt {
  transactionHash: string
  transactionIndex: string
  blockHash: string
  blockNumber: string
  from: string
  to: string | null
  status: string
  gasUsed: string
  cumulativeGasUsed: string
  effectiveGasPrice: string
  contractAddress: string | null
  logs: unknown[]
  logsBloom: string
  type: string
  [k: string]: unknown
}

/** Polls eth_getTransactionReceipt until the transaction is mined. */
export function waitForReceipt(url: string, hash: string, timeoutMs = 60_000): Promise<RawReceipt> {
  return waitFor(
    `receipt of ${hash}`,
    async () => (await rpc<RawReceipt | null>(url, 'eth_getTransactionReceipt', [hash])) ?? undefined,
    { timeoutMs },
  )
}
