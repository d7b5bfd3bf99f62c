// What the JSON-RPC layer needs from a node. `node/` implements it; `rpc/` never imports `node/`
// (go-ethereum's Backend pattern). Values are ethereumjs objects and raw bytes; rpc/format.ts turns
// them into JSON.
import type { Block } from '@ethereumjs/block'
import type { TypedTransaction } from '@ethereumjs/tx'

export type BlockTag = 'latest' | 'earliest' | 'pending' | 'safe' | 'finalized'

/** A block named by tag, number or hash (EIP-1898). */
export type BlockId =
  | { tag: BlockTag }
  | { number: bigint }
  | { hash: Uint8Array; requireCanonical?: boolean }

export interface LogView {
  address: Uint8Array
  topics: Uint8Array[]
  data: Uint8Array
  blockHash: Uint8Array
  blockNumber: bigint
  blockTimestamp: bigint
  transactionHash: Uint8Array
  transactionIndex: number
  /** Index of the log within its block. */
  logIndex: number
  removed: boolean
}

export interface ReceiptView {
  transactionHash: Uint8Array
  transactionIndex: number
  blockHash: Uint8Array
  blockNumber: bigint
  from: Uint8Array
  to: Uint8Array | null
  contractAddress: Uint8Array | null
  cumulativeGasUsed: bigint
  gasUsed: bigint
  effectiveGasPrice: bigint
  /** 1 success, 0 failure */
  status: 0 | 1
  logsBloom: Uint8Array
  logs: LogView[]
  type: number
  blobGasUsed?: bigint
  blobGasPrice?: bigint
}

export interface TxLocation {
  blockHash: Uint8Array
  blockNumber: bigint
  index: number
  /** Base fee of the including block, for `gasPrice` of 1559 transactions. */
  baseFeePerGas?: bigint
}

/** A transaction-like object as accepted by eth_call / eth_estimateGas / eth_sendTransaction. */
export interface CallRequest {
  from?: Uint8Array
  to?: Uint8Array | null
  gas?: bigint
  gasPrice?: bigint
  maxFeePerGas?: bigint
  maxPriorityFeePerGas?: bigint
  value?: bigint
  data?: Uint8Array
  nonce?: bigint
  accessList?: { address: Uint8Array; storageKeys: Uint8Array[] }[]
  type?: number
}

export interface CallResult {
  returnData: Uint8Array
  gasUsed: bigint
  /** Set when execution failed; `reverted` distinguishes REVERT from other halts. */
  error?: { message: string; reverted: boolean }
}

export interface LogFilter {
  fromBlock: bigint
  toBlock: bigint
  /** Empty means any address. */
  addresses: Uint8Array[]
  /** Per position: null = any, else any of the listed topics. */
  topics: (Uint8Array[] | null)[]
  /**
   * The rpc layer rejects a query returning more logs than this; a backend may stop collecting
   * once it holds more than `maxResults` logs instead of reading the whole range.
   */
  maxResults?: number
}

/** A change of the canonical chain. */
export interface ChainEvent {
  /** Blocks that joined the canonical chain, oldest first (the last one is the new head). */
  added: Block[]
  /** Blocks that left the canonical chain in a reorg, newest first; empty when the head just grew. */
  removed: Block[]
}

export interface AccountView {
  nonce: bigint
  balance: bigint
  codeHash: Uint8Array
  storageRoot: Uint8Array
}

export interface SyncStatus {
  startingBlock: bigint
  currentBlock: bigint
  highestBlock: bigint
}

/** EIP-712 typed data as sent by wallets to eth_signTypedData_v4. */
export interface TypedDataInput {
  types: Record<string, { name: string; type: string }[]>
  primaryType: string
  domain: Record<string, unknown>
  message: Record<string, unknown>
}

/** EIP-1186 proof of one account and some of its storage slots, at one block's state. */
export interface AccountProofView {
  /** Trie nodes from the state root to the account's leaf (or to where its path ends). */
  accountProof: Uint8Array[]
  balance: bigint
  nonce: bigint
  /** All zero for an absent account, as geth reports it. */
  codeHash: Uint8Array
  /** The account's storage root; all zero for an absent account, as geth reports it. */
  storageHash: Uint8Array
  /** One entry per requested slot, in request order. */
  storageProof: { value: bigint; proof: Uint8Array[] }[]
}

/** One account's replacement fields for a call (geth's OverrideAccount); absent fields keep their value. */
export interface AccountOverride {
  balance?: bigint
  nonce?: bigint
  code?: Uint8Array
  /** Replaces the whole storage with these slots: [slot, value], 32 bytes each. */
  state?: [Uint8Array, Uint8Array][]
  /** Sets these slots and keeps the others. Never together with `state`. */
  stateDiff?: [Uint8Array, Uint8Array][]
}

/** eth_call's third parameter: account overrides by address. */
export type StateOverride = { address: Uint8Array; account: AccountOverride }[]

/** eth_call's fourth parameter: header fields the call sees instead of the block's. */
export interface BlockOverrides {
  number?: bigint
  time?: bigint
  gasLimit?: bigint
  coinbase?: Uint8Array
  prevRandao?: Uint8Array
  baseFee?: bigint
  blobBaseFee?: bigint
}

/** Overrides of a simulated call; they never touch stored state. */
export interface CallOverrides {
  state?: StateOverride
  block?: BlockOverrides
}

/** geth's default struct-log tracer options. */
export interface StructLoggerConfig {
  enableMemory: boolean
  disableStack: boolean
  disableStorage: boolean
  enableReturnData: boolean
  /** Stop recording once the recorded logs' JSON exceeds this many bytes (geth's meaning); 0 = no limit. */
  limit: number
}

/** geth's callTracer options (`tracerConfig`). */
export interface CallTracerConfig {
  onlyTopCall: boolean
  withLog: boolean
}

/** Which tracer runs, with its options, as parsed from debug_trace*'s config object. */
export type TraceConfig = (
  | { tracer: 'structLogger'; structLogger: StructLoggerConfig }
  | { tracer: 'callTracer'; callTracer: CallTracerConfig }
) & {
  /** Time limit of each traced transaction; the backend's default when absent. */
  timeoutMs?: number
}

/** One transaction of a block trace: the tracer's result, or why it could not be traced. */
export interface BlockTraceEntry {
  txHash: Uint8Array
  result?: unknown
  error?: string
}

/** eth_createAccessList's result: the list, the gas used with it, and the call's failure if any. */
export interface AccessListResult {
  accessList: { address: Uint8Array; storageKeys: Uint8Array[] }[]
  gasUsed: bigint
  error?: string
}

/** Pooled transactions by sender (0x lowercase address), each list in nonce order. */
export interface PoolContent {
  pending: Map<string, TypedTransaction[]>
  queued: Map<string, TypedTransaction[]>
}

/** A checkpoint as mosaic_* methods show it; quantities are 0x hex. */
export interface CheckpointRef {
  number: string
  hash: string
}

/** The `mosaic_*` namespace's view of consensus and the origin chain (DESIGN.md §5-§7), JSON-shaped. */
export interface MosaicBackend {
  status(): Promise<Record<string, unknown>>
  /** Validators (address, stake) whose votes count at `block`. */
  validators(block: Block): Promise<{ address: string; stake: string }[]>
  /** Votes seen for `block` as a target, and its finality status. */
  checkpoint(block: Block): Promise<Record<string, unknown>>
  /** MetaBlockCommitted events on the origin from `fromBlock` (origin block number). */
  commits(fromBlock: bigint): Promise<Record<string, unknown>[]>
  /** A gateway message's steps on both chains and its status there (issue 6); null when unknown. */
  message(messageHash: `0x${string}`): Promise<Record<string, unknown> | null>
}

export interface RpcBackend {
  readonly chainId: bigint
  readonly clientVersion: string
  /** Consensus and origin chain (`mosaic_*`); absent on a chain imported from another consensus. */
  readonly mosaic?: MosaicBackend

  /** Dev accounts (unlocked in dev mode); empty outside dev mode. */
  accounts(): Uint8Array[]
  peerCount(): number
  listening(): boolean
  syncing(): SyncStatus | false

  /** Number of the current head. */
  blockNumber(): bigint
  /** `pending` resolves to the head (we do not build speculative pending blocks). */
  getBlock(id: BlockId): Promise<Block | undefined>
  /** Receipts of every transaction of a canonical or stored block, in order. */
  getReceipts(block: Block): Promise<ReceiptView[]>

  /** A transaction by hash: mined (with location) or pending in the pool (without). */
  getTransaction(hash: Uint8Array): Promise<{ tx: TypedTransaction; location?: TxLocation } | undefined>
  getReceipt(hash: Uint8Array): Promise<ReceiptView | undefined>

  getAccount(address: Uint8Array, block: Block): Promise<AccountView>
  /**
   * Next nonce for `address` counting its transactions in the pool, for
   * eth_getTransactionCount(addr, 'pending'). Without it the rpc layer answers with the head's nonce.
   */
  pendingNonce?(address: Uint8Array): Promise<bigint>
  getCode(address: Uint8Array, block: Block): Promise<Uint8Array>
  getStorageAt(address: Uint8Array, slot: Uint8Array, block: Block): Promise<Uint8Array>
  getLogs(filter: LogFilter): Promise<LogView[]>
  /**
   * EIP-1186 proof for `address` and its storage `slots` (each 32 bytes, left-padded) in the state
   * after `block`, for eth_getProof.
   */
  getProof(address: Uint8Array, slots: Uint8Array[], block: Block): Promise<AccountProofView>
  /**
   * Calls `listener` with the hash (and the transaction) of each transaction that becomes pending;
   * returns the unsubscribe.
   */
  subscribePending?(listener: (hash: Uint8Array, tx: TypedTransaction) => void): () => void
  /**
   * Calls `listener` each time the canonical chain changes; returns the unsubscribe. For
   * eth_subscribe (newHeads, logs): removed blocks' logs are re-sent with `removed: true`.
   */
  subscribeChain?(listener: (ev: ChainEvent) => void): () => void

  /** Executes against the state after `block` (with `overrides` applied), without committing. */
  call(req: CallRequest, block: Block, overrides?: CallOverrides): Promise<CallResult>
  /** Lowest gas limit at which `req` succeeds; throws a revert error when it never does. */
  estimateGas(req: CallRequest, block: Block, overrides?: CallOverrides): Promise<bigint>
  /**
   * The addresses and slots `req` touches (without sender, recipient and precompiles), grown until
   * stable, and the gas the call uses with that list (eth_createAccessList).
   */
  createAccessList?(req: CallRequest, block: Block): Promise<AccessListResult>

  /**
   * Re-executes a mined transaction on its block's state and traces it; the tracer's JSON result
   * (geth's format), or undefined for an unknown transaction.
   */
  traceTransaction?(hash: Uint8Array, config: TraceConfig): Promise<unknown>
  /** Traces every transaction of `block` on its parent's state, in order. */
  traceBlock?(block: Block, config: TraceConfig): Promise<BlockTraceEntry[]>
  /** Traces `req` as eth_call would run it on the state after `block`. */
  traceCall?(req: CallRequest, block: Block, config: TraceConfig, overrides?: CallOverrides): Promise<unknown>

  /** Decodes, validates and pools a signed transaction; returns its hash. Throws coded errors. */
  sendRawTransaction(raw: Uint8Array): Promise<Uint8Array>
  /** Dev mode: signs with the unlocked account `req.from` and pools it. */
  sendTransaction(req: CallRequest): Promise<Uint8Array>
  /** Dev mode: EIP-191 personal sign. */
  sign(address: Uint8Array, message: Uint8Array): Promise<Uint8Array>
  /** Dev mode: EIP-712. */
  signTypedData(address: Uint8Array, data: TypedDataInput): Promise<Uint8Array>

  /** Counts of executable (pending) and future-nonce (queued) transactions in the pool. */
  poolStatus(): { pending: number; queued: number }
  /** Every pooled transaction, for txpool_content and txpool_inspect. */
  poolContent(): PoolContent

  /** Suggested legacy gas price (base fee of next block + suggested tip). */
  gasPrice(): Promise<bigint>
  maxPriorityFeePerGas(): Promise<bigint>
}

/**
 * Errors thrown by a backend carry a string `code`; rpc/errors.ts maps codes to JSON-RPC errors in one
 * table. Domains in `node/` use their own error classes with these codes.
 */
export interface CodedError {
  code: string
  message: string
  data?: unknown
}
