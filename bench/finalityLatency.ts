// Time from eth_sendRawTransaction to the node's `finalized` block covering the transaction, for
// transactions sent one by one at a fixed spacing that is not a multiple of the block time, so their
// submission falls at every phase of the slot. One poll loop asks the node, every `pollMs`, for its
// `finalized` block and the receipts of the transactions not yet final; a transaction counts as
// finalised at the first answer whose `finalized` number reaches the block its receipt names there.
import { Wallet } from 'ethers'
import { DEV_KEYS } from '../test/helpers/node.ts'
import type { RpcCall, RpcClient } from './rpc.ts'
import { sleep } from './rpc.ts'

export interface LatencyOptions {
  /** Between two submissions. */
  spacingMs: number
  pollMs: number
  /** How long one transaction may take to be finalised before the run fails. */
  timeoutMs: number
}

export interface TxLatency {
  hash: string
  /** Submission, ms after the first one. */
  sentAtMs: number
  block: number
  /** Submission -> the node returns a receipt (the block is imported there). */
  includedMs: number
  /** Submission -> the node's `finalized` block reaches the transaction's block. */
  finalizedMs: number
  /** The node's head and finalised numbers in the answer that finalised the transaction. */
  headAtFinal: number
  finalizedAtFinal: number
  /** The block that first held it was replaced before finality. */
  movedBeforeFinality: boolean
}

export interface LatencyRun {
  txs: TxLatency[]
  /** Head minus finalised block number at every poll while transactions were open. */
  lagBlocks: number[]
  /** Problems found by the checks after the run (reverted transactions, a block not canonical). */
  problems: string[]
}

interface Pending {
  hash: string
  sentAt: number
  receiptAt?: number
  block?: number
  blockHash?: string
  status?: string
  /** Its block was replaced before finality (the receipt vanished or changed block). */
  moved?: boolean
  done?: TxLatency
}

interface RpcReceiptLite {
  blockNumber: string
  blockHash: string
  status: string
}

interface RpcBlockLite {
  number: string
  hash: string
}

/** `count` native transfers from the ten dev accounts, in turn, each to its own new address. */
export async function signTransfers(count: number, chainId: number): Promise<string[]> {
  const wallets = DEV_KEYS.map((k) => new Wallet(k))
  const raws: string[] = []
  for (let i = 0; i < count; i++) {
    const w = i % wallets.length
    raws.push(
      await wallets[w]!.signTransaction({
        chainId,
        nonce: Math.floor(i / wallets.length),
        to: `0x${(0xf1000000 + i).toString(16).padStart(40, '0')}`,
        value: 1n,
        gasLimit: 21_000n,
        maxFeePerGas: 100_000_000_000n,
        maxPriorityFeePerGas: 1_000_000_000n,
        type: 2,
      }),
    )
  }
  return raws
}

export async function measureFinality(
  client: RpcClient,
  raws: string[],
  o: LatencyOptions,
): Promise<LatencyRun> {
  const pending: Pending[] = []
  const start = performance.now()
  let sendError: Error | undefined
  let sending = true
  const lagBlocks: number[] = []

  const sender = (async () => {
    try {
      for (let i = 0; i < raws.length; i++) {
        const due = start + i * o.spacingMs
        const wait = due - performance.now()
        if (wait > 0) await sleep(wait)
        const sentAt = performance.now()
        const hash = await client.call<string>('eth_sendRawTransaction', [raws[i]])
        pending.push({ hash, sentAt })
      }
    } catch (e) {
      sendError = e as Error
    } finally {
      sending = false
    }
  })()

  while (sending || pending.some((p) => !p.done)) {
    if (sendError) throw sendError
    // Receipts are asked again until finality: a block that holds the transaction may be replaced
    // (another branch wins fork choice) before it is finalised, and the transaction land elsewhere.
    const open = pending.filter((p) => !p.done)
    const calls: RpcCall[] = [
      { method: 'eth_getBlockByNumber', params: ['finalized', false] },
      { method: 'eth_blockNumber', params: [] },
      ...open.map((p) => ({ method: 'eth_getTransactionReceipt', params: [p.hash] })),
    ]
    const results = await client.batchResults<unknown>(calls)
    const now = performance.now()
    const finalized = Number((results[0] as RpcBlockLite).number)
    const head = Number(results[1] as string)
    lagBlocks.push(head - finalized)
    open.forEach((p, i) => {
      const r = results[i + 2] as RpcReceiptLite | null
      if (r === null) {
        if (p.block !== undefined) p.moved = true
        p.block = undefined
        return
      }
      if (p.blockHash !== undefined && p.blockHash !== r.blockHash) p.moved = true
      p.receiptAt ??= now
      p.block = Number(r.blockNumber)
      p.blockHash = r.blockHash
      p.status = r.status
    })
    for (const p of pending) {
      if (p.done || p.block === undefined || p.receiptAt === undefined || finalized < p.block) continue
      p.done = {
        hash: p.hash,
        sentAtMs: p.sentAt - start,
        block: p.block,
        includedMs: p.receiptAt - p.sentAt,
        finalizedMs: now - p.sentAt,
        headAtFinal: head,
        finalizedAtFinal: finalized,
        movedBeforeFinality: p.moved === true,
      }
    }
    const late = pending.find((p) => !p.done && now - p.sentAt > o.timeoutMs)
    if (late) throw new Error(`transaction ${late.hash} not finalised ${o.timeoutMs} ms after submission`)
    await sleep(o.pollMs)
  }
  await sender

  // A finalised block is never replaced: each must still be the one the receipt named at finality.
  const problems: string[] = []
  const blocks = await client.batchResults<RpcBlockLite>(
    pending.map((p) => ({ method: 'eth_getBlockByNumber', params: [`0x${p.block!.toString(16)}`, false] })),
  )
  pending.forEach((p, i) => {
    if (p.status !== '0x1') problems.push(`${p.hash}: status ${p.status}`)
    if (blocks[i]?.hash !== p.blockHash)
      problems.push(
        `${p.hash}: finalised in block ${p.block} ${p.blockHash}, now ${blocks[i]?.hash} is canonical there`,
      )
  })
  return { txs: pending.map((p) => p.done!), lagBlocks, problems }
}

export function percentile(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b)
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))] ?? Number.NaN
}
