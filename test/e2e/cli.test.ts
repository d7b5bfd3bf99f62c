// The mosaic-node command line as a user meets it: help and version, one-line errors for bad
// genesis files and flags, the dev banner, and graceful shutdown on SIGTERM and SIGINT.
import assert from 'node:assert/strict'
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { after, before, describe, test } from 'node:test'
import {
  type CliResult,
  DEV_ADDRESSES,
  DEV_CHAIN_ID,
  rpc,
  runCli,
  startDevNode,
  target,
} from '../helpers/node.ts'

/** A failed command: non-zero exit, exactly one line on stderr, no stack trace. */
function assertOneLineError(r: CliResult, what: string): string {
  assert.notEqual(r.code, 0, `${what}: exit code ${r.code}`)
  assert.equal(r.signal, null, `${what}: killed by ${r.signal}`)
  const lines = r.stderr.trim().split('\n')
  assert.equal(lines.length, 1, `${what}: stderr should be one line, got:\n${r.stderr}`)
  assert.doesNotMatch(r.stderr, /^\s+at /m, `${what}: stack trace on stderr`)
  return lines[0]!
}

describe('mosaic-node CLI', { skip: target !== 'mosaic' && 'mosaic-node CLI only' }, () => {
  let dir: string
  // A genesis the node accepts, as a base for broken variants.
  let goodGenesis: Record<string, unknown>

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'mosaic-e2e-cli-'))
    const r = await runCli(['genesis'])
    assert.equal(r.code, 0, `mosaic-node genesis: ${r.stderr}`)
    goodGenesis = JSON.parse(r.stdout) as Record<string, unknown>
  })

  after(() => {
    rmSync(dir, { recursive: true, force: true })
  })

  const writeGenesis = (name: string, json: unknown): string => {
    const path = join(dir, name)
    writeFileSync(path, typeof json === 'string' ? json : JSON.stringify(json, null, 2))
    return path
  }

  test('--help, dev --help and --version exit 0 with text', async () => {
    const help = await runCli(['--help'])
    assert.equal(help.code, 0, help.stderr)
    assert.match(help.stdout, /Usage: mosaic-node/)
    for (const cmd of ['init', 'start', 'dev']) assert.match(help.stdout, new RegExp(`\\b${cmd}\\b`), cmd)

    const dev = await runCli(['dev', '--help'])
    assert.equal(dev.code, 0, dev.stderr)
    assert.match(dev.stdout, /Usage: mosaic-node dev/)
    for (const flag of ['--datadir', '--rpc.port', '--rpc.addr', '--log.level'])
      assert.ok(dev.stdout.includes(flag), flag)

    const version = await runCli(['--version'])
    assert.equal(version.code, 0, version.stderr)
    assert.match(version.stdout.trim(), /^\d+\.\d+\.\d+/)
  })

  test('init with an invalid chain id names genesis.config.chainId in one line', async () => {
    const config = { ...(goodGenesis['config'] as Record<string, unknown>), chainId: -1 }
    const genesis = writeGenesis('bad-chainid.json', { ...goodGenesis, config })
    const datadir = join(dir, 'bad-chainid-data')
    const r = await runCli(['init', '--genesis', genesis, '--datadir', datadir])
    const line = assertOneLineError(r, 'init with chainId -1')
    assert.ok(line.includes('genesis.config.chainId'), line)
    assert.ok(!existsSync(join(datadir, 'chaindata')), 'no chain data written from a rejected genesis')
  })

  test('init with a missing or unparsable genesis file fails in one line', async () => {
    const missing = join(dir, 'does-not-exist.json')
    const r1 = await runCli(['init', '--genesis', missing, '--datadir', join(dir, 'd1')])
    assert.ok(assertOneLineError(r1, 'missing genesis').includes('does-not-exist.json'))

    const broken = writeGenesis('broken.json', '{"config": {"chainId": 1515},')
    const r2 = await runCli(['init', '--genesis', broken, '--datadir', join(dir, 'd2')])
    assertOneLineError(r2, 'unparsable genesis')

    const noAlloc = writeGenesis('bad-alloc.json', { ...goodGenesis, alloc: { nothex: { balance: '0x1' } } })
    const r3 = await runCli(['init', '--genesis', noAlloc, '--datadir', join(dir, 'd3')])
    assert.ok(assertOneLineError(r3, 'bad alloc address').includes('genesis.alloc'), r3.stderr)
  })

  test('init writes a data directory and refuses a different genesis on it', async () => {
    const genesis = writeGenesis('good.json', goodGenesis)
    const datadir = join(dir, 'good-data')
    const r = await runCli(['init', '--genesis', genesis, '--datadir', datadir])
    assert.equal(r.code, 0, r.stderr)
    assert.ok(readdirSync(datadir).length > 0)

    // One more funded account changes the state root, so the genesis hash differs.
    const alloc = {
      ...(goodGenesis['alloc'] as Record<string, unknown>),
      [`0x${'de'.repeat(20)}`]: { balance: '0x1' },
    }
    const other = writeGenesis('other.json', { ...goodGenesis, alloc })
    const again = await runCli(['init', '--genesis', other, '--datadir', datadir])
    assert.match(assertOneLineError(again, 'init over a different genesis'), /genesis/)

    // The same genesis again is fine.
    const same = await runCli(['init', '--genesis', genesis, '--datadir', datadir])
    assert.equal(same.code, 0, same.stderr)
  })

  test('bad flags fail in one line', async () => {
    const r1 = await runCli(['dev', '--rpc.port', 'not-a-port'])
    assert.ok(assertOneLineError(r1, '--rpc.port not-a-port').includes('rpc.port'), r1.stderr)
    const r2 = await runCli(['dev', '--no-such-flag'])
    assert.notEqual(r2.code, 0)
    assert.match(r2.stderr, /no-such-flag/)
  })

  test('dev prints a banner, and SIGTERM shuts down cleanly and removes its temp dir', async () => {
    const node = await startDevNode({ datadir: null })
    try {
      const out = node.stdout()
      assert.match(out, new RegExp(`chain id\\s+${DEV_CHAIN_ID}\\b`))
      assert.ok(out.includes(node.url), `banner names ${node.url}:\n${out}`)
      for (const a of DEV_ADDRESSES) assert.ok(out.includes(a), `banner lists ${a}`)
      const datadir = /data dir\s+(\S+)/.exec(out)?.[1]
      assert.ok(datadir && existsSync(datadir), `banner names an existing data dir:\n${out}`)
      assert.equal(await rpc(node.url, 'eth_chainId'), `0x${DEV_CHAIN_ID.toString(16)}`)

      node.proc.kill('SIGTERM')
      const exit = await node.exited
      assert.deepEqual(exit, { code: 0, signal: null }, node.stderrTail())
      assert.ok(!existsSync(datadir), 'temporary data dir removed on exit')
      // Logs are pino JSON lines on stderr.
      const lines = node.stderrTail().trim().split('\n').filter(Boolean)
      assert.ok(lines.length > 0)
      for (const l of lines.slice(-5)) assert.doesNotThrow(() => JSON.parse(l), l)
    } finally {
      await node.kill9({ removeDatadir: true })
    }
  })

  test('SIGINT shuts down cleanly too, and the chain resumes from its data dir', async () => {
    const datadir = join(dir, 'sigint-data')
    const node = await startDevNode({ datadir })
    let head = 0
    try {
      head = Number(await rpc<string>(node.url, 'eth_blockNumber'))
      node.proc.kill('SIGINT')
      assert.deepEqual(await node.exited, { code: 0, signal: null }, node.stderrTail())
    } finally {
      await node.kill9()
    }
    const again = await startDevNode({ datadir })
    try {
      assert.ok(Number(await rpc<string>(again.url, 'eth_blockNumber')) >= head)
    } finally {
      await again.stop()
    }
  })
})
