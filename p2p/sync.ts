// Range sync: when a peer's status shows a heavier head, fetch the missing blocks in batches from
// every peer that has them (several batches in flight), import them in order, and log progress.
// A batch whose first block does not connect (we are on a fork) steps back until it does.
import type { PeerId } from '@libp2p/interface'
import type { Logger } from 'pino'
import { P2PError } from './errors.ts'
import type { P2PMetrics } from './metrics.ts'
import type { P2POptions } from './options.ts'
import type { ReqResp } from './reqresp.ts'
import type { ChainStatus, NetworkChain } from './types.ts'

export interface SyncModules {
  chain: NetworkChain
  reqresp: ReqResp
  logger: Logger
  metrics: P2PMetrics
  /** Peers with their last status. */
  peers(): Map<string, { id: PeerId; status: ChainStatus }>
  onPeerError(peer: PeerId, source: string, err: P2PError): void
}

/** A requested batch of blocks: who serves it and what came back. */
interface Fetch {
  peer: { id: PeerId; status: ChainStatus }
  result: Promise<{ blocks: Uint8Array[] } | { err: Error }>
}

export class RangeSync {
  private running: Promise<void> | undefined
  private again = false

  constructor(
    private readonly options: P2POptions,
    private readonly modules: SyncModules,
  ) {}

  /** Where the running sync round started and aims (eth_syncing), undefined when idle. */
  private span: { starting: bigint; highest: bigint } | undefined

  get syncing(): boolean {
    return this.running !== undefined
  }

  get progress(): { starting: bigint; current: bigint; highest: bigint } | undefined {
    return this.span && { ...this.span, current: this.modules.chain.status().headNumber }
  }

  /** Starts a sync round unless one runs; a request during a round runs another after it. */
  trigger(): void {
    if (this.running) {
      this.again = true
      return
    }
    this.running = this.loop().finally(() => {
      this.running = undefined
    })
  }

  async stop(): Promise<void> {
    this.again = false
    await this.running
  }

  private ahead(): { id: PeerId; status: ChainStatus }[] {
    const ours = this.modules.chain.status()
    return [...this.modules.peers().values()].filter((p) => p.status.headWeight > ours.headWeight)
  }

  private async loop(): Promise<void> {
    do {
      this.again = false
      try {
        await this.round()
      } catch (e) {
        this.modules.logger.warn({ err: (e as Error).message }, 'sync round failed')
      }
    } while (this.again)
  }

  private async round(): Promise<void> {
    const { chain, logger } = this.modules
    const peers = this.ahead()
    if (peers.length === 0) return
    const startHead = chain.status().headNumber
    const target = peers.reduce((m, p) => (p.status.headNumber > m ? p.status.headNumber : m), 0n)
    const t0 = Date.now()
    const next = startHead + 1n
    logger.info({ from: Number(next), target: Number(target), peers: peers.length }, 'sync started')
    this.span = { starting: startHead, highest: target }
    try {
      await this.fetchAndImport(peers, next, target, t0)
    } finally {
      this.span = undefined
    }
  }

  private async fetchAndImport(
    initialPeers: { id: PeerId; status: ChainStatus }[],
    from: bigint,
    target: bigint,
    t0: number,
  ): Promise<void> {
    const { chain, reqresp, logger, metrics } = this.modules
    let peers = initialPeers
    let next = from
    let lastLog = t0
    let imported = 0
    let stepBack = BigInt(this.options.syncBatch)
    let forkTries = 0
    while (peers.length > 0) {
      const maxHead = peers.reduce((m, p) => (p.status.headNumber > m ? p.status.headNumber : m), 0n)
      if (next > maxHead) {
        // A heavier branch no longer than ours: fetch its tail, which imports as a side branch
        // and wins fork choice once complete.
        if (forkTries++ >= 3) break
        next = maxHead + 1n > stepBack ? maxHead + 1n - stepBack : 1n
        stepBack *= 2n
      }
      // A window of `syncParallel` batches in flight, from the peers in turn: as the oldest is
      // imported the next is requested, so peers serve while we execute. Blocks are imported in order.
      const window: Fetch[] = []
      let ask = next
      let turn = 0
      const request = (): void => {
        if (ask > maxHead) return
        const count = Number(
          maxHead - ask + 1n < BigInt(this.options.syncBatch)
            ? maxHead - ask + 1n
            : BigInt(this.options.syncBatch),
        )
        const holders = peers.filter((p) => p.status.headNumber >= ask)
        const peer = holders[turn++ % holders.length]!
        const result = reqresp.blocksByRange(peer.id, ask, count).then(
          (blocks) => {
            // Work on a batch starts as it arrives, while the batches before it are imported.
            chain.prepareBlocks?.(blocks)
            return { blocks }
          },
          (err: unknown) => ({ err: err as Error }),
        )
        window.push({ peer, result })
        ask += BigInt(count)
      }
      for (let i = 0; i < this.options.syncParallel; i++) request()
      let progressed = false
      for (let b = window.shift(); b !== undefined; b = window.shift()) {
        const r = await b.result
        if ('err' in r) {
          const err = r.err instanceof P2PError ? r.err : new P2PError('BAD_REQUEST', r.err.message, 'ignore')
          this.modules.onPeerError(b.peer.id, 'sync', err)
          break
        }
        if (r.blocks.length === 0) break
        request()
        let stop = false
        for (const raw of r.blocks) {
          try {
            // Written behind: the next block executes while this one goes to disk (flushed below).
            const out = await chain.importBlock(raw, { deferWrite: true })
            if (out.kind === 'unknownParent') {
              // On a fork below our head: fetch from further back.
              next = next > stepBack ? next - stepBack : 1n
              stepBack *= 2n
              stop = true
              break
            }
            if (out.kind === 'imported') {
              imported++
              metrics.syncedBlocks.inc()
            }
            next = out.number + 1n
            progressed = true
          } catch (e) {
            const err = e instanceof P2PError ? e : new P2PError('INVALID_BLOCK', (e as Error).message)
            this.modules.onPeerError(b.peer.id, 'sync', err)
            stop = true
            break
          }
        }
        if (stop) break
        const now = Date.now()
        if (now - lastLog >= 2000) {
          lastLog = now
          const rate = imported / ((now - t0) / 1000)
          const left = Number(target - next + 1n)
          logger.info(
            {
              head: Number(next - 1n),
              target: Number(target),
              blocksPerSecond: Math.round(rate * 10) / 10,
              etaSeconds: rate > 0 ? Math.round(left / rate) : null,
            },
            'sync progress',
          )
        }
      }
      await chain.flush?.()
      if (!progressed && stepBack > BigInt(this.options.syncBatch) * 1024n) break
      peers = this.ahead()
    }
    const seconds = (Date.now() - t0) / 1000
    if (imported > 0)
      logger.info(
        {
          imported,
          head: Number(chain.status().headNumber),
          seconds: Math.round(seconds * 10) / 10,
          blocksPerSecond: Math.round((imported / Math.max(seconds, 0.001)) * 10) / 10,
        },
        'sync done',
      )
  }
}
