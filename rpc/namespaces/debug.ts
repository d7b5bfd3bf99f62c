// The debug_getRaw* getters: consensus encodings of headers, blocks, transactions and receipts.
// Unknown blocks and transactions follow geth (internal/ethapi DebugAPI): by number or tag the result
// is geth's empty value (`0x` for bytes, null for the receipt list), by hash a header or block is a
// -32000 error and the receipt list is empty; an unknown transaction is `0x`.
// And the tracers (geth's eth/tracers API): debug_traceTransaction, debug_traceBlockByNumber,
// debug_traceBlockByHash and debug_traceCall, where unknown transactions and blocks are -32000 errors.
import type { Block } from '@ethereumjs/block'
import type { BlockId, RpcBackend } from '../backend.ts'
import type { MethodTable, RpcContext } from '../dispatch.ts'
import { serverError } from '../errors.ts'
import { dataHex, encodeReceipt } from '../format.ts'
import { blockId, blockNumberOrTag, callRequest, hash, positional } from '../params.ts'
import { traceCallConfig, traceConfig } from '../traceParams.ts'

const EMPTY = '0x'

/** The block named by the single parameter, or undefined when a number or tag names none. */
async function blockParam(params: unknown[], ctx: RpcContext, what: string): Promise<Block | undefined> {
  const [b] = positional(params, 1, 1)
  const id: BlockId = blockId(b, 0)
  const block = await ctx.backend.getBlock(id)
  if (!block && 'hash' in id) throw serverError(`${what} ${dataHex(id.hash)} not found`)
  return block
}

type Tracing = Required<Pick<RpcBackend, 'traceTransaction' | 'traceBlock' | 'traceCall'>>

function tracing(backend: RpcBackend): Tracing {
  const { traceTransaction, traceBlock, traceCall } = backend
  if (!traceTransaction || !traceBlock || !traceCall)
    throw serverError('tracing is not available on this node')
  return {
    traceTransaction: traceTransaction.bind(backend),
    traceBlock: traceBlock.bind(backend),
    traceCall: traceCall.bind(backend),
  }
}

async function traceBlock(ctx: RpcContext, block: Block | undefined, name: string, config: unknown) {
  if (!block) throw serverError(`block ${name} not found`)
  const entries = await tracing(ctx.backend).traceBlock(block, traceConfig(config, 1))
  return entries.map((e) => ({
    txHash: dataHex(e.txHash),
    ...(e.error !== undefined ? { error: e.error } : { result: e.result }),
  }))
}

export const debugMethods: MethodTable = {
  debug_traceTransaction: async (params, ctx) => {
    const [h, c] = positional(params, 1, 2)
    const txHash = hash(h, 0)
    const config = traceConfig(c, 1)
    const result = await tracing(ctx.backend).traceTransaction(txHash, config)
    if (result === undefined) throw serverError('transaction not found')
    return result
  },

  debug_traceBlockByNumber: async (params, ctx) => {
    const [n, c] = positional(params, 1, 2)
    const id = blockNumberOrTag(n, 0)
    const name = 'number' in id ? `#${id.number}` : String(n)
    return traceBlock(ctx, await ctx.backend.getBlock(id), name, c)
  },

  debug_traceBlockByHash: async (params, ctx) => {
    const [h, c] = positional(params, 1, 2)
    const blockHash = hash(h, 0)
    return traceBlock(ctx, await ctx.backend.getBlock({ hash: blockHash }), dataHex(blockHash), c)
  },

  debug_traceCall: async (params, ctx) => {
    const [c, b, cfg] = positional(params, 1, 3)
    const { req, chainId } = callRequest(c, 0)
    if (chainId !== undefined && chainId !== ctx.backend.chainId) {
      throw serverError(`chainId does not match node's (have=${chainId}, want=${ctx.backend.chainId})`)
    }
    const id: BlockId = b === undefined ? { tag: 'latest' } : blockId(b, 1)
    const { trace, overrides } = traceCallConfig(cfg, 2)
    const block = await ctx.backend.getBlock(id)
    if (!block) {
      const name = 'hash' in id ? dataHex(id.hash) : 'number' in id ? `#${id.number}` : id.tag
      throw serverError(`block ${name} not found`)
    }
    // As eth_call: no gas given means the cap, more than the cap is lowered to it.
    const cap = ctx.options.gasCap
    req.gas = req.gas === undefined || req.gas > cap ? cap : req.gas
    return tracing(ctx.backend).traceCall(req, block, trace, overrides)
  },

  debug_getRawHeader: async (params, ctx) => {
    const block = await blockParam(params, ctx, 'header')
    return block ? dataHex(block.header.serialize()) : EMPTY
  },

  debug_getRawBlock: async (params, ctx) => {
    const block = await blockParam(params, ctx, 'block')
    return block ? dataHex(block.serialize()) : EMPTY
  },

  debug_getRawTransaction: async (params, ctx) => {
    const [h] = positional(params, 1, 1)
    const found = await ctx.backend.getTransaction(hash(h, 0))
    return found ? dataHex(found.tx.serialize()) : EMPTY
  },

  debug_getRawReceipts: async (params, ctx) => {
    const [b] = positional(params, 1, 1)
    const id = blockId(b, 0)
    const block = await ctx.backend.getBlock(id)
    if (!block) return 'hash' in id ? [] : null
    return (await ctx.backend.getReceipts(block)).map((r) => dataHex(encodeReceipt(r)))
  },
}
