// eth_subscribe: one hub per server, fed by the backend's chain and pool events, fanning notifications
// out to the subscriptions of every WebSocket connection. Each payload is serialised once per event
// and shared by every subscription that gets it.
import { randomBytes } from 'node:crypto'
import type { Block } from '@ethereumjs/block'
import type { TypedTransaction } from '@ethereumjs/tx'
import type { Logger } from 'pino'
import type { ChainEvent, LogView, RpcBackend } from './backend.ts'
import type { RpcErrorObject } from './errors.ts'
import { dataHex, formatHeader, formatLog, formatTransaction } from './format.ts'

export type SubscriptionSpec =
  | { kind: 'newHeads' }
  | { kind: 'logs'; addresses: Uint8Array[]; topics: (Uint8Array[] | null)[] }
  | { kind: 'newPendingTransactions'; full: boolean }

/** What eth_subscribe / eth_unsubscribe need from the connection they arrive on. */
export interface RpcSession {
  /** Returns the new subscription's id; throws an RpcError past the connection's limit. */
  subscribe(spec: SubscriptionSpec): string
  unsubscribe(id: string): boolean
}

/** Where a subscription's notifications go: one WebSocket connection. */
export interface NotificationSink {
  /** Sends one serialised message; the sink applies its own back-pressure policy. */
  send(text: string): void
}

interface Subscription {
  readonly id: string
  readonly spec: SubscriptionSpec
  readonly sink: NotificationSink
  /**
   * Notifications held until the eth_subscribe response carrying the id has been sent (geth does
   * the same), so a client never sees a notification for an id it does not know yet.
   */
  backlog: string[] | undefined
}

/** Notifications held for one subscription before its id is sent; more are dropped. */
const MAX_BACKLOG = 1024

/** geth's subscription ids: 16 random bytes, hex, without leading zeros. */
export function newSubscriptionId(): string {
  const hex = randomBytes(16).toString('hex').replace(/^0+/, '')
  return `0x${hex === '' ? '0' : hex}`
}

export function notification(id: string, resultJson: string): string {
  return `{"jsonrpc":"2.0","method":"eth_subscription","params":{"subscription":"${id}","result":${resultJson}}}`
}

/** The last message of a subscription that the node ends (not part of geth's protocol). */
export function errorNotification(id: string, error: RpcErrorObject): string {
  return JSON.stringify({ jsonrpc: '2.0', method: 'eth_subscription', params: { subscription: id, error } })
}

export function logMatchesSpec(
  log: LogView,
  f: { addresses: Uint8Array[]; topics: (Uint8Array[] | null)[] },
) {
  if (f.addresses.length > 0 && !f.addresses.some((a) => Buffer.compare(a, log.address) === 0)) return false
  for (let i = 0; i < f.topics.length; i++) {
    const wanted = f.topics[i]
    if (wanted === null || wanted === undefined || wanted.length === 0) continue
    const topic = log.topics[i]
    if (!topic || !wanted.some((t) => Buffer.compare(t, topic) === 0)) return false
  }
  return true
}

export class SubscriptionHub {
  private readonly subs = new Map<string, Subscription>()
  /** Chain events are published one after another: logs need receipts read, order must hold. */
  private chainQueue: Promise<void> = Promise.resolve()

  /** The server feeds it the backend's events through `onChain` and `onPending`. */
  constructor(
    private readonly backend: RpcBackend,
    private readonly logger: Logger,
  ) {}

  get size(): number {
    return this.subs.size
  }

  /** Registers a subscription whose notifications are held until `activate(id)`. */
  add(sink: NotificationSink, spec: SubscriptionSpec): string {
    let id = newSubscriptionId()
    while (this.subs.has(id)) id = newSubscriptionId()
    this.subs.set(id, { id, spec, sink, backlog: [] })
    return id
  }

  /** Starts delivery to `id`, first what was held for it. */
  activate(id: string): void {
    const sub = this.subs.get(id)
    if (!sub?.backlog) return
    const held = sub.backlog
    sub.backlog = undefined
    for (const text of held) sub.sink.send(text)
  }

  remove(id: string): boolean {
    return this.subs.delete(id)
  }

  close(): void {
    this.subs.clear()
  }

  /** Resolves once every chain event received so far has been published (for tests). */
  idle(): Promise<void> {
    return this.chainQueue
  }

  private deliver(sub: Subscription, text: string): void {
    if (sub.backlog) {
      if (sub.backlog.length < MAX_BACKLOG) sub.backlog.push(text)
      return
    }
    sub.sink.send(text)
  }

  private ofKind<K extends SubscriptionSpec['kind']>(
    kind: K,
  ): (Subscription & { spec: Extract<SubscriptionSpec, { kind: K }> })[] {
    const out: (Subscription & { spec: Extract<SubscriptionSpec, { kind: K }> })[] = []
    for (const s of this.subs.values())
      if (s.spec.kind === kind) out.push(s as Subscription & { spec: Extract<SubscriptionSpec, { kind: K }> })
    return out
  }

  onPending(hash: Uint8Array, tx: TypedTransaction): void {
    const subs = this.ofKind('newPendingTransactions')
    if (subs.length === 0) return
    const hashJson = `"${dataHex(hash)}"`
    let fullJson: string | undefined
    for (const sub of subs) {
      if (sub.spec.full) fullJson ??= JSON.stringify(formatTransaction(tx))
      this.deliver(sub, notification(sub.id, sub.spec.full ? (fullJson as string) : hashJson))
    }
  }

  onChain(ev: ChainEvent): void {
    this.chainQueue = this.chainQueue
      .then(() => this.publishChain(ev))
      .catch((err: unknown) => this.logger.error({ err }, 'publishing a chain event failed'))
  }

  private async publishChain(ev: ChainEvent): Promise<void> {
    for (const block of ev.added) {
      const subs = this.ofKind('newHeads')
      if (subs.length === 0) break
      const json = JSON.stringify(formatHeader(block.header))
      for (const sub of subs) this.deliver(sub, notification(sub.id, json))
    }
    if (this.ofKind('logs').length === 0) return
    // Like geth: the logs of dropped blocks first, marked removed, newest first; then the new ones.
    for (const block of ev.removed) await this.publishLogs(block, true)
    for (const block of ev.added) await this.publishLogs(block, false)
  }

  private async publishLogs(block: Block, removed: boolean): Promise<void> {
    const receipts = await this.backend.getReceipts(block)
    let logs = receipts.flatMap((r) => r.logs)
    if (logs.length === 0) return
    if (removed) logs = logs.map((l) => ({ ...l, removed: true })).reverse()
    const json = new Map<LogView, string>()
    // Subscriptions are read after the await: one removed meanwhile gets nothing more.
    for (const sub of this.ofKind('logs')) {
      for (const log of logs) {
        if (!logMatchesSpec(log, sub.spec)) continue
        let text = json.get(log)
        if (text === undefined) {
          text = JSON.stringify(formatLog(log))
          json.set(log, text)
        }
        this.deliver(sub, notification(sub.id, text))
      }
    }
  }
}
