// Decoding of eth_sendRawTransaction payloads. When ethereumjs refuses one, the chain id is read
// from the raw fields: ethereumjs refuses a foreign chain id with a message about its Common, which
// says nothing to a dApp developer, while geth answers "invalid chain id".
import type { Common } from '@ethereumjs/common'
import { RLP } from '@ethereumjs/rlp'
import {
  createBlob4844TxFromSerializedNetworkWrapper,
  createTxFromRLP,
  type TypedTransaction,
} from '@ethereumjs/tx'
import { bytesToBigInt } from '@ethereumjs/util'
import { ChainError } from './errors.ts'
import { TxPoolError } from './txpoolErrors.ts'

export function decodeRawTransaction(raw: Uint8Array, common: Common): TypedTransaction {
  try {
    // A blob transaction arrives in its network form (EIP-4844 / EIP-7594 wrapper with blobs,
    // commitments and proofs), whose blobs are checked against the versioned hashes here.
    if (isBlobNetworkWrapper(raw)) return createBlob4844TxFromSerializedNetworkWrapper(raw, { common })
    return createTxFromRLP(raw, { common })
  } catch (e) {
    // Only a payload ethereumjs refuses is parsed again, to tell a foreign chain id apart.
    const have = rawChainId(raw)
    const want = common.chainId()
    if (have !== undefined && have !== want) {
      throw new TxPoolError('WRONG_CHAIN_ID', `invalid chain id: have ${have}, want ${want}`, {
        have: String(have),
        want: String(want),
      })
    }
    const reason = String((e as Error).message ?? e).split('\n')[0]!
    throw new ChainError('INVALID_TRANSACTION', `invalid transaction: ${reason.slice(0, 200)}`)
  }
}

/** A type-3 payload whose RLP list starts with a list (the transaction) rather than the chain id. */
function isBlobNetworkWrapper(raw: Uint8Array): boolean {
  if (raw[0] !== 3) return false
  try {
    const fields = RLP.decode(raw.subarray(1))
    return Array.isArray(fields) && Array.isArray(fields[0])
  } catch {
    return false
  }
}

/** The chain id a raw transaction claims, or undefined when it has none or cannot be parsed. */
export function rawChainId(raw: Uint8Array): bigint | undefined {
  const first = raw[0]
  if (first === undefined) return undefined
  try {
    if (first >= 0xc0) {
      // Legacy: v = chainId * 2 + 35 | 36 under EIP-155.
      const fields = RLP.decode(raw)
      const v = Array.isArray(fields) ? fields[6] : undefined
      if (!(v instanceof Uint8Array)) return undefined
      const n = bytesToBigInt(v)
      return n >= 35n ? (n - 35n) / 2n : undefined
    }
    if (first <= 0x7f) {
      const fields = RLP.decode(raw.subarray(1))
      // A blob network wrapper holds the transaction's fields as its first item.
      const txFields = Array.isArray(fields) && Array.isArray(fields[0]) ? fields[0] : fields
      const id = Array.isArray(txFields) ? txFields[0] : undefined
      return id instanceof Uint8Array ? bytesToBigInt(id) : undefined
    }
  } catch {
    return undefined
  }
  return undefined
}
