// What the network needs from the chain, declared here and implemented by node/ (p2p imports
// nothing internal): status, stored blocks as raw RLP, and import of raw blocks and transactions.

export interface ChainStatus {
  chainId: bigint
  genesisHash: Uint8Array
  headNumber: bigint
  headHash: Uint8Array
  /** Fork-choice weight of the head's chain. */
  headWeight: bigint
  finalizedNumber: bigint
  finalizedHash: Uint8Array
}

export type ImportOutcome =
  | { kind: 'imported'; number: bigint; hash: Uint8Array; canonical: boolean }
  | { kind: 'known'; number: bigint; hash: Uint8Array }
  | { kind: 'unknownParent'; number: bigint; hash: Uint8Array; parentHash: Uint8Array }

export interface NetworkChain {
  status(): ChainStatus
  /** Canonical blocks from `start`, at most `count`, raw RLP. */
  blocksByRange(start: bigint, count: number): Promise<Uint8Array[]>
  blockByHash(hash: Uint8Array): Promise<Uint8Array | undefined>
  /**
   * Verifies and imports a raw block; throws P2PError for bad data (action says whom to blame).
   * `deferWrite`: may return before the block is on disk (sync); `flush` waits for the disk.
   */
  importBlock(raw: Uint8Array, options?: { deferWrite?: boolean }): Promise<ImportOutcome>
  /** Resolves once every block imported with `deferWrite` is on disk. */
  flush?(): Promise<void>
  /**
   * Blocks that will be imported soon, in order (a fetched sync batch): the chain may start work on
   * them ahead (decoding, sender recovery off the main thread). Never throws.
   */
  prepareBlocks?(raws: Uint8Array[]): void
  /** Pools a raw transaction received from a peer; throws P2PError when the pool refuses it. */
  addTransaction(raw: Uint8Array): Promise<void>
  /** Checks a consensus vote (finality lands later: the node may accept any well-formed vote). */
  validateVote?(raw: Uint8Array): Promise<void>
}
