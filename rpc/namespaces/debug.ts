// The debug_getRaw* getters: consensus encodings of headers, blocks, transactions and receipts.
// Unknown blocks and transactions follow geth (internal/ethapi DebugAPI): by number or tag the result
// is geth's empty value (`0x` for bytes, null for the receipt list), by hash a header or block is a
// -32000 error and the receipt list is empty; an unknown transaction is `0x`.
import type { Block } from '@ethereumjs/block'
import type { BlockId } from '../backend.ts'
import type { MethodTable, RpcContext } from '../dispatch.ts'
import { serverError } from '../errors.ts'
import { dataHex, encodeReceipt } from '../format.ts'
import { blockId, hash, positional } from '../params.ts'

const EMPTY = '0x'

/** The block named by the single parameter, or undefined when a number or tag names none. */
async function blockParam(params: unknown[], ctx: RpcContext, what: string): Promise<Block | undefined> {
  const [b] = positional(params, 1, 1)
  const id: BlockId = blockId(b, 0)
  const block = await ctx.backend.getBlock(id)
  if (!block && 'hash' in id) throw serverError(`${what} ${dataHex(id.hash)} not found`)
  return block
}

export const debugMethods: MethodTable = {
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
