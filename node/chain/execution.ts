// Execution outside block production: receipts from a block run, eth_call and eth_estimateGas on a
// throwaway copy of a block's state.
import { type Block, createBlock } from '@ethereumjs/block'
import type { Common } from '@ethereumjs/common'
import {
  type AccessList,
  createAccessList2930Tx,
  createFeeMarket1559Tx,
  createLegacyTx,
  type TypedTransaction,
} from '@ethereumjs/tx'
import { Address, bytesToHex } from '@ethereumjs/util'
import { createVM, type RunBlockResult, runTx, type VM } from '@ethereumjs/vm'
import { type CallRequest, decodeRevertReason } from '../../rpc/index.ts'
import { BLOCK_OPTS, type Chain } from './chain.ts'
import { ChainError } from './errors.ts'
import type { StoredReceipt } from './receipts.ts'

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
  error?: { message: string; reverted: boolean }
}

export interface CallLimits {
  gasCap: bigint
  timeoutMs: number
}

/** Runs `params` as a transaction on the state after `block`; nothing is kept. */
export async function simulate(
  chain: Chain,
  block: Block,
  params: CallParams,
  limits: CallLimits,
): Promise<CallOutcome> {
  const gasLimit = minGas(params.gas ?? limits.gasCap, limits.gasCap)
  const vm = await callVm(chain, block)
  return withTimeout(runOnce(vm, callBlock(chain, block, params), params, gasLimit), limits.timeoutMs)
}

export async function estimateGas(
  chain: Chain,
  block: Block,
  params: CallParams,
  limits: CallLimits,
): Promise<bigint> {
  const deadline = Date.now() + limits.timeoutMs
  const cap = minGas(params.gas ?? block.header.gasLimit, limits.gasCap)
  block = callBlock(chain, block, params)
  // One VM for the whole search: every run reverts its writes, and the reads stay cached.
  const vm = await callVm(chain, block)
  const first = await withTimeout(runOnce(vm, block, params, cap), limits.timeoutMs)
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
    if (Date.now() > deadline) break
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

/**
 * The block context a call runs in. A call that names no gas price pays nothing, and, as in geth
 * (doCall), sees a zero base fee, so BASEFEE reads 0 and a zero fee cap stays valid.
 */
function callBlock(chain: Chain, block: Block, params: CallParams): Block {
  const priced =
    (params.gasPrice ?? 0n) > 0n ||
    (params.maxFeePerGas ?? 0n) > 0n ||
    (params.maxPriorityFeePerGas ?? 0n) > 0n
  if (priced || !block.header.baseFeePerGas) return block
  return createBlock(
    { header: { ...block.header, baseFeePerGas: 0n } },
    { common: chain.common, ...BLOCK_OPTS },
  )
}

/** A VM on a throwaway copy of the state after `block`. */
function callVm(chain: Chain, block: Block): Promise<VM> {
  const stateManager = chain.stateAt(block.header.stateRoot)
  return createVM({ common: chain.common, stateManager, blockchain: chain.vm.blockchain })
}

/** Runs `params` as a transaction on `vm` and reverts whatever it wrote. */
async function runOnce(vm: VM, block: Block, params: CallParams, gasLimit: bigint): Promise<CallOutcome> {
  const from = new Address(params.from ?? new Uint8Array(20))
  const baseFee = block.header.baseFeePerGas ?? 0n
  const nonce = params.nonce ?? (await vm.stateManager.getAccount(from))?.nonce ?? 0n
  const tx = unsignedTx(vm.common, params, gasLimit, nonce, baseFee)
  // Impersonation: calls run as `from` without a signature (what every node's eth_call does).
  ;(tx as { getSenderAddress: () => Address }).getSenderAddress = () => from
  await vm.stateManager.checkpoint()
  try {
    const r = await runTx(vm, {
      tx,
      block,
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
    return out
  } catch (e) {
    const msg = (e as Error).message.split(' (')[0] ?? 'execution failed'
    return { returnData: new Uint8Array(0), gasUsed: 0n, error: { message: msg, reverted: false } }
  } finally {
    await vm.stateManager.revert()
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
  // No price given: pay the base fee exactly, like geth, so calls from empty accounts still work.
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

async function withTimeout<T>(p: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new ChainError('TIMEOUT', `execution timeout after ${ms} ms`)), ms)
  })
  try {
    return await Promise.race([p, timeout])
  } finally {
    clearTimeout(timer)
  }
}
