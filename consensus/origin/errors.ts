export type OriginErrorCode =
  /** No answer from the origin's JSON-RPC after the retries. */
  | 'UNREACHABLE'
  /** A call or transaction reverted; the message names the decoded custom error. */
  | 'REVERTED'
  /** A sent transaction was not mined in time (e.g. underpriced); the message holds its hash. */
  | 'TX_TIMEOUT'
  /** Sending needs `key` in the client's options. */
  | 'NO_KEY'
  /** The origin answered with an error that is neither a revert nor a network failure. */
  | 'RPC_ERROR'
  /** The local origin node (Hardhat) did not start. */
  | 'LAUNCH_FAILED'

/** Failures talking to the origin chain; `code` is stable for logs, metrics and RPC mapping. */
export class OriginError extends Error {
  override readonly name = 'OriginError'
  constructor(
    readonly code: OriginErrorCode,
    message: string,
    /** For REVERTED: the custom error's name and arguments, when the ABI knows it. */
    readonly revert?: { errorName: string; args: readonly unknown[] },
  ) {
    super(message)
  }
}
