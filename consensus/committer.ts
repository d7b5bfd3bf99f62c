// Commits finalised checkpoints to Core on the origin (DESIGN.md §7): the finalising link's votes
// prove the source checkpoint final, Core checks ⌈2/3⌉ of the kernel's stake signed them and records
// the source's state root. One commit in flight; the newest finalised checkpoint replaces any older
// one still waiting (a later commit covers everything before it); an origin that does not answer is
// retried until it does, and the aux chain goes on meanwhile. Commits are idempotent: a checkpoint
// someone else committed first counts as done.
import type { Logger } from 'pino'
import { type Hex, toHex } from 'viem'
import type { FinalityEvent } from './finality.ts'
import type { OriginClient } from './origin/index.ts'
import type { Checkpoint } from './rules/vote.ts'

export interface CommitterOptions {
  /** Commit at most once per this many finalised aux blocks. */
  commitEvery: number
  /** Wait before retrying after the origin failed. */
  retryMs: number
}

export const defaultCommitterOptions: CommitterOptions = { commitEvery: 1, retryMs: 2000 }

export interface CommitterStatus {
  lastCommitted?: { auxBlockNumber: bigint; auxBlockHash: Hex; txHash?: Hex }
  pending?: Checkpoint
  originReachable: boolean
}

export class Committer {
  private pending: FinalityEvent | undefined
  private busy = false
  private stopped = false
  private timer: NodeJS.Timeout | undefined
  private lastCommitted = 0n
  private last: CommitterStatus['lastCommitted']
  private reachable = true

  constructor(
    private readonly options: CommitterOptions,
    private readonly modules: {
      client: OriginClient
      /** RLP of a stored aux header. */
      headerRlp: (hash: Hex) => Promise<Uint8Array | undefined>
      logger: Logger
    },
  ) {}

  status(): CommitterStatus {
    return {
      ...(this.last ? { lastCommitted: this.last } : {}),
      ...(this.pending ? { pending: this.pending.finalized } : {}),
      originReachable: this.reachable,
    }
  }

  /** A finality event: when its link finalised its source, that checkpoint is worth committing. */
  onFinality(ev: FinalityEvent): void {
    if (ev.link.source.hash !== ev.finalized.hash) return
    if (ev.finalized.number < this.lastCommitted + BigInt(this.options.commitEvery)) return
    this.pending = ev
    this.kick()
  }

  stop(): void {
    this.stopped = true
    if (this.timer) clearTimeout(this.timer)
  }

  private kick(): void {
    if (this.busy || this.stopped || !this.pending) return
    const ev = this.pending
    this.pending = undefined
    this.busy = true
    this.commit(ev)
      .then(
        () => {
          this.reachable = true
        },
        (e: unknown) => {
          this.reachable = false
          // Keep it unless a newer checkpoint arrived meanwhile.
          this.pending ??= ev
          this.modules.logger.warn(
            {
              err: (e as Error).message,
              auxBlock: Number(ev.finalized.number),
              retryMs: this.options.retryMs,
            },
            'commit to the origin failed; retrying',
          )
          this.timer = setTimeout(() => this.kick(), this.options.retryMs)
        },
      )
      .finally(() => {
        this.busy = false
        if (!this.timer || this.reachable) this.kick()
      })
  }

  private async commit(ev: FinalityEvent): Promise<void> {
    this.timer = undefined
    const { client, headerRlp, logger } = this.modules
    const source = ev.link.source
    const rlp = await headerRlp(source.hash)
    if (!rlp) throw new Error(`aux header ${source.hash} not stored`)
    // Core wants the signatures ordered by signer address.
    const signatures = [...ev.signatures.entries()]
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([, sig]) => toHex(sig))
    const r = await client.commitMetaBlock({
      kernelHeight: ev.link.kernelHeight,
      sourceHeaderRlp: rlp,
      targetHash: ev.link.target.hash,
      targetNumber: ev.link.target.number,
      signatures,
    })
    if (r.alreadyCommitted) {
      if (r.lastCommitted > this.lastCommitted) this.lastCommitted = r.lastCommitted
      logger.debug(
        { auxBlock: Number(source.number), lastCommitted: Number(r.lastCommitted) },
        'already committed',
      )
      return
    }
    this.lastCommitted = source.number
    this.last = { auxBlockNumber: source.number, auxBlockHash: source.hash, txHash: r.txHash }
    logger.debug(
      {
        auxBlock: Number(source.number),
        hash: source.hash,
        tx: r.txHash,
        gasUsed: Number(r.receipt.gasUsed),
        signers: signatures.length,
      },
      'committed meta-block to the origin',
    )
  }
}
