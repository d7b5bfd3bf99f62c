// JSON-RPC on fastify: HTTP POST and WebSocket on the same port and path, body and batch limits,
// CORS, health and metrics. The request body is parsed here (not by fastify) so that every malformed
// or oversized request still gets a JSON-RPC error object back.
import type { AddressInfo } from 'node:net'
import fastifyWebsocket from '@fastify/websocket'
import Fastify, {
  type FastifyError,
  type FastifyInstance,
  type FastifyReply,
  type FastifyRequest,
} from 'fastify'
import type { Logger } from 'pino'
import { Counter, type Registry } from 'prom-client'
import type { WebSocket } from 'ws'
import type { RpcBackend } from './backend.ts'
import { Dispatcher, errorResponse, type JsonRpcResponse } from './dispatch.ts'
import { ErrorCode, invalidRequest, limitExceeded, parseError, RpcError } from './errors.ts'
import { FilterStore } from './filters.ts'
import { debugMethods } from './namespaces/debug.ts'
import { ethMethods } from './namespaces/eth.ts'
import { filterMethods } from './namespaces/filter.ts'
import { mosaicMethods } from './namespaces/mosaic.ts'
import { netMethods } from './namespaces/net.ts'
import { subscribeMethods } from './namespaces/subscribe.ts'
import { txpoolMethods } from './namespaces/txpool.ts'
import { web3Methods } from './namespaces/web3.ts'
import { defaultRpcOptions, type RpcOptions } from './options.ts'
import { plainResponse, ResponseBuffers, responseBody } from './rawJson.ts'
import { SubscriptionHub } from './subscriptions.ts'
import { CloseCode, WsConnection } from './ws.ts'
import { type WsMetrics, wsMetrics } from './wsMetrics.ts'

export interface RpcModules {
  backend: RpcBackend
  logger: Logger
  metricsRegistry?: Registry
}

const REQUESTS_METRIC = 'mosaic_rpc_requests_total'
// Node's default is 5 s; geth and fastify use longer idle windows so clients reuse connections.
const KEEP_ALIVE_MS = 72_000
/** How much of an oversized body is read and discarded so that its sender still gets the error. */
const DRAIN_LIMIT_BYTES = 64 * 1024 * 1024
/** How long WebSocket clients get to read the close frame at shutdown. */
const SHUTDOWN_GRACE_MS = 500

function requestsCounter(registry: Registry): Counter<'method'> {
  const existing = registry.getSingleMetric(REQUESTS_METRIC)
  if (existing) return existing as Counter<'method'>
  return new Counter({
    name: REQUESTS_METRIC,
    help: 'JSON-RPC calls received, by method (unknown methods counted as "unknown")',
    labelNames: ['method'],
    registers: [registry],
  })
}

/** counter.inc({ method }) hashes the labels on every call; a child per method is found once. */
function countByMethod(counter: Counter<'method'>): (method: string) => void {
  const children = new Map<string, ReturnType<Counter<'method'>['labels']>>()
  return (method) => {
    let child = children.get(method)
    if (child === undefined) {
      child = counter.labels(method)
      children.set(method, child)
    }
    child.inc()
  }
}

export class RpcServer {
  readonly options: RpcOptions
  private readonly logger: Logger
  private readonly dispatcher: Dispatcher
  private readonly registry: Registry | undefined
  private readonly app: FastifyInstance
  private readonly filters = new FilterStore()
  private readonly responseBuffers = new ResponseBuffers()
  private readonly unsubscribeBackend: (() => void)[] = []
  private readonly hub: SubscriptionHub
  private readonly wsConnections = new Set<WsConnection>()
  private readonly wsMetrics: WsMetrics | undefined

  constructor(options: Partial<RpcOptions>, modules: RpcModules) {
    this.options = { ...defaultRpcOptions, ...options }
    this.logger = modules.logger.child({ module: 'rpc' })
    this.registry = modules.metricsRegistry
    const counter = this.registry ? requestsCounter(this.registry) : undefined
    this.dispatcher = new Dispatcher(
      [
        ethMethods,
        filterMethods(this.filters),
        subscribeMethods,
        netMethods,
        web3Methods,
        txpoolMethods,
        debugMethods,
        mosaicMethods,
      ],
      { backend: modules.backend, options: this.options, logger: this.logger },
      { onCall: counter ? countByMethod(counter) : undefined },
    )
    this.hub = new SubscriptionHub(modules.backend, this.logger)
    const offPending = modules.backend.subscribePending?.((hash, tx) => {
      this.filters.notePending(hash)
      this.hub.onPending(hash, tx)
    })
    const offChain = modules.backend.subscribeChain?.((ev) => this.hub.onChain(ev))
    for (const off of [offPending, offChain]) if (off) this.unsubscribeBackend.push(off)
    this.wsMetrics = this.registry ? wsMetrics(this.registry, this) : undefined
    this.app = this.buildApp()
  }

  get wsConnectionCount(): number {
    return this.wsConnections.size
  }

  get subscriptionCount(): number {
    return this.hub.size
  }

  /** Dispatches an already-parsed request body without HTTP; undefined when nothing is to be sent. */
  async handle(body: unknown): Promise<unknown> {
    const res = await this.dispatcher.handle(body)
    return res === undefined ? undefined : plainResponse(res)
  }

  async listen(): Promise<{ url: string }> {
    await this.app.listen({ host: this.options.addr, port: this.options.port })
    const addr = this.app.server.address() as AddressInfo
    const host = addr.family === 'IPv6' ? `[${addr.address}]` : addr.address
    const url = `http://${host}:${addr.port}`
    this.logger.info({ url, ws: `ws://${host}:${addr.port}` }, 'JSON-RPC server listening')
    return { url }
  }

  async close(): Promise<void> {
    for (const off of this.unsubscribeBackend) off()
    this.hub.close()
    this.filters.close()
    for (const c of this.wsConnections) c.close(CloseCode.GOING_AWAY, 'node shutting down', SHUTDOWN_GRACE_MS)
    await this.app.close()
  }

  private allowedOrigin(origin: string | undefined): string | undefined {
    const cors = this.options.cors
    if (cors.length === 0) return undefined
    if (cors.includes('*')) return '*'
    return origin !== undefined && cors.includes(origin) ? origin : undefined
  }

  private buildApp(): FastifyInstance {
    const app = Fastify({
      logger: false,
      bodyLimit: this.options.maxBodyBytes,
      keepAliveTimeout: KEEP_ALIVE_MS,
    })

    // Like geth, any content type is read as JSON: some clients send text/plain or nothing.
    app.removeAllContentTypeParsers()
    app.addContentTypeParser('application/json', { parseAs: 'buffer' }, (_req, body, done) =>
      done(null, body),
    )

    // Callback-style hooks: an async one costs a promise and a microtask hop on every request.
    app.addHook('onRequest', (req, reply, done) => {
      if (req.method === 'POST') req.headers['content-type'] = 'application/json'
      const origin = this.allowedOrigin(req.headers.origin)
      if (origin !== undefined) {
        reply.header('access-control-allow-origin', origin)
        if (origin !== '*') reply.header('vary', 'Origin')
      }
      done()
    })

    app.setErrorHandler((err: FastifyError, _req, reply) => this.onTransportError(err, reply))
    app.setNotFoundHandler((_req, reply) => {
      reply.code(404).type('text/plain').send('not found')
    })

    // WebSocket messages share the HTTP body limit; ws closes with 1009 above it.
    app.register(fastifyWebsocket, { options: { maxPayload: this.options.maxBodyBytes } })
    app.addHook('onRequest', (req, reply, done) => {
      if (req.headers.upgrade === undefined || req.headers.upgrade.toLowerCase() !== 'websocket') {
        done()
        return
      }
      if (this.wsConnections.size >= this.options.wsMaxConnections) {
        this.wsMetrics?.rejected.inc()
        this.logger.debug({ limit: this.options.wsMaxConnections }, 'WebSocket connection limit reached')
        const e = limitExceeded(`too many WebSocket connections: limit ${this.options.wsMaxConnections}`, {
          maxConnections: this.options.wsMaxConnections,
        })
        // Answered here: fastify stops at a hook that sent a reply without calling done().
        this.sendJson(reply, 503, errorResponse(null, e))
        return
      }
      done()
    })
    // Routes go in after the plugin has loaded, so that its route hook sees them.
    app.register(async (scope) => {
      scope.post('/', (req, reply) => this.onPost(req, reply))
      scope.route({
        method: 'GET',
        url: '/',
        handler: (_req, reply) => {
          reply.type('text/plain').send('ok')
        },
        wsHandler: (socket) => this.onWsConnection(socket),
      })
    })
    app.options('*', (req, reply) => {
      if (this.allowedOrigin(req.headers.origin) !== undefined) {
        reply.header('access-control-allow-methods', 'POST, GET, OPTIONS')
        reply.header(
          'access-control-allow-headers',
          req.headers['access-control-request-headers'] ?? 'Content-Type',
        )
        reply.header('access-control-max-age', '600')
      }
      reply.code(204).send()
    })

    const registry = this.registry
    if (registry) {
      app.get('/metrics', async (_req, reply) => {
        reply.type(registry.contentType).send(await registry.metrics())
      })
    }
    return app
  }

  private onWsConnection(socket: WebSocket): void {
    // An upgrade that raced past the onRequest check: refuse it with a close code instead.
    if (this.wsConnections.size >= this.options.wsMaxConnections) {
      this.wsMetrics?.rejected.inc()
      socket.close(CloseCode.TRY_AGAIN_LATER, 'too many connections')
      return
    }
    const conn = new WsConnection(socket, this.options, {
      dispatcher: this.dispatcher,
      hub: this.hub,
      logger: this.logger,
      onSlowConsumer: () => this.wsMetrics?.slowConsumers.inc(),
    })
    this.wsConnections.add(conn)
    socket.on('close', () => this.wsConnections.delete(conn))
  }

  private async onPost(req: FastifyRequest, reply: FastifyReply): Promise<void> {
    const raw = req.body
    let body: unknown
    try {
      body = JSON.parse(Buffer.isBuffer(raw) ? raw.toString('utf8') : '')
    } catch (e) {
      const detail = e instanceof Error ? e.message : String(e)
      this.logger.debug({ detail }, 'rpc parse error')
      this.sendJson(reply, 200, errorResponse(null, parseError(detail)))
      return
    }
    const res = await this.dispatcher.handle(body)
    if (res === undefined) {
      reply.code(204).send()
      return
    }
    this.sendJson(reply, 200, res)
  }

  private sendJson(reply: FastifyReply, status: number, res: JsonRpcResponse | JsonRpcResponse[]): void {
    let text: string | Buffer
    let taken: Buffer | undefined
    try {
      text = responseBody(res, (n) => {
        taken = this.responseBuffers.take(n)
        return taken
      })
    } catch (e) {
      // A handler returned something JSON cannot carry (a bigint): our bug, not the caller's.
      this.logger.error({ err: e }, 'rpc response not serialisable')
      text = JSON.stringify(errorResponse(null, new RpcError(ErrorCode.INTERNAL, 'internal error')))
    }
    // 'finish': the last bytes went to the kernel, so the buffer can serve the next answer. A
    // response cut off by a closed socket never finishes and leaves its buffer to the GC.
    const back = taken
    if (back !== undefined && back.length >= this.responseBuffers.minBytes)
      reply.raw.once('finish', () => this.responseBuffers.give(back))
    reply.code(status).type('application/json').send(text)
  }

  /** Errors raised by fastify before our handler runs: answer them as JSON-RPC errors too. */
  private onTransportError(err: FastifyError, reply: FastifyReply): void {
    if (err.code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
      this.logger.debug({ limit: this.options.maxBodyBytes }, 'rpc request body too large')
      const e = invalidRequest(`request body too large: limit ${this.options.maxBodyBytes} bytes`)
      // Answer after the upload is in (discarded): closing on a client still writing makes it see
      // EPIPE instead of this error. Bodies past a hard cap get the connection closed on them.
      const raw = reply.request.raw
      const send = (): void => this.sendJson(reply, 413, errorResponse(null, e))
      if (raw.complete || raw.destroyed) {
        send()
        return
      }
      let seen = 0
      raw.on('data', (chunk: Buffer) => {
        seen += chunk.length
        if (seen > DRAIN_LIMIT_BYTES) raw.destroy()
      })
      raw.once('end', send)
      raw.resume()
      return
    }
    const status = err.statusCode ?? 500
    if (status < 500) {
      this.logger.debug({ code: err.code, message: err.message }, 'rpc transport error')
      this.sendJson(reply, status, errorResponse(null, invalidRequest(err.message)))
      return
    }
    this.logger.error({ err }, 'rpc transport failure')
    this.sendJson(reply, 500, errorResponse(null, new RpcError(ErrorCode.INTERNAL, 'internal error')))
  }
}
