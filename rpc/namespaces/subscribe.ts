// eth_subscribe / eth_unsubscribe. They need a connection that can carry notifications (WebSocket);
// over HTTP they fail like geth's: -32601 'notifications not supported'.
import type { MethodTable, RpcContext } from '../dispatch.ts'
import { ErrorCode, invalidArgument, RpcError } from '../errors.ts'
import { bool, logFilter, positional } from '../params.ts'
import type { RpcSession, SubscriptionSpec } from '../subscriptions.ts'

function sessionOf(ctx: RpcContext): RpcSession {
  if (!ctx.session) throw new RpcError(ErrorCode.METHOD_NOT_FOUND, 'notifications not supported')
  return ctx.session
}

function spec(kind: unknown, arg: unknown): SubscriptionSpec {
  if (typeof kind !== 'string') throw invalidArgument(0, 'subscription name must be a string')
  switch (kind) {
    case 'newHeads':
      return { kind }
    case 'newPendingTransactions':
      return { kind, full: arg === undefined ? false : bool(arg, 1) }
    case 'logs': {
      if (arg === undefined) return { kind, addresses: [], topics: [] }
      const f = logFilter(arg, 1)
      // A subscription follows the head; geth refuses historical ranges here as well.
      const live = (id: typeof f.fromBlock) => id === undefined || ('tag' in id && id.tag === 'latest')
      if (f.blockHash !== undefined || !live(f.fromBlock) || !live(f.toBlock)) {
        throw invalidArgument(1, 'logs subscriptions only follow new blocks: use eth_getLogs for a range')
      }
      return { kind, addresses: f.addresses, topics: f.topics }
    }
    default:
      throw new RpcError(ErrorCode.METHOD_NOT_FOUND, `no "${kind}" subscription in eth namespace`)
  }
}

export const subscribeMethods: MethodTable = {
  eth_subscribe: (params, ctx) => {
    const session = sessionOf(ctx)
    const [kind, arg] = positional(params, 1, 2)
    return session.subscribe(spec(kind, arg))
  },
  eth_unsubscribe: (params, ctx) => {
    const session = sessionOf(ctx)
    const [id] = positional(params, 1, 1)
    if (typeof id !== 'string') throw invalidArgument(0, 'subscription id must be a string')
    return session.unsubscribe(id)
  },
}
