import type { Block } from '@ethereumjs/block'
import type { TypedTransaction } from '@ethereumjs/tx'
import type { BlockId, CallRequest, LogView, RpcBackend } from '../backend.ts'
import type { MethodTable, RpcContext } from '../dispatch.ts'
import { callFailure, headerNotFound, limitExceeded, serverError } from '../errors.ts'
import {
  dataHex,
  formatBlock,
  formatLog,
  formatProof,
  formatReceipt,
  formatSyncStatus,
  formatTransaction,
  logJson,
  quantityHex,
  type RpcLog,
} from '../format.ts'
import { callOverrides } from '../overrideParams.ts'
import {
  address,
  blockId,
  blockNumberOrTag,
  bool,
  bytes,
  callRequest,
  hash,
  hexOrDecimal,
  logFilter,
  type ParsedCall,
  type ParsedLogFilter,
  positional,
  proofKeys,
  rewardPercentiles,
  smallUint,
  storageSlot,
  typedData,
} from '../params.ts'
import { RawJson } from '../rawJson.ts'
import { logMatchesSpec } from '../subscriptions.ts'

const LATEST: BlockId = { tag: 'latest' }
/** geth's maxBlockHistory for eth_feeHistory: larger requests are clamped, not refused. */
const MAX_FEE_HISTORY = 1024n

/** The block a state query runs against; an unknown block is -32001 'header not found', as in geth. */
async function stateBlock(ctx: RpcContext, id: BlockId): Promise<Block> {
  const block = await ctx.backend.getBlock(id)
  if (!block) throw headerNotFound()
  return block
}

function optBlockId(v: unknown, index: number): BlockId {
  return v === undefined ? LATEST : blockId(v, index)
}

function checkChainId(call: ParsedCall, backend: RpcBackend): CallRequest {
  if (call.chainId !== undefined && call.chainId !== backend.chainId) {
    throw serverError(`chainId does not match node's (have=${call.chainId}, want=${backend.chainId})`)
  }
  return call.req
}

/**
 * eth_getStorageAt's key: geth unmarshals it as a string and decodes it inside the method, so a string
 * that is not a hex word is -32000 `unable to decode storage key: ...`, not invalid params.
 */
function storageKey(v: unknown): Uint8Array {
  if (typeof v === 'string') {
    const body = v.startsWith('0x') || v.startsWith('0X') ? v.slice(2) : v
    if (!/^[0-9a-fA-F]*$/.test(body)) throw serverError('unable to decode storage key: hex string invalid')
    if (body.length > 64) {
      throw serverError('unable to decode storage key: hex string too long, want at most 32 bytes')
    }
  }
  return storageSlot(v, 1)
}

function min(a: bigint, b: bigint): bigint {
  return a < b ? a : b
}

function txInBlock(block: Block, index: number): unknown {
  const tx = block.transactions[index]
  if (!tx) return null
  return formatTransaction(tx, {
    blockHash: block.hash(),
    blockNumber: block.header.number,
    index,
    baseFeePerGas: block.header.baseFeePerGas,
  })
}

/** Miner's tip per gas of `tx` under `baseFee`, as geth's EffectiveGasTip (floored at zero). */
function effectiveTip(tx: TypedTransaction, baseFee: bigint): bigint {
  const tip =
    tx.type === 0 || tx.type === 1
      ? tx.gasPrice - baseFee
      : min(tx.maxPriorityFeePerGas, tx.maxFeePerGas - baseFee)
  return tip < 0n ? 0n : tip
}

/** geth's fee-history rewards: per percentile, the tip of the tx where cumulative gas crosses it. */
async function blockRewards(ctx: RpcContext, block: Block, percentiles: number[]): Promise<string[]> {
  if (block.transactions.length === 0) return percentiles.map(() => '0x0')
  const receipts = await ctx.backend.getReceipts(block)
  const baseFee = block.header.baseFeePerGas ?? 0n
  const sorted = block.transactions
    .map((tx, i) => ({ gasUsed: receipts[i]?.gasUsed ?? 0n, reward: effectiveTip(tx, baseFee) }))
    .sort((a, b) => (a.reward < b.reward ? -1 : a.reward > b.reward ? 1 : 0))
  const gasUsed = Number(block.header.gasUsed)
  let txIndex = 0
  let sumGasUsed = sorted[0]!.gasUsed
  return percentiles.map((p) => {
    const threshold = BigInt(Math.floor((gasUsed * p) / 100))
    while (sumGasUsed < threshold && txIndex < sorted.length - 1) {
      txIndex++
      sumGasUsed += sorted[txIndex]!.gasUsed
    }
    return quantityHex(sorted[txIndex]!.reward)
  })
}

function blobFees(block: Block): { baseFee: bigint; next: bigint; ratio: number } {
  const h = block.header
  if (h.excessBlobGas === undefined) return { baseFee: 0n, next: 0n, ratio: 0 }
  const max = BigInt(h.common.getBlobGasSchedule().maxBlobGasPerBlock)
  return {
    baseFee: h.getBlobGasPrice(),
    next: h.calcNextBlobGasPrice(h.common),
    ratio: max === 0n ? 0 : Number(h.blobGasUsed ?? 0n) / Number(max),
  }
}

async function feeHistory(params: unknown[], ctx: RpcContext): Promise<unknown> {
  const [countArg, newestArg, percentilesArg] = positional(params, 2, 3)
  let count = hexOrDecimal(countArg, 0)
  const newestId = blockNumberOrTag(newestArg, 1)
  const percentiles = percentilesArg === undefined ? [] : rewardPercentiles(percentilesArg, 2)
  if (count === 0n) return { oldestBlock: '0x0', baseFeePerGas: [], gasUsedRatio: [] }
  if (count > MAX_FEE_HISTORY) count = MAX_FEE_HISTORY
  const head = ctx.backend.blockNumber()
  if ('number' in newestId && newestId.number > head) {
    throw serverError(`request beyond head block: requested ${newestId.number}, head ${head}`)
  }
  const newest = await stateBlock(ctx, newestId)
  const newestNumber = newest.header.number
  if (count > newestNumber + 1n) count = newestNumber + 1n
  const oldest = newestNumber - count + 1n

  const blocks: Block[] = []
  for (let n = oldest; n < newestNumber; n++) {
    const b = await ctx.backend.getBlock({ number: n })
    if (!b) throw headerNotFound()
    blocks.push(b)
  }
  blocks.push(newest)

  const baseFeePerGas: string[] = []
  const gasUsedRatio: number[] = []
  const baseFeePerBlobGas: string[] = []
  const blobGasUsedRatio: number[] = []
  const reward: string[][] = []
  for (const b of blocks) {
    baseFeePerGas.push(quantityHex(b.header.baseFeePerGas ?? 0n))
    gasUsedRatio.push(b.header.gasLimit === 0n ? 0 : Number(b.header.gasUsed) / Number(b.header.gasLimit))
    const blob = blobFees(b)
    baseFeePerBlobGas.push(quantityHex(blob.baseFee))
    blobGasUsedRatio.push(blob.ratio)
    if (percentiles.length > 0) reward.push(await blockRewards(ctx, b, percentiles))
  }
  // One entry more than blocks: the base fee of the block after `newest`.
  baseFeePerGas.push(
    quantityHex(newest.header.baseFeePerGas === undefined ? 0n : newest.header.calcNextBaseFee()),
  )
  baseFeePerBlobGas.push(quantityHex(blobFees(newest).next))

  const out: Record<string, unknown> = { oldestBlock: quantityHex(oldest) }
  if (percentiles.length > 0) out['reward'] = reward
  out['baseFeePerGas'] = baseFeePerGas
  out['gasUsedRatio'] = gasUsedRatio
  out['baseFeePerBlobGas'] = baseFeePerBlobGas
  out['blobGasUsedRatio'] = blobGasUsedRatio
  return out
}

/** Resolves a from/to block of a log filter to a number. */
export async function logBlockNumber(ctx: RpcContext, id: BlockId | undefined): Promise<bigint> {
  if (id === undefined) return ctx.backend.blockNumber()
  if ('number' in id) return id.number
  if ('tag' in id) {
    if (id.tag === 'latest' || id.tag === 'pending') return ctx.backend.blockNumber()
    if (id.tag === 'earliest') return 0n
    const block = await ctx.backend.getBlock(id)
    if (!block) throw serverError(`${id.tag} block not found`)
    return block.header.number
  }
  throw serverError('unknown block')
}

async function getLogs(params: unknown[], ctx: RpcContext): Promise<RawJson> {
  const [filterArg] = positional(params, 1, 1)
  // Each log's JSON is made once and kept: a query joins bytes instead of formatting objects.
  return RawJson.array((await queryLogViews(ctx, logFilter(filterArg, 0))).map(logJson))
}

/** The data of both eth_getLogs limit errors: the client learns how to split its query. */
function logLimits(ctx: RpcContext): { maxBlockRange: number; maxResults: number } {
  return { maxBlockRange: ctx.options.logsBlockRange, maxResults: ctx.options.logsMaxResults }
}

/** eth_getLogs for parsed criteria, with the block-range and result limits. */
export async function queryLogs(ctx: RpcContext, f: ParsedLogFilter): Promise<RpcLog[]> {
  return (await queryLogViews(ctx, f)).map(formatLog)
}

async function queryLogViews(ctx: RpcContext, f: ParsedLogFilter): Promise<LogView[]> {
  const { logsBlockRange, logsMaxResults } = ctx.options
  let logs: LogView[]
  if (f.blockHash !== undefined) {
    // By hash the block may be off the canonical chain, so read its own receipts rather than
    // asking the backend for a (canonical) number range.
    const block = await ctx.backend.getBlock({ hash: f.blockHash })
    if (!block) throw serverError('unknown block')
    const receipts = await ctx.backend.getReceipts(block)
    logs = receipts.flatMap((r) => r.logs).filter((l) => logMatchesSpec(l, f))
  } else {
    const from = await logBlockNumber(ctx, f.fromBlock)
    let to = await logBlockNumber(ctx, f.toBlock)
    if (from > to) throw serverError('invalid block range params')
    const head = ctx.backend.blockNumber()
    if (from > head) return []
    if (to > head) to = head
    if (to - from + 1n > BigInt(logsBlockRange)) {
      throw limitExceeded(`query exceeds max block range ${logsBlockRange}`, logLimits(ctx))
    }
    logs = await ctx.backend.getLogs({
      fromBlock: from,
      toBlock: to,
      addresses: f.addresses,
      topics: f.topics,
      maxResults: logsMaxResults,
    })
  }
  if (logs.length > logsMaxResults) {
    throw limitExceeded(`query returned more than ${logsMaxResults} results`, logLimits(ctx))
  }
  return logs
}

export const ethMethods: MethodTable = {
  eth_chainId: (params, ctx) => {
    positional(params, 0, 0)
    return quantityHex(ctx.backend.chainId)
  },

  eth_blockNumber: (params, ctx) => {
    positional(params, 0, 0)
    return quantityHex(ctx.backend.blockNumber())
  },

  eth_syncing: (params, ctx) => {
    positional(params, 0, 0)
    const s = ctx.backend.syncing()
    return s === false ? false : formatSyncStatus(s)
  },

  eth_mining: (params) => {
    positional(params, 0, 0)
    return false
  },

  eth_hashrate: (params) => {
    positional(params, 0, 0)
    return '0x0'
  },

  eth_accounts: (params, ctx) => {
    positional(params, 0, 0)
    return ctx.backend.accounts().map(dataHex)
  },

  eth_coinbase: (params, ctx) => {
    positional(params, 0, 0)
    const first = ctx.backend.accounts()[0]
    if (!first) throw serverError('etherbase must be explicitly specified')
    return dataHex(first)
  },

  eth_gasPrice: async (params, ctx) => {
    positional(params, 0, 0)
    return quantityHex(await ctx.backend.gasPrice())
  },

  eth_maxPriorityFeePerGas: async (params, ctx) => {
    positional(params, 0, 0)
    return quantityHex(await ctx.backend.maxPriorityFeePerGas())
  },

  eth_feeHistory: feeHistory,

  eth_blobBaseFee: async (params, ctx) => {
    positional(params, 0, 0)
    // The blob base fee a transaction sent now pays: that of the block after the head.
    const head = await stateBlock(ctx, LATEST)
    return quantityHex(blobFees(head).next)
  },

  eth_getBalance: async (params, ctx) => {
    const [a, b] = positional(params, 1, 2)
    const addr = address(a, 0)
    const block = await stateBlock(ctx, optBlockId(b, 1))
    return quantityHex((await ctx.backend.getAccount(addr, block)).balance)
  },

  eth_getCode: async (params, ctx) => {
    const [a, b] = positional(params, 1, 2)
    const addr = address(a, 0)
    const block = await stateBlock(ctx, optBlockId(b, 1))
    return dataHex(await ctx.backend.getCode(addr, block))
  },

  eth_getStorageAt: async (params, ctx) => {
    const [a, s, b] = positional(params, 2, 3)
    const addr = address(a, 0)
    const slot = storageKey(s)
    const block = await stateBlock(ctx, optBlockId(b, 2))
    const value = await ctx.backend.getStorageAt(addr, slot, block)
    // Storage values are returned as full 32-byte words, like geth.
    const word = new Uint8Array(32)
    word.set(value.subarray(Math.max(0, value.length - 32)), Math.max(0, 32 - value.length))
    return dataHex(word)
  },

  eth_getProof: async (params, ctx) => {
    const [a, k, b] = positional(params, 3, 3)
    const addr = address(a, 0)
    const keys = proofKeys(k, 1)
    const block = await stateBlock(ctx, blockId(b, 2))
    const proof = await ctx.backend.getProof(
      addr,
      keys.map((key) => key.slot),
      block,
    )
    return formatProof(addr, keys, proof)
  },

  eth_getTransactionCount: async (params, ctx) => {
    const [a, b] = positional(params, 1, 2)
    const addr = address(a, 0)
    const id = optBlockId(b, 1)
    if ('tag' in id && id.tag === 'pending' && ctx.backend.pendingNonce) {
      return quantityHex(await ctx.backend.pendingNonce(addr))
    }
    const block = await stateBlock(ctx, id)
    return quantityHex((await ctx.backend.getAccount(addr, block)).nonce)
  },

  eth_getBlockByNumber: async (params, ctx) => {
    const [n, full] = positional(params, 1, 2)
    const id = blockNumberOrTag(n, 0)
    const fullTx = full === undefined ? false : bool(full, 1)
    const block = await ctx.backend.getBlock(id)
    return block ? formatBlock(block, fullTx) : null
  },

  eth_getBlockByHash: async (params, ctx) => {
    const [h, full] = positional(params, 1, 2)
    const id = { hash: hash(h, 0) }
    const fullTx = full === undefined ? false : bool(full, 1)
    const block = await ctx.backend.getBlock(id)
    return block ? formatBlock(block, fullTx) : null
  },

  eth_getBlockTransactionCountByNumber: async (params, ctx) => {
    const [n] = positional(params, 1, 1)
    const block = await ctx.backend.getBlock(blockNumberOrTag(n, 0))
    return block ? quantityHex(block.transactions.length) : null
  },

  eth_getBlockTransactionCountByHash: async (params, ctx) => {
    const [h] = positional(params, 1, 1)
    const block = await ctx.backend.getBlock({ hash: hash(h, 0) })
    return block ? quantityHex(block.transactions.length) : null
  },

  eth_getUncleCountByBlockNumber: async (params, ctx) => {
    const [n] = positional(params, 1, 1)
    const block = await ctx.backend.getBlock(blockNumberOrTag(n, 0))
    return block ? quantityHex(block.uncleHeaders.length) : null
  },

  eth_getUncleCountByBlockHash: async (params, ctx) => {
    const [h] = positional(params, 1, 1)
    const block = await ctx.backend.getBlock({ hash: hash(h, 0) })
    return block ? quantityHex(block.uncleHeaders.length) : null
  },

  eth_getUncleByBlockNumberAndIndex: (params) => {
    const [n, i] = positional(params, 2, 2)
    blockNumberOrTag(n, 0)
    smallUint(i, 1)
    // Proof-of-stake blocks carry no uncles.
    return null
  },

  eth_getUncleByBlockHashAndIndex: (params) => {
    const [h, i] = positional(params, 2, 2)
    hash(h, 0)
    smallUint(i, 1)
    return null
  },

  eth_getTransactionByHash: async (params, ctx) => {
    const [h] = positional(params, 1, 1)
    const found = await ctx.backend.getTransaction(hash(h, 0))
    return found ? formatTransaction(found.tx, found.location) : null
  },

  eth_getTransactionByBlockNumberAndIndex: async (params, ctx) => {
    const [n, i] = positional(params, 2, 2)
    const id = blockNumberOrTag(n, 0)
    const index = smallUint(i, 1)
    const block = await ctx.backend.getBlock(id)
    return block ? txInBlock(block, index) : null
  },

  eth_getTransactionByBlockHashAndIndex: async (params, ctx) => {
    const [h, i] = positional(params, 2, 2)
    const id = { hash: hash(h, 0) }
    const index = smallUint(i, 1)
    const block = await ctx.backend.getBlock(id)
    return block ? txInBlock(block, index) : null
  },

  eth_getTransactionReceipt: async (params, ctx) => {
    const [h] = positional(params, 1, 1)
    const receipt = await ctx.backend.getReceipt(hash(h, 0))
    return receipt ? formatReceipt(receipt) : null
  },

  eth_getBlockReceipts: async (params, ctx) => {
    const [b] = positional(params, 1, 1)
    const block = await ctx.backend.getBlock(blockId(b, 0))
    if (!block) return null
    return (await ctx.backend.getReceipts(block)).map(formatReceipt)
  },

  eth_sendRawTransaction: async (params, ctx) => {
    const [raw] = positional(params, 1, 1)
    return dataHex(await ctx.backend.sendRawTransaction(bytes(raw, 0)))
  },

  eth_sendTransaction: async (params, ctx) => {
    const [c] = positional(params, 1, 1)
    const req = checkChainId(callRequest(c, 0), ctx.backend)
    return dataHex(await ctx.backend.sendTransaction(req))
  },

  eth_sign: async (params, ctx) => {
    const [a, d] = positional(params, 2, 2)
    const addr = address(a, 0)
    const message = bytes(d, 1)
    return dataHex(await ctx.backend.sign(addr, message))
  },

  personal_sign: async (params, ctx) => {
    // (data, address[, password]): the reverse of eth_sign; the password is ignored (dev accounts).
    const [d, a] = positional(params, 2, 3)
    const message = bytes(d, 0)
    const addr = address(a, 1)
    return dataHex(await ctx.backend.sign(addr, message))
  },

  eth_signTypedData_v4: async (params, ctx) => {
    const [a, t] = positional(params, 2, 2)
    const addr = address(a, 0)
    const data = typedData(t, 1)
    return dataHex(await ctx.backend.signTypedData(addr, data))
  },

  eth_call: async (params, ctx) => {
    const [c, b, stateOv, blockOv] = positional(params, 1, 4)
    const req = checkChainId(callRequest(c, 0), ctx.backend)
    const id = optBlockId(b, 1)
    const overrides = callOverrides(stateOv, 2, blockOv, 3)
    const block = await stateBlock(ctx, id)
    const gasCap = ctx.options.gasCap
    // geth: an unspecified gas limit means the cap, a larger one is lowered to it.
    req.gas = req.gas === undefined ? gasCap : min(req.gas, gasCap)
    const result = await ctx.backend.call(req, block, overrides)
    if (result.error) throw callFailure(result.error, result.returnData)
    return dataHex(result.returnData)
  },

  eth_estimateGas: async (params, ctx) => {
    const [c, b, stateOv, blockOv] = positional(params, 1, 4)
    const req = checkChainId(callRequest(c, 0), ctx.backend)
    const id = optBlockId(b, 1)
    const overrides = callOverrides(stateOv, 2, blockOv, 3)
    const block = await stateBlock(ctx, id)
    const gasCap = ctx.options.gasCap
    // The search's upper bound: the caller's gas, else the block gas limit, never above the cap.
    req.gas = min(req.gas ?? overrides.block?.gasLimit ?? block.header.gasLimit, gasCap)
    return quantityHex(await ctx.backend.estimateGas(req, block, overrides))
  },

  eth_createAccessList: async (params, ctx) => {
    const [c, b] = positional(params, 1, 2)
    const req = checkChainId(callRequest(c, 0), ctx.backend)
    const id = optBlockId(b, 1)
    const block = await stateBlock(ctx, id)
    if (!ctx.backend.createAccessList) throw serverError('eth_createAccessList is not available on this node')
    const gasCap = ctx.options.gasCap
    req.gas = req.gas === undefined ? gasCap : min(req.gas, gasCap)
    const r = await ctx.backend.createAccessList(req, block)
    // geth's field order: accessList, error (when the call failed), gasUsed.
    return {
      accessList: r.accessList.map((t) => ({
        address: dataHex(t.address),
        storageKeys: t.storageKeys.map(dataHex),
      })),
      ...(r.error !== undefined ? { error: r.error } : {}),
      gasUsed: quantityHex(r.gasUsed),
    }
  },

  eth_getLogs: getLogs,
}
