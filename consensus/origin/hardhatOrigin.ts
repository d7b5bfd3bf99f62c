// Starts Hardhat 3's node (from npm) as a local origin chain on a loopback port. It runs under
// process.execPath (the project's Node 24: Hardhat 3 refuses Node 20), in its own process group, which
// is killed on stop() and whenever this process exits, so no origin outlives the node that started it.
import { spawn } from 'node:child_process'
import { once } from 'node:events'
import { mkdtempSync, rmSync } from 'node:fs'
import { createRequire } from 'node:module'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { type Logger, pino } from 'pino'
import { OriginError } from './errors.ts'

export interface HardhatOriginOptions {
  /** Loopback port; a free one when omitted. */
  port?: number
  logger?: Logger
  /** How long to wait for eth_chainId to answer. */
  readyTimeoutMs?: number
}

export interface HardhatOrigin {
  url: string
  chainId: number
  pid: number
  /** SIGTERM to the process group, SIGKILL if it lingers; removes the temporary directory. */
  stop(): Promise<void>
}

export const HARDHAT_ORIGIN_CHAIN_ID = 31337
const REPO_ROOT = resolve(import.meta.dirname, '..', '..')
/** Wherever npm put hardhat (hoisted or not): its package.json names the CLI as its bin. */
const HARDHAT_CLI = join(
  dirname(createRequire(import.meta.url).resolve('hardhat/package.json')),
  'dist',
  'src',
  'cli.js',
)
const CONFIG = join(import.meta.dirname, 'hardhat.config.ts')
const STOP_GRACE_MS = 5000
/** Hardhat logs every request: keep the last few KiB of its output for error messages only. */
const TAIL_CHARS = 8 * 1024

const liveGroups = new Set<number>()
process.on('exit', () => {
  for (const pgid of liveGroups) killGroup(pgid, 'SIGKILL')
})

export async function startHardhatOrigin(options: HardhatOriginOptions = {}): Promise<HardhatOrigin> {
  const logger = (options.logger ?? pino({ level: 'silent' })).child({ module: 'origin-hardhat' })
  const port = options.port ?? (await freePort())
  const scratch = mkdtempSync(join(tmpdir(), 'mosaic-origin-hardhat-'))
  const args = [HARDHAT_CLI, 'node', '--config', CONFIG, '--hostname', '127.0.0.1', '--port', String(port)]
  const child = spawn(process.execPath, args, {
    cwd: REPO_ROOT,
    env: { ...process.env, MOSAIC_ORIGIN_HARDHAT_DIR: scratch, HARDHAT_DISABLE_TELEMETRY: 'true' },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  })
  const pid = child.pid
  if (pid === undefined) throw new OriginError('LAUNCH_FAILED', 'hardhat node: spawn failed')
  liveGroups.add(pid)

  let tail = ''
  const keepTail = (d: Buffer): void => {
    tail = (tail + d.toString()).slice(-TAIL_CHARS)
  }
  child.stdout?.on('data', keepTail)
  child.stderr?.on('data', keepTail)
  let exitInfo: string | undefined
  const exited = new Promise<void>((res) =>
    child.on('exit', (code, signal) => {
      exitInfo = `code ${code}, signal ${signal}`
      res()
    }),
  )

  const url = `http://127.0.0.1:${port}`
  const stop = async (): Promise<void> => {
    if (exitInfo === undefined) {
      killGroup(pid, 'SIGTERM')
      await Promise.race([exited, new Promise((res) => setTimeout(res, STOP_GRACE_MS).unref())])
    }
    // Whatever the leader did, leave no member of its group behind.
    killGroup(pid, 'SIGKILL')
    liveGroups.delete(pid)
    rmSync(scratch, { recursive: true, force: true })
  }

  const started = Date.now()
  const deadline = started + (options.readyTimeoutMs ?? 60_000)
  for (;;) {
    if (exitInfo !== undefined) {
      await stop()
      throw new OriginError('LAUNCH_FAILED', `hardhat node exited at start (${exitInfo}): ${tail.trim()}`)
    }
    const chainId = await probeChainId(url)
    if (chainId !== undefined) {
      logger.info({ url, chainId, pid, ms: Date.now() - started }, 'origin chain (hardhat node) started')
      return { url, chainId, pid, stop }
    }
    if (Date.now() > deadline) {
      await stop()
      throw new OriginError(
        'LAUNCH_FAILED',
        `hardhat node did not answer eth_chainId on ${url}: ${tail.trim()}`,
      )
    }
    await new Promise((res) => setTimeout(res, 100))
  }
}

async function probeChainId(url: string): Promise<number | undefined> {
  try {
    const res = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'eth_chainId', params: [] }),
      signal: AbortSignal.timeout(2000),
    })
    const body = (await res.json()) as { result?: string }
    return body.result === undefined ? undefined : Number(body.result)
  } catch {
    return undefined // Not listening yet.
  }
}

function killGroup(pgid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pgid, signal)
  } catch {
    // The group is gone.
  }
}

async function freePort(): Promise<number> {
  const server = createServer()
  server.listen(0, '127.0.0.1')
  await once(server, 'listening')
  const address = server.address()
  if (address === null || typeof address === 'string') throw new OriginError('LAUNCH_FAILED', 'no free port')
  server.close()
  await once(server, 'close')
  return address.port
}
