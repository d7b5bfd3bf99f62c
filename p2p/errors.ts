export type P2PErrorCode =
  | 'WRONG_CHAIN'
  | 'BAD_STATUS'
  | 'INVALID_BLOCK'
  | 'BAD_SEAL'
  | 'INVALID_TRANSACTION'
  | 'INVALID_VOTE'
  | 'UNKNOWN_PARENT'
  | 'TOO_EARLY'
  | 'OVERSIZED'
  | 'GARBAGE'
  | 'BAD_REQUEST'
  | 'RATE_LIMITED'
  | 'TIMEOUT'
  | 'NO_PEERS'
  | 'PEER_KEY'
  | 'BAD_BOOTNODE'
  | 'LISTEN_FAILED'

/** What gossip validation does with a message that failed: drop it quietly, or drop and blame the sender. */
export type GossipAction = 'ignore' | 'reject'

/** Errors of the network layer; `reason` labels rejections in logs and metrics. */
export class P2PError extends Error {
  override readonly name = 'P2PError'
  constructor(
    readonly code: P2PErrorCode,
    message: string,
    readonly action: GossipAction = 'reject',
  ) {
    super(message)
  }

  get reason(): string {
    return this.code.toLowerCase()
  }
}
