// Proposer schedule (DESIGN.md §5): time is cut into slots of `blockTimeMs` from the genesis time; each
// slot ranks every validator by a stake-weighted draw seeded by the slot number, so every node gets
// the same answer with no state. Rank 0 is in turn at the slot start; rank r may propose a fallback
// block r half-slots later when the ones before it stayed silent. Pure: the caller passes the clock.
import { keccak256 } from 'ethereum-cryptography/keccak.js'
import { ConsensusError } from '../errors.ts'

export interface StakedValidator {
  /** Lowercase 0x address. */
  address: string
  stake: bigint
}

export interface SlotClock {
  /** Genesis timestamp, seconds. */
  genesisTime: bigint
  blockTimeMs: number
}

/** Weight of an in-turn block in fork choice; out-of-turn blocks weigh 1. */
export const IN_TURN_WEIGHT = 2n
export const OUT_OF_TURN_WEIGHT = 1n

export function slotStartMs(clock: SlotClock, slot: bigint): number {
  return Number(clock.genesisTime) * 1000 + Number(slot) * clock.blockTimeMs
}

/** The slot that `nowMs` falls in (0 before genesis). */
export function slotAt(clock: SlotClock, nowMs: number): bigint {
  const since = nowMs - Number(clock.genesisTime) * 1000
  return since <= 0 ? 0n : BigInt(Math.floor(since / clock.blockTimeMs))
}

/** Header timestamp (seconds) of a block of `slot`: the second its slot starts in. */
export function slotTimestamp(clock: SlotClock, slot: bigint): bigint {
  return BigInt(Math.floor(slotStartMs(clock, slot) / 1000))
}

/** How long a rank waits for the ranks before it. */
export function fallbackDelayMs(clock: SlotClock): number {
  return Math.max(1, Math.floor(clock.blockTimeMs / 2))
}

/** Earliest time a proposer of `rank` may publish a block for `slot`. */
export function earliestProposalMs(clock: SlotClock, slot: bigint, rank: number): number {
  return slotStartMs(clock, slot) + rank * fallbackDelayMs(clock)
}

function u64(n: bigint): Uint8Array {
  const out = new Uint8Array(8)
  new DataView(out.buffer).setBigUint64(0, BigInt.asUintN(64, n))
  return out
}

function toBigInt(b: Uint8Array): bigint {
  let n = 0n
  for (const x of b) n = (n << 8n) | BigInt(x)
  return n
}

/**
 * Every validator ranked for `slot`: a stake-weighted draw without replacement, seeded by
 * keccak(slot, draw). Validators are sorted by address first, so the order of the genesis list does
 * not matter.
 */
export function proposerRanking(validators: readonly StakedValidator[], slot: bigint): string[] {
  const left = [...validators]
    .map((v) => ({ address: v.address.toLowerCase(), stake: v.stake }))
    .sort((a, b) => (a.address < b.address ? -1 : a.address > b.address ? 1 : 0))
  const out: string[] = []
  const seed = new Uint8Array(9)
  seed.set(u64(slot))
  for (let draw = 0; left.length > 0; draw++) {
    const total = left.reduce((s, v) => s + v.stake, 0n)
    seed[8] = draw & 0xff
    let x = toBigInt(keccak256(seed)) % total
    let i = 0
    for (; i < left.length - 1; i++) {
      const stake = left[i]!.stake
      if (x < stake) break
      x -= stake
    }
    out.push(left.splice(i, 1)[0]!.address)
  }
  return out
}

export function inTurnProposer(validators: readonly StakedValidator[], slot: bigint): string {
  return proposerRanking(validators, slot)[0]!
}

export interface ProposalFacts {
  number: bigint
  slot: bigint
  parentSlot: bigint
  /** Header timestamp, seconds. */
  timestamp: bigint
  /** Lowercase 0x address of the sealer. */
  proposer: string
}

export interface ProposalCheck {
  rank: number
  /** Fork-choice weight the block adds. */
  weight: bigint
}

/**
 * Checks a block against the schedule: its slot follows its parent's, its timestamp is its slot's,
 * its proposer is a validator whose turn (fallback rank included) has come by `nowMs` (with
 * `toleranceMs` of clock skew). Returns its rank and weight.
 */
export function checkProposal(
  facts: ProposalFacts,
  validators: readonly StakedValidator[],
  clock: SlotClock,
  nowMs: number,
  toleranceMs = Math.floor(clock.blockTimeMs / 4),
): ProposalCheck {
  const n = facts.number
  if (facts.slot <= facts.parentSlot) {
    throw new ConsensusError(
      'BAD_SLOT',
      `block ${n}: slot ${facts.slot} not after parent slot ${facts.parentSlot}`,
    )
  }
  const ts = slotTimestamp(clock, facts.slot)
  if (facts.timestamp !== ts) {
    throw new ConsensusError(
      'BAD_SLOT',
      `block ${n}: timestamp ${facts.timestamp} should be ${ts} for slot ${facts.slot}`,
    )
  }
  const rank = proposerRanking(validators, facts.slot).indexOf(facts.proposer.toLowerCase())
  if (rank < 0)
    throw new ConsensusError('UNKNOWN_PROPOSER', `block ${n}: sealer ${facts.proposer} is not a validator`)
  const earliest = earliestProposalMs(clock, facts.slot, rank)
  if (nowMs + toleranceMs < earliest) {
    throw new ConsensusError(
      'TOO_EARLY',
      `block ${n}: proposer of rank ${rank} for slot ${facts.slot} may publish from ${new Date(earliest).toISOString()}, ${earliest - nowMs} ms from now`,
    )
  }
  return { rank, weight: rank === 0 ? IN_TURN_WEIGHT : OUT_OF_TURN_WEIGHT }
}
