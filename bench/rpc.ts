// A minimal JSON-RPC client over HTTP (Node's fetch keeps connections alive): single calls and batches.
export interface RpcErrorObject {
  code: number
  message: string
  data?: unknown
}

export type RpcOutcome = { ok: true; result: unknown } | { ok: false; error: RpcErrorObject }

export interface RpcCall {
  method: string
  params: unknown[]
}

export class RpcCallError extends Error {
  constructor(
    readonly method: string,
    readonly error: RpcErrorObject,
  ) {
    super(`${method}: ${error.code} ${error.message}`)
    this.name = 'RpcCallError'
  }
}

interface Response {
  id?: unknown
  result?: unknown
  error?: RpcErrorObject
}

export class RpcClient {
  constructor(
    readonly url: string,
    private readonly timeoutMs = 60_000,
  ) {}

  async call<T>(method: string, params: unknown[] = []): Promise<T> {
    const body = (await this.post({ jsonrpc: '2.0', id: 1, method, params })) as Response
    if (body.error) throw new RpcCallError(method, body.error)
    if (!('result' in body)) throw new Error(`${method}: response without result or error`)
    return body.result as T
  }

  /** One batch request; outcomes in the order of `calls`. A batch-level error becomes every call's error. */
  async batch(calls: RpcCall[]): Promise<RpcOutcome[]> {
    if (calls.length === 0) return []
    const body = await this.post(
      calls.map((c, id) => ({ jsonrpc: '2.0', id, method: c.method, params: c.params })),
    )
    if (!Array.isArray(body)) {
      const error = (body as Response).error ?? { code: -1, message: 'batch answered without an array' }
      return calls.map(() => ({ ok: false, error }))
    }
    const out: RpcOutcome[] = calls.map(() => ({
      ok: false,
      error: { code: -1, message: 'no response for this batch item' },
    }))
    for (const r of body as Response[]) {
      if (typeof r.id !== 'number' || r.id < 0 || r.id >= calls.length) continue
      out[r.id] = r.error ? { ok: false, error: r.error } : { ok: true, result: r.result }
    }
    return out
  }

  /** A batch whose calls must all succeed; returns the results. */
  async batchResults<T>(calls: RpcCall[]): Promise<T[]> {
    const outcomes = await this.batch(calls)
    return outcomes.map((o, i) => {
      if (!o.ok) throw new RpcCallError(calls[i]!.method, o.error)
      return o.result as T
    })
  }

  private async post(payload: unknown): Promise<unknown> {
    const res = await fetch(this.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(payload),
      signal: AbortSignal.timeout(this.timeoutMs),
    })
    const text = await res.text()
    try {
      return JSON.parse(text)
    } catch {
      throw new Error(`HTTP ${res.status}: not JSON: ${text.slice(0, 200)}`)
    }
  }
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms))
}
