// VMs for eth_call and eth_estimateGas, kept per state root and reused. Building a VM (its opcode
// tables above all) took 60% of a `balanceOf` call; a kept VM also keeps the accounts and slots it
// read. Calls revert everything they write, so a VM at a state root stays at that root; roots are
// content-addressed, so a kept VM never goes stale, it only stops being asked for.
import type { Block } from '@ethereumjs/block'
import { bytesToHex } from '@ethereumjs/util'
import { createVM, type VM } from '@ethereumjs/vm'
import type { StateOverride } from '../../rpc/index.ts'
import { type CallClock, type ClockRef, clockedJumps, clockFrames } from './callClock.ts'
import { TrieReads } from './callState.ts'
import type { Chain } from './chain.ts'
import { cacheJumpAnalysis } from './jumpAnalysis.ts'
import { applyStateOverride } from './overrides.ts'

/** Roots with idle VMs kept (the head and the few before it are what calls ask for). */
const MAX_ROOTS = 4
/** Idle VMs kept per root (concurrent calls each need their own). */
const MAX_IDLE_PER_ROOT = 4

interface PooledVm {
  vm: VM
  ref: ClockRef
}

export interface CallVmLease {
  vm: VM
  release(): void
}

const pools = new WeakMap<Chain, Map<string, PooledVm[]>>()
const reads = new WeakMap<Chain, TrieReads>()

/** Trie reads shared by every call VM of `chain`, whatever its state root. */
function trieReads(chain: Chain): TrieReads {
  let r = reads.get(chain)
  if (!r) {
    r = new TrieReads()
    reads.set(chain, r)
  }
  return r
}

/** A VM on the state after `block` whose jumps and call frames read `clock`, until `release`. */
export async function leaseCallVm(chain: Chain, block: Block, clock: CallClock): Promise<CallVmLease> {
  let pool = pools.get(chain)
  if (!pool) {
    pool = new Map()
    pools.set(chain, pool)
  }
  const root = bytesToHex(block.header.stateRoot)
  const entry = pool.get(root)?.pop() ?? (await build(chain, block))
  entry.ref.clock = clock
  let released = false
  return {
    vm: entry.vm,
    release: () => {
      if (released) return
      released = true
      entry.ref.clock = undefined
      keep(pool, root, entry)
    },
  }
}

async function build(chain: Chain, block: Block): Promise<PooledVm> {
  const ref: ClockRef = { clock: undefined }
  return { vm: await createCallVm(chain, block, ref), ref }
}

/**
 * A VM on a throwaway copy of the state after `block`, with `overrides` written into it; with `ref`,
 * its jumps and call frames stop at `ref`'s clock.
 */
export async function createCallVm(
  chain: Chain,
  block: Block,
  ref?: ClockRef,
  overrides?: StateOverride,
): Promise<VM> {
  await cacheJumpAnalysis()
  // Cached: a transaction reads its sender and recipient many times over, and its writes (nonce,
  // fees) stay in the cache instead of re-hashing trie nodes that are thrown away anyway.
  const stateManager = chain.stateAt(block.header.stateRoot, { reads: trieReads(chain) })
  if (overrides) await applyStateOverride(stateManager, overrides)
  const vm = await createVM({
    common: chain.common,
    stateManager,
    blockchain: chain.vm.blockchain,
    ...(ref ? { evmOpts: { customOpcodes: clockedJumps(chain.common, ref) } } : {}),
  })
  if (ref) clockFrames(vm, ref)
  return vm
}

function keep(pool: Map<string, PooledVm[]>, root: string, entry: PooledVm): void {
  const idle = pool.get(root)
  if (idle) {
    if (idle.length < MAX_IDLE_PER_ROOT) idle.push(entry)
    // Most recently used root last, so the first is the one to drop.
    pool.delete(root)
    pool.set(root, idle)
    return
  }
  pool.set(root, [entry])
  while (pool.size > MAX_ROOTS) {
    const oldest = pool.keys().next().value
    if (oldest === undefined) break
    pool.delete(oldest)
  }
}
