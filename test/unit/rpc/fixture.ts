// A small in-memory RpcBackend over two real ethereumjs blocks, for the rpc tests. It implements the
// interface directly (it is the interface's second implementation, not a stub of node/).
import { type Block, createBlock } from '@ethereumjs/block'
import { createCustomCommon, Hardfork, Mainnet } from '@ethereumjs/common'
import { createFeeMarket1559Tx, createLegacyTx, type TypedTransaction } from '@ethereumjs/tx'
import { bytesToHex, concatBytes, createAddressFromPrivateKey, hexToBytes } from '@ethereumjs/util'
import { keccak256 } from 'ethereum-cryptography/keccak.js'
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
} from '../../../rpc/index.ts'

export const CHAIN_ID = 1515n
export const common = createCustomCommon({ chainId: Number(CHAIN_ID) }, Mainnet, {
  hardfork: Hardfork.Prague,
})
const opts = { common, skipConsensusFormatValidation: true }

export const senderKey = hexToBytes(`0x${'11'.repeat(32)}`)
export const sender = createAddressFromPrivateKey(senderKey)
export const recipient = hexToBytes(`0x${'22'.repeat(20)}`)
export const contract = hexToBytes(`0x${'33'.repeat(20)}`)
export const topicA = hexToBytes(`0x${'aa'.repeat(32)}`)
export const coinbase = hexToBytes(`0x${'c0'.repeat(20)}`)

export const GWEI = 1_000_000_000n
export const BASE_FEE_1 = 1n * GWEI

/** `Error(string)` revert data for the reason 'nope'. */
export const REVERT_NOPE = hexToBytes(
  `0x08c379a0${(32).toString(16).padStart(64, '0')}${(4).toString(16).padStart(64, '0')}${Buffer.from('nope').toString('hex').padEnd(64, '0')}`,
)

export class CodedTestError extends Error {
  readonly code: string
  readonly data: unknown
  constructor(code: string, message: string, data?: unknown) {
    super(message)
    this.code = code
    this.data = data
  }
}

export const tx1559 = createFeeMarket1559Tx(
  {
    chainId: CHAIN_ID,
    nonce: 0n,
    maxFeePerGas: 10n * GWEI,
    maxPriorityFeePerGas: 2n * GWEI,
    gasLimit: 21_000n,
    to: recipient,
    value: 1000n,
  },
  { common },
).sign(senderKey)

// EIP-155 legacy transaction: v carries the chain id.
export const txLegacy = createLegacyTx(
  { nonce: 1n, gasPrice: 5n * GWEI, gasLimit: 50_000n, to: contract, data: '0xabcdef' },
  { common },
).sign(senderKey)

/** A transaction only in the "pool". */
export const txPending = createFeeMarket1559Tx(
  {
    chainId: CHAIN_ID,
    nonce: 2n,
    maxFeePerGas: 7n * GWEI,
    maxPriorityFeePerGas: 1n * GWEI,
    gasLimit: 21_000n,
    to: recipient,
  },
  { common },
).sign(senderKey)

/** A contract creation waiting in the "pool" for an earlier nonce (queued). */
export const txQueued = createLegacyTx(
  { nonce: 9n, gasPrice: 4n * GWEI, gasLimit: 100_000n, value: 5n, data: '0x6000' },
  { common },
).sign(senderKey)

export const genesis = createBlock(
  { header: { number: 0n, gasLimit: 30_000_000n, baseFeePerGas: 2n * GWEI, timestamp: 1_000n } },
  opts,
)

export const block1 = createBlock(
  {
    header: {
      number: 1n,
      parentHash: genesis.hash(),
      gasLimit: 30_000_000n,
      gasUsed: 21_000n + 30_000n,
      baseFeePerGas: BASE_FEE_1,
      timestamp: 1_001n,
      coinbase,
      extraData: hexToBytes('0x6d6f73616963'),
    },
    transactions: [tx1559, txLegacy],
  },
  opts,
)

function receiptsOf(block: Block, gasUsed: bigint[], logsPerTx: Uint8Array[][][]): ReceiptView[] {
  let cumulative = 0n
  let logIndex = 0
  return block.transactions.map((tx: TypedTransaction, i) => {
    const used = gasUsed[i]!
    cumulative += used
    const baseFee = block.header.baseFeePerGas ?? 0n
    const price =
      tx.type === 0 || tx.type === 1
        ? tx.gasPrice
        : baseFee +
          (tx.maxPriorityFeePerGas < tx.maxFeePerGas - baseFee
            ? tx.maxPriorityFeePerGas
            : tx.maxFeePerGas - baseFee)
    const logs: LogView[] = (logsPerTx[i] ?? []).map((topics) => ({
      address: contract,
      topics,
      data: hexToBytes('0x01'),
      blockHash: block.hash(),
      blockNumber: block.header.number,
      blockTimestamp: block.header.timestamp,
      transactionHash: tx.hash(),
      transactionIndex: i,
      logIndex: logIndex++,
      removed: false,
    }))
    return {
      transactionHash: tx.hash(),
      transactionIndex: i,
      blockHash: block.hash(),
      blockNumber: block.header.number,
      from: tx.getSenderAddress().bytes,
      to: tx.to ? tx.to.bytes : null,
      contractAddress: null,
      cumulativeGasUsed: cumulative,
      gasUsed: used,
      effectiveGasPrice: price,
      status: 1,
      logsBloom: new Uint8Array(256),
      logs,
      type: tx.type,
    }
  })
}

export class TestBackend implements RpcBackend {
  readonly chainId = CHAIN_ID
  readonly clientVersion = 'mosaic-node/test'
  readonly blocks: Block[] = [genesis, block1]
  readonly receipts = new Map<string, ReceiptView[]>([
    [bytesToHex(genesis.hash()), []],
    [bytesToHex(block1.hash()), receiptsOf(block1, [21_000n, 30_000n], [[], [[topicA]]])],
  ])
  readonly pool = new Map<string, TypedTransaction>([[bytesToHex(txPending.hash()), txPending]])
  lastLogFilter: LogFilter | undefined
  /** Makes the next call to any method throw this, to exercise error mapping. */
  failWith: unknown

  private maybeFail(): void {
    if (this.failWith !== undefined) {
      const e = this.failWith
      this.failWith = undefined
      throw e
    }
  }

  accounts(): Uint8Array[] {
    return [sender.bytes]
  }
  peerCount(): number {
    return 3
  }
  listening(): boolean {
    return true
  }
  syncing(): SyncStatus | false {
    return false
  }
  blockNumber(): bigint {
    return BigInt(this.blocks.length - 1)
  }

  async getBlock(id: BlockId): Promise<Block | undefined> {
    this.maybeFail()
    if ('tag' in id) return id.tag === 'earliest' ? this.blocks[0] : this.blocks[this.blocks.length - 1]
    if ('number' in id)
      return id.number < BigInt(this.blocks.length) ? this.blocks[Number(id.number)] : undefined
    return this.blocks.find((b) => Buffer.compare(b.hash(), id.hash) === 0)
  }

  async getReceipts(block: Block): Promise<ReceiptView[]> {
    return this.receipts.get(bytesToHex(block.hash())) ?? []
  }

  async getTransaction(
    hash: Uint8Array,
  ): Promise<{ tx: TypedTransaction; location?: TxLocation } | undefined> {
    for (const block of this.blocks) {
      const index = block.transactions.findIndex((t) => Buffer.compare(t.hash(), hash) === 0)
      if (index >= 0) {
        const location = {
          blockHash: block.hash(),
          blockNumber: block.header.number,
          index,
          baseFeePerGas: block.header.baseFeePerGas,
        }
        return { tx: block.transactions[index]!, location }
      }
    }
    const tx = this.pool.get(bytesToHex(hash))
    return tx ? { tx } : undefined
  }

  async getReceipt(hash: Uint8Array): Promise<ReceiptView | undefined> {
    for (const list of this.receipts.values()) {
      const r = list.find((x) => Buffer.compare(x.transactionHash, hash) === 0)
      if (r) return r
    }
    return undefined
  }

  async getAccount(address: Uint8Array, block: Block): Promise<AccountView> {
    this.maybeFail()
    const known = Buffer.compare(address, sender.bytes) === 0
    return {
      nonce: known ? block.header.number * 2n : 0n,
      balance: known ? 10n ** 18n + block.header.number : 0n,
      codeHash: new Uint8Array(32),
      storageRoot: new Uint8Array(32),
    }
  }

  async pendingNonce(address: Uint8Array): Promise<bigint> {
    return Buffer.compare(address, sender.bytes) === 0 ? 3n : 0n
  }

  /** A made-up proof: one node per account and slot, derived from what they prove. */
  async getProof(address: Uint8Array, slots: Uint8Array[], block: Block): Promise<AccountProofView> {
    this.maybeFail()
    const account = await this.getAccount(address, block)
    return {
      accountProof: [keccak256(address), block.header.stateRoot],
      balance: account.balance,
      nonce: account.nonce,
      codeHash: account.codeHash,
      storageHash: account.storageRoot,
      storageProof: slots.map((slot) => ({
        value: slot[31] === 1 ? 42n : 0n,
        proof: [keccak256(slot)],
      })),
    }
  }

  poolStatus(): { pending: number; queued: number } {
    return { pending: this.pool.size, queued: 1 }
  }

  poolContent(): PoolContent {
    const byNonce = (txs: TypedTransaction[]) => [...txs].sort((a, b) => (a.nonce < b.nonce ? -1 : 1))
    return {
      pending: new Map([[bytesToHex(sender.bytes), byNonce([...this.pool.values()])]]),
      queued: new Map([[bytesToHex(sender.bytes), [txQueued]]]),
    }
  }

  async getCode(address: Uint8Array): Promise<Uint8Array> {
    return Buffer.compare(address, contract) === 0 ? hexToBytes('0x6000') : new Uint8Array()
  }

  async getStorageAt(_address: Uint8Array, slot: Uint8Array): Promise<Uint8Array> {
    return slot[31] === 1 ? hexToBytes('0x2a') : new Uint8Array()
  }

  async getLogs(filter: LogFilter): Promise<LogView[]> {
    this.lastLogFilter = filter
    const out: LogView[] = []
    for (const block of this.blocks) {
      if (block.header.number < filter.fromBlock || block.header.number > filter.toBlock) continue
      for (const r of await this.getReceipts(block)) out.push(...r.logs)
    }
    return out
  }

  async call(req: CallRequest): Promise<CallResult> {
    this.maybeFail()
    const data = req.data ? bytesToHex(req.data) : '0x'
    if (data === '0xdead')
      return { returnData: REVERT_NOPE, gasUsed: 30_000n, error: { message: 'revert', reverted: true } }
    if (data === '0xbeef')
      return {
        returnData: new Uint8Array(),
        gasUsed: req.gas ?? 0n,
        error: { message: 'out of gas', reverted: false },
      }
    return { returnData: hexToBytes(`0x${(req.gas ?? 0n).toString(16).padStart(64, '0')}`), gasUsed: 21_000n }
  }

  async estimateGas(req: CallRequest): Promise<bigint> {
    if (req.data && bytesToHex(req.data) === '0xdead')
      throw new CodedTestError('EXECUTION_REVERTED', 'execution reverted', REVERT_NOPE)
    return req.gas ?? 0n
  }

  async sendRawTransaction(raw: Uint8Array): Promise<Uint8Array> {
    this.maybeFail()
    if (raw.length < 4)
      throw new CodedTestError('INVALID_TRANSACTION', 'rlp: value size exceeds available input length')
    return keccak256(raw)
  }

  async sendTransaction(req: CallRequest): Promise<Uint8Array> {
    if (!req.from || Buffer.compare(req.from, sender.bytes) !== 0)
      throw new CodedTestError('UNKNOWN_ACCOUNT', 'no key')
    return keccak256(req.data ?? new Uint8Array())
  }

  /** A made-up 65-byte signature (r, s, v) derived from the message. */
  async sign(_address: Uint8Array, message: Uint8Array): Promise<Uint8Array> {
    const h = keccak256(message)
    return concatBytes(h, keccak256(h), new Uint8Array([27]))
  }

  async signTypedData(_address: Uint8Array, data: TypedDataInput): Promise<Uint8Array> {
    return keccak256(Buffer.from(data.primaryType))
  }

  async gasPrice(): Promise<bigint> {
    return 3n * GWEI
  }

  async maxPriorityFeePerGas(): Promise<bigint> {
    return GWEI
  }
}
