// Wire encodings of the req/resp protocols: RLP payloads inside one length-prefixed frame per
// message; a response starts with a result byte. Decoders throw P2PError('GARBAGE') on any shape
// other than the expected one.
import { RLP } from '@ethereumjs/rlp'
import { P2PError } from './errors.ts'
import type { ChainStatus } from './types.ts'

export const ResultCode = { ok: 0, badRequest: 1, serverError: 2, rateLimited: 3 } as const

function uint(n: bigint): Uint8Array {
  if (n === 0n) return new Uint8Array(0)
  const hex = n.toString(16)
  return Uint8Array.from(Buffer.from(hex.length % 2 ? `0${hex}` : hex, 'hex'))
}

function toUint(b: unknown, what: string): bigint {
  if (!(b instanceof Uint8Array) || b.length > 32 || (b.length > 0 && b[0] === 0))
    throw new P2PError('GARBAGE', `${what}: expected an unsigned integer`)
  return b.length === 0 ? 0n : BigInt(`0x${Buffer.from(b).toString('hex')}`)
}

function toHash(b: unknown, what: string): Uint8Array {
  if (!(b instanceof Uint8Array) || b.length !== 32)
    throw new P2PError('GARBAGE', `${what}: expected 32 bytes`)
  return b
}

function decodeList(bytes: Uint8Array, what: string): unknown[] {
  let d: unknown
  try {
    d = RLP.decode(bytes)
  } catch (e) {
    throw new P2PError('GARBAGE', `${what}: not RLP (${(e as Error).message.split('\n')[0]})`)
  }
  if (!Array.isArray(d)) throw new P2PError('GARBAGE', `${what}: expected an RLP list`)
  return d
}

export function encodeStatus(s: ChainStatus): Uint8Array {
  return RLP.encode([
    uint(s.chainId),
    s.genesisHash,
    uint(s.headNumber),
    s.headHash,
    uint(s.headWeight),
    uint(s.finalizedNumber),
    s.finalizedHash,
  ])
}

export function decodeStatus(bytes: Uint8Array): ChainStatus {
  const l = decodeList(bytes, 'status')
  if (l.length !== 7) throw new P2PError('GARBAGE', `status: expected 7 fields, got ${l.length}`)
  return {
    chainId: toUint(l[0], 'status.chainId'),
    genesisHash: toHash(l[1], 'status.genesisHash'),
    headNumber: toUint(l[2], 'status.headNumber'),
    headHash: toHash(l[3], 'status.headHash'),
    headWeight: toUint(l[4], 'status.headWeight'),
    finalizedNumber: toUint(l[5], 'status.finalizedNumber'),
    finalizedHash: toHash(l[6], 'status.finalizedHash'),
  }
}

export function encodeRangeRequest(start: bigint, count: number): Uint8Array {
  return RLP.encode([uint(start), uint(BigInt(count))])
}

export function decodeRangeRequest(bytes: Uint8Array): { start: bigint; count: number } {
  const l = decodeList(bytes, 'blocksByRange')
  if (l.length !== 2) throw new P2PError('GARBAGE', 'blocksByRange: expected [start, count]')
  const count = toUint(l[1], 'blocksByRange.count')
  if (count > 1_000_000n) throw new P2PError('BAD_REQUEST', `blocksByRange: count ${count} too large`)
  return { start: toUint(l[0], 'blocksByRange.start'), count: Number(count) }
}

export function encodeHashRequest(hashes: Uint8Array[]): Uint8Array {
  return RLP.encode(hashes)
}

export function decodeHashRequest(bytes: Uint8Array): Uint8Array[] {
  return decodeList(bytes, 'blocksByHash').map((h, i) => toHash(h, `blocksByHash[${i}]`))
}

/** A response frame: result code, then an RLP list of raw blocks (or an error message). */
export function encodeBlocksResponse(blocks: Uint8Array[]): Uint8Array {
  const body = RLP.encode(blocks)
  const out = new Uint8Array(body.length + 1)
  out[0] = ResultCode.ok
  out.set(body, 1)
  return out
}

export function encodeErrorResponse(code: number, message: string): Uint8Array {
  const body = new TextEncoder().encode(message.slice(0, 256))
  const out = new Uint8Array(body.length + 1)
  out[0] = code
  out.set(body, 1)
  return out
}

/** Splits a response frame; throws P2PError for an error result. */
export function decodeResponse(frame: Uint8Array): Uint8Array {
  const code = frame[0]
  if (code === undefined) throw new P2PError('GARBAGE', 'empty response')
  if (code === ResultCode.ok) return frame.subarray(1)
  const msg = new TextDecoder().decode(frame.subarray(1))
  if (code === ResultCode.rateLimited)
    throw new P2PError('BAD_REQUEST', `peer rate-limited us: ${msg}`, 'ignore')
  throw new P2PError('BAD_REQUEST', `peer answered error ${code}: ${msg}`, 'ignore')
}

export function decodeBlocks(body: Uint8Array): Uint8Array[] {
  return decodeList(body, 'blocks').map((b, i) => {
    if (!(b instanceof Uint8Array)) throw new P2PError('GARBAGE', `blocks[${i}]: expected bytes`)
    return b
  })
}
