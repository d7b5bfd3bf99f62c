// `mosaic-node import` / `export` / read-only `start` as a user runs them, on the execution-apis
// fixture chain (a post-merge Ethereum chain sealed by another consensus).
import assert from 'node:assert/strict'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { after, before, describe, it } from 'node:test'
import { executionApis } from '../helpers/fixtures.ts'
import { type CliResult, rpc, runCli, startNode, target } from '../helpers/node.ts'

const fixtures = executionApis()
const HEAD_HASH = '0x514c48e760c62a38f91e011149b1b4a619bb3a7f750ec4430061bf19c3336635'

/** The byte ranges of the blocks of an RLP file (each block is one top-level RLP list). */
function blockRanges(bytes: Uint8Array): [number, number][] {
  const out: [number, number][] = []
  for (let at = 0; at < bytes.length; ) {
    const first = bytes[at]!
    let len: number
    if (first <= 0xf7) len = 1 + first - 0xc0
    else {
      const n = first - 0xf7
      len = 1 + n + Number.parseInt(Buffer.from(bytes.subarray(at + 1, at + 1 + n)).toString('hex'), 16)
    }
    out.push([at, at + len])
    at += len
  }
  return out
}

function errorLine(r: CliResult): string {
  assert.equal(r.code, 1, `exit code ${r.code}; stderr: ${r.stderr}`)
  const lines = r.stderr.trim().split('\n')
  assert.equal(lines.length, 1, `one line on stderr, got:\n${r.stderr}`)
  return lines[0]!
}

describe('mosaic-node import / export', { skip: target !== 'mosaic' && 'mosaic-node CLI only' }, () => {
  let dir: string
  let datadir: string
  const chainBytes = readFileSync(fixtures.chain)
  const ranges = blockRanges(chainBytes)

  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'mosaic-e2e-import-'))
    datadir = join(dir, 'data')
  })
  after(() => rmSync(dir, { recursive: true, force: true }))

  it('refuses a foreign chain without --trusted, naming the block', async () => {
    const other = join(dir, 'untrusted')
    const r = await runCli([
      'import',
      '--genesis',
      fixtures.genesis,
      fixtures.chain,
      '--datadir',
      other,
      '--log.level',
      'warn',
    ])
    assert.match(errorLine(r), /^error: block 1: extraData too short for a sealed header/)
  })

  it('names a missing file and a missing genesis in one line', async () => {
    const other = join(dir, 'empty')
    const missing = join(dir, 'missing.rlp')
    assert.equal(
      errorLine(await runCli(['import', missing, '--datadir', other])),
      `error: cannot read ${missing}: no such file`,
    )
    assert.equal(
      errorLine(await runCli(['import', fixtures.chain, '--datadir', other, '--log.level', 'warn'])),
      `error: data directory ${other} is empty: pass --genesis GENESIS.json`,
    )
  })

  it('imports the chain with --trusted and prints a summary', async () => {
    const r = await runCli(
      ['import', '--trusted', '--genesis', fixtures.genesis, fixtures.chain, '--datadir', datadir],
      { timeoutMs: 120_000 },
    )
    assert.equal(r.code, 0, r.stderr)
    assert.match(
      r.stdout,
      new RegExp(
        `^imported 20 blocks \\(0 already present\\), 76 txs, 4\\.38 Mgas in [\\d.]+ s \\([\\d.]+ blocks/s\\); head 20 ${HEAD_HASH}\\n$`,
      ),
    )
    // Not a terminal: progress goes to the log, never a redrawn bar.
    assert.doesNotMatch(r.stderr, /\r/)
  })

  it('re-imports as a no-op, without --genesis: the data directory remembers it', async () => {
    const r = await runCli(['import', '--trusted', fixtures.chain, '--datadir', datadir])
    assert.equal(r.code, 0, r.stderr)
    assert.match(r.stdout, /^imported 0 blocks \(20 already present\), 0 txs/)
  })

  it('stops at a gap with one line naming the block and keeps what came before', async () => {
    const other = join(dir, 'gap')
    const file = join(dir, 'gap.rlp')
    const [, end5] = ranges[4]!
    const [start7] = ranges[6]!
    writeFileSync(file, Buffer.concat([chainBytes.subarray(0, end5), chainBytes.subarray(start7!)]))
    const r = await runCli([
      'import',
      '--trusted',
      '--genesis',
      fixtures.genesis,
      file,
      '--datadir',
      other,
      '--log.level',
      'warn',
    ])
    assert.equal(errorLine(r), 'error: block 7: parent block 6 is missing (head is 5)')
    const out = join(dir, 'gap-export.rlp')
    const e = await runCli(['export', out, '--datadir', other])
    assert.equal(e.code, 0, e.stderr)
    assert.deepEqual(readFileSync(out), chainBytes.subarray(0, end5))
  })

  it('exports exactly the bytes it imported, whole and for a range', async () => {
    const whole = join(dir, 'whole.rlp')
    const r = await runCli(['export', whole, '--datadir', datadir])
    assert.equal(r.code, 0, r.stderr)
    assert.equal(r.stdout, `exported blocks 1..20 (20 blocks, ${chainBytes.length} bytes) to ${whole}\n`)
    assert.ok(readFileSync(whole).equals(chainBytes), 'export of 1..20 equals chain.rlp')

    const part = join(dir, 'part.rlp')
    const p = await runCli(['export', part, '--datadir', datadir, '--from', '3', '--to', '0x7'])
    assert.equal(p.code, 0, p.stderr)
    assert.ok(readFileSync(part).equals(chainBytes.subarray(ranges[2]![0], ranges[6]![1])), 'blocks 3..7')

    assert.match(
      errorLine(await runCli(['export', part, '--datadir', datadir, '--from', 'x'])),
      /^error: --from: expected a block number, got x$/,
    )
  })

  it('serves the imported chain read-only with head = safe = finalized = its last block', async () => {
    const node = await startNode(datadir, [])
    try {
      assert.equal(await rpc(node.url, 'eth_blockNumber'), '0x14')
      for (const tag of ['latest', 'safe', 'finalized']) {
        const block = await rpc<{ hash: string }>(node.url, 'eth_getBlockByNumber', [tag, false])
        assert.equal(block.hash, HEAD_HASH, tag)
      }
      assert.equal(await rpc(node.url, 'eth_chainId'), '0xc72dd9d5e883e')
    } finally {
      await node.stop()
    }
  })
})
