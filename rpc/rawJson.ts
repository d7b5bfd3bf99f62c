// Results that are already JSON text, sent as they are: an eth_getLogs answer of a few hundred logs is
// ~100 KB that JSON.stringify rebuilt on every query and the socket then re-encoded as UTF-8, while
// each log's JSON never changes once formatted. Handlers return a RawJson; responseBody() splices it
// into the response bytes, and toJSON() keeps every other serialiser (and in-process callers) right.
import type { JsonRpcResponse } from './dispatch.ts'

const encoder = new TextEncoder()
const COMMA = encoder.encode(',')
const OPEN_ARRAY = encoder.encode('[')
const CLOSE_ARRAY = encoder.encode(']')
const CLOSE_OBJECT = encoder.encode('}')

/** UTF-8 JSON text kept in its own bytes (not a slice of Buffer's shared pool, which it would pin). */
export function jsonBytes(value: unknown): Uint8Array {
  return encoder.encode(JSON.stringify(value))
}

export class RawJson {
  /** The JSON text is these byte strings joined. */
  readonly parts: readonly Uint8Array[]

  private constructor(parts: Uint8Array[]) {
    this.parts = parts
  }

  /** A JSON array of `items`, each one value's JSON text. */
  static array(items: readonly Uint8Array[]): RawJson {
    const parts: Uint8Array[] = [OPEN_ARRAY]
    for (let i = 0; i < items.length; i++) {
      if (i > 0) parts.push(COMMA)
      parts.push(items[i] as Uint8Array)
    }
    parts.push(CLOSE_ARRAY)
    return new RawJson(parts)
  }

  /** The value, for serialisers that do not know RawJson (JSON.stringify calls this). */
  toJSON(): unknown {
    return JSON.parse(Buffer.concat(this.parts).toString('utf8'))
  }
}

function isRaw(r: JsonRpcResponse): r is JsonRpcResponse & { result: RawJson } {
  return 'result' in r && r.result instanceof RawJson
}

/**
 * The response as sent: a string from JSON.stringify, or bytes when a result is RawJson, written into
 * `alloc(length)` (which may return a larger buffer: the body is its first `length` bytes).
 */
export function responseBody(
  res: JsonRpcResponse | JsonRpcResponse[],
  alloc: (length: number) => Buffer = Buffer.allocUnsafe,
): string | Buffer {
  const list = Array.isArray(res) ? res : [res]
  if (!list.some(isRaw)) return JSON.stringify(res)
  const parts: Uint8Array[] = []
  if (Array.isArray(res)) parts.push(OPEN_ARRAY)
  for (let i = 0; i < list.length; i++) {
    const r = list[i] as JsonRpcResponse
    if (i > 0) parts.push(COMMA)
    if (isRaw(r)) {
      // The members in the order JSON.stringify writes a response object in.
      parts.push(encoder.encode(`{"jsonrpc":"2.0","id":${JSON.stringify(r.id)},"result":`))
      parts.push(...r.result.parts)
      parts.push(CLOSE_OBJECT)
    } else {
      parts.push(encoder.encode(JSON.stringify(r)))
    }
  }
  if (Array.isArray(res)) parts.push(CLOSE_ARRAY)
  let length = 0
  for (const p of parts) length += p.length
  const out = alloc(length)
  let at = 0
  for (const p of parts) {
    out.set(p, at)
    at += p.length
  }
  return out.length === length ? out : out.subarray(0, length)
}

/**
 * Buffers for large answers, taken per response and given back once the socket is done with it. A
 * fresh ~120 KB buffer for every eth_getLogs answer (outside Buffer's pool, so its own mapping) cost
 * more than the copy into it: a third of the node's CPU per request in a profile.
 */
export class ResponseBuffers {
  private readonly free: Buffer[] = []
  private freeBytes = 0

  constructor(
    /** Answers smaller than this come from Buffer's own pool, as before. */
    readonly minBytes = 16 * 1024,
    /** What idle buffers may hold in all; a buffer that would pass it is left to the GC. */
    private readonly maxFreeBytes = 32 * 1024 * 1024,
  ) {}

  take(length: number): Buffer {
    if (length < this.minBytes) return Buffer.allocUnsafe(length)
    const i = this.free.findIndex((b) => b.length >= length)
    if (i >= 0) {
      const buf = this.free.splice(i, 1)[0] as Buffer
      this.freeBytes -= buf.length
      return buf
    }
    // Powers of two from 64 KB, so one buffer serves answers of similar size.
    return Buffer.allocUnsafeSlow(Math.max(64 * 1024, 2 ** Math.ceil(Math.log2(length))))
  }

  /** `buf` as take() returned it (not a subarray), once nothing reads it any more. */
  give(buf: Buffer): void {
    if (buf.length < this.minBytes || this.freeBytes + buf.length > this.maxFreeBytes) return
    this.free.push(buf)
    this.freeBytes += buf.length
  }
}

/** The response with RawJson results turned into plain values, for in-process callers. */
export function plainResponse<T extends JsonRpcResponse | JsonRpcResponse[]>(res: T): T {
  const plain = (r: JsonRpcResponse): JsonRpcResponse =>
    isRaw(r) ? { jsonrpc: r.jsonrpc, id: r.id, result: r.result.toJSON() } : r
  return (Array.isArray(res) ? res.map(plain) : plain(res)) as T
}
