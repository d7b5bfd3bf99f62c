export type TxPoolErrorCode =
  | 'NONCE_TOO_LOW'
  | 'INSUFFICIENT_FUNDS'
  | 'FEE_CAP_BELOW_BASE_FEE'
  | 'TIP_ABOVE_FEE_CAP'
  | 'UNDERPRICED'
  | 'INTRINSIC_GAS_TOO_LOW'
  | 'GAS_LIMIT_EXCEEDED'
  | 'WRONG_CHAIN_ID'
  | 'OVERSIZED'
  | 'ALREADY_KNOWN'
  | 'REPLACEMENT_UNDERPRICED'
  | 'SENDER_LIMIT'
  | 'POOL_FULL'
  | 'INVALID_SENDER'
  | 'UNSUPPORTED_TX_TYPE'
  | 'MISSING_BLOB_SIDECAR'
  | 'NONCE_TOO_HIGH'

/**
 * A transaction the pool refuses. `message` is one line worded like geth's, because ethers and viem
 * classify node errors by matching those words; `data` holds the numbers as decimal strings.
 */
export class TxPoolError extends Error {
  override readonly name = 'TxPoolError'
  constructor(
    readonly code: TxPoolErrorCode,
    message: string,
    readonly data?: Record<string, string>,
  ) {
    super(message)
  }
}
