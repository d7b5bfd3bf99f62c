// RLP field codecs shared by the consensus payload, votes and observations: canonical unsigned
// integers (no leading zero byte, zero as the empty string) and fixed-length byte strings. The
// readers return undefined for a malformed field; callers throw their own domain error.
import { bytesToHex, type Hex } from 'viem'

export function uintBytes(n: bigint): Uint8Array {
  if (n === 0n) return new Uint8Array(0)
  const hex = n.toString(16)
  return Uint8Array.from(Buffer.from(hex.length % 2 ? `0${hex}` : hex, 'hex'))
}

export function readUintField(b: unknown, maxBytes = 32): bigint | undefined {
  if (!(b instanceof Uint8Array) || b.length > maxBytes || b[0] === 0) return undefined
  return b.length === 0 ? 0n : BigInt(bytesToHex(b))
}

export function readBytesField(b: unknown, length: number): Hex | undefined {
  return b instanceof Uint8Array && b.length === length ? bytesToHex(b) : undefined
}
