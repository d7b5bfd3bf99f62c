// Transaction pool: per-sender nonce maps split into pending (contiguous from the state nonce) and
// queued (after a gap), replacement by fee bump, per-sender and global limits, and a price-and-nonce
// cursor for the block builder (geth's legacypool + TransactionsByPriceAndNonce, simplified).
import {
  type Blob4844Tx,
  Capability,
  createBlob4844TxFromBytesArray,
  TransactionType,
  type TypedTransaction,
} from '@ethereumjs/tx'
import { bytesToHex } from '@ethereumjs/util'
import type { Logger } from 'pino'
import { TxPoolError } from './txpoolErrors.ts'

export { TxPoolError, type TxPoolErrorCode } from './txpoolErrors.ts'

export interface TxPoolOptions {
  /** Most transactions one sender may hold in the pool (pending + queued). */
  maxPerSender: number
  /** Most transactions in the pool. */
  maxTotal: number
  /** Largest serialized transaction accepted, in bytes. */
  maxTxBytes: number
  /** A replacement (same sender and nonce) must raise both fee cap and tip by this much. */
  priceBumpPercent: number
  /** Smallest priority fee (legacy: gas price) accepted, in wei. */
  minTip: bigint
}

export const defaultTxPoolOptions: TxPoolOptions = {
  maxPerSender: 64,
  maxTotal: 8192,
  maxTxBytes: 128 * 1024,
  priceBumpPercent: 10,
  minTip: 0n,
}

/** State at the current head. Unknown accounts read as nonce 0, balance 0. */
export interface PoolStateView {
  getAccount(address: Uint8Array): Promise<{ nonce: bigint; balance: bigint }>
}

export interface PoolChainView {
  readonly chainId: bigint
  blockGasLimit(): bigint
  /** Base fee of the block that would be built on the current head. */
  nextBaseFee(): bigint
}

export interface TxCursor {
  /** The best remaining transaction, or undefined when the cursor is exhausted. */
  peek(): TypedTransaction | undefined
  /** The peeked transaction was included: move on to that sender's next nonce. */
  shift(): void
  /** The peeked transaction was not included: skip the rest of that sender for this block. */
  pop(): void
}

interface Account {
  nonce: bigint
  balance: bigint
}

interface SenderState {
  readonly key: string
  readonly address: Uint8Array
  /** Cached until the next head; always set while the sender has transactions in the pool. */
  account: Account | undefined
  loading: Promise<void> | undefined
  readonly txs: Map<bigint, PoolEntry>
  /** Length of the contiguous run of nonces starting at account.nonce. */
  pendingCount: number
}

interface PoolEntry {
  readonly tx: TypedTransaction
  readonly hash: string
  readonly sender: SenderState
  readonly nonce: bigint
  readonly feeCap: bigint
  readonly tipCap: bigint
  readonly cost: bigint
  /** Arrival order; ties between equal tips go to the earlier one. */
  readonly seq: number
  pending: boolean
  removed: boolean
  inQueuedHeap: boolean
}

interface CursorItem {
  entry: PoolEntry
  tip: bigint
}

const SUPPORTED_TYPES: ReadonlySet<number> = new Set([
  TransactionType.Legacy,
  TransactionType.AccessListEIP2930,
  TransactionType.FeeMarketEIP1559,
  TransactionType.BlobEIP4844,
  TransactionType.EOACodeEIP7702,
])

export class TxPool {
  /** Called for every transaction that becomes pending (on add, replacement or promotion). */
  onPending?: (tx: TypedTransaction) => void

  private readonly opts: TxPoolOptions
  private readonly log: Logger
  private readonly state: PoolStateView
  private readonly chain: PoolChainView
  private readonly senders = new Map<string, SenderState>()
  private readonly byHash = new Map<string, PoolEntry>()
  private readonly pendingSenders = new Set<SenderState>()
  // Min-heap of queued entries by fee cap, for eviction when the pool is full. Entries that were
  // removed or promoted stay in it until they surface (lazy deletion) or the heap is rebuilt.
  private readonly queuedHeap = new Heap<PoolEntry>(cheaperQueued)
  private pendingTotal = 0
  private seq = 0
  private headQueue: Promise<void> = Promise.resolve()

  private readonly recoverSender: ((tx: TypedTransaction) => Promise<void>) | undefined

  constructor(
    options: Partial<TxPoolOptions>,
    modules: {
      logger: Logger
      state: PoolStateView
      chain: PoolChainView
      /** Caches each incoming transaction's sender off the main thread (senders.ts). */
      recoverSender?: (tx: TypedTransaction) => Promise<void>
    },
  ) {
    this.opts = { ...defaultTxPoolOptions, ...options }
    // The composition root hands in a logger already bound to { module: 'txpool' }.
    this.log = modules.logger
    this.state = modules.state
    this.chain = modules.chain
    this.recoverSender = modules.recoverSender
  }

  /** Validates and pools a signed transaction; returns its hash. Throws TxPoolError. */
  async add(received: TypedTransaction): Promise<Uint8Array> {
    const { opts } = this
    await this.recoverSender?.(received)
    const { hashBytes, hash, sender, key, feeCap, tipCap } = this.validateStateless(received)
    const tx = withoutBlobs(received)

    let [s, account] = await this.readySender(key, sender)
    // A new head forgets senders without transactions; one forgotten while this call waited would
    // take the transaction out of the pool's view (never offered, and a nonce gap for the next ones).
    while (this.senders.get(key) !== s) [s, account] = await this.readySender(key, sender)
    // Everything below runs without awaiting, so it sees and leaves the pool consistent.
    if (this.byHash.has(hash)) throw new TxPoolError('ALREADY_KNOWN', 'already known', { hash })

    const nonce = tx.nonce
    if (nonce < account.nonce) {
      throw new TxPoolError(
        'NONCE_TOO_LOW',
        `nonce too low: address ${key}, tx: ${nonce} state: ${account.nonce}`,
        {
          address: key,
          txNonce: String(nonce),
          stateNonce: String(account.nonce),
        },
      )
    }
    if (nonce > account.nonce + BigInt(opts.maxPerSender)) {
      throw new TxPoolError(
        'NONCE_TOO_HIGH',
        `nonce too high: address ${key}, tx: ${nonce} state: ${account.nonce}`,
        {
          address: key,
          txNonce: String(nonce),
          stateNonce: String(account.nonce),
        },
      )
    }
    const cost = tx.gasLimit * feeCap + tx.value + blobFeeCap(tx)
    if (account.balance < cost) {
      throw new TxPoolError(
        'INSUFFICIENT_FUNDS',
        `insufficient funds for gas * price + value: address ${key} have ${account.balance} want ${cost}`,
        { address: key, have: String(account.balance), want: String(cost) },
      )
    }

    const old = s.txs.get(nonce)
    if (old !== undefined) {
      this.checkReplacement(old, feeCap, tipCap)
      const entry = this.newEntry(tx, hash, s, nonce, feeCap, tipCap, cost, old.seq)
      entry.pending = old.pending
      old.removed = true
      this.byHash.delete(old.hash)
      this.byHash.set(hash, entry)
      s.txs.set(nonce, entry)
      if (entry.pending) this.emitPending([entry])
      else this.pushQueued(entry)
      return hashBytes
    }

    if (s.txs.size >= opts.maxPerSender) {
      throw new TxPoolError(
        'SENDER_LIMIT',
        `account limit exceeded: address ${key}, limit ${opts.maxPerSender}`,
        {
          address: key,
          limit: String(opts.maxPerSender),
        },
      )
    }
    const becomesPending = nonce === account.nonce + BigInt(s.pendingCount)
    if (this.byHash.size >= opts.maxTotal && !this.evictFor(s, feeCap, becomesPending)) {
      throw new TxPoolError('POOL_FULL', `txpool is full: limit ${opts.maxTotal}`, {
        limit: String(opts.maxTotal),
      })
    }

    const entry = this.newEntry(tx, hash, s, nonce, feeCap, tipCap, cost, this.seq++)
    s.txs.set(nonce, entry)
    this.byHash.set(hash, entry)
    if (becomesPending) this.emitPending(this.extendRun(s, account))
    else this.pushQueued(entry)
    return hashBytes
  }

  get(hash: Uint8Array): TypedTransaction | undefined {
    return this.byHash.get(bytesToHex(hash))?.tx
  }

  has(hash: Uint8Array): boolean {
    return this.byHash.has(bytesToHex(hash))
  }

  /**
   * Removes one transaction (e.g. one that failed in the block builder); the sender's later
   * transactions become queued. Returns false if it was not in the pool.
   */
  remove(hash: Uint8Array): boolean {
    const entry = this.byHash.get(bytesToHex(hash))
    if (entry === undefined) return false
    const s = entry.sender
    this.dropEntry(entry)
    if (entry.pending && s.account !== undefined) this.emitPending(this.recomputeRun(s, s.account))
    return true
  }

  /**
   * Executable transactions for the next block: best effective tip first across senders, nonce order
   * within a sender. A sender stops at its first transaction whose fee cap is below `baseFee`.
   */
  cursor(baseFee: bigint): TxCursor {
    const heads: CursorItem[] = []
    for (const s of this.pendingSenders) {
      const head = s.account === undefined ? undefined : s.txs.get(s.account.nonce)
      if (head !== undefined && head.feeCap >= baseFee)
        heads.push({ entry: head, tip: effectiveTip(head, baseFee) })
    }
    const heap = new Heap<CursorItem>(betterTip, heads)
    return {
      peek: () => heap.peek()?.entry.tx,
      shift: () => {
        const top = heap.peek()
        if (top === undefined) return
        const next = top.entry.sender.txs.get(top.entry.nonce + 1n)
        if (next?.pending && next.feeCap >= baseFee)
          heap.replaceTop({ entry: next, tip: effectiveTip(next, baseFee) })
        else heap.pop()
      },
      pop: () => {
        heap.pop()
      },
    }
  }

  /**
   * After a new head: re-reads the accounts of `senders` (all pooled senders when undefined), drops
   * mined or stale transactions and ones the sender can no longer pay for, and re-splits
   * pending/queued. `senders` must list every account whose nonce or balance the block changed
   * that has transactions here: block senders, and also 7702 authorities and value recipients if
   * their txs should be re-checked. Cached accounts of senders without pooled txs are always dropped.
   */
  onNewHead(senders?: Uint8Array[]): Promise<void> {
    const run = this.headQueue.then(() => this.applyNewHead(senders))
    this.headQueue = run.catch(() => {})
    return run
  }

  /** Next nonce for `eth_getTransactionCount(addr, 'pending')`: state nonce + contiguous pooled txs. */
  async pendingNonce(address: Uint8Array): Promise<bigint> {
    const [s, account] = await this.readySender(bytesToHex(address), address)
    return account.nonce + BigInt(s.pendingCount)
  }

  status(): { pending: number; queued: number } {
    return { pending: this.pendingTotal, queued: this.byHash.size - this.pendingTotal }
  }

  /** Pooled transactions by sender (0x lowercase address), each list in nonce order. */
  content(): { pending: Map<string, TypedTransaction[]>; queued: Map<string, TypedTransaction[]> } {
    const pending = new Map<string, TypedTransaction[]>()
    const queued = new Map<string, TypedTransaction[]>()
    for (const s of this.senders.values()) {
      if (s.txs.size === 0) continue
      const entries = [...s.txs.values()].sort((a, b) => (a.nonce < b.nonce ? -1 : 1))
      const p = entries.filter((e) => e.pending).map((e) => e.tx)
      const q = entries.filter((e) => !e.pending).map((e) => e.tx)
      if (p.length > 0) pending.set(s.key, p)
      if (q.length > 0) queued.set(s.key, q)
    }
    return { pending, queued }
  }

  /** Checks that need neither state nor pool contents, cheapest first; sender recovery last. */
  private validateStateless(tx: TypedTransaction): {
    hashBytes: Uint8Array
    hash: string
    sender: Uint8Array
    key: string
    feeCap: bigint
    tipCap: bigint
  } {
    const { opts } = this
    if (!SUPPORTED_TYPES.has(tx.type)) {
      throw new TxPoolError('UNSUPPORTED_TX_TYPE', `transaction type not supported: type ${tx.type}`, {
        type: String(tx.type),
      })
    }
    // The blobs travel with the transaction until a block includes it; their KZG proofs were checked
    // when the network form was decoded.
    if (tx.type === TransactionType.BlobEIP4844 && !((tx as Blob4844Tx).blobs?.length ?? 0)) {
      throw new TxPoolError('MISSING_BLOB_SIDECAR', 'missing sidecar in blob transaction')
    }
    if (!tx.isSigned()) throw new TxPoolError('INVALID_SENDER', 'invalid sender: transaction is not signed')
    const hashBytes = tx.hash()
    const hash = bytesToHex(hashBytes)
    if (this.byHash.has(hash)) throw new TxPoolError('ALREADY_KNOWN', 'already known', { hash })

    const size = tx.serialize().length
    if (size > opts.maxTxBytes) {
      throw new TxPoolError(
        'OVERSIZED',
        `oversized data: transaction size ${size}, limit ${opts.maxTxBytes}`,
        {
          size: String(size),
          limit: String(opts.maxTxBytes),
        },
      )
    }
    this.checkChainId(tx)

    const gasLimit = tx.gasLimit
    const blockGasLimit = this.chain.blockGasLimit()
    if (gasLimit > blockGasLimit) {
      throw new TxPoolError(
        'GAS_LIMIT_EXCEEDED',
        `exceeds block gas limit: gas ${gasLimit}, limit ${blockGasLimit}`,
        {
          gas: String(gasLimit),
          limit: String(blockGasLimit),
        },
      )
    }
    const { feeCap, tipCap } = fees(tx)
    if (tipCap > feeCap) {
      throw new TxPoolError('TIP_ABOVE_FEE_CAP', 'max priority fee per gas higher than max fee per gas', {
        maxPriorityFeePerGas: String(tipCap),
        maxFeePerGas: String(feeCap),
      })
    }
    const intrinsic = tx.getIntrinsicGas()
    if (gasLimit < intrinsic) {
      throw new TxPoolError(
        'INTRINSIC_GAS_TOO_LOW',
        `intrinsic gas too low: gas ${gasLimit}, minimum needed ${intrinsic}`,
        {
          gas: String(gasLimit),
          minimum: String(intrinsic),
        },
      )
    }
    // EIP-7623 (Prague): calldata-heavy txs must also cover the floor, or the block would reject them.
    const floor = tx.getMinimumGasLimit()
    if (gasLimit < floor) {
      throw new TxPoolError(
        'INTRINSIC_GAS_TOO_LOW',
        `insufficient gas for floor data gas cost: gas ${gasLimit}, minimum needed ${floor}`,
        { gas: String(gasLimit), minimum: String(floor) },
      )
    }
    if (tipCap < opts.minTip) {
      throw new TxPoolError('UNDERPRICED', `transaction underpriced: tip ${tipCap}, minimum ${opts.minTip}`, {
        tip: String(tipCap),
        minimum: String(opts.minTip),
      })
    }

    let sender: Uint8Array
    try {
      sender = tx.getSenderAddress().bytes
    } catch (e) {
      throw new TxPoolError('INVALID_SENDER', 'invalid sender', { reason: (e as Error).message })
    }
    const key = bytesToHex(sender)
    const baseFee = this.chain.nextBaseFee()
    if (feeCap < baseFee) {
      throw new TxPoolError(
        'FEE_CAP_BELOW_BASE_FEE',
        `max fee per gas less than block base fee: address ${key}, maxFeePerGas: ${feeCap}, baseFee: ${baseFee}`,
        { address: key, maxFeePerGas: String(feeCap), baseFee: String(baseFee) },
      )
    }
    return { hashBytes, hash, sender, key, feeCap, tipCap }
  }

  private checkChainId(tx: TypedTransaction): void {
    const want = this.chain.chainId
    if (tx.type === TransactionType.Legacy && !tx.supports(Capability.EIP155ReplayProtection)) {
      throw new TxPoolError(
        'WRONG_CHAIN_ID',
        `invalid chain id: have 0 (not replay-protected), want ${want}`,
        {
          have: '0',
          want: String(want),
        },
      )
    }
    // Typed txs copy their chainId from their Common; EIP-155 legacy txs derive it from v into it.
    const have = tx.common.chainId()
    if (have !== want) {
      throw new TxPoolError('WRONG_CHAIN_ID', `invalid chain id: have ${have}, want ${want}`, {
        have: String(have),
        want: String(want),
      })
    }
  }

  private checkReplacement(old: PoolEntry, feeCap: bigint, tipCap: bigint): void {
    const bump = BigInt(100 + this.opts.priceBumpPercent)
    const feeThreshold = (old.feeCap * bump) / 100n
    const tipThreshold = (old.tipCap * bump) / 100n
    // Strictly above the old values too, as geth: with tiny fees the percentage rounds to nothing.
    if (feeCap <= old.feeCap || tipCap <= old.tipCap || feeCap < feeThreshold || tipCap < tipThreshold) {
      throw new TxPoolError('REPLACEMENT_UNDERPRICED', 'replacement transaction underpriced', {
        maxFeePerGas: String(feeCap),
        maxPriorityFeePerGas: String(tipCap),
        minMaxFeePerGas: String(feeThreshold > old.feeCap ? feeThreshold : old.feeCap + 1n),
        minMaxPriorityFeePerGas: String(tipThreshold > old.tipCap ? tipThreshold : old.tipCap + 1n),
      })
    }
  }

  private newEntry(
    tx: TypedTransaction,
    hash: string,
    sender: SenderState,
    nonce: bigint,
    feeCap: bigint,
    tipCap: bigint,
    cost: bigint,
    seq: number,
  ): PoolEntry {
    return {
      tx,
      hash,
      sender,
      nonce,
      feeCap,
      tipCap,
      cost,
      seq,
      pending: false,
      removed: false,
      inQueuedHeap: false,
    }
  }

  /** The sender's state with its account loaded, as it is in `senders` after the last await. */
  private async readySender(key: string, address: Uint8Array): Promise<[SenderState, Account]> {
    for (;;) {
      let s = this.senders.get(key)
      if (s === undefined) {
        s = { key, address, account: undefined, loading: undefined, txs: new Map(), pendingCount: 0 }
        this.senders.set(key, s)
      }
      if (s.account !== undefined) return [s, s.account]
      s.loading ??= this.loadAccount(s)
      // A new head may replace this state meanwhile; the loop then reads again from the new one.
      await s.loading
    }
  }

  private loadAccount(s: SenderState): Promise<void> {
    const p: Promise<void> = this.state.getAccount(s.address).then(
      (account) => {
        if (s.loading === p) {
          s.account = { nonce: account.nonce, balance: account.balance }
          s.loading = undefined
        }
      },
      (e: unknown) => {
        if (s.loading === p) s.loading = undefined
        throw e
      },
    )
    return p
  }

  /** Marks the nonces after the current run as pending while they are contiguous; returns them. */
  private extendRun(s: SenderState, account: Account): PoolEntry[] {
    const promoted: PoolEntry[] = []
    for (let n = account.nonce + BigInt(s.pendingCount); ; n++) {
      const e = s.txs.get(n)
      if (e === undefined) break
      e.pending = true
      promoted.push(e)
    }
    this.setPendingCount(s, s.pendingCount + promoted.length)
    return promoted
  }

  /** Re-splits a sender from scratch; returns the entries that became pending. */
  private recomputeRun(s: SenderState, account: Account): PoolEntry[] {
    const promoted: PoolEntry[] = []
    let n = account.nonce
    for (let e = s.txs.get(n); e !== undefined; e = s.txs.get(++n)) {
      if (!e.pending) {
        e.pending = true
        promoted.push(e)
      }
    }
    this.setPendingCount(s, Number(n - account.nonce))
    for (const e of s.txs.values()) {
      if (e.pending && e.nonce >= n) {
        e.pending = false
        this.pushQueued(e)
      }
    }
    return promoted
  }

  private setPendingCount(s: SenderState, count: number): void {
    this.pendingTotal += count - s.pendingCount
    s.pendingCount = count
    if (count > 0) this.pendingSenders.add(s)
    else this.pendingSenders.delete(s)
  }

  /** Removes an entry from the indexes only; the caller re-splits the sender if it was pending. */
  private dropEntry(e: PoolEntry): void {
    e.removed = true
    e.sender.txs.delete(e.nonce)
    this.byHash.delete(e.hash)
  }

  private pushQueued(e: PoolEntry): void {
    if (e.inQueuedHeap) return
    const queued = this.byHash.size - this.pendingTotal
    if (this.queuedHeap.size > 2 * queued + 1024) this.rebuildQueuedHeap()
    e.inQueuedHeap = true
    this.queuedHeap.push(e)
  }

  private rebuildQueuedHeap(): void {
    for (const e of this.queuedHeap.drain()) e.inQueuedHeap = false
    const live: PoolEntry[] = []
    for (const e of this.byHash.values()) {
      if (!e.pending) {
        e.inQueuedHeap = true
        live.push(e)
      }
    }
    this.queuedHeap.reset(live)
  }

  /**
   * Makes room for a new transaction of `s` by dropping the cheapest queued transaction of another
   * sender. A new queued transaction must pay a higher fee cap than the one it displaces; a new
   * pending one always wins, since it can be mined and the queued one cannot.
   */
  private evictFor(s: SenderState, feeCap: bigint, becomesPending: boolean): boolean {
    const heap = this.queuedHeap
    const own: PoolEntry[] = []
    let victim: PoolEntry | undefined
    for (let e = heap.peek(); e !== undefined; e = heap.peek()) {
      if (e.removed || e.pending) {
        heap.pop()
        e.inQueuedHeap = false
      } else if (e.sender === s) {
        heap.pop()
        own.push(e)
      } else {
        victim = e
        break
      }
    }
    let evicted = false
    if (victim !== undefined && (becomesPending || feeCap > victim.feeCap)) {
      // Pop before putting the sender's own entries back: they may be cheaper and take the top.
      heap.pop()
      victim.inQueuedHeap = false
      this.dropEntry(victim)
      this.log.debug({ hash: victim.hash, sender: victim.sender.key }, 'evicted queued transaction')
      evicted = true
    }
    for (const e of own) heap.push(e)
    return evicted
  }

  private async applyNewHead(senders?: Uint8Array[]): Promise<void> {
    const targets = new Set<SenderState>()
    const listed = senders === undefined ? undefined : new Set<string>(senders.map((a) => bytesToHex(a)))
    for (const s of this.senders.values()) {
      if (listed !== undefined && !listed.has(s.key)) {
        if (s.txs.size === 0) this.senders.delete(s.key)
        continue
      }
      if (s.txs.size > 0) targets.add(s)
      else this.senders.delete(s.key)
    }
    const list = [...targets]
    const accounts = await Promise.all(list.map((s) => this.state.getAccount(s.address)))

    const promoted: PoolEntry[] = []
    let dropped = 0
    for (const [i, s] of list.entries()) {
      const account = accounts[i]!
      s.account = { nonce: account.nonce, balance: account.balance }
      s.loading = undefined
      for (const e of s.txs.values()) {
        if (e.nonce < account.nonce || e.cost > account.balance) {
          this.dropEntry(e)
          dropped++
        }
      }
      promoted.push(...this.recomputeRun(s, s.account))
    }
    if (dropped > 0 || promoted.length > 0) {
      this.log.debug(
        { senders: list.length, dropped, promoted: promoted.length },
        'txpool updated for new head',
      )
    }
    this.emitPending(promoted)
  }

  private emitPending(entries: PoolEntry[]): void {
    const cb = this.onPending
    if (cb === undefined) return
    for (const e of entries) {
      try {
        cb(e.tx)
      } catch (err) {
        this.log.warn({ err, hash: e.hash }, 'onPending handler failed')
      }
    }
  }
}

/**
 * A blob transaction is kept without its blobs once their proofs were checked: blocks carry none and
 * there is no gossip yet, and at 128 KiB a blob a full pool would hold gigabytes.
 */
function withoutBlobs(tx: TypedTransaction): TypedTransaction {
  if (tx.type !== TransactionType.BlobEIP4844) return tx
  return createBlob4844TxFromBytesArray((tx as Blob4844Tx).raw(), { common: tx.common })
}

/** What a blob transaction may pay for its blob gas at most (EIP-4844), zero for other types. */
export function blobFeeCap(tx: TypedTransaction): bigint {
  if (tx.type !== TransactionType.BlobEIP4844) return 0n
  const blob = tx as Blob4844Tx
  return BigInt(blob.blobVersionedHashes.length) * blob.common.param('blobGasPerBlob') * blob.maxFeePerBlobGas
}

function fees(tx: TypedTransaction): { feeCap: bigint; tipCap: bigint } {
  if ('maxFeePerGas' in tx) return { feeCap: tx.maxFeePerGas, tipCap: tx.maxPriorityFeePerGas }
  return { feeCap: tx.gasPrice, tipCap: tx.gasPrice }
}

/** min(tip, feeCap - baseFee); for legacy txs (tip = feeCap = gasPrice) that is gasPrice - baseFee. */
function effectiveTip(e: PoolEntry, baseFee: bigint): bigint {
  const room = e.feeCap - baseFee
  return e.tipCap < room ? e.tipCap : room
}

function betterTip(a: CursorItem, b: CursorItem): boolean {
  return a.tip !== b.tip ? a.tip > b.tip : a.entry.seq < b.entry.seq
}

/** Eviction order: lowest fee cap first, and among equals the most recent arrival. */
function cheaperQueued(a: PoolEntry, b: PoolEntry): boolean {
  return a.feeCap !== b.feeCap ? a.feeCap < b.feeCap : a.seq > b.seq
}

/** Binary heap; `before(a, b)` says whether a comes out before b. */
class Heap<T> {
  private items: T[]

  constructor(
    private readonly before: (a: T, b: T) => boolean,
    items: T[] = [],
  ) {
    this.items = items
    this.heapify()
  }

  get size(): number {
    return this.items.length
  }

  peek(): T | undefined {
    return this.items[0]
  }

  push(item: T): void {
    this.items.push(item)
    this.up(this.items.length - 1)
  }

  pop(): T | undefined {
    const items = this.items
    const top = items[0]
    const last = items.pop()
    if (items.length > 0 && last !== undefined) {
      items[0] = last
      this.down(0)
    }
    return top
  }

  replaceTop(item: T): void {
    if (this.items.length === 0) {
      this.items.push(item)
      return
    }
    this.items[0] = item
    this.down(0)
  }

  drain(): T[] {
    const items = this.items
    this.items = []
    return items
  }

  reset(items: T[]): void {
    this.items = items
    this.heapify()
  }

  private heapify(): void {
    for (let i = (this.items.length >> 1) - 1; i >= 0; i--) this.down(i)
  }

  private up(i: number): void {
    const items = this.items
    const item = items[i]!
    while (i > 0) {
      const parent = (i - 1) >> 1
      const p = items[parent]!
      if (!this.before(item, p)) break
      items[i] = p
      i = parent
    }
    items[i] = item
  }

  private down(i: number): void {
    const items = this.items
    const n = items.length
    const item = items[i]!
    for (;;) {
      const l = 2 * i + 1
      if (l >= n) break
      const r = l + 1
      let c = l
      if (r < n && this.before(items[r]!, items[l]!)) c = r
      const child = items[c]!
      if (!this.before(child, item)) break
      items[i] = child
      i = c
    }
    items[i] = item
  }
}
