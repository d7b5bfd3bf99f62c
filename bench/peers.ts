// Starts the nodes under test as real processes, each in its own process group on a free loopback port:
// `mosaic-node dev` and Hardhat 3's `hardhat node`. Every group still alive when the benchmark exits (or
// is interrupted) is SIGKILLed and its temporary directories removed.
import { spawn } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { freePort } from '../test/helpers/node.ts'
import { treeCpuSeconds, treeRssBytes } from './proc.ts'
import { RpcClient, sleep } from './rpc.ts'

export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..')

export type PeerName = 'mosaic-node' | 'hardhat node' | 'bare fastify'

export interface Peer {
  name: PeerName
  url: string
  client: RpcClient
  pid: number
  /** Resident memory of the process and its descendants, bytes (0 once it has exited). */
  rssBytes(): number
  /** CPU time the process and its descendants have used, seconds. */
  cpuSeconds(): number
  /** Lines the peer wrote on stdout and stderr (mosaic-node only; empty for Hardhat). */
  logLines(): string[]
  /** The last few KiB of output, for error messages. */
  outputTail(): string
  exited(): boolean
  /** SIGTERM to the process group, SIGKILL after 20 s; removes the peer's temporary directories. */
  stop(): Promise<void>
}

const READY_TIMEOUT_MS = 90_000
const STOP_TIMEOUT_MS = 20_000
const TAIL_CHARS = 16 * 1024
/** Log lines kept for analysis (mosaic-node logs one line per sealed block). */
const MAX_LOG_LINES = 200_000

interface Live {
  pgid: number
  dirs: string[]
}
const live = new Set<Live>()

function killAllNow(): void {
  for (const l of live) {
    try {
      process.kill(-l.pgid, 'SIGKILL')
    } catch {
      // Already gone.
    }
    for (const d of l.dirs) rmSync(d, { recursive: true, force: true })
  }
  live.clear()
}

process.on('exit', killAllNow)
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    killAllNow()
    process.exit(130)
  })
}

export async function startMosaic(extraArgs: string[]): Promise<Peer> {
  const datadir = mkdtempSync(join(tmpdir(), 'mosaic-bench-node-'))
  const port = await freePort()
  const args = [
    // Node flags for the node process, e.g. BENCH_MOSAIC_NODE_FLAGS='--cpu-prof' to profile it.
    ...(process.env['BENCH_MOSAIC_NODE_FLAGS'] ?? '').split(/\s+/).filter(Boolean),
    join(REPO_ROOT, 'bin', 'mosaic-node.js'),
    'dev',
    '--datadir',
    datadir,
    '--rpc.addr',
    '127.0.0.1',
    '--rpc.port',
    String(port),
    '--dev.blockTime',
    '1',
    '--dev.chainId',
    '1515',
    // The aux chain alone, like the Hardhat node it is compared with: a second Hardhat process as the
    // origin would take CPU from both peers. Finality (votes, certificates) still runs.
    '--origin.rpc',
    'none',
    ...extraArgs,
  ]
  return launch('mosaic-node', args, port, {}, [datadir], true)
}

export async function startHardhat(): Promise<Peer> {
  const scratch = mkdtempSync(join(tmpdir(), 'mosaic-bench-hardhat-'))
  const port = await freePort()
  const cli = join(REPO_ROOT, 'node_modules', 'hardhat', 'dist', 'src', 'cli.js')
  const config = join(REPO_ROOT, 'bench', 'hardhat', 'hardhat.config.ts')
  const args = [cli, 'node', '--config', config, '--hostname', '127.0.0.1', '--port', String(port)]
  const env = { BENCH_HARDHAT_DIR: scratch, HARDHAT_DISABLE_TELEMETRY: 'true' }
  // Hardhat logs every transaction: keep only the tail of its output.
  return launch('hardhat node', args, port, env, [scratch], false)
}

/**
 * `mosaic-node <args>` whose RPC port `port` the args name (a devnet node, node/devnet.ts). A busy
 * machine may need longer than the default to start one: `readyTimeoutMs`.
 */
export function startMosaicNode(
  args: string[],
  port: number,
  readyTimeoutMs = READY_TIMEOUT_MS,
): Promise<Peer> {
  return launch(
    'mosaic-node',
    [join(REPO_ROOT, 'bin', 'mosaic-node.js'), ...args],
    port,
    {},
    [],
    false,
    readyTimeoutMs,
  )
}

/** A fastify server returning a constant (bench/bare.ts): the HTTP layer's ceiling. */
export async function startBare(): Promise<Peer> {
  const port = await freePort()
  const args = ['--import', 'tsx', join(REPO_ROOT, 'bench', 'bare.ts'), String(port)]
  return launch('bare fastify', args, port, {}, [], false)
}

async function launch(
  name: PeerName,
  args: string[],
  port: number,
  env: Record<string, string>,
  dirs: string[],
  keepLines: boolean,
  readyTimeoutMs = READY_TIMEOUT_MS,
): Promise<Peer> {
  // process.execPath: the Node 24 that runs the benchmark (Hardhat 3 refuses Node 20).
  const proc = spawn(process.execPath, args, {
    cwd: REPO_ROOT,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  })
  const pid = proc.pid
  if (pid === undefined) throw new Error(`${name}: spawn failed`)
  const entry: Live = { pgid: pid, dirs }
  live.add(entry)

  let tail = ''
  const lines: string[] = []
  let partial = ''
  const onData = (d: Buffer): void => {
    const s = d.toString()
    tail = (tail + s).slice(-TAIL_CHARS)
    const parts = (partial + s).split('\n')
    partial = parts.pop() ?? ''
    if (!keepLines) return
    for (const line of parts) if (lines.length < MAX_LOG_LINES) lines.push(line)
  }
  proc.stdout?.on('data', onData)
  proc.stderr?.on('data', onData)
  let exitInfo: string | undefined
  const exited = new Promise<void>((res) => {
    proc.on('exit', (code, signal) => {
      exitInfo = `code ${code}, signal ${signal}`
      res()
    })
  })

  const cleanup = (): void => {
    for (const d of dirs) rmSync(d, { recursive: true, force: true })
    live.delete(entry)
  }
  const stop = async (): Promise<void> => {
    if (exitInfo === undefined) {
      signalGroup(pid, 'SIGTERM')
      const timedOut = await Promise.race([exited.then(() => false), sleep(STOP_TIMEOUT_MS).then(() => true)])
      if (timedOut) console.error(`${name}: no exit ${STOP_TIMEOUT_MS} ms after SIGTERM, sending SIGKILL`)
    }
    // Whatever the leader did, leave no member of its group behind.
    signalGroup(pid, 'SIGKILL')
    cleanup()
  }

  const url = `http://127.0.0.1:${port}`
  const client = new RpcClient(url)
  const peer: Peer = {
    name,
    url,
    client,
    pid,
    rssBytes: () => (exitInfo === undefined ? treeRssBytes(pid) : 0),
    cpuSeconds: () => treeCpuSeconds(pid),
    logLines: () => lines,
    outputTail: () => tail,
    exited: () => exitInfo !== undefined,
    stop,
  }

  const deadline = Date.now() + readyTimeoutMs
  for (;;) {
    if (exitInfo !== undefined) {
      cleanup()
      throw new Error(`${name} exited before serving RPC (${exitInfo}); output tail:\n${tail}`)
    }
    try {
      await new RpcClient(url, 2000).call('eth_chainId')
      return peer
    } catch {
      // Not listening yet.
    }
    if (Date.now() > deadline) {
      await stop()
      throw new Error(`${name} did not answer eth_chainId within ${readyTimeoutMs} ms; output tail:\n${tail}`)
    }
    await sleep(250)
  }
}

function signalGroup(pgid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pgid, signal)
  } catch {
    // The group is gone.
  }
}
