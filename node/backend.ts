// The node's implementation of rpc/backend.ts: reads go to the chain store, writes to the pool.
import type { Block } from '@ethereumjs/block'
import { getMerkleStateProof } from '@ethereumjs/statemanager'
import { createFeeMarket1559Tx, type TypedTransaction } from '@ethereumjs/tx'
import { Address, bytesToHex, equalsBytes, hexToBytes, KECCAK256_RLP, setLengthLeft } from '@ethereumjs/util'
import { Bloom } from '@ethereumjs/vm'
import type { Hex } from 'viem'
import { privateKeyToAccount } from 'viem/accounts'
import type {
  AccountProofView,
  AccountView,
  BlockId,
  CallRequest,
  CallResult,
  LogFilter,
  LogView,
  PoolContent,
  ReceiptView,
  RpcBackend,
  SyncStatus,
  TxLocation,
  TypedDataInput,
} from '../rpc/index.ts'
import type { Chain } from './chain/chain.ts'
import { ChainError } from './chain/errors.ts'
import { type CallLimits, estimateGas, outcomeError, simulate } from './chain/execution.ts'
import { decodeRawTransaction } from './chain/rawTx.ts'
import type { StoredReceipt } from './chain/receipts.ts'
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

export interface DevAccount {
  address: Uint8Array
  privateKey: Uint8Array
}

export class NodeBackend implements RpcBackend {
  private readonly devKeys = new Map<string, DevAccount>()
  private readonly pendingListeners = new Set<(hash: Uint8Array) => void>()

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
    },
  ) {
    for (const a of modules.devAccounts) this.devKeys.set(bytesToHex(a.address), a)
    modules.pool.onPending = (tx) => {
      if (this.pendingListeners.size === 0) return
      const hash = tx.hash()
      for (const l of this.pendingListeners) l(hash)
    }
  }

  subscribePending(listener: (hash: Uint8Array) => void): () => void {
    this.pendingListeners.add(listener)
    return () => this.pendingListeners.delete(listener)
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
      // A single validator seals final blocks: safe and finalized are the head until finality lands.
      return id.tag === 'earliest' ? chain.genesisBlock : chain.head
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
    for (let n = filter.fromBlock; n <= to; n++) {
      const block = await chain.getBlockByNumber(n)
      if (!block || !bloomMayMatch(block.header.logsBloom, filter)) continue
      const stored = await chain.getReceipts(block.hash())
      if (!stored) continue
      for (const logs of blockLogs(block, stored)) {
        for (const log of logs) if (logMatches(log, filter)) out.push(log)
      }
    }
    return out
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
  async call(req: CallRequest, block: Block): Promise<CallResult> {
    await this.stateOf(block)
    const out = await simulate(this.modules.chain, block, req, this.options)
    if (out.error) throw outcomeError(out)
    return out
  }

  async estimateGas(req: CallRequest, block: Block): Promise<bigint> {
    await this.stateOf(block)
    return estimateGas(this.modules.chain, block, req, this.options)
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

  private async stateOf(block: Block) {
    const { chain } = this.modules
    if (!(await chain.hasState(block.header.stateRoot))) {
      throw new ChainError('UNKNOWN_BLOCK', `missing trie node for state of block ${block.header.number}`)
    }
    return chain.stateAt(block.header.stateRoot)
  }
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
  }
}

function bloomMayMatch(bitvector: Uint8Array, f: LogFilter): boolean {
  const bloom = new Bloom(bitvector)
  if (f.addresses.length > 0 && !f.addresses.some((a) => bloom.check(a))) return false
  for (const alts of f.topics) {
    if (alts && alts.length > 0 && !alts.some((t) => bloom.check(t))) return false
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
