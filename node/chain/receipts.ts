// Stored receipt records. Besides the consensus receipt (status, cumulative gas, bloom, logs) we keep
// what JSON-RPC needs without re-executing or re-recovering senders: sender, created contract, gas
// used and effective gas price.
import { RLP } from '@ethereumjs/rlp'
import { bigIntToUnpaddedBytes, bytesToBigInt } from '@ethereumjs/util'

export type StoredLog = [address: Uint8Array, topics: Uint8Array[], data: Uint8Array]

export interface StoredReceipt {
  status: 0 | 1
  cumulativeGasUsed: bigint
  gasUsed: bigint
  effectiveGasPrice: bigint
  bloom: Uint8Array
  logs: StoredLog[]
  from: Uint8Array
  contractAddress: Uint8Array | null
}

export function encodeReceipts(rs: StoredReceipt[]): Uint8Array {
  return RLP.encode(
    rs.map((r) => [
      r.status === 1 ? Uint8Array.of(1) : new Uint8Array(0),
      bigIntToUnpaddedBytes(r.cumulativeGasUsed),
      bigIntToUnpaddedBytes(r.gasUsed),
      bigIntToUnpaddedBytes(r.effectiveGasPrice),
      r.bloom,
      r.logs,
      r.from,
      r.contractAddress ?? new Uint8Array(0),
    ]),
  )
}

export function decodeReceipts(bytes: Uint8Array): StoredReceipt[] {
  const list = RLP.decode(bytes) as unknown as Uint8Array[][]
  return list.map((f) => {
    const [status, cum, used, price, bloom, logs, from, created] = f as unknown as [
      Uint8Array,
      Uint8Array,
      Uint8Array,
      Uint8Array,
      Uint8Array,
      StoredLog[],
      Uint8Array,
      Uint8Array,
    ]
    return {
      status: status.length > 0 ? 1 : 0,
      cumulativeGasUsed: bytesToBigInt(cum),
      gasUsed: bytesToBigInt(used),
      effectiveGasPrice: bytesToBigInt(price),
      bloom,
      logs,
      from,
      contractAddress: created.length === 0 ? null : created,
    }
  })
}
