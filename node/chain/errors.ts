export type ChainErrorCode =
  | 'GENESIS_MISMATCH'
  | 'NO_GENESIS'
  | 'UNKNOWN_BLOCK'
  | 'UNKNOWN_PARENT'
  | 'INVALID_BLOCK'
  | 'BAD_SEAL'
  | 'TOO_EARLY'
  | 'EXECUTION_REVERTED'
  | 'EXECUTION_FAILED'
  | 'UNKNOWN_ACCOUNT'
  | 'NOT_DEV_MODE'
  | 'INVALID_TRANSACTION'
  | 'INVALID_PARAMS'
  | 'TIMEOUT'
  | 'LIMIT_EXCEEDED'
  | 'DATADIR_LOCKED'

/** Errors of the chain core; `code` is what rpc/errors.ts maps to a JSON-RPC error. */
export class ChainError extends Error {
  override readonly name = 'ChainError'
  constructor(
    readonly code: ChainErrorCode,
    message: string,
    readonly data?: unknown,
  ) {
    super(message)
  }
}
