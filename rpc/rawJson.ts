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

/** The response as sent: a string from JSON.stringify, or bytes when a result is RawJson. */
export function responseBody(res: JsonRpcResponse | JsonRpcResponse[]): string | Buffer {
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
  return Buffer.concat(parts)
}

/** The response with RawJson results turned into plain values, for in-process callers. */
export function plainResponse<T extends JsonRpcResponse | JsonRpcResponse[]>(res: T): T {
  const plain = (r: JsonRpcResponse): JsonRpcResponse =>
    isRaw(r) ? { jsonrpc: r.jsonrpc, id: r.id, result: r.result.toJSON() } : r
  return (Array.isArray(res) ? res.map(plain) : plain(res)) as T
}
