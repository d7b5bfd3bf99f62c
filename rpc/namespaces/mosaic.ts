// mosaic_status, mosaic_getValidators, mosaic_getCheckpoint, mosaic_getCommits: the node's consensus
// (finality, kernel) and its origin chain (contracts, commits), for operators and gateways;
// mosaic_getMessage: a gateway message's steps on both chains.
import type { Block } from '@ethereumjs/block'
import type { MosaicBackend } from '../backend.ts'
import type { MethodTable, RpcContext } from '../dispatch.ts'
import { RpcError } from '../errors.ts'
import { blockId, hash, hexOrDecimal, positional } from '../params.ts'

function backendOf(ctx: RpcContext): MosaicBackend {
  const m = ctx.backend.mosaic
  if (!m) throw new RpcError(-32000, 'this chain has no Mosaic consensus (imported from another consensus)')
  return m
}

async function blockOf(ctx: RpcContext, params: unknown[]): Promise<Block | undefined> {
  const [id] = positional(params, 0, 1)
  return ctx.backend.getBlock(id === undefined ? { tag: 'latest' } : blockId(id, 0))
}

export const mosaicMethods: MethodTable = {
  mosaic_status: (params, ctx) => {
    positional(params, 0, 0)
    return backendOf(ctx).status()
  },

  mosaic_getValidators: async (params, ctx) => {
    const m = backendOf(ctx)
    const block = await blockOf(ctx, params)
    return block ? m.validators(block) : null
  },

  mosaic_getCheckpoint: async (params, ctx) => {
    const m = backendOf(ctx)
    const block = await blockOf(ctx, params)
    return block ? m.checkpoint(block) : null
  },

  mosaic_getCommits: (params, ctx) => {
    const [from] = positional(params, 0, 1)
    return backendOf(ctx).commits(from === undefined ? 0n : hexOrDecimal(from, 0))
  },

  mosaic_getMessage: (params, ctx) => {
    const [h] = positional(params, 1, 1)
    hash(h, 0)
    return backendOf(ctx).message(String(h).toLowerCase() as `0x${string}`)
  },
}
