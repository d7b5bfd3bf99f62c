// Sends pre-signed transactions with eth_sendRawTransaction from concurrent client loops, in JSON-RPC
// batches, until the node has accepted every one.
//
// Like a wallet, the client never leaves a nonce gap behind: each loop owns its own senders and has one
// request in flight, so a sender's transactions reach the node in nonce order, and when the node refuses
// one (pool full, per-sender limit) the loop sends that one and everything after it again. A pool would
// hold a transaction that arrives after a gap as "queued" and may evict it silently when full, which
// would leave its sender stuck. While the node keeps refusing, all loops pause, longer each time, so
// refused traffic stays small. Errors that are not push-back are final and reported.
import { type RpcClient, type RpcOutcome, sleep } from './rpc.ts'
import type { SignedTx } from './txs.ts'

export interface SubmitOptions {
  /** Client loops, each with one request in flight. */
  concurrency: number
  /** Raw transactions per JSON-RPC batch. */
  batchSize: number
  signal?: AbortSignal
}

export interface SubmitReport {
  txs: number
  accepted: number
  requests: number
  seconds: number
  /** Refusals that were sent again, by message (numbers and hex blurred), with counts. */
  retried: Record<string, number>
  /** Error answers taken as accepted ("already known" for a transaction sent again). */
  acceptedErrors: Record<string, number>
  /** Refusals that were final, by message. */
  failed: Record<string, number>
  failedTxs: SignedTx[]
}

const MIN_PAUSE_MS = 50
const MAX_PAUSE_MS = 500
/** The node asks the client to slow down, or the request got no answer: send again later. */
const RETRYABLE =
  /txpool is full|pool is full|account limit|nonce too high|limit exceeded|too many|busy|transport:|no response/i
/** The node has the transaction already (sent again after a refusal of an earlier nonce, or a lost answer). */
const KNOWN = /already known|known transaction|already imported/i

/** One sender's transactions in nonce order and how far the node has accepted them. */
interface SenderQueue {
  txs: SignedTx[]
  next: number
  /** The node has refused or not yet answered for txs[next..]; they were sent at least once. */
  sentUpTo: number
}

export function blur(message: string): string {
  return message
    .replace(/0x[0-9a-fA-F]+/g, '0x…')
    .replace(/\d+/g, 'N')
    .slice(0, 140)
}

function bump(counts: Record<string, number>, key: string): void {
  counts[key] = (counts[key] ?? 0) + 1
}

/** Groups transactions by sender (keeping their order) and deals the senders out to `loops` loops. */
function dealSenders(txs: SignedTx[], loops: number): SenderQueue[][] {
  const bySender = new Map<string, SenderQueue>()
  for (const tx of txs) {
    let q = bySender.get(tx.from)
    if (q === undefined) {
      q = { txs: [], next: 0, sentUpTo: 0 }
      bySender.set(tx.from, q)
    }
    q.txs.push(tx)
  }
  const dealt: SenderQueue[][] = Array.from({ length: Math.min(loops, bySender.size) }, () => [])
  ;[...bySender.values()].forEach((q, i) => {
    dealt[i % dealt.length]!.push(q)
  })
  return dealt
}

export async function submitAll(
  client: RpcClient,
  txs: SignedTx[],
  opts: SubmitOptions,
): Promise<SubmitReport> {
  const started = performance.now()
  const report: SubmitReport = {
    txs: txs.length,
    accepted: 0,
    requests: 0,
    seconds: 0,
    retried: {},
    acceptedErrors: {},
    failed: {},
    failedTxs: [],
  }
  let pauseUntil = 0
  let pauseMs = MIN_PAUSE_MS

  /** Next batch of a loop: round-robin over its senders, so nonce n of each before nonce n+1 of any. */
  const nextBatch = (queues: SenderQueue[]): { q: SenderQueue; index: number }[] => {
    const batch: { q: SenderQueue; index: number }[] = []
    for (let depth = 0; batch.length < opts.batchSize; depth++) {
      let added = false
      for (const q of queues) {
        const index = q.next + depth
        if (index >= q.txs.length || batch.length >= opts.batchSize) continue
        batch.push({ q, index })
        added = true
      }
      if (!added) break
    }
    return batch
  }

  /** What an answer means for the transaction. */
  const settle = (outcome: RpcOutcome, resent: boolean): 'ok' | 'retry' | 'failed' => {
    if (outcome.ok) return 'ok'
    const message = outcome.error.message
    if (KNOWN.test(message) || (resent && /nonce too low/i.test(message))) {
      bump(report.acceptedErrors, blur(message))
      return 'ok'
    }
    if (RETRYABLE.test(message)) {
      bump(report.retried, blur(message))
      return 'retry'
    }
    bump(report.failed, blur(message))
    return 'failed'
  }

  const loop = async (queues: SenderQueue[]): Promise<void> => {
    for (;;) {
      opts.signal?.throwIfAborted()
      const wait = pauseUntil - performance.now()
      if (wait > 0) {
        await sleep(wait)
        continue
      }
      const batch = nextBatch(queues)
      if (batch.length === 0) return
      let outcomes: RpcOutcome[]
      try {
        report.requests++
        outcomes = await client.batch(
          batch.map(({ q, index }) => ({ method: 'eth_sendRawTransaction', params: [q.txs[index]!.raw] })),
        )
      } catch (e) {
        const error = { code: -1, message: `transport: ${(e as Error).message}` }
        outcomes = batch.map(() => ({ ok: false, error }))
      }
      // Per sender, the batch holds a run of consecutive nonces from q.next. Move q.next past the
      // accepted prefix; from the first refused one on, everything is sent again.
      const stopped = new Set<SenderQueue>()
      let refused = false
      batch.forEach(({ q, index }, i) => {
        const resent = index < q.sentUpTo
        q.sentUpTo = Math.max(q.sentUpTo, index + 1)
        if (stopped.has(q)) return
        const result = settle(outcomes[i]!, resent)
        if (result === 'retry') {
          stopped.add(q)
          refused = true
          return
        }
        if (result === 'ok') report.accepted++
        else report.failedTxs.push(q.txs[index]!)
        q.next = index + 1
      })
      if (refused) {
        pauseUntil = performance.now() + pauseMs
        pauseMs = Math.min(MAX_PAUSE_MS, pauseMs * 2)
      } else {
        pauseMs = MIN_PAUSE_MS
      }
    }
  }

  await Promise.all(dealSenders(txs, opts.concurrency).map(loop))
  report.seconds = (performance.now() - started) / 1000
  return report
}
