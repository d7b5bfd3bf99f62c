// Slot clock and block production for the local validator (DESIGN.md §5): in each slot it proposes
// when its turn comes, at the slot start when in turn, `rank` half-slots later as a fallback when
// the proposers before it stayed silent (no block for the slot has arrived). Empty blocks included,
// so clients see time advance like on any PoS chain.
import type { Block } from '@ethereumjs/block'
import { bytesToHex } from '@ethereumjs/util'
import type { Logger } from 'pino'
import type { Counter, Histogram } from 'prom-client'
import {
  earliestProposalMs,
  fallbackDelayMs,
  type OriginObservation,
  proposerRanking,
  type QuorumCertificate,
  type StakedValidator,
  slotAt,
} from '../consensus/index.ts'
import { type BlockBuilder, blockSummary, type SealKey } from './chain/builder.ts'
import type { Chain } from './chain/chain.ts'
import type { TxPool } from './chain/txpool.ts'

export interface ProducerOptions {
  /** Slot length; slots come from the genesis (chain.clock), this only reports it. */
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
  /** Highest slot this validator has signed a block for: never two blocks for one slot. */
  private lastSigned = -1n
  private readonly me: string
  /** Called with each block this validator sealed (the network publishes it). */
  onBlock: ((block: Block) => void) | undefined
  /** False while the node is catching up: a stale head would only make a losing fork. */
  canPropose: () => boolean = () => true

  constructor(
    readonly options: ProducerOptions,
    private readonly modules: {
      chain: Chain
      pool: TxPool
      builder: BlockBuilder
      key: SealKey
      logger: Logger
      metrics?: ProducerMetrics
      /** The finality certificate a block on `parent` carries (consensus/finality.ts). */
      certificateFor?: (parent: Block) => Promise<QuorumCertificate | undefined>
      /** The origin observation a block on `parent` carries (DESIGN.md §7). */
      observationFor?: (parent: Block) => Promise<OriginObservation | undefined>
      /** Validators of the kernel governing the block after `head`; default: the genesis set. */
      validatorsFor?: (head: Block) => Promise<readonly StakedValidator[]>
    },
  ) {
    this.me = bytesToHex(modules.key.address).toLowerCase()
  }

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

  /** The next (slot, time) at which this validator may propose, from the current slot on. */
  /** The next turn, or undefined when this validator is not in the kernel governing the next block. */
  private nextTurn(validators: readonly StakedValidator[]): { slot: bigint; at: number } | undefined {
    const { chain } = this.modules
    const clock = chain.clock
    if (!validators.some((v) => v.address.toLowerCase() === this.me)) return undefined
    const fallback = fallbackDelayMs(clock)
    const now = Date.now()
    let slot = slotAt(clock, now)
    const headSlot = chain.slotOf(chain.head.header)
    if (slot <= headSlot) slot = headSlot + 1n
    if (slot <= this.lastSigned) slot = this.lastSigned + 1n
    for (let i = 0; i < 10_000; i++, slot++) {
      const rank = proposerRanking(validators, slot).indexOf(this.me)
      // Fallback ranks that would reach into the next slot are left to that slot's proposer.
      if (rank >= 0 && rank * fallback < clock.blockTimeMs) {
        const at = earliestProposalMs(clock, slot, rank)
        const slotEnd = earliestProposalMs(clock, slot + 1n, 0)
        if (slotEnd > now) return { slot, at }
      }
    }
    throw new Error(`validator ${this.me} has no turn in the next 10000 slots`)
  }

  private schedule(): void {
    if (!this.running) return
    const head = this.modules.chain.head
    void this.validatorsFor(head).then((validators) => {
      if (!this.running) return
      const turn = this.nextTurn(validators)
      // Not a validator of the next block's kernel (not joined yet, or left): look again next slot.
      const at = turn?.at ?? Date.now() + this.modules.chain.clock.blockTimeMs
      this.timer = setTimeout(
        () => {
          this.building = (turn ? this.produce(turn.slot) : Promise.resolve()).finally(() => this.schedule())
        },
        Math.max(0, at - Date.now()),
      )
    })
  }

  private async validatorsFor(head: Block): Promise<readonly StakedValidator[]> {
    try {
      return (await this.modules.validatorsFor?.(head)) ?? this.modules.chain.genesis.mosaic.validators
    } catch (e) {
      this.modules.logger.warn({ err: e }, 'validator set lookup failed')
      return this.modules.chain.genesis.mosaic.validators
    }
  }

  private async produce(slot: bigint): Promise<void> {
    if (this.stopped || !this.canPropose()) return
    const { chain, pool, builder, key, logger, metrics } = this.modules
    const t0 = performance.now()
    try {
      const built = await chain.exclusive(async () => {
        // A block for this slot (the in-turn one, or a lower rank's) arrived meanwhile.
        if (chain.slotOf(chain.head.header) >= slot) return undefined
        // The head may have moved into another kernel since the turn was planned.
        const ranking = proposerRanking(await this.validatorsFor(chain.head), slot)
        const rank = ranking.indexOf(this.me)
        if (rank < 0 || rank * fallbackDelayMs(chain.clock) >= chain.clock.blockTimeMs) return undefined
        this.lastSigned = slot
        const qc = await this.modules.certificateFor?.(chain.head)
        const origin = await this.modules.observationFor?.(chain.head)
        const b = await builder.build((baseFee) => pool.cursor(baseFee), key, slot, { qc, origin })
        const t1 = performance.now()
        await chain.commit(b.block, b.receipts)
        return { ...b, t1, t2: performance.now() }
      })
      if (!built) return
      this.onBlock?.(built.block)
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
          slot: Number(slot),
          gasUsed: Number(built.block.header.gasUsed),
          ms: Math.round(seconds * 1000),
          // Where the time went: execution, the rest of building (selection, roots, seal), the
          // database write, the pool update.
          execMs: Math.round(built.executionMs),
          buildMs: Math.round(built.t1 - t0 - built.executionMs),
          commitMs: Math.round(built.t2 - built.t1),
          poolMs: Math.round(t3 - built.t2),
        },
        'sealed block',
      )
    } catch (e) {
      logger.error({ err: e }, 'block production failed')
    }
  }
}
