// Which validators govern each aux block (DESIGN.md §7). Kernel 1 is the genesis set. A proposer
// announces kernel k+1 (opened by Core on the origin) in an origin observation; it takes effect at the
// first checkpoint after the block whose certificate finalises the announcing block. Everything is
// derived from the headers of a block's own branch, so every node, full nodes included, gets the
// same answer without asking the origin.

import { LRUCache } from 'lru-cache'
import type { Hex } from 'viem'
import type { OriginObservation } from './rules/observation.ts'
import type { StakedValidator } from './rules/proposer.ts'
import type { QuorumCertificate } from './rules/seal.ts'
import type { Checkpoint } from './rules/vote.ts'

export interface Kernel {
  height: bigint
  validators: readonly StakedValidator[]
}

export interface KernelState {
  active: Kernel
  pending?: { kernel: Kernel; announcedAt: bigint; activateAt?: bigint }
}

export interface KernelHeader {
  number: bigint
  parentHash: Hex
  qc?: QuorumCertificate
  origin?: OriginObservation
}

/** The kernel governing the block numbered `number` whose parent's state is `parent`. */
export function governingKernel(parent: KernelState, number: bigint): Kernel {
  const p = parent.pending
  return p?.activateAt !== undefined && number >= p.activateAt ? p.kernel : parent.active
}

/** Why a block's kernel announcement is out of order, or undefined. */
export function announcementProblem(parent: KernelState, header: KernelHeader): string | undefined {
  const k = header.origin?.kernel
  if (!k) return undefined
  const governing = governingKernel(parent, header.number)
  const pending = parent.pending && governing === parent.active ? parent.pending : undefined
  if (pending) return `kernel ${pending.kernel.height} is already announced and not active yet`
  if (k.height !== governing.height + 1n) {
    return `announces kernel ${k.height}, but kernel ${governing.height} governs: only ${governing.height + 1n} may follow`
  }
  if (k.validators.length === 0) return 'announces an empty kernel'
  return undefined
}

/** The kernel state after `header` (pure). */
export function nextKernelState(parent: KernelState, header: KernelHeader, epochLength: number): KernelState {
  const epoch = BigInt(epochLength)
  const governing = governingKernel(parent, header.number)
  let state: KernelState = governing === parent.active ? parent : { active: governing }
  const p = state.pending
  const qc = header.qc?.vote
  if (
    p &&
    p.activateAt === undefined &&
    qc &&
    qc.target.number === qc.source.number + epoch &&
    qc.source.number >= p.announcedAt
  ) {
    state = { ...state, pending: { ...p, activateAt: (header.number / epoch + 1n) * epoch } }
  }
  const k = header.origin?.kernel
  if (k && !state.pending && k.height === state.active.height + 1n) {
    state = { ...state, pending: { kernel: k, announcedAt: header.number } }
  }
  return state
}

/** Kernel states by block hash, computed from the headers of each block's branch. */
export class KernelTracker {
  private readonly states = new LRUCache<string, KernelState>({ max: 16_384 })
  /** Never evicted: every walk back ends here at the latest. */
  private readonly genesisState: KernelState
  /** Every kernel seen in any announcement, by height. */
  private readonly byHeight = new Map<bigint, Kernel>()

  constructor(
    private readonly genesis: { checkpoint: Checkpoint; kernel: Kernel; epochLength: number },
    private readonly header: (hash: Hex) => Promise<KernelHeader | undefined>,
  ) {
    this.genesisState = { active: genesis.kernel }
    this.byHeight.set(genesis.kernel.height, genesis.kernel)
  }

  kernel(height: bigint): Kernel | undefined {
    return this.byHeight.get(height)
  }

  /** Kernel state after the stored block `hash`; undefined when the block is unknown. */
  async stateAfter(hash: Hex): Promise<KernelState | undefined> {
    if (hash === this.genesis.checkpoint.hash) return this.genesisState
    const hit = this.states.get(hash)
    if (hit) return hit
    // Walk back to a block whose state is known, then forward.
    const chain: { hash: Hex; header: KernelHeader }[] = []
    let cursor = hash
    let base: KernelState | undefined
    for (;;) {
      const h = await this.header(cursor)
      if (!h) return undefined
      chain.push({ hash: cursor, header: h })
      base = h.parentHash === this.genesis.checkpoint.hash ? this.genesisState : this.states.get(h.parentHash)
      if (base) break
      cursor = h.parentHash
    }
    for (let i = chain.length - 1; i >= 0; i--) {
      const { hash: hh, header } = chain[i]!
      base = nextKernelState(base, header, this.genesis.epochLength)
      if (base.pending) this.byHeight.set(base.pending.kernel.height, base.pending.kernel)
      this.states.set(hh, base)
    }
    return base
  }

  /** The kernel governing a block numbered `number` on `parentHash`. */
  async governing(parentHash: Hex, number: bigint): Promise<Kernel | undefined> {
    const s = await this.stateAfter(parentHash)
    return s && governingKernel(s, number)
  }
}
