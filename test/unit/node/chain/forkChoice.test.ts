// Side branches and reorgs: blocks on any stored parent are kept, and the heaviest branch (in-turn
// blocks weigh more) becomes canonical in one atomic rewrite of the canonical index.
import assert from 'node:assert/strict'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { after, before, describe, it } from 'node:test'
import type { Block } from '@ethereumjs/block'
import { bytesToHex, hexToBytes } from '@ethereumjs/util'
import { pino } from 'pino'
import { proposerRanking, slotStartMs } from '../../../../consensus/index.ts'
import { devGenesisJson, devValidatorKeys, type Hex, parseGenesis } from '../../../../genesis/index.ts'
import { BlockBuilder, type SealKey } from '../../../../node/chain/builder.ts'
import { Chain, type ChainEvent } from '../../../../node/chain/chain.ts'

const logger = pino({ level: 'silent' })
const keys = devValidatorKeys(2)
const validators = keys.map((k) => ({ address: k.address.toLowerCase() as Hex, stake: 100n }))
const genesis = parseGenesis(devGenesisJson({ timestamp: 1_700_000_000n, validators, accounts: 1 }))
const sealKey = (address: string): SealKey => {
  const k = keys.find((x) => x.address.toLowerCase() === address)!
  return { address: hexToBytes(k.address), privateKey: hexToBytes(k.privateKey) }
}
const empty = () => ({ peek: () => undefined, shift: () => {}, pop: () => {} })

describe('chain: fork choice', () => {
  const dirs: string[] = []
  const chains: Chain[] = []
  const open = async () => {
    const dir = await mkdtemp(join(tmpdir(), 'mosaic-fork-'))
    dirs.push(dir)
    const c = await Chain.open({ datadir: dir }, { logger, genesis })
    chains.push(c)
    return c
  }
  /** Builds on `chain`'s head the block of `slot` by the proposer of `rank`, and commits it there. */
  const build = async (chain: Chain, slot: bigint, rank: number): Promise<Block> => {
    const proposer = proposerRanking(validators, slot)[rank]!
    const b = new BlockBuilder({ timeBudgetMs: 200, vanity: new Uint8Array(0) }, { chain, logger })
    const built = await b.build(empty, sealKey(proposer), slot)
    await chain.commit(built.block, built.receipts)
    return built.block
  }

  let a: Chain
  let x: Chain
  let y: Chain
  const events: ChainEvent[] = []

  before(async () => {
    a = await open()
    x = await open()
    y = await open()
    a.onReorg((ev) => events.push(ev))
  })
  after(async () => {
    for (const c of chains) await c.close()
    for (const d of dirs) await rm(d, { recursive: true, force: true })
  })

  it('an in-turn sibling replaces an out-of-turn head; the event names both', async () => {
    const late = await build(x, 1n, 1)
    assert.equal((await a.importBlock(late)).canonical, true)
    assert.equal(a.weight, 1n)
    const inTurn = await build(y, 1n, 0)
    const r = await a.importBlock(inTurn)
    assert.equal(r.canonical, true)
    assert.equal(bytesToHex(a.head.hash()), bytesToHex(inTurn.hash()))
    assert.equal(a.weight, 2n)
    const last = events.at(-1)!
    assert.deepEqual(
      last.removed.map((b) => bytesToHex(b.hash())),
      [bytesToHex(late.hash())],
    )
    assert.deepEqual(
      last.added.map((b) => bytesToHex(b.hash())),
      [bytesToHex(inTurn.hash())],
    )
    // The losing block stays stored (a side branch), off the canonical index.
    assert.ok(await a.getBlockByHash(late.hash()))
    assert.equal(await a.isCanonical(late), false)
  })

  it('a side branch that grows heavier becomes canonical, all its blocks at once', async () => {
    const x2 = await build(x, 2n, 0)
    const r = await a.importBlock(x2)
    assert.equal(r.canonical, true)
    assert.equal(a.weight, 3n)
    assert.equal(a.head.header.number, 2n)
    const last = events.at(-1)!
    assert.equal(last.added.length, 2)
    assert.equal(last.removed.length, 1)
    assert.equal(bytesToHex((await a.getBlockByNumber(1n))!.hash()), bytesToHex(x.head.header.parentHash))
    // State follows the head: a block on the new head imports.
    const x3 = await build(x, 3n, 0)
    assert.equal((await a.importBlock(x3)).canonical, true)
    assert.equal((await a.importBlock(x3)).known, true)
  })

  it('a lighter block is stored but leaves the head alone', async () => {
    const y2 = await build(y, 2n, 1)
    const before = bytesToHex(a.head.hash())
    const r = await a.importBlock(y2)
    assert.equal(r.canonical, false)
    assert.equal(bytesToHex(a.head.hash()), before)
  })

  it('a fallback block before its time, and a block of a future slot, are refused with TOO_EARLY', async () => {
    const fresh = await open()
    const slot = 40n
    const start = slotStartMs(fresh.clock, slot)
    const late = await build(await open(), slot, 1)
    const code = (c: string) => (e: Error & { code?: string }) => e.code === c
    // Rank 1 waits half a slot (500 ms here) for the in-turn proposer.
    await assert.rejects(fresh.importBlock(late, { nowMs: start + 100 }), code('TOO_EARLY'))
    await assert.rejects(fresh.importBlock(late, { nowMs: start - 5000 }), code('TOO_EARLY'))
    assert.equal(fresh.head.header.number, 0n)
    assert.equal((await fresh.importBlock(late, { nowMs: start + 500 })).canonical, true)
  })

  it('a block on an unknown parent is refused with UNKNOWN_PARENT', async () => {
    const other = await open()
    const b = new BlockBuilder({ timeBudgetMs: 200, vanity: new Uint8Array(0) }, { chain: y, logger })
    const slot = 5n
    const built = await b.build(empty, sealKey(proposerRanking(validators, slot)[0]!), slot)
    await assert.rejects(
      other.importBlock(built.block),
      (e: Error & { code?: string }) => e.code === 'UNKNOWN_PARENT',
    )
  })
})
