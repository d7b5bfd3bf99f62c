// Execution outside block production: receipts from a block run, eth_call, eth_estimateGas and
// debug_traceCall on a throwaway copy of a block's state, with eth_call's overrides.
import type { Block } from '@ethereumjs/block'
import type { Common } from '@ethereumjs/common'
import {
  type AccessList,
  createAccessList2930Tx,
  createFeeMarket1559Tx,
  createLegacyTx,
  type TypedTransaction,
} from '@ethereumjs/tx'
import { Address, bytesToHex } from '@ethereumjs/util'
import { type RunBlockResult, runTx, type VM } from '@ethereumjs/vm'
import {
  type CallOverrides,
  type CallRequest,
  decodeRevertReason,
  type StateOverride,
} from '../../rpc/index.ts'
import { CallClock } from './callClock.ts'
import { createCallVm, leaseCallVm } from './callPool.ts'
import type { Chain } from './chain.ts'
import { ChainError } from './errors.ts'
import { overrideBlock } from './overrides.ts'
import { plainCall, plainCallApplies } from './plainCall.ts'
import type { StoredReceipt } from './receipts.ts'
import { attachTracer, type Tracer, type TxInfo } from './tracers/tracer.ts'

export function effectiveGasPrice(tx: TypedTransaction, baseFee: bigint): bigint {
  if ('maxFeePerGas' in tx) {
    const tip =
      tx.maxPriorityFeePerGas < tx.maxFeePerGas - baseFee
        ? tx.maxPriorityFeePerGas
        : tx.maxFeePerGas - baseFee
    return baseFee + tip
  }
  return (tx as { gasPrice: bigint }).gasPrice
}

export function executionReceipts(
  block: Block,
  result: Pick<RunBlockResult, 'receipts' | 'results'>,
): StoredReceipt[] {
  const baseFee = block.header.baseFeePerGas ?? 0n
  return block.transactions.map((tx, i) => {
    const r = result.receipts[i]
    const x = result.results[i]
    if (!r || !x) throw new ChainError('INVALID_BLOCK', `missing execution result for transaction ${i}`)
    return {
      status: 'status' in r && r.status === 1 ? 1 : 0,
      cumulativeGasUsed: r.cumulativeBlockGasUsed,
      gasUsed: x.totalGasSpent,
      effectiveGasPrice: effectiveGasPrice(tx, baseFee),
      bloom: r.bitvector,
      logs: r.logs,
      from: tx.getSenderAddress().bytes,
      contractAddress: x.createdAddress ? x.createdAddress.bytes : null,
    }
  })
}

/** eth_call's transaction fields; the type is implied by the fee fields. */
export type CallParams = Omit<CallRequest, 'type'>

export interface CallOutcome {
  returnData: Uint8Array
  gasUsed: bigint
  /** `invalid`: the call could not start (fees, intrinsic gas...), so nothing ran. */
  error?: { message: string; reverted: boolean; invalid?: boolean }
  /** The attached tracer's result. */
  trace?: unknown
}

/** A tracer to attach to one run, and when the run must stop (epoch ms). */
export interface TraceHook {
  tracer: Tracer
  deadline: number
}

export interface CallLimits {
  gasCap: bigint
  timeoutMs: number
}

/**
 * Runs `params` as a transaction on the state after `block`; nothing is kept. With `tracer`, the
 * outcome carries its result.
 */
export async function simulate(
  chain: Chain,
  block: Block,
  params: CallParams,
  limits: CallLimits,
  overrides: CallOverrides = {},
  tracer?: Tracer,
): Promise<CallOutcome> {
  const gasLimit = minGas(params.gas ?? limits.gasCap, limits.gasCap)
  const clock = new CallClock(limits.timeoutMs)
  const env = overrideBlock(block, overrides.block, chain.common)
  if (!overrides.state && !tracer) {
    const lease = await leaseCallVm(chain, block, clock)
    const out = await runOnce(lease.vm, env, params, gasLimit, undefined, true)
    // Only a run that ended normally gives its VM back; one that threw (a timeout) is dropped.
    lease.release()
    return out
  }
  const vm = await callVm(chain, block, overrides.state, clock)
  const trace = tracer && { tracer, deadline: Date.now() + limits.timeoutMs }
  return runOnce(vm, env, params, gasLimit, trace)
}

/** debug_traceCall: `tracer`'s result for `params` run as simulate runs it. */
export async function traceCall(
  chain: Chain,
  block: Block,
  params: CallParams,
  limits: CallLimits,
  tracer: Tracer,
  overrides: CallOverrides = {},
): Promise<unknown> {
  const out = await simulate(chain, block, params, limits, overrides, tracer)
  if (out.error?.invalid) throw new ChainError('EXECUTION_FAILED', `tracing failed: ${out.error.message}`)
  return out.trace
}

export async function estimateGas(
  chain: Chain,
  block: Block,
  params: CallParams,
  limits: CallLimits,
  overrides: CallOverrides = {},
): Promise<bigint> {
  // One VM and one clock for the whole search: every run reverts its writes, the reads stay cached,
  // and the time limit covers all runs together.
  const clock = new CallClock(limits.timeoutMs)
  const lease = overrides.state ? undefined : await leaseCallVm(chain, block, clock)
  const vm = lease?.vm ?? (await callVm(chain, block, overrides.state, clock))
  block = overrideBlock(block, overrides.block, chain.common)
  const gas = await searchGas(vm, block, params, minGas(params.gas ?? block.header.gasLimit, limits.gasCap))
  // Only a search that ended normally gives its VM back; one that threw (a timeout) is dropped.
  lease?.release()
  return gas
}

/** The lowest gas limit at which `params` succeeds on `vm`, up to `cap`; throws when none does. */
async function searchGas(vm: VM, block: Block, params: CallParams, cap: bigint): Promise<bigint> {
  const first = await runOnce(vm, block, params, cap)
  if (first.error) throw outcomeError(first)
  // Most transactions need exactly what they used (a plain transfer: 21000), which wallets show as is.
  if (first.gasUsed < cap && !(await runOnce(vm, block, params, first.gasUsed)).error) return first.gasUsed
  // Refunds and the 63/64 rule mean gasUsed alone may be too little: search the lowest limit that works.
  let lo = first.gasUsed
  let hi = cap
  const guess = (first.gasUsed * 64n) / 63n + 3000n
  if (guess < hi) {
    const g = await runOnce(vm, block, params, guess)
    if (!g.error) hi = guess
    else lo = guess
  }
  while (hi - lo > 1n && (hi - lo) * 1000n > hi) {
    const mid = (lo + hi) / 2n
    const r = await runOnce(vm, block, params, mid)
    if (r.error) lo = mid
    else hi = mid
  }
  return hi
}

export function outcomeError(o: CallOutcome): ChainError {
  const err = o.error ?? { message: 'execution failed', reverted: false }
  if (err.reverted) {
    const reason = decodeRevertReason(o.returnData)
    return new ChainError(
      'EXECUTION_REVERTED',
      reason ? `execution reverted: ${reason}` : 'execution reverted',
      o.returnData,
    )
  }
  return new ChainError('EXECUTION_FAILED', err.message)
}

function minGas(a: bigint, b: bigint): bigint {
  return a < b ? a : b
}

/** A VM on a throwaway copy of the state after `block`, with `overrides`, stopped by `clock` when given. */
export function callVm(
  chain: Chain,
  block: Block,
  overrides?: StateOverride,
  clock?: CallClock,
): Promise<VM> {
  return createCallVm(chain, block, clock ? { clock } : undefined, overrides)
}

/**
 * Runs `params` as a transaction on `vm` and reverts whatever it wrote. With `plain`, a call that
 * plainCall covers skips runTx (eth_call only needs what the call returns).
 */
export async function runOnce(
  vm: VM,
  block: Block,
  params: CallParams,
  gasLimit: bigint,
  trace?: TraceHook,
  plain = false,
): Promise<CallOutcome> {
  const from = new Address(params.from ?? new Uint8Array(20))
  // Like geth, a call that names no gas price pays nothing and runs with a zero base fee: the sender's
  // balance is untouched and GASPRICE / BASEFEE read 0.
  const free = !params.gasPrice && !params.maxFeePerGas && !params.maxPriorityFeePerGas
  const env = free && block.header.baseFeePerGas ? freeEnv(block, vm.common) : block
  const baseFee = env.header.baseFeePerGas ?? 0n
  const nonce = params.nonce ?? (await vm.stateManager.getAccount(from))?.nonce ?? 0n
  // Read before the checkpoint, the callee's account and code stay in a kept VM's caches (the revert
  // after the call forgets whatever was first read inside it).
  if (params.to) await vm.stateManager.getCode(new Address(params.to))
  const tx = unsignedTx(vm.common, params, gasLimit, nonce, baseFee)
  // Impersonation: calls run as `from` without a signature (what every node's eth_call does).
  ;(tx as { getSenderAddress: () => Address }).getSenderAddress = () => from
  await vm.stateManager.checkpoint()
  const detach = trace ? attachTracer(vm, trace.tracer, trace.deadline) : undefined
  try {
    if (plain && !trace && plainCallApplies(vm, tx, free)) {
      const out = await plainCall(vm, tx, from, env)
      if (out) return out
    }
    const r = await runTx(vm, {
      tx,
      block: env,
      skipBalance: true,
      // geth skips nonce checks in calls too: wallets estimate with the next pending nonce.
      skipNonce: true,
      skipBlockGasLimitValidation: true,
      skipHardForkValidation: true,
    })
    const ex = r.execResult
    const out: CallOutcome = { returnData: ex.returnValue, gasUsed: r.totalGasSpent }
    if (ex.exceptionError) {
      out.error = { message: ex.exceptionError.error, reverted: ex.exceptionError.error === 'revert' }
    }
    if (trace) out.trace = trace.tracer.result(txInfo(tx), r)
    return out
  } catch (e) {
    // A tracer's timeout aborts the run: that is the caller's error, not the call's outcome.
    if (e instanceof ChainError) throw e
    const msg = (e as Error).message.split(' (')[0] ?? 'execution failed'
    return {
      returnData: new Uint8Array(0),
      gasUsed: 0n,
      error: { message: msg, reverted: false, invalid: true },
    }
  } finally {
    try {
      detach?.()
    } finally {
      await vm.stateManager.revert()
    }
  }
}

const freeEnvs = new WeakMap<Block, Block>()

/** `block` with a zero base fee, made once per block: building a header is a tenth of a small call. */
function freeEnv(block: Block, common: Common): Block {
  let env = freeEnvs.get(block)
  if (!env) {
    env = overrideBlock(block, { baseFee: 0n }, common)
    freeEnvs.set(block, env)
  }
  return env
}

/** What a tracer is told about the transaction it traces. */
export function txInfo(tx: TypedTransaction): TxInfo {
  return {
    from: tx.getSenderAddress().bytes,
    ...(tx.to ? { to: tx.to.bytes } : {}),
    value: tx.value,
    gasLimit: tx.gasLimit,
    input: tx.data,
  }
}

function unsignedTx(
  common: Common,
  p: CallParams,
  gasLimit: bigint,
  nonce: bigint,
  baseFee: bigint,
): TypedTransaction {
  const opts = { common, freeze: false }
  const base = {
    nonce,
    gasLimit,
    to: p.to ? new Address(p.to) : undefined,
    value: p.value ?? 0n,
    data: p.data ?? new Uint8Array(0),
  }
  const accessList: AccessList | undefined = p.accessList?.map((a) => ({
    address: bytesToHex(a.address),
    storageKeys: a.storageKeys.map((k) => bytesToHex(k)),
  }))
  if (p.gasPrice !== undefined) {
    return accessList
      ? createAccessList2930Tx({ ...base, gasPrice: p.gasPrice, accessList }, opts)
      : createLegacyTx({ ...base, gasPrice: p.gasPrice }, opts)
  }
  // A tip without a fee cap pays just the base fee (zero when the call names no price at all).
  const maxFeePerGas = p.maxFeePerGas ?? baseFee
  const maxPriorityFeePerGas = p.maxPriorityFeePerGas ?? 0n
  return createFeeMarket1559Tx(
    {
      ...base,
      maxFeePerGas,
      maxPriorityFeePerGas: maxPriorityFeePerGas > maxFeePerGas ? maxFeePerGas : maxPriorityFeePerGas,
      accessList: accessList ?? [],
    },
    opts,
  )
}
