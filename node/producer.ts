// Slot clock and block production for the local validator: one block per slot of `blockTime`,
// empty blocks included, so clients see time advance like on any PoS chain.
import type { Logger } from 'pino'
import type { Counter, Histogram } from 'prom-client'
import { type BlockBuilder, blockSummary, type SealKey } from './chain/builder.ts'
import type { Chain } from './chain/chain.ts'
import type { TxPool } from './chain/txpool.ts'

export interface ProducerOptions {
  blockTimeMs: number
}

export interface ProducerMetrics {
  blocks: Counter
  buildSeconds: Histogram
}

export class Producer {
  private timer: NodeJS.Timeout | undefined
  private running = false
  private stopped = false
  private building: Promise<void> = Promise.resolve()

  constructor(
    private readonly options: ProducerOptions,
    private readonly modules: {
      chain: Chain
      pool: TxPool
      builder: BlockBuilder
      key: SealKey
      logger: Logger
      metrics?: ProducerMetrics
    },
  ) {}

  start(): void {
    this.running = true
    this.schedule()
  }

  /** Waits for the block in progress, so shutdown never cuts a block write. */
  async stop(): Promise<void> {
    this.stopped = true
    this.running = false
    if (this.timer) clearTimeout(this.timer)
    await this.building
  }

  private schedule(): void {
    if (!this.running) return
    const { blockTimeMs } = this.options
    const headMs = Number(this.modules.chain.head.header.timestamp) * 1000
    // Slots are anchored on the head's timestamp; after downtime, produce right away.
    const next = Math.max(Date.now(), headMs + blockTimeMs)
    this.timer = setTimeout(() => {
      this.building = this.produce().finally(() => this.schedule())
    }, next - Date.now())
  }

  private async produce(): Promise<void> {
    if (this.stopped) return
    const { chain, pool, builder, key, logger, metrics } = this.modules
    const t0 = performance.now()
    try {
      const timestamp = BigInt(Math.floor(Date.now() / 1000))
      const built = await builder.build((baseFee) => pool.cursor(baseFee), key, timestamp)
      const t1 = performance.now()
      await chain.commit(built.block, built.receipts)
      const t2 = performance.now()
      for (const tx of built.dropped) pool.remove(tx.hash())
      // Every pooled sender is re-read, not only this block's senders: a block can pay anyone
      // (transfers, contract calls), and a stale balance would refuse their next transaction.
      await pool.onNewHead()
      const t3 = performance.now()
      const seconds = (performance.now() - t0) / 1000
      metrics?.blocks.inc()
      metrics?.buildSeconds.observe(seconds)
      const level = built.block.transactions.length > 0 ? 'info' : 'debug'
      logger[level](
        {
          ...blockSummary(built.block),
          gasUsed: Number(built.block.header.gasUsed),
          ms: Math.round(seconds * 1000),
          // Where the time went: execution, the rest of building (selection, roots, seal), the
          // database write, the pool update.
          execMs: Math.round(built.executionMs),
          buildMs: Math.round(t1 - t0 - built.executionMs),
          commitMs: Math.round(t2 - t1),
          poolMs: Math.round(t3 - t2),
        },
        'sealed block',
      )
    } catch (e) {
      logger.error({ err: e }, 'block production failed')
    }
  }
}
