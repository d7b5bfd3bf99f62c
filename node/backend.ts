// The node's implementation of rpc/backend.ts: reads go to the chain store, writes to the pool.
import type { Block } from '@ethereumjs/block'
import { getMerkleStateProof } from '@ethereumjs/statemanager'
import { createFeeMarket1559Tx, type TypedTransaction } from '@ethereumjs/tx'
import { Address, bytesToHex, equalsBytes, hexToBytes, KECCAK256_RLP, setLengthLeft } from '@ethereumjs/util'
import { keccak256 } from 'ethereum-cryptography/keccak.js'
import { LRUCache } from 'lru-cache'
import type { Hex } from 'viem'
import { privateKeyToAccount } from 'viem/accounts'
import type {
  AccessListResult,
  AccountProofView,
  AccountView,
  BlockId,
  BlockTraceEntry,
  CallOverrides,
  CallRequest,
  CallResult,
  ChainEvent,
  LogFilter,
  LogView,
  MosaicBackend,
  PoolContent,
  ReceiptView,
  RpcBackend,
  SyncStatus,
  TraceConfig,
  TxLocation,
  TypedDataInput,
} from '../rpc/index.ts'
import { createAccessList } from './chain/accessList.ts'
import type { Chain } from './chain/chain.ts'
import { ChainError } from './chain/errors.ts'
import { type CallLimits, estimateGas, outcomeError, simulate, traceCall } from './chain/execution.ts'
import { decodeRawTransaction } from './chain/rawTx.ts'
import type { StoredReceipt } from './chain/receipts.ts'
import { createTracer } from './chain/tracers/index.ts'
import { traceBlockTxs } from './chain/tracing.ts'
import type { TxPool } from './chain/txpool.ts'

export interface BackendOptions extends CallLimits {
  clientVersion: string
  /** Suggested tip returned by eth_maxPriorityFeePerGas and used by eth_sendTransaction. */
  suggestedTip: bigint
}

export const defaultBackendOptions: Omit<BackendOptions, 'clientVersion'> = {
  gasCap: 50_000_000n,
  timeoutMs: 5_000,
  suggestedTip: 1_000_000_000n,
}

/** Blocks whose headers eth_getLogs reads at once. */
const LOG_SCAN_CHUNK = 32n
/** Blocks whose bloom (256 bytes) eth_getLogs keeps. */
const LOG_INDEX_BLOCKS = 50_000
/** Logs eth_getLogs keeps with their blocks (counted in logs). */
const LOG_CACHE_LOGS = 200_000
/** State roots whose read-only views (with their account and slot caches) are kept. */
const READ_STATE_ROOTS = 8

export interface DevAccount {
  address: Uint8Array
  privateKey: Uint8Array
}

export class NodeBackend implements RpcBackend {
  private readonly devKeys = new Map<string, DevAccount>()
  private readonly pendingListeners = new Set<(hash: Uint8Array, tx: TypedTransaction) => void>()
  private readonly chainListeners = new Set<(ev: ChainEvent) => void>()
  private readonly readStates = new LRUCache<string, ReturnType<Chain['stateAt']>>({ max: READ_STATE_ROOTS })
  /**
   * eth_getLogs's view of recent blocks by number: the hash tells whether the block is still the
   * canonical one at that height, and a block's bloom and logs never change.
   */
  private readonly logIndex = new LRUCache<bigint, IndexedBlock>({
    max: LOG_INDEX_BLOCKS,
    maxSize: LOG_INDEX_BLOCKS + LOG_CACHE_LOGS,
    sizeCalculation: (b) => 1 + (b.logs?.length ?? 0),
  })

  constructor(
    private readonly options: BackendOptions,
    private readonly modules: {
      chain: Chain
      pool: TxPool
      devAccounts: DevAccount[]
      /** Connected p2p peers (none without a network). */
      peerCount?: () => number
      /** Progress of a running sync from peers. */
      syncProgress?: () => { starting: bigint; current: bigint; highest: bigint } | undefined
      /** The `mosaic_*` namespace (consensus, origin chain); absent on imported chains. */
      mosaic?: MosaicBackend
      /** Hashes of the latest justified (`safe`) and finalised blocks; absent on imported chains. */
      finality?: () => { safe: Uint8Array; finalized: Uint8Array }
    },
  ) {
    for (const a of modules.devAccounts) this.devKeys.set(bytesToHex(a.address), a)
    modules.pool.onPending = (tx) => {
      if (this.pendingListeners.size === 0) return
      const hash = tx.hash()
      for (const l of this.pendingListeners) l(hash, tx)
    }
    modules.chain.onReorg((change) => {
      if (this.chainListeners.size === 0) return
      // The chain lists dropped blocks oldest first; subscribers undo the newest first.
      const ev: ChainEvent = { added: change.added, removed: [...change.removed].reverse() }
      for (const l of this.chainListeners) l(ev)
    })
  }

  get mosaic(): MosaicBackend | undefined {
    return this.modules.mosaic
  }

  subscribePending(listener: (hash: Uint8Array, tx: TypedTransaction) => void): () => void {
    this.pendingListeners.add(listener)
    return () => this.pendingListeners.delete(listener)
  }

  subscribeChain(listener: (ev: ChainEvent) => void): () => void {
    this.chainListeners.add(listener)
    return () => this.chainListeners.delete(listener)
  }

  get chainId(): bigint {
    return this.modules.chain.chainId
  }

  get clientVersion(): string {
    return this.options.clientVersion
  }

  accounts(): Uint8Array[] {
    return this.modules.devAccounts.map((a) => a.address)
  }

  peerCount(): number {
    return this.modules.peerCount?.() ?? 0
  }

  listening(): boolean {
    return true
  }

  syncing(): SyncStatus | false {
    const p = this.modules.syncProgress?.()
    return p ? { startingBlock: p.starting, currentBlock: p.current, highestBlock: p.highest } : false
  }

  blockNumber(): bigint {
    return this.modules.chain.head.header.number
  }

  async pendingNonce(address: Uint8Array): Promise<bigint> {
    return this.modules.pool.pendingNonce(address)
  }

  async getBlock(id: BlockId): Promise<Block | undefined> {
    const { chain } = this.modules
    if ('tag' in id) {
      if (id.tag === 'earliest') return chain.genesisBlock
      const f = this.modules.finality?.()
      // Without finality (a chain imported from another consensus) every block is final.
      if (!f || (id.tag !== 'safe' && id.tag !== 'finalized')) return chain.head
      return (await chain.getBlockByHash(id.tag === 'safe' ? f.safe : f.finalized)) ?? chain.genesisBlock
    }
    if ('number' in id) return chain.getBlockByNumber(id.number)
    const block = await chain.getBlockByHash(id.hash)
    if (block && id.requireCanonical && !(await chain.isCanonical(block))) return undefined
    return block
  }

  async getReceipts(block: Block): Promise<ReceiptView[]> {
    const stored = await this.modules.chain.getReceipts(block.hash())
    if (!stored) return []
    const logs = blockLogs(block, stored)
    return stored.map((r, i) => receiptView(block, i, r, logs[i] ?? []))
  }

  async getTransaction(
    hash: Uint8Array,
  ): Promise<{ tx: TypedTransaction; location?: TxLocation } | undefined> {
    const { chain, pool } = this.modules
    const loc = await chain.getTxLocation(hash)
    if (loc) {
      const block = await chain.getBlockByHash(loc.blockHash)
      const tx = block?.transactions[loc.index]
      if (block && tx) {
        return {
          tx,
          location: {
            blockHash: loc.blockHash,
            blockNumber: block.header.number,
            index: loc.index,
            ...(block.header.baseFeePerGas !== undefined
              ? { baseFeePerGas: block.header.baseFeePerGas }
              : {}),
          },
        }
      }
    }
    const pending = pool.get(hash)
    return pending ? { tx: pending } : undefined
  }

  async getReceipt(hash: Uint8Array): Promise<ReceiptView | undefined> {
    const { chain } = this.modules
    const loc = await chain.getTxLocation(hash)
    if (!loc) return undefined
    const block = await chain.getBlockByHash(loc.blockHash)
    const stored = await chain.getReceipts(loc.blockHash)
    const r = stored?.[loc.index]
    if (!block || !stored || !r) return undefined
    return receiptView(block, loc.index, r, blockLogs(block, stored)[loc.index] ?? [])
  }

  async getAccount(address: Uint8Array, block: Block): Promise<AccountView> {
    const sm = await this.stateOf(block)
    const acct = await sm.getAccount(new Address(address))
    return {
      nonce: acct?.nonce ?? 0n,
      balance: acct?.balance ?? 0n,
      codeHash:
        acct?.codeHash ?? hexToBytes('0xc5d2460186f7233c927e7db2dcc703c0e500b653ca82273b7bfad8045d85a470'),
      storageRoot:
        acct?.storageRoot ?? hexToBytes('0x56e81f171bcc55a6ff8345e692c0f86e5b48e01b996cadc001622fb5e363b421'),
    }
  }

  async getCode(address: Uint8Array, block: Block): Promise<Uint8Array> {
    const sm = await this.stateOf(block)
    return sm.getCode(new Address(address))
  }

  async getStorageAt(address: Uint8Array, slot: Uint8Array, block: Block): Promise<Uint8Array> {
    const sm = await this.stateOf(block)
    const addr = new Address(address)
    if (!(await sm.getAccount(addr))) return new Uint8Array(32)
    return setLengthLeft(await sm.getStorage(addr, setLengthLeft(slot, 32)), 32)
  }

  async getLogs(filter: LogFilter): Promise<LogView[]> {
    const { chain } = this.modules
    const out: LogView[] = []
    const head = chain.head.header.number
    const to = filter.toBlock > head ? head : filter.toBlock
    const query = bloomQuery(filter)
    for (let start = filter.fromBlock; start <= to; start += LOG_SCAN_CHUNK) {
      const end = start + LOG_SCAN_CHUNK - 1n < to ? start + LOG_SCAN_CHUNK - 1n : to
      // Blocks not indexed yet (or replaced by a reorg) have their headers read a chunk at a time
      // (LevelDB reads them in parallel): most blooms rule their block out, and only the blocks
      // left are read whole with their receipts.
      const blocks: (IndexedBlock | undefined)[] = []
      const reads: Promise<void>[] = []
      for (let n = start; n <= end; n++) {
        const hash = await chain.getCanonicalHash(n)
        const kept = hash && this.logIndex.get(n)
        if (!hash || (kept && equalsBytes(kept.hash, hash))) {
          blocks.push(kept || undefined)
          continue
        }
        const at = blocks.push(undefined) - 1
        reads.push(
          this.indexBlock(n, hash).then((b) => {
            blocks[at] = b
          }),
        )
      }
      await Promise.all(reads)
      for (const b of blocks) {
        if (!b || !bloomMayMatch(b.bloom, query)) continue
        const logs = b.logs ?? (await this.readLogs(b))
        if (!logs) continue
        for (const log of logs) if (logMatches(log, filter)) out.push(log)
        // Past the cap the rpc layer refuses the query anyway: stop reading.
        if (filter.maxResults !== undefined && out.length > filter.maxResults) return out
      }
    }
    return out
  }

  private async indexBlock(number: bigint, hash: Uint8Array): Promise<IndexedBlock | undefined> {
    const bloom = (await this.modules.chain.getHeaderByHash(hash))?.logsBloom
    if (bloom === undefined) return undefined
    const b: IndexedBlock = { number, hash, bloom }
    this.logIndex.set(number, b)
    return b
  }

  private async readLogs(b: IndexedBlock): Promise<LogView[] | undefined> {
    const { chain } = this.modules
    const [block, stored] = await Promise.all([chain.getBlockByHash(b.hash), chain.getReceipts(b.hash)])
    if (!block || !stored) return undefined
    b.logs = blockLogs(block, stored).flat()
    // Set again, so that the index counts the logs against its size.
    if (this.logIndex.get(b.number) === b) this.logIndex.set(b.number, b)
    return b.logs
  }

  async getProof(address: Uint8Array, slots: Uint8Array[], block: Block): Promise<AccountProofView> {
    const sm = await this.stateOf(block)
    const addr = new Address(address)
    const account = await sm.getAccount(addr)
    // Storage proofs only where there is a storage trie to walk; geth answers empty proofs otherwise.
    const hasStorage = account !== undefined && !equalsBytes(account.storageRoot, KECCAK256_RLP)
    const proof = await getMerkleStateProof(
      sm,
      addr,
      hasStorage ? slots.map((s) => setLengthLeft(s, 32)) : [],
    )
    const accountProof = proof.accountProof.map((n) => hexToBytes(n))
    if (!account) {
      // geth reads an absent account's code hash and storage root as zero hashes.
      return {
        accountProof,
        balance: 0n,
        nonce: 0n,
        codeHash: new Uint8Array(32),
        storageHash: new Uint8Array(32),
        storageProof: slots.map(() => ({ value: 0n, proof: [] })),
      }
    }
    return {
      accountProof,
      balance: account.balance,
      nonce: account.nonce,
      codeHash: account.codeHash,
      storageHash: account.storageRoot,
      storageProof: hasStorage
        ? proof.storageProof.map((p) => ({
            value: BigInt(p.value),
            proof: p.proof.map((n) => hexToBytes(n)),
          }))
        : slots.map(() => ({ value: 0n, proof: [] })),
    }
  }

  poolStatus(): { pending: number; queued: number } {
    return this.modules.pool.status()
  }

  poolContent(): PoolContent {
    return this.modules.pool.content()
  }

  /** Throws EXECUTION_REVERTED (with revert data and decoded reason) or EXECUTION_FAILED on failure. */
  async call(req: CallRequest, block: Block, overrides?: CallOverrides): Promise<CallResult> {
    await this.stateOf(block)
    const out = await simulate(this.modules.chain, block, req, this.options, overrides)
    if (out.error) throw outcomeError(out)
    return out
  }

  async estimateGas(req: CallRequest, block: Block, overrides?: CallOverrides): Promise<bigint> {
    await this.stateOf(block)
    return estimateGas(this.modules.chain, block, req, this.options, overrides)
  }

  async createAccessList(req: CallRequest, block: Block): Promise<AccessListResult> {
    await this.stateOf(block)
    return createAccessList(this.modules.chain, block, req, this.options)
  }

  async traceTransaction(hash: Uint8Array, config: TraceConfig): Promise<unknown> {
    const { chain } = this.modules
    const loc = await chain.getTxLocation(hash)
    const block = loc && (await chain.getBlockByHash(loc.blockHash))
    if (!loc || !block) return undefined
    const timeout = config.timeoutMs ?? this.options.timeoutMs
    const [traced] = await traceBlockTxs(
      chain,
      block,
      loc.index,
      loc.index,
      () => createTracer(config),
      timeout,
    )
    return traced?.result
  }

  async traceBlock(block: Block, config: TraceConfig): Promise<BlockTraceEntry[]> {
    const timeout = config.timeoutMs ?? this.options.timeoutMs
    const last = block.transactions.length - 1
    const traced = await traceBlockTxs(
      this.modules.chain,
      block,
      0,
      last,
      () => createTracer(config),
      timeout,
    )
    return traced.map((t) => ({ txHash: t.hash, result: t.result }))
  }

  async traceCall(
    req: CallRequest,
    block: Block,
    config: TraceConfig,
    overrides?: CallOverrides,
  ): Promise<unknown> {
    await this.stateOf(block)
    const limits = { ...this.options, timeoutMs: config.timeoutMs ?? this.options.timeoutMs }
    return traceCall(this.modules.chain, block, req, limits, createTracer(config), overrides)
  }

  async sendRawTransaction(raw: Uint8Array): Promise<Uint8Array> {
    return this.modules.pool.add(decodeRawTransaction(raw, this.modules.chain.common))
  }

  async sendTransaction(req: CallRequest): Promise<Uint8Array> {
    const key = this.devKey(req.from)
    const { chain, pool } = this.modules
    const head = chain.head
    const baseFee = head.header.calcNextBaseFee()
    const tip = req.maxPriorityFeePerGas ?? this.options.suggestedTip
    const maxFeePerGas = req.maxFeePerGas ?? req.gasPrice ?? baseFee * 2n + tip
    const from = key.address
    const gas =
      req.gas ??
      (await this.estimateGas({ ...req, from, maxFeePerGas: undefined, gasPrice: undefined }, head))
    const tx = createFeeMarket1559Tx(
      {
        chainId: chain.chainId,
        nonce: req.nonce ?? (await pool.pendingNonce(from)),
        gasLimit: gas,
        maxFeePerGas,
        maxPriorityFeePerGas: tip > maxFeePerGas ? maxFeePerGas : tip,
        to: req.to ? new Address(req.to) : undefined,
        value: req.value ?? 0n,
        data: req.data ?? new Uint8Array(0),
        accessList: (req.accessList ?? []).map((a) => ({
          address: bytesToHex(a.address),
          storageKeys: a.storageKeys.map((k) => bytesToHex(k)),
        })),
      },
      { common: chain.common },
    ).sign(key.privateKey)
    return pool.add(tx)
  }

  async sign(address: Uint8Array, message: Uint8Array): Promise<Uint8Array> {
    const account = privateKeyToAccount(bytesToHex(this.devKey(address).privateKey) as Hex)
    return hexToBytes(await account.signMessage({ message: { raw: message } }))
  }

  async signTypedData(address: Uint8Array, data: TypedDataInput): Promise<Uint8Array> {
    const account = privateKeyToAccount(bytesToHex(this.devKey(address).privateKey) as Hex)
    const { EIP712Domain: _, ...types } = data.types
    return hexToBytes(
      await account.signTypedData({
        domain: data.domain as Parameters<typeof account.signTypedData>[0]['domain'],
        types,
        primaryType: data.primaryType,
        message: data.message,
      }),
    )
  }

  async gasPrice(): Promise<bigint> {
    return this.modules.chain.head.header.calcNextBaseFee() + this.options.suggestedTip
  }

  async maxPriorityFeePerGas(): Promise<bigint> {
    return this.options.suggestedTip
  }

  private devKey(address: Uint8Array | undefined): DevAccount {
    if (this.modules.devAccounts.length === 0) {
      throw new ChainError('NOT_DEV_MODE', 'method only available in dev mode (no unlocked accounts)')
    }
    const key = this.devKeys.get(bytesToHex(address ?? new Uint8Array(0)))
    if (!key) throw new ChainError('UNKNOWN_ACCOUNT', 'unknown account')
    return key
  }

  /**
   * A read-only view of the state after `block`. Views of recent roots are kept with their caches:
   * reads of the same accounts and slots repeat, and nothing ever writes to these views.
   */
  private async stateOf(block: Block) {
    const { chain } = this.modules
    const key = bytesToHex(block.header.stateRoot)
    const kept = this.readStates.get(key)
    if (kept) return kept
    if (!(await chain.hasState(block.header.stateRoot))) {
      throw new ChainError('UNKNOWN_BLOCK', `missing trie node for state of block ${block.header.number}`)
    }
    const state = chain.stateAt(block.header.stateRoot, { cached: true })
    this.readStates.set(key, state)
    return state
  }
}

/** What eth_getLogs keeps of a block: its hash, its bloom, and its logs once they were read. */
interface IndexedBlock {
  number: bigint
  hash: Uint8Array
  bloom: Uint8Array
  logs?: LogView[]
}

function blockLogs(block: Block, receipts: StoredReceipt[]): LogView[][] {
  let logIndex = 0
  const blockHash = block.hash()
  return receipts.map((r, i) => {
    const tx = block.transactions[i]
    return r.logs.map(([address, topics, data]) => ({
      address,
      topics,
      data,
      blockHash,
      blockNumber: block.header.number,
      blockTimestamp: block.header.timestamp,
      transactionHash: tx ? tx.hash() : new Uint8Array(32),
      transactionIndex: i,
      logIndex: logIndex++,
      removed: false,
    }))
  })
}

function receiptView(block: Block, index: number, r: StoredReceipt, logs: LogView[]): ReceiptView {
  const tx = block.transactions[index]
  if (!tx) throw new ChainError('INVALID_BLOCK', `receipt ${index} has no transaction`)
  return {
    transactionHash: tx.hash(),
    transactionIndex: index,
    blockHash: block.hash(),
    blockNumber: block.header.number,
    from: r.from,
    to: tx.to ? tx.to.bytes : null,
    contractAddress: r.contractAddress,
    cumulativeGasUsed: r.cumulativeGasUsed,
    gasUsed: r.gasUsed,
    effectiveGasPrice: r.effectiveGasPrice,
    status: r.status,
    logsBloom: r.bloom,
    logs,
    type: tx.type,
    ...(tx.type === 3 ? blobReceiptFields(block, tx) : {}),
  }
}

/** EIP-4844 receipt fields: the blob gas a blob transaction used and the blob base fee it paid. */
function blobReceiptFields(
  block: Block,
  tx: TypedTransaction,
): { blobGasUsed: bigint; blobGasPrice: bigint } {
  const blobs = 'blobVersionedHashes' in tx ? tx.blobVersionedHashes.length : 0
  return {
    blobGasUsed: BigInt(blobs) * block.common.param('blobGasPerBlob'),
    blobGasPrice: block.header.getBlobGasPrice(),
  }
}

/** Where a value sets its three bits in a 2048-bit log bloom: [byte, mask] three times. */
function bloomBits(value: Uint8Array): number[] {
  const h = keccak256(value)
  const out: number[] = []
  for (let i = 0; i < 6; i += 2) {
    const bit = (((h[i] as number) << 8) | (h[i + 1] as number)) & 2047
    out.push(255 - (bit >> 3), 1 << (bit & 7))
  }
  return out
}

function inBloom(bloom: Uint8Array, bits: number[]): boolean {
  for (let i = 0; i < bits.length; i += 2) {
    if (((bloom[bits[i] as number] as number) & (bits[i + 1] as number)) === 0) return false
  }
  return true
}

/** A log filter as bloom bits, hashed once per query rather than once per block. */
interface BloomQuery {
  addresses: number[][]
  topics: number[][][]
}

function bloomQuery(f: LogFilter): BloomQuery {
  return {
    addresses: f.addresses.map(bloomBits),
    topics: f.topics.map((alts) => (alts ?? []).map(bloomBits)),
  }
}

function bloomMayMatch(bloom: Uint8Array, q: BloomQuery): boolean {
  if (q.addresses.length > 0 && !q.addresses.some((b) => inBloom(bloom, b))) return false
  for (const alts of q.topics) {
    if (alts.length > 0 && !alts.some((b) => inBloom(bloom, b))) return false
  }
  return true
}

function logMatches(log: LogView, f: LogFilter): boolean {
  if (f.addresses.length > 0 && !f.addresses.some((a) => equalsBytes(a, log.address))) return false
  for (let i = 0; i < f.topics.length; i++) {
    const alts = f.topics[i]
    if (!alts || alts.length === 0) continue
    const t = log.topics[i]
    if (!t || !alts.some((a) => equalsBytes(a, t))) return false
  }
  return true
}
