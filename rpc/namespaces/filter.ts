// eth_newFilter, eth_newBlockFilter, eth_newPendingTransactionFilter, eth_getFilterChanges,
// eth_getFilterLogs, eth_uninstallFilter, over the cursors kept in ../filters.ts.
import type { MethodTable, RpcContext } from '../dispatch.ts'
import { limitExceeded, serverError } from '../errors.ts'
import type { FilterStore, LogCursor } from '../filters.ts'
import { dataHex } from '../format.ts'
import { logFilter, positional } from '../params.ts'
import { logBlockNumber, queryLogs } from './eth.ts'

function filterId(v: unknown): string {
  if (typeof v !== 'string' || !/^0x[0-9a-fA-F]{1,64}$/.test(v)) {
    // geth answers an ill-formed id like an unknown one.
    throw serverError('filter not found')
  }
  return v
}

async function logChanges(ctx: RpcContext, f: LogCursor): Promise<unknown[]> {
  const head = ctx.backend.blockNumber()
  if (f.next > head) return []
  const from = f.criteria.fromBlock ? await logBlockNumber(ctx, f.criteria.fromBlock) : f.next
  const to = f.criteria.toBlock ? await logBlockNumber(ctx, f.criteria.toBlock) : head
  const start = from > f.next ? from : f.next
  const end = to < head ? to : head
  f.next = head + 1n
  if (start > end) return []
  return queryLogs(ctx, {
    ...f.criteria,
    fromBlock: { number: start },
    toBlock: { number: end },
  })
}

export function filterMethods(store: FilterStore): MethodTable {
  const installed = (id: string | undefined): string => {
    if (id === undefined) throw limitExceeded('too many filters installed')
    return id
  }
  return {
    eth_newFilter: async (params, ctx) => {
      const [arg] = positional(params, 1, 1)
      const criteria = logFilter(arg, 0)
      if (criteria.blockHash !== undefined) throw serverError('filters by block hash are not supported')
      return installed(store.install({ kind: 'logs', criteria, next: ctx.backend.blockNumber() + 1n }))
    },
    eth_newBlockFilter: (params, ctx) => {
      positional(params, 0, 0)
      return installed(store.install({ kind: 'blocks', next: ctx.backend.blockNumber() + 1n }))
    },
    eth_newPendingTransactionFilter: (params) => {
      positional(params, 0, 1)
      return installed(store.install({ kind: 'pendingTransactions', hashes: [] }))
    },
    eth_uninstallFilter: (params) => {
      const [id] = positional(params, 1, 1)
      return store.uninstall(filterId(id))
    },
    eth_getFilterChanges: async (params, ctx) => {
      const [id] = positional(params, 1, 1)
      const f = store.poll(filterId(id))
      if (f === undefined) throw serverError('filter not found')
      if (f.kind === 'pendingTransactions') return f.hashes.splice(0).map(dataHex)
      if (f.kind === 'logs') return logChanges(ctx, f)
      const head = ctx.backend.blockNumber()
      const out: string[] = []
      // A client that polls rarely gets at most one log-range's worth of hashes, the newest.
      let n = f.next
      if (head - n + 1n > BigInt(ctx.options.logsBlockRange))
        n = head - BigInt(ctx.options.logsBlockRange) + 1n
      for (; n <= head; n++) {
        const block = await ctx.backend.getBlock({ number: n })
        if (block) out.push(dataHex(block.hash()))
      }
      f.next = head + 1n
      return out
    },
    eth_getFilterLogs: async (params, ctx) => {
      const [id] = positional(params, 1, 1)
      const f = store.poll(filterId(id))
      if (f === undefined || f.kind !== 'logs') throw serverError('filter not found')
      return queryLogs(ctx, f.criteria)
    },
  }
}
