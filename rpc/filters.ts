// Polled filters (eth_newFilter and friends). State lives here, not in the backend: a filter is a
// cursor over the chain kept for one client, and it expires when the client stops polling (geth: 5 min).
import { randomBytes } from 'node:crypto'
import type { ParsedLogFilter } from './params.ts'

export type FilterKind = 'logs' | 'blocks' | 'pendingTransactions'

export interface LogCursor {
  kind: 'logs'
  criteria: ParsedLogFilter
  /** Next block number whose logs have not been returned yet. */
  next: bigint
}

export interface BlockCursor {
  kind: 'blocks'
  next: bigint
}

export interface PendingCursor {
  kind: 'pendingTransactions'
  hashes: Uint8Array[]
}

export type Filter = (LogCursor | BlockCursor | PendingCursor) & { lastPoll: number }

export interface FilterOptions {
  /** A filter not polled for this long is removed. */
  timeoutMs: number
  maxFilters: number
  /** Pending hashes kept per filter between polls; older ones are dropped first. */
  maxPendingPerFilter: number
}

export const defaultFilterOptions: FilterOptions = {
  timeoutMs: 5 * 60_000,
  maxFilters: 10_000,
  maxPendingPerFilter: 10_000,
}

export class FilterStore {
  private readonly filters = new Map<string, Filter>()
  private readonly sweeper: NodeJS.Timeout

  constructor(
    private readonly options: FilterOptions = defaultFilterOptions,
    private readonly now: () => number = Date.now,
  ) {
    this.sweeper = setInterval(() => this.sweep(), Math.min(options.timeoutMs, 60_000))
    this.sweeper.unref()
  }

  get size(): number {
    return this.filters.size
  }

  /** Installs a filter and returns its id, or undefined when the store is full. */
  install(cursor: LogCursor | BlockCursor | PendingCursor): string | undefined {
    this.sweep()
    if (this.filters.size >= this.options.maxFilters) return undefined
    // A quantity like geth's rpc.NewID (leading zeros trimmed), as the spec's result schema wants.
    const hex = randomBytes(16)
      .toString('hex')
      .replace(/^0+(?=.)/, '')
    const id = `0x${hex}`
    this.filters.set(id, { ...cursor, lastPoll: this.now() })
    return id
  }

  /** The filter with `id`, marked as polled; undefined if unknown or expired. */
  poll(id: string): Filter | undefined {
    const f = this.filters.get(id.toLowerCase())
    if (f === undefined) return undefined
    if (this.now() - f.lastPoll > this.options.timeoutMs) {
      this.filters.delete(id)
      return undefined
    }
    f.lastPoll = this.now()
    return f
  }

  uninstall(id: string): boolean {
    return this.filters.delete(id.toLowerCase())
  }

  /** Feeds a newly pending transaction to every pending-transaction filter. */
  notePending(hash: Uint8Array): void {
    for (const f of this.filters.values()) {
      if (f.kind !== 'pendingTransactions') continue
      f.hashes.push(hash)
      if (f.hashes.length > this.options.maxPendingPerFilter) f.hashes.shift()
    }
  }

  sweep(): void {
    const cutoff = this.now() - this.options.timeoutMs
    for (const [id, f] of this.filters) if (f.lastPoll < cutoff) this.filters.delete(id)
  }

  close(): void {
    clearInterval(this.sweeper)
    this.filters.clear()
  }
}
