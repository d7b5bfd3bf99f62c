export type ConsensusErrorCode =
  | 'BAD_EXTRA_DATA'
  | 'BAD_SEAL'
  | 'WRONG_SEALER'
  | 'UNKNOWN_PROPOSER'
  | 'BAD_PAYLOAD'
  | 'BAD_SLOT'
  | 'TOO_EARLY'
  | 'BAD_VOTE'
  | 'UNKNOWN_VOTER'
  | 'UNKNOWN_KERNEL'
  | 'BAD_QC'
  | 'SLASHABLE'

/** Consensus rule violations; `code` is stable for logs, metrics and RPC mapping. */
export class ConsensusError extends Error {
  override readonly name = 'ConsensusError'
  constructor(
    readonly code: ConsensusErrorCode,
    message: string,
  ) {
    super(message)
  }
}
