// Casper-FFG finality rules (DESIGN.md §6), pure: votes and validator sets in, justified and
// finalised checkpoints out. No I/O, no clocks; consensus/finality.ts runs them.
//
// - A link source -> target justifies the target when the source is justified and validators with
//   at least ⌈2/3⌉ of the stake signed it. When the validator set changes between source and target
//   (a new kernel took effect), the link needs ⌈2/3⌉ of both the rear set (the source's) and the
//   forward set (the target's), so neither the leaving nor the joining validators decide alone.
// - A justified checkpoint whose direct child checkpoint is justified with it as source is finalised.
// - Genesis is justified and finalised.
import type { StakedValidator } from './proposer.ts'
import { type Checkpoint, checkpointKey, type Vote } from './vote.ts'

export interface ValidatorSets {
  /** Validators active at the link's source. */
  rear: readonly StakedValidator[]
  /** Validators active at the link's target, when they differ from the rear set. */
  forward?: readonly StakedValidator[]
}

export interface FinalityState {
  /** Highest justified checkpoint. */
  justified: Checkpoint
  finalized: Checkpoint
  /** Justified checkpoints not below the finalised one, by checkpointKey. */
  justifiedSet: ReadonlyMap<string, Checkpoint>
}

export interface StakeTally {
  signed: bigint
  total: bigint
  /** signed >= ⌈2/3 · total⌉, i.e. 3 · signed >= 2 · total. */
  ok: boolean
}

export function genesisFinality(genesis: Checkpoint): FinalityState {
  return {
    justified: genesis,
    finalized: genesis,
    justifiedSet: new Map([[checkpointKey(genesis), genesis]]),
  }
}

/** Stake of `voters` (lowercase addresses) within `set`; voters outside the set count for nothing. */
export function tally(voters: ReadonlySet<string>, set: readonly StakedValidator[]): StakeTally {
  let signed = 0n
  let total = 0n
  for (const v of set) {
    total += v.stake
    if (voters.has(v.address.toLowerCase())) signed += v.stake
  }
  return { signed, total, ok: total > 0n && signed * 3n >= total * 2n }
}

export function hasSupermajority(voters: ReadonlySet<string>, sets: ValidatorSets): boolean {
  return tally(voters, sets.rear).ok && (sets.forward === undefined || tally(voters, sets.forward).ok)
}

export function isCheckpoint(number: bigint, epochLength: number): boolean {
  return number % BigInt(epochLength) === 0n
}

/** Why a link cannot count towards justification in `state`, or undefined when it can. */
export function linkProblem(state: FinalityState, link: Vote, epochLength: number): string | undefined {
  if (!isCheckpoint(link.target.number, epochLength))
    return `target ${link.target.number} is not a checkpoint`
  if (!isCheckpoint(link.source.number, epochLength))
    return `source ${link.source.number} is not a checkpoint`
  if (link.target.number <= link.source.number) return 'target is not above the source'
  if (link.target.number <= state.finalized.number) return 'target is not above the finalised checkpoint'
  if (!state.justifiedSet.has(checkpointKey(link.source))) return 'source is not justified'
  return undefined
}

export interface LinkOutcome {
  state: FinalityState
  /** The link justified its target (it was not justified before). */
  justified: boolean
  /** The checkpoint this link finalised, if any. */
  finalized?: Checkpoint
}

/**
 * Applies a link signed by `voters`. The caller has checked that the target descends from the source
 * (ancestry needs the chain) and that every voter's signature is valid.
 */
export function applyLink(
  state: FinalityState,
  link: Vote,
  voters: ReadonlySet<string>,
  sets: ValidatorSets,
  epochLength: number,
): LinkOutcome {
  if (linkProblem(state, link, epochLength) !== undefined || !hasSupermajority(voters, sets)) {
    return { state, justified: false }
  }
  const key = checkpointKey(link.target)
  const wasJustified = state.justifiedSet.has(key)
  const finalises =
    link.target.number === link.source.number + BigInt(epochLength) &&
    link.source.number > state.finalized.number
  if (wasJustified && !finalises) return { state, justified: false }
  let justifiedSet = new Map(state.justifiedSet)
  justifiedSet.set(key, link.target)
  const justified = link.target.number > state.justified.number ? link.target : state.justified
  let finalized = state.finalized
  let newlyFinal: Checkpoint | undefined
  if (finalises) {
    finalized = link.source
    newlyFinal = link.source
    // Checkpoints below the finalised one can no longer be sources or targets.
    justifiedSet = new Map([...justifiedSet].filter(([, c]) => c.number >= finalized.number))
  }
  return {
    state: { justified, finalized, justifiedSet },
    justified: !wasJustified,
    ...(newlyFinal ? { finalized: newlyFinal } : {}),
  }
}

/** The offence two votes of one validator make together, if any (DESIGN.md §6). */
export function offence(a: Vote, b: Vote): 'double' | 'surround' | undefined {
  if (a.target.number === b.target.number && a.target.hash !== b.target.hash) return 'double'
  const surrounds = (x: Vote, y: Vote) =>
    x.source.number < y.source.number && y.target.number < x.target.number
  if (surrounds(a, b) || surrounds(b, a)) return 'surround'
  return undefined
}

/** What a validator has signed so far (its slashing-protection record). */
export interface SignedRecord {
  sourceNumber: bigint
  targetNumber: bigint
  targetHash: string
}

/**
 * Whether a validator with `record` may sign `vote`: 'sign', 'repeat' (it signed exactly this target
 * already), or the reason it must refuse. Signing only strictly increasing targets with non-decreasing
 * sources can never make a double or a surround vote with any earlier vote.
 */
export function protectionVerdict(record: SignedRecord | undefined, vote: Vote): 'sign' | 'repeat' | string {
  if (!record) return 'sign'
  if (vote.target.number === record.targetNumber && vote.target.hash === record.targetHash) return 'repeat'
  if (vote.target.number <= record.targetNumber) {
    return `already signed target ${record.targetNumber}; target ${vote.target.number} could be a double vote`
  }
  if (vote.source.number < record.sourceNumber) {
    return `already signed source ${record.sourceNumber}; source ${vote.source.number} could be a surround vote`
  }
  return 'sign'
}
