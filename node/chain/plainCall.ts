// eth_call's common case (a call to a contract, no value, no gas price, from an account without code)
// run as runTx would run it but without its bookkeeping around the message: fee debits and refunds,
// the coinbase payment, bloom and receipt all land after the call returns and are thrown away with
// its writes. What the call can see is kept exactly: the sender's nonce bumped first (an absent
// sender then exists), the same warm addresses, and the gas left after runTx's own intrinsic gas.
// That bookkeeping was a third of a balanceOf call. Anything else goes through runTx (runOnce).
import type { Block } from '@ethereumjs/block'
import { getCalldataFloorGas, type TypedTransaction } from '@ethereumjs/tx'
import { Account, type Address, bytesToUnprefixedHex, KECCAK256_NULL } from '@ethereumjs/util'
import type { VM } from '@ethereumjs/vm'
import { ChainError } from './errors.ts'

/** EIPs that change what runTx does around the message; with any active, every call takes runTx. */
const RUNTX_CHANGING_EIPS = [2780, 7708, 7778, 7825, 7864, 7928, 8037, 8246]

export interface PlainCallOutcome {
  returnData: Uint8Array
  gasUsed: bigint
  error?: { message: string; reverted: boolean }
}

/** Whether `plainCall` may run this transaction on `vm`, before any state is read. */
export function plainCallApplies(vm: VM, tx: TypedTransaction, free: boolean): boolean {
  return (
    free &&
    tx.to !== undefined &&
    tx.value === 0n &&
    (!('accessList' in tx) || tx.accessList.length === 0) &&
    !RUNTX_CHANGING_EIPS.some((eip) => vm.common.isActivatedEIP(eip))
  )
}

/**
 * Runs `tx` (see plainCallApplies) from `from` on `vm` inside the caller's state checkpoint; undefined
 * when runTx has to decide (a sender with code, gas under the intrinsic cost), with nothing changed.
 */
export async function plainCall(
  vm: VM,
  tx: TypedTransaction,
  from: Address,
  block: Block,
): Promise<PlainCallOutcome | undefined> {
  const to = tx.to
  if (to === undefined) return undefined
  const intrinsic = tx.getIntrinsicGas()
  const floor = getCalldataFloorGas(tx, from)
  if (tx.gasLimit < (intrinsic > floor ? intrinsic : floor)) return undefined
  const sender = (await vm.stateManager.getAccount(from)) ?? new Account()
  // EIP-3607 and EIP-7702 delegations: runTx's checks and errors.
  if (!sender.codeHash.every((b, i) => b === KECCAK256_NULL[i])) return undefined

  const { journal } = vm.evm
  await journal.cleanup()
  await journal.checkpoint()
  try {
    for (const [address] of vm.evm.precompiles.entries()) journal.addAlwaysWarmAddress(address)
    journal.addAlwaysWarmAddress(bytesToUnprefixedHex(from.bytes))
    journal.addAlwaysWarmAddress(bytesToUnprefixedHex(to.bytes))
    journal.addAlwaysWarmAddress(bytesToUnprefixedHex(block.header.coinbase.bytes))
    sender.nonce += 1n
    await journal.putAccount(from, sender)
    const r = await vm.evm.runCall({
      block,
      gasPrice: 0n,
      caller: from,
      gasLimit: tx.gasLimit - intrinsic,
      to,
      value: 0n,
      data: tx.data,
      skipNonceIncrement: true,
    })
    const ex = r.execResult
    // runTx's accounting: refunds capped at a fifth of the gas spent, then the calldata floor.
    let gasUsed = ex.executionGasUsed + intrinsic
    const refund = ex.gasRefund ?? 0n
    const cap = gasUsed / vm.common.param('maxRefundQuotient')
    gasUsed -= refund < cap ? refund : cap
    if (gasUsed < floor) gasUsed = floor
    const out: PlainCallOutcome = { returnData: ex.returnValue, gasUsed }
    if (ex.exceptionError) {
      out.error = { message: ex.exceptionError.error, reverted: ex.exceptionError.error === 'revert' }
    }
    return out
  } catch (e) {
    // A timeout is the caller's; anything else runTx reports its own way when it runs the call.
    if (e instanceof ChainError) throw e
    return undefined
  } finally {
    await journal.revert()
    journal.cleanJournal()
    vm.stateManager.originalStorageCache.clear()
  }
}
