// Sender recovery for incoming transactions on a worker thread. Recovery (~70 µs with the native
// addon) was the largest per-transaction cost of intake, on the thread that also executes blocks;
// here it overlaps with block production. Best effort: a transaction the worker could not recover
// (or any, when the worker is gone) is recovered by the txpool as before, with the same errors.

import { Worker } from 'node:worker_threads'
import { Capability, type TypedTransaction } from '@ethereumjs/tx'
import { bigIntToBytes, calculateSigRecovery, SECP256K1_ORDER_DIV_2, setLengthLeft } from '@ethereumjs/util'
import type { Logger } from 'pino'

export interface SenderRecoveryOptions {
  /** 0 recovers on the main thread (in the txpool). */
  workers: number
  /** Signatures per message to a worker; more amortise messaging, fewer cut latency. */
  maxBatch: number
  /**
   * Fewer signatures than this, arriving together, are left to the caller (~70 µs each on the main
   * thread): for a lone gossiped or submitted transaction, two thread hops cost more latency than
   * the recovery, and on a busy machine each hop waits for a core.
   */
  minBatch: number
}

export const defaultSenderRecoveryOptions: SenderRecoveryOptions = { workers: 1, maxBatch: 512, minBatch: 4 }

const ENTRY = 97

interface Waiting {
  tx: TypedTransaction
  done: () => void
}

interface Reply {
  id: number
  keys: Uint8Array
  ok: Uint8Array
}

export class SenderRecovery {
  private readonly workers: Worker[] = []
  private readonly inFlight = new Map<number, Waiting[]>()
  private queue: Waiting[] = []
  private scheduled = false
  private nextId = 0
  private turn = 0

  private readonly options: SenderRecoveryOptions

  constructor(
    options: Partial<SenderRecoveryOptions>,
    private readonly modules: { logger: Logger },
  ) {
    this.options = { ...defaultSenderRecoveryOptions, ...options }
    for (let i = 0; i < this.options.workers; i++) this.workers.push(this.spawn())
  }

  /** Resolves once `tx` has its sender public key cached, or once recovery is left to the caller. */
  recover(tx: TypedTransaction): Promise<void> {
    if (this.workers.length === 0 || !tx.isSigned() || tx.cache.senderPubKey !== undefined) {
      return Promise.resolve()
    }
    // The worker skips this check of ethereumjs's own recovery, so leave such transactions to it.
    if ((tx.s ?? 0n) > SECP256K1_ORDER_DIV_2) return Promise.resolve()
    return new Promise((done) => {
      this.queue.push({ tx, done })
      if (!this.scheduled) {
        this.scheduled = true
        // Requests that arrive in the same turn of the event loop share one message.
        setImmediate(() => this.flush())
      }
    })
  }

  async close(): Promise<void> {
    const workers = this.workers.splice(0)
    this.release()
    await Promise.all(workers.map((w) => w.terminate()))
  }

  private flush(): void {
    this.scheduled = false
    if (this.queue.length < this.options.minBatch) {
      for (const w of this.queue.splice(0)) w.done()
      return
    }
    while (this.queue.length > 0) {
      const batch = this.queue.splice(0, this.options.maxBatch)
      const worker = this.workers[this.turn++ % this.workers.length]
      if (worker === undefined) {
        for (const w of batch) w.done()
        continue
      }
      const packed = new Uint8Array(batch.length * ENTRY)
      batch.forEach(({ tx }, i) => {
        const at = i * ENTRY
        const chainId = tx.supports(Capability.EIP155ReplayProtection) ? tx.common.chainId() : undefined
        packed.set(tx.getMessageToVerifySignature(), at)
        packed.set(setLengthLeft(bigIntToBytes(tx.r ?? 0n), 32), at + 32)
        packed.set(setLengthLeft(bigIntToBytes(tx.s ?? 0n), 32), at + 64)
        packed[at + 96] = Number(calculateSigRecovery(tx.v ?? 0n, chainId))
      })
      const id = this.nextId++
      this.inFlight.set(id, batch)
      worker.postMessage({ id, packed }, [packed.buffer])
    }
  }

  private onReply({ id, keys, ok }: Reply): void {
    const batch = this.inFlight.get(id)
    if (!batch) return
    this.inFlight.delete(id)
    batch.forEach(({ tx, done }, i) => {
      if (ok[i] === 1) tx.cache.senderPubKey = keys.subarray(i * 64, (i + 1) * 64)
      done()
    })
  }

  private spawn(): Worker {
    const worker = new Worker(new URL('./senderWorker.js', import.meta.url))
    worker.on('message', (m: Reply) => this.onReply(m))
    worker.on('error', (err) => {
      this.modules.logger.warn({ err }, 'sender recovery worker failed; recovering on the main thread')
      const i = this.workers.indexOf(worker)
      if (i >= 0) this.workers.splice(i, 1)
      this.release()
    })
    // Never keep the process alive for this.
    worker.unref()
    return worker
  }

  /** Hands every waiting transaction back to main-thread recovery. */
  private release(): void {
    for (const batch of this.inFlight.values()) for (const w of batch) w.done()
    this.inFlight.clear()
    for (const w of this.queue.splice(0)) w.done()
  }
}
