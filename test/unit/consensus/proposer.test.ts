import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import {
  ConsensusError,
  checkProposal,
  earliestProposalMs,
  prefersTip,
  proposerRanking,
  slotAt,
  slotTimestamp,
} from '../../../consensus/index.ts'

const V = (i: number, stake = 100n) => ({ address: `0x${String(i).padStart(40, '0')}`, stake })
const clock = { genesisTime: 1_700_000_000n, blockTimeMs: 500 }

describe('proposer schedule', () => {
  it('ranks every validator once, the same way whatever the genesis order', () => {
    const vs = [V(1), V(2), V(3), V(4)]
    for (let s = 0n; s < 50n; s++) {
      const r = proposerRanking(vs, s)
      assert.equal(new Set(r).size, 4)
      assert.deepEqual(proposerRanking([...vs].reverse(), s), r)
    }
  })

  it('picks in-turn proposers in proportion to stake', () => {
    const vs = [V(1, 100n), V(2, 300n)]
    const counts = new Map<string, number>()
    for (let s = 0n; s < 4000n; s++) {
      const p = proposerRanking(vs, s)[0]!
      counts.set(p, (counts.get(p) ?? 0) + 1)
    }
    const heavy = counts.get(V(2).address) ?? 0
    // 3/4 expected; a deterministic draw, so the bound is loose but fixed.
    assert.ok(heavy > 2800 && heavy < 3200, `heavy validator proposed ${heavy} of 4000`)
  })

  it('every equal-stake validator gets turns', () => {
    const vs = [V(1), V(2), V(3), V(4)]
    const seen = new Set(Array.from({ length: 40 }, (_, s) => proposerRanking(vs, BigInt(s))[0]))
    assert.equal(seen.size, 4)
  })

  it('slots: start, timestamp, slot of a time', () => {
    assert.equal(slotTimestamp(clock, 0n), clock.genesisTime)
    assert.equal(slotTimestamp(clock, 3n), clock.genesisTime + 1n)
    assert.equal(slotAt(clock, 1_700_000_001_600), 3n)
    assert.equal(earliestProposalMs(clock, 2n, 1), 1_700_000_001_000 + 250)
  })

  it('accepts the in-turn proposer at its slot and weighs it more', () => {
    const vs = [V(1), V(2), V(3)]
    const slot = 10n
    const [p0, p1] = proposerRanking(vs, slot)
    const facts = { number: 5n, slot, parentSlot: 9n, timestamp: slotTimestamp(clock, slot) }
    const now = earliestProposalMs(clock, slot, 0)
    assert.deepEqual(checkProposal({ ...facts, proposer: p0! }, vs, clock, now), { rank: 0, weight: 2n })
    assert.deepEqual(checkProposal({ ...facts, proposer: p1! }, vs, clock, now + 250), {
      rank: 1,
      weight: 1n,
    })
  })

  it('rejects a fallback proposer before its time, a future slot, a stale slot, a wrong timestamp, a stranger', () => {
    const vs = [V(1), V(2), V(3)]
    const slot = 10n
    const [p0, p1] = proposerRanking(vs, slot)
    const facts = { number: 5n, slot, parentSlot: 9n, timestamp: slotTimestamp(clock, slot) }
    const start = earliestProposalMs(clock, slot, 0)
    const code = (c: string) => (e: unknown) => e instanceof ConsensusError && e.code === c
    assert.throws(() => checkProposal({ ...facts, proposer: p1! }, vs, clock, start), code('TOO_EARLY'))
    assert.throws(
      () => checkProposal({ ...facts, proposer: p0! }, vs, clock, start - 1000),
      code('TOO_EARLY'),
    )
    assert.throws(
      () => checkProposal({ ...facts, parentSlot: 10n, proposer: p0! }, vs, clock, start),
      code('BAD_SLOT'),
    )
    assert.throws(
      () => checkProposal({ ...facts, timestamp: facts.timestamp + 1n, proposer: p0! }, vs, clock, start),
      code('BAD_SLOT'),
    )
    assert.throws(
      () => checkProposal({ ...facts, proposer: V(9).address }, vs, clock, start),
      code('UNKNOWN_PROPOSER'),
    )
  })
})

describe('fork choice', () => {
  it('prefers the heavier tip, then the lower hash', () => {
    const h = (b: number) => Uint8Array.of(b)
    assert.equal(prefersTip({ weight: 5n, hash: h(9) }, { weight: 4n, hash: h(1) }), true)
    assert.equal(prefersTip({ weight: 4n, hash: h(1) }, { weight: 5n, hash: h(0) }), false)
    assert.equal(prefersTip({ weight: 4n, hash: h(1) }, { weight: 4n, hash: h(2) }), true)
    assert.equal(prefersTip({ weight: 4n, hash: h(2) }, { weight: 4n, hash: h(1) }), false)
  })
})
