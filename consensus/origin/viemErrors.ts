// What viem's errors say about a failed call or transaction, for every sender of ours (the origin
// client, the bridge's): whether the endpoint was unreachable, and which custom error a revert named.
import { BaseError, ContractFunctionRevertedError, HttpRequestError, TimeoutError } from 'viem'

export function isNetworkError(e: unknown): boolean {
  if (!(e instanceof BaseError)) return false
  return e.walk((x) => x instanceof HttpRequestError || x instanceof TimeoutError) !== null
}

export interface Revert {
  /** `Name(arg, ...)` for a custom error the ABI knows, else the reason or selector. */
  shown: string
  decoded?: { errorName: string; args: readonly unknown[] }
}

/** The revert `e` carries; undefined when it is no revert. */
export function revertOf(e: unknown): Revert | undefined {
  if (!(e instanceof BaseError)) return undefined
  const reverted = e.walk((x) => x instanceof ContractFunctionRevertedError)
  if (!(reverted instanceof ContractFunctionRevertedError)) return undefined
  const data = reverted.data
  if (data?.errorName !== undefined) {
    const args = data.args ?? []
    return {
      shown: `${data.errorName}(${args.map((a) => String(a)).join(', ')})`,
      decoded: { errorName: data.errorName, args },
    }
  }
  return { shown: reverted.reason ?? reverted.signature ?? 'no reason given' }
}
