// One WebSocket JSON-RPC connection: requests and batches through the shared Dispatcher, plus the
// connection's eth_subscribe subscriptions. Memory per connection is bounded three ways: messages are
// at most `maxBodyBytes` (ws closes with 1009 above), at most `wsMaxInFlight` requests run at once
// (the socket is not read meanwhile, so TCP pushes back on the client), and a client that does not
// read what it is sent is dropped once `wsMaxBufferedBytes` wait for it.
import type { Logger } from 'pino'
import type { RawData, WebSocket } from 'ws'
import type { Dispatcher, JsonRpcResponse } from './dispatch.ts'
import { errorResponse } from './dispatch.ts'
import { ErrorCode, limitExceeded, parseError, RpcError, serverError } from './errors.ts'
import type { RpcOptions } from './options.ts'
import { responseBody } from './rawJson.ts'
import {
  errorNotification,
  type NotificationSink,
  type RpcSession,
  type SubscriptionHub,
  type SubscriptionSpec,
} from './subscriptions.ts'

/** RFC 6455 close codes used here. */
export const CloseCode = {
  /** The client broke a policy: it did not read what it was sent. */
  POLICY_VIOLATION: 1008,
  /** The server is at its connection limit. */
  TRY_AGAIN_LATER: 1013,
  GOING_AWAY: 1001,
} as const

/** How long a dropped slow consumer gets to read the close frame before its socket is destroyed. */
const DROP_GRACE_MS = 2_000

export interface WsConnectionModules {
  dispatcher: Dispatcher
  hub: SubscriptionHub
  logger: Logger
  /** Called once when the connection is dropped as a slow consumer. */
  onSlowConsumer?: () => void
}

export class WsConnection implements NotificationSink {
  private readonly subscriptions = new Set<string>()
  private inFlight = 0
  private paused = false
  private dropped = false
  /** False once the socket has closed: a request still running then may not subscribe. */
  private open = true

  constructor(
    private readonly socket: WebSocket,
    private readonly options: RpcOptions,
    private readonly modules: WsConnectionModules,
  ) {
    // Text or binary frames alike carry JSON, as in geth.
    socket.on('message', (data) => {
      void this.onMessage(data)
    })
    socket.on('close', () => this.release())
  }

  send(text: string): void {
    if (this.dropped || this.socket.readyState !== this.socket.OPEN) return
    this.socket.send(text)
    if (this.socket.bufferedAmount > this.options.wsMaxBufferedBytes) this.dropSlowConsumer()
  }

  /**
   * Ends the connection from the server side (shutdown): a close frame, then the socket destroyed
   * after `graceMs` whether or not the client answered it, so a client that does not read cannot
   * hold the shutdown up.
   */
  close(code: number, reason: string, graceMs = DROP_GRACE_MS): void {
    this.socket.close(code, reason)
    setTimeout(() => this.socket.terminate(), graceMs).unref()
  }

  private async onMessage(data: RawData): Promise<void> {
    if (this.dropped) return
    this.inFlight++
    if (this.inFlight >= this.options.wsMaxInFlight && !this.paused) {
      this.paused = true
      this.socket.pause()
    }
    try {
      let body: unknown
      try {
        body = JSON.parse(text(data))
      } catch (e) {
        this.sendResponse(errorResponse(null, parseError(e instanceof Error ? e.message : String(e))))
        return
      }
      const created: string[] = []
      const session: RpcSession = {
        subscribe: (spec) => {
          const id = this.subscribe(spec)
          created.push(id)
          return id
        },
        unsubscribe: (id) => this.unsubscribe(id),
      }
      const res = await this.modules.dispatcher.handle(body, session)
      if (res !== undefined) this.sendResponse(res)
      // Only now does the client know the ids: start their notifications.
      for (const id of created) this.modules.hub.activate(id)
    } finally {
      this.inFlight--
      if (this.paused && this.inFlight < this.options.wsMaxInFlight) {
        this.paused = false
        this.socket.resume()
      }
    }
  }

  private subscribe(spec: SubscriptionSpec): string {
    if (!this.open || this.dropped) throw serverError('connection closed')
    const limit = this.options.wsMaxSubscriptions
    if (this.subscriptions.size >= limit) {
      throw limitExceeded(`too many subscriptions on this connection: limit ${limit}`, {
        maxSubscriptions: limit,
      })
    }
    const id = this.modules.hub.add(this, spec)
    this.subscriptions.add(id)
    return id
  }

  private unsubscribe(id: string): boolean {
    if (!this.subscriptions.delete(id)) return false
    return this.modules.hub.remove(id)
  }

  private sendResponse(res: JsonRpcResponse | JsonRpcResponse[]): void {
    let out: string
    try {
      const body = responseBody(res)
      out = typeof body === 'string' ? body : body.toString('utf8')
    } catch (e) {
      this.modules.logger.error({ err: e }, 'rpc response not serialisable')
      out = JSON.stringify(errorResponse(null, new RpcError(ErrorCode.INTERNAL, 'internal error')))
    }
    this.send(out)
  }

  /**
   * The client has left more than the limit unread: end its subscriptions with an error, close
   * with 1008, and destroy the socket shortly after whether or not it reads the close frame.
   */
  private dropSlowConsumer(): void {
    if (this.dropped) return
    this.dropped = true
    const limit = this.options.wsMaxBufferedBytes
    const buffered = this.socket.bufferedAmount
    this.modules.logger.warn(
      { buffered, limit, subscriptions: this.subscriptions.size },
      'dropping slow WebSocket consumer',
    )
    const error = limitExceeded(`slow consumer: more than ${limit} bytes unread`, {
      maxBufferedBytes: limit,
    }).toJSON()
    for (const id of this.subscriptions) {
      this.modules.hub.remove(id)
      this.socket.send(errorNotification(id, error))
    }
    this.subscriptions.clear()
    this.close(CloseCode.POLICY_VIOLATION, 'slow consumer')
    this.modules.onSlowConsumer?.()
  }

  private release(): void {
    this.open = false
    for (const id of this.subscriptions) this.modules.hub.remove(id)
    this.subscriptions.clear()
  }
}

function text(data: RawData): string {
  if (Array.isArray(data)) return Buffer.concat(data).toString('utf8')
  if (data instanceof ArrayBuffer) return Buffer.from(data).toString('utf8')
  return data.toString('utf8')
}
