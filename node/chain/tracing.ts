// Tracing mined transactions: re-execute the block on its parent's state (system calls first, then
// the transactions in order) with a tracer attached to the transactions asked for, and stop after
// the last of them.
import type { Block } from '@ethereumjs/block'
import { createVM, runBlock } from '@ethereumjs/vm'
import type { Chain } from './chain.ts'
import { ChainError } from './errors.ts'
import { txInfo } from './execution.ts'
import { writeOriginRoots } from './originRoots.ts'
import { attachTracer, type Tracer } from './tracers/tracer.ts'

export interface TracedTx {
  index: number
  hash: Uint8Array
  result: unknown
}

/** Thrown from the VM's afterTx event once the last wanted transaction ran, to skip the rest. */
const DONE = Symbol('tracing done')

/**
 * Traces transactions `first`..`last` (indexes, inclusive) of `block`, each with a fresh tracer
 * from `makeTracer` and its own `timeoutMs`.
 */
export async function traceBlockTxs(
  chain: Chain,
  block: Block,
  first: number,
  last: number,
  makeTracer: () => Tracer,
  timeoutMs: number,
): Promise<TracedTx[]> {
  if (block.header.number === 0n) throw new ChainError('EXECUTION_FAILED', 'genesis is not traceable')
  if (last < first || block.transactions.length === 0) return []
  const parent = await chain.getHeaderByHash(block.header.parentHash)
  if (!parent || !(await chain.hasState(parent.stateRoot))) {
    throw new ChainError('UNKNOWN_BLOCK', `missing trie node for state of block ${block.header.number - 1n}`)
  }
  const vm = await createVM({
    common: chain.common,
    stateManager: chain.stateAt(parent.stateRoot),
    blockchain: chain.vm.blockchain,
  })
  // The block's own system writes come first, as in production (runBlock does not know them).
  await writeOriginRoots(vm, await chain.originRootsOf(block.header))
  const out: TracedTx[] = []
  let index = -1
  let active: { tracer: Tracer; detach: () => void } | undefined
  vm.events.on('beforeTx', () => {
    index++
    if (index < first || index > last) return
    const tracer = makeTracer()
    active = { tracer, detach: attachTracer(vm, tracer, Date.now() + timeoutMs) }
  })
  vm.events.on('afterTx', (r) => {
    if (active) {
      const { tracer, detach } = active
      active = undefined
      detach()
      out.push({ index, hash: r.transaction.hash(), result: tracer.result(txInfo(r.transaction), r) })
    }
    if (index >= last) throw DONE
  })
  try {
    // generate: the roots were checked when the block was imported; nothing here is stored.
    await runBlock(vm, { block, generate: true, skipHeaderValidation: true, skipBlockValidation: true })
  } catch (e) {
    if (e !== DONE) throw e
  } finally {
    active?.detach()
  }
  return out
}
