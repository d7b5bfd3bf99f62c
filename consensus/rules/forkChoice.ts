// Fork choice until finality (DESIGN.md §5): the heaviest chain wins (in-turn blocks weigh more,
// rules/proposer.ts), then the lowest hash, so every node breaks ties the same way.

export interface ForkTip {
  /** Sum of block weights from genesis. */
  weight: bigint
  hash: Uint8Array
}

function compareBytes(a: Uint8Array, b: Uint8Array): number {
  const n = Math.min(a.length, b.length)
  for (let i = 0; i < n; i++) if (a[i] !== b[i]) return a[i]! - b[i]!
  return a.length - b.length
}

/** True when `candidate` should replace `head` as the canonical tip. */
export function prefersTip(candidate: ForkTip, head: ForkTip): boolean {
  if (candidate.weight !== head.weight) return candidate.weight > head.weight
  return compareBytes(candidate.hash, head.hash) < 0
}
