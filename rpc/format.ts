// ethereumjs objects and backend views -> geth-shaped JSON. Quantities are minimal hex (`0x0`),
// byte strings are lowercase 0x hex, addresses lowercase (geth does not checksum in JSON).
import type { Block, BlockHeader } from '@ethereumjs/block'
import { RLP } from '@ethereumjs/rlp'
import type { TypedTransaction } from '@ethereumjs/tx'
import { bigIntToUnpaddedBytes, bytesToBigInt, bytesToHex, concatBytes } from '@ethereumjs/util'
import type { AccountProofView, LogView, ReceiptView, SyncStatus, TxLocation } from './backend.ts'
import { jsonBytes } from './rawJson.ts'

export function quantityHex(n: bigint | number): string {
  return `0x${n.toString(16)}`
}

export function dataHex(b: Uint8Array): string {
  return bytesToHex(b)
}

export interface RpcAccessTuple {
  address: string
  storageKeys: string[]
}

export interface RpcAuthorization {
  chainId: string
  address: string
  nonce: string
  yParity: string
  r: string
  s: string
}

export interface RpcTransaction {
  blockHash: string | null
  blockNumber: string | null
  from: string
  gas: string
  gasPrice: string
  maxFeePerGas?: string
  maxPriorityFeePerGas?: string
  maxFeePerBlobGas?: string
  hash: string
  input: string
  nonce: string
  to: string | null
  transactionIndex: string | null
  value: string
  type: string
  accessList?: RpcAccessTuple[]
  chainId?: string
  blobVersionedHashes?: string[]
  authorizationList?: RpcAuthorization[]
  v: string
  r: string
  s: string
  yParity?: string
}

export interface RpcWithdrawal {
  index: string
  validatorIndex: string
  address: string
  amount: string
}

export interface RpcBlock {
  number: string
  hash: string
  parentHash: string
  nonce: string
  mixHash: string
  sha3Uncles: string
  logsBloom: string
  transactionsRoot: string
  stateRoot: string
  receiptsRoot: string
  miner: string
  difficulty: string
  extraData: string
  size: string
  gasLimit: string
  gasUsed: string
  timestamp: string
  transactions: string[] | RpcTransaction[]
  uncles: string[]
  baseFeePerGas?: string
  withdrawalsRoot?: string
  withdrawals?: RpcWithdrawal[]
  blobGasUsed?: string
  excessBlobGas?: string
  parentBeaconBlockRoot?: string
  requestsHash?: string
}

export interface RpcLog {
  address: string
  topics: string[]
  data: string
  blockNumber: string
  transactionHash: string
  transactionIndex: string
  blockHash: string
  logIndex: string
  removed: boolean
}

export interface RpcReceipt {
  blockHash: string
  blockNumber: string
  transactionHash: string
  transactionIndex: string
  from: string
  to: string | null
  gasUsed: string
  cumulativeGasUsed: string
  contractAddress: string | null
  logs: RpcLog[]
  logsBloom: string
  type: string
  effectiveGasPrice: string
  status: string
  blobGasUsed?: string
  blobGasPrice?: string
}

function accessListJson(list: [Uint8Array, Uint8Array[]][]): RpcAccessTuple[] {
  return list.map(([address, keys]) => ({ address: dataHex(address), storageKeys: keys.map(dataHex) }))
}

/**
 * A transaction as geth's RPCTransaction. `location` absent means pending: block fields are null
 * and a fee-market transaction reports `gasPrice = maxFeePerGas`, since no base fee applies yet.
 */
export function formatTransaction(tx: TypedTransaction, location?: TxLocation): RpcTransaction {
  const out: RpcTransaction = {
    blockHash: location ? dataHex(location.blockHash) : null,
    blockNumber: location ? quantityHex(location.blockNumber) : null,
    from: tx.getSenderAddress().toString(),
    gas: quantityHex(tx.gasLimit),
    gasPrice: '0x0',
    hash: dataHex(tx.hash()),
    input: dataHex(tx.data),
    nonce: quantityHex(tx.nonce),
    to: tx.to ? tx.to.toString() : null,
    transactionIndex: location ? quantityHex(location.index) : null,
    value: quantityHex(tx.value),
    type: quantityHex(tx.type),
    v: quantityHex(tx.v ?? 0n),
    r: quantityHex(tx.r ?? 0n),
    s: quantityHex(tx.s ?? 0n),
  }
  if (tx.type === 0) {
    out.gasPrice = quantityHex(tx.gasPrice)
    const v = tx.v ?? 0n
    // EIP-155: v = chainId * 2 + 35 + yParity; pre-155 signatures (27/28) name no chain.
    if (v >= 35n) out.chainId = quantityHex((v - 35n) / 2n)
    return out
  }
  out.chainId = quantityHex(tx.chainId)
  out.accessList = accessListJson(tx.accessList)
  out.yParity = out.v
  if (tx.type === 1) {
    out.gasPrice = quantityHex(tx.gasPrice)
    return out
  }
  out.maxFeePerGas = quantityHex(tx.maxFeePerGas)
  out.maxPriorityFeePerGas = quantityHex(tx.maxPriorityFeePerGas)
  const baseFee = location?.baseFeePerGas
  out.gasPrice = quantityHex(
    baseFee === undefined
      ? tx.maxFeePerGas
      : baseFee + min(tx.maxPriorityFeePerGas, tx.maxFeePerGas - baseFee),
  )
  if (tx.type === 3) {
    out.maxFeePerBlobGas = quantityHex(tx.maxFeePerBlobGas)
    out.blobVersionedHashes = tx.blobVersionedHashes.map((h) => h.toLowerCase())
  } else if (tx.type === 4) {
    out.authorizationList = tx.authorizationList.map(([chainId, address, nonce, yParity, r, s]) => ({
      chainId: quantityHex(bytesToBigInt(chainId)),
      address: dataHex(address),
      nonce: quantityHex(bytesToBigInt(nonce)),
      yParity: quantityHex(bytesToBigInt(yParity)),
      r: quantityHex(bytesToBigInt(r)),
      s: quantityHex(bytesToBigInt(s)),
    }))
  }
  return out
}

function min(a: bigint, b: bigint): bigint {
  return a < b ? a : b
}

/** Header fields shared by blocks (and, later, newHeads subscriptions). */
export function formatHeader(header: BlockHeader): Omit<RpcBlock, 'size' | 'transactions' | 'uncles'> {
  const out: Omit<RpcBlock, 'size' | 'transactions' | 'uncles'> = {
    number: quantityHex(header.number),
    hash: dataHex(header.hash()),
    parentHash: dataHex(header.parentHash),
    nonce: dataHex(header.nonce),
    mixHash: dataHex(header.mixHash),
    sha3Uncles: dataHex(header.uncleHash),
    logsBloom: dataHex(header.logsBloom),
    transactionsRoot: dataHex(header.transactionsTrie),
    stateRoot: dataHex(header.stateRoot),
    receiptsRoot: dataHex(header.receiptTrie),
    miner: header.coinbase.toString(),
    difficulty: quantityHex(header.difficulty),
    extraData: dataHex(header.extraData),
    gasLimit: quantityHex(header.gasLimit),
    gasUsed: quantityHex(header.gasUsed),
    timestamp: quantityHex(header.timestamp),
  }
  if (header.baseFeePerGas !== undefined) out.baseFeePerGas = quantityHex(header.baseFeePerGas)
  if (header.withdrawalsRoot !== undefined) out.withdrawalsRoot = dataHex(header.withdrawalsRoot)
  if (header.blobGasUsed !== undefined) out.blobGasUsed = quantityHex(header.blobGasUsed)
  if (header.excessBlobGas !== undefined) out.excessBlobGas = quantityHex(header.excessBlobGas)
  if (header.parentBeaconBlockRoot !== undefined)
    out.parentBeaconBlockRoot = dataHex(header.parentBeaconBlockRoot)
  if (header.requestsHash !== undefined) out.requestsHash = dataHex(header.requestsHash)
  return out
}

/** A block as geth's eth_getBlockBy*: transaction hashes, or full transactions when `fullTx`. */
export function formatBlock(block: Block, fullTx: boolean): RpcBlock {
  const header = block.header
  const blockHash = block.hash()
  let transactions: string[] | RpcTransaction[]
  if (fullTx) {
    const baseFeePerGas = header.baseFeePerGas
    transactions = block.transactions.map((tx, index) =>
      formatTransaction(tx, { blockHash, blockNumber: header.number, index, baseFeePerGas }),
    )
  } else {
    transactions = block.transactions.map((tx) => dataHex(tx.hash()))
  }
  const out: RpcBlock = {
    ...formatHeader(header),
    size: quantityHex(block.serialize().length),
    transactions,
    uncles: block.uncleHeaders.map((u) => dataHex(u.hash())),
  }
  if (header.withdrawalsRoot !== undefined) {
    out.withdrawals = (block.withdrawals ?? []).map((w) => ({
      index: quantityHex(w.index),
      validatorIndex: quantityHex(w.validatorIndex),
      address: w.address.toString(),
      amount: quantityHex(w.amount),
    }))
  }
  return out
}

/**
 * A log as geth's types.Log in the execution-apis schema this node conforms to (no `blockTimestamp`:
 * the pinned spec and its conformance fixtures have none, and hive compares fields exactly).
 */
/**
 * Formatted logs by the view they came from: a backend that keeps a block's log views (for
 * eth_getLogs) gets each formatted once, not once per query. Views are never changed after creation.
 */
const formattedLogs = new WeakMap<LogView, RpcLog>()

export function formatLog(log: LogView): RpcLog {
  let out = formattedLogs.get(log)
  if (out === undefined) {
    out = Object.freeze(formatLogOnce(log))
    formattedLogs.set(log, out)
  }
  return out
}

/** A log's JSON text (as `formatLog` gives it), kept per view like the formatted log. */
const logJsons = new WeakMap<LogView, Uint8Array>()

export function logJson(log: LogView): Uint8Array {
  let out = logJsons.get(log)
  if (out === undefined) {
    out = jsonBytes(formatLogOnce(log))
    logJsons.set(log, out)
  }
  return out
}

function formatLogOnce(log: LogView): RpcLog {
  return {
    address: dataHex(log.address),
    topics: log.topics.map(dataHex),
    data: dataHex(log.data),
    blockNumber: quantityHex(log.blockNumber),
    transactionHash: dataHex(log.transactionHash),
    transactionIndex: quantityHex(log.transactionIndex),
    blockHash: dataHex(log.blockHash),
    logIndex: quantityHex(log.logIndex),
    removed: log.removed,
  }
}

export function formatReceipt(r: ReceiptView): RpcReceipt {
  const out: RpcReceipt = {
    blockHash: dataHex(r.blockHash),
    blockNumber: quantityHex(r.blockNumber),
    transactionHash: dataHex(r.transactionHash),
    transactionIndex: quantityHex(r.transactionIndex),
    from: dataHex(r.from),
    to: r.to ? dataHex(r.to) : null,
    gasUsed: quantityHex(r.gasUsed),
    cumulativeGasUsed: quantityHex(r.cumulativeGasUsed),
    contractAddress: r.contractAddress ? dataHex(r.contractAddress) : null,
    logs: r.logs.map(formatLog),
    logsBloom: dataHex(r.logsBloom),
    type: quantityHex(r.type),
    effectiveGasPrice: quantityHex(r.effectiveGasPrice),
    status: quantityHex(r.status),
  }
  if (r.type === 3) {
    out.blobGasUsed = quantityHex(r.blobGasUsed ?? 0n)
    out.blobGasPrice = quantityHex(r.blobGasPrice ?? 0n)
  }
  return out
}

export function formatSyncStatus(s: SyncStatus): {
  startingBlock: string
  currentBlock: string
  highestBlock: string
} {
  return {
    startingBlock: quantityHex(s.startingBlock),
    currentBlock: quantityHex(s.currentBlock),
    highestBlock: quantityHex(s.highestBlock),
  }
}

/**
 * The consensus encoding of a receipt (EIP-2718): RLP([status, cumulativeGasUsed, bloom, logs]),
 * prefixed with the transaction type for typed transactions, as debug_getRawReceipts returns it.
 */
export function encodeReceipt(r: ReceiptView): Uint8Array {
  const body = RLP.encode([
    r.status === 1 ? Uint8Array.of(1) : new Uint8Array(0),
    bigIntToUnpaddedBytes(r.cumulativeGasUsed),
    r.logsBloom,
    r.logs.map((l) => [l.address, l.topics, l.data]),
  ])
  return r.type === 0 ? body : concatBytes(Uint8Array.of(r.type), body)
}

export interface RpcStorageProof {
  key: string
  value: string
  proof: string[]
}

export interface RpcAccountProof {
  address: string
  accountProof: string[]
  balance: string
  codeHash: string
  nonce: string
  storageHash: string
  storageProof: RpcStorageProof[]
}

/**
 * An eth_getProof result as geth's AccountResult. A storage key the caller wrote as 32 bytes comes
 * back as 32 bytes of hex; a shorter one as a quantity (`0x00` -> `0x0`), which is what geth does.
 */
export function formatProof(
  address: Uint8Array,
  keys: { slot: Uint8Array; inputLength: number }[],
  p: AccountProofView,
): RpcAccountProof {
  return {
    address: dataHex(address),
    accountProof: p.accountProof.map(dataHex),
    balance: quantityHex(p.balance),
    codeHash: dataHex(p.codeHash),
    nonce: quantityHex(p.nonce),
    storageHash: dataHex(p.storageHash),
    storageProof: keys.map((k, i) => {
      const s = p.storageProof[i]
      return {
        key: k.inputLength === 32 ? dataHex(k.slot) : quantityHex(bytesToBigInt(k.slot)),
        value: quantityHex(s?.value ?? 0n),
        proof: (s?.proof ?? []).map(dataHex),
      }
    }),
  }
}
