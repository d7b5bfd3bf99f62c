// Transport-free JSON-RPC 2.0: validates request objects, runs batches, routes to handlers and
// turns every failure into an error response through errors.ts.
import type { Logger } from 'pino'
import type { RpcBackend } from './backend.ts'
import {
  invalidParams,
  invalidRequest,
  isInternal,
  limitExceeded,
  methodNotFound,
  type RpcError,
  type RpcErrorObject,
  toRpcError,
} from './errors.ts'
import type { RpcOptions } from './options.ts'
import type { RpcSession } from './subscriptions.ts'
import { checkParams, loadParamSchemas } from './validate.ts'

export interface RpcContext {
  backend: RpcBackend
  options: RpcOptions
  logger: Logger
  /** The connection a request came on, when it can carry subscriptions (WebSocket). */
  session?: RpcSession
}

/** A method handler: positional params in, JSON-ready result out (`undefined` is sent as null). */
export type Handler = (params: unknown[], ctx: RpcContext) => unknown

export type MethodTable = Readonly<Record<string, Handler>>

export type JsonRpcId = string | number | null

export interface JsonRpcSuccess {
  jsonrpc: '2.0'
  id: JsonRpcId
  result: unknown
}

export interface JsonRpcFailure {
  jsonrpc: '2.0'
  id: JsonRpcId
  error: RpcErrorObject
}

export type JsonRpcResponse = JsonRpcSuccess | JsonRpcFailure

export interface DispatchHooks {
  /** Called once per well-formed call with the method name, or 'unknown' for unknown methods. */
  onCall?(method: string): void
}

export function errorResponse(id: JsonRpcId, e: RpcError): JsonRpcFailure {
  return { jsonrpc: '2.0', id, error: e.toJSON() }
}

function isId(v: unknown): v is JsonRpcId {
  return v === null || typeof v === 'string' || (typeof v === 'number' && Number.isFinite(v))
}

export class Dispatcher {
  // A Map, not the tables themselves, so that 'constructor' or '__proto__' never resolve to
  // Object.prototype members.
  private readonly methods: Map<string, Handler>
  private readonly ctx: RpcContext
  private readonly hooks: DispatchHooks

  constructor(tables: MethodTable[], ctx: RpcContext, hooks: DispatchHooks = {}) {
    this.methods = new Map()
    for (const table of tables)
      for (const [name, handler] of Object.entries(table)) this.methods.set(name, handler)
    this.ctx = ctx
    this.hooks = hooks
    loadParamSchemas()
  }

  methodNames(): string[] {
    return [...this.methods.keys()]
  }

  /**
   * Handles a parsed request body: one request or a batch. Returns undefined when nothing is to be
   * sent back (a notification, or a batch of only notifications).
   */
  async handle(
    body: unknown,
    session?: RpcSession,
  ): Promise<JsonRpcResponse | JsonRpcResponse[] | undefined> {
    const ctx = session ? { ...this.ctx, session } : this.ctx
    if (!Array.isArray(body)) return this.call(body, ctx)
    if (body.length === 0) return errorResponse(null, invalidRequest('empty batch'))
    const limit = this.ctx.options.maxBatch
    if (body.length > limit) {
      return errorResponse(
        null,
        limitExceeded(`batch too large: ${body.length} requests, limit ${limit}`, { maxBatch: limit }),
      )
    }
    // Sequential like geth: a batch of sends with consecutive nonces reaches the pool in order.
    const out: JsonRpcResponse[] = []
    for (const req of body) {
      const res = await this.call(req, ctx)
      if (res !== undefined) out.push(res)
    }
    return out.length === 0 ? undefined : out
  }

  /** Handles one request object; undefined for notifications. */
  async call(req: unknown, ctx: RpcContext = this.ctx): Promise<JsonRpcResponse | undefined> {
    if (typeof req !== 'object' || req === null || Array.isArray(req)) {
      return this.fail(null, undefined, invalidRequest())
    }
    const r = req as Record<string, unknown>
    const hasId = 'id' in r
    const id = hasId && isId(r['id']) ? r['id'] : null
    if (
      r['jsonrpc'] !== '2.0' ||
      typeof r['method'] !== 'string' ||
      r['method'] === '' ||
      (hasId && !isId(r['id']))
    ) {
      return this.fail(id, undefined, invalidRequest())
    }
    const method = r['method']
    const notification = !hasId
    const handler = this.methods.get(method)
    this.hooks.onCall?.(handler ? method : 'unknown')
    if (!handler) return notification ? undefined : this.fail(id, method, methodNotFound(method))

    const params = r['params']
    if (params !== undefined && params !== null && !Array.isArray(params)) {
      return notification ? undefined : this.fail(id, method, invalidParams('non-array args'))
    }
    try {
      const args = params ?? []
      // The spec schemas first (one place, geth's messages); handlers then parse what they take.
      checkParams(method, args)
      const result = await handler(args, ctx)
      return notification ? undefined : { jsonrpc: '2.0', id, result: result === undefined ? null : result }
    } catch (e) {
      const err = toRpcError(e)
      const res = this.fail(id, method, err)
      return notification ? undefined : res
    }
  }

  private fail(id: JsonRpcId, method: string | undefined, err: RpcError): JsonRpcFailure {
    if (isInternal(err)) {
      this.ctx.logger.error({ err: err.cause ?? err, method }, 'rpc internal error')
    } else {
      this.ctx.logger.debug({ method, code: err.code, message: err.message }, 'rpc error')
    }
    return errorResponse(id, err)
  }
}
