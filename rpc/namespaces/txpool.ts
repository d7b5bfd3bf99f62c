// txpool_status, txpool_content and txpool_inspect, shaped like geth's TxPoolAPI: senders keyed by
// checksummed address, their transactions keyed by decimal nonce.
import type { TypedTransaction } from '@ethereumjs/tx'
import { toChecksumAddress } from '@ethereumjs/util'
import type { MethodTable } from '../dispatch.ts'
import { formatTransaction, quantityHex, type RpcTransaction } from '../format.ts'
import { positional } from '../params.ts'

type BySender<T> = Record<string, Record<string, T>>

function bySender<T>(pool: Map<string, TypedTransaction[]>, f: (tx: TypedTransaction) => T): BySender<T> {
  const out: BySender<T> = {}
  for (const [sender, txs] of pool) {
    const byNonce: Record<string, T> = {}
    for (const tx of txs) byNonce[tx.nonce.toString()] = f(tx)
    out[toChecksumAddress(sender)] = byNonce
  }
  return out
}

/** geth's tx.GasPrice(): the legacy gas price, or the fee cap of a fee-market transaction. */
function gasPriceOf(tx: TypedTransaction): bigint {
  return tx.type === 0 || tx.type === 1 ? tx.gasPrice : tx.maxFeePerGas
}

/** geth's txpool_inspect line: `to: value wei + gas gas × price wei`. */
export function inspectLine(tx: TypedTransaction): string {
  const to = tx.to ? toChecksumAddress(tx.to.toString()) : 'contract creation'
  return `${to}: ${tx.value} wei + ${tx.gasLimit} gas × ${gasPriceOf(tx)} wei`
}

export const txpoolMethods: MethodTable = {
  txpool_status: (params, ctx) => {
    positional(params, 0, 0)
    const { pending, queued } = ctx.backend.poolStatus()
    return { pending: quantityHex(pending), queued: quantityHex(queued) }
  },

  txpool_content: (params, ctx) => {
    positional(params, 0, 0)
    const { pending, queued } = ctx.backend.poolContent()
    const format = (tx: TypedTransaction): RpcTransaction => formatTransaction(tx)
    return { pending: bySender(pending, format), queued: bySender(queued, format) }
  },

  txpool_inspect: (params, ctx) => {
    positional(params, 0, 0)
    const { pending, queued } = ctx.backend.poolContent()
    return { pending: bySender(pending, inspectLine), queued: bySender(queued, inspectLine) }
  },
}
