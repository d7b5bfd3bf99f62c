// One timed workload against one node: submit the pre-signed transactions and watch blocks until all of
// them are in. tx/s = transactions / (first submit -> the client sees the block holding the last one).
import { BlockWatcher } from './blocks.ts'
import { latestNonces, nonceShortfall, receipts, sample } from './checks.ts'
import { type SubmitOptions, type SubmitReport, submitAll } from './load.ts'
import type { Peer } from './peers.ts'
import { machineBusySeconds, selfCpuSeconds } from './proc.ts'
import { sleep } from './rpc.ts'
import type { Workload, WorkloadName } from './txs.ts'

export interface WorkloadResult {
  workload: WorkloadName
  txs: number
  seconds: number
  txPerSecond: number
  /** Until the node had accepted every transaction. */
  submitSeconds: number
  requests: number
  retried: Record<string, number>
  acceptedErrors: Record<string, number>
  failed: Record<string, number>
  /** Transactions sent again because nothing reached a block for a while. */
  resent: number
  stalls: string[]
  /** Blocks holding at least one of the transactions. */
  blocksUsed: number
  avgTxsPerBlock: number
  maxTxsPerBlock: number
  gasPerTx: number
  peakRssMiB: number
  /** CPU seconds over the run: the node's process tree, this client, everything else on the machine. */
  cpu: { node: number; client: number; other: number }
  blocks: { number: number; txs: number; gasUsed: number; timestamp: number; seenAtMs: number }[]
}

const POLL_MS = 50
const RSS_SAMPLE_MS = 500
/** Nothing new in blocks for this long (after everything was accepted): resend what is missing. */
const STALL_MS = 20_000
/** Nothing new in blocks for this long: give up. */
const GIVE_UP_MS = 120_000
const RECEIPT_SAMPLE = 50

export async function runWorkload(
  peer: Peer,
  workload: Workload,
  senders: string[],
  submit: SubmitOptions,
): Promise<WorkloadResult> {
  const { client } = peer
  const n = workload.txs.length
  const watcher = new BlockWatcher(client, Number(await client.call<string>('eth_blockNumber')))
  let peakRss = peer.rssBytes()
  const rssTimer = setInterval(() => {
    peakRss = Math.max(peakRss, peer.rssBytes())
  }, RSS_SAMPLE_MS)
  const abort = new AbortController()
  const stalls: string[] = []
  let resent = 0

  const cpu0 = { node: peer.cpuSeconds(), client: selfCpuSeconds(), machine: machineBusySeconds() }
  const t0 = performance.now()
  let report: SubmitReport | undefined
  let submitError: unknown
  const submitting = submitAll(client, workload.txs, { ...submit, signal: abort.signal }).then(
    (r) => {
      report = r
    },
    (e: unknown) => {
      submitError = e
    },
  )
  try {
    let progressAt = performance.now()
    let resentAt = 0
    while (watcher.included < n) {
      if (peer.exited())
        throw new Error(`${peer.name} exited; output tail:\n${peer.outputTail().slice(-4000)}`)
      if (submitError !== undefined) throw submitError
      if ((await watcher.poll()) > 0) progressAt = performance.now()
      const now = performance.now()
      const idle = now - progressAt
      if (idle > GIVE_UP_MS) {
        throw new Error(
          `${peer.name} ${workload.name}: nothing new in blocks for ${GIVE_UP_MS / 1000} s, ` +
            `${watcher.included}/${n} included, ${report ? 'all' : 'not all'} accepted, ` +
            `final rejections ${JSON.stringify(report?.failed ?? {})}; output tail:\n` +
            peer.outputTail().slice(-4000),
        )
      }
      if (idle > STALL_MS && report !== undefined && now - resentAt > STALL_MS) {
        const latest = await latestNonces(client, senders)
        const missing = workload.txs.filter((tx) => tx.nonce >= (latest.get(tx.from) ?? 0))
        const note =
          `${peer.name} ${workload.name}: nothing new in blocks for ${Math.round(idle / 1000)} s with ` +
          `${watcher.included}/${n} included; resending the ${missing.length} not in blocks`
        console.log(note)
        stalls.push(note)
        resent += missing.length
        resentAt = now
        const again = await submitAll(client, missing, { ...submit, signal: abort.signal })
        for (const [k, v] of Object.entries(again.failed)) report.failed[k] = (report.failed[k] ?? 0) + v
      }
      await sleep(POLL_MS)
    }
    // All in blocks means all accepted; give the last answers a moment to arrive.
    await Promise.race([submitting, sleep(10_000)])
  } finally {
    clearInterval(rssTimer)
    abort.abort()
  }
  const cpuNode = peer.cpuSeconds() - cpu0.node
  const cpuClient = selfCpuSeconds() - cpu0.client
  const cpuOther = Math.max(0, machineBusySeconds() - cpu0.machine - cpuNode - cpuClient)
  if (report === undefined) throw new Error(`${peer.name} ${workload.name}: in blocks but not all answered`)

  const used = watcher.blocks.filter((b) => b.txs > 0)
  const last = used.at(-1)!
  const seconds = (last.seenAt - t0) / 1000
  if (watcher.included !== n) {
    throw new Error(
      `${peer.name} ${workload.name}: ${watcher.included} transactions in blocks, expected ${n}`,
    )
  }
  const short = nonceShortfall(workload.nonceAfter, await latestNonces(client, senders))
  if (short.length > 0)
    throw new Error(`${peer.name} ${workload.name}: ${short.length} senders short of nonce`)
  const checked = await receipts(
    client,
    sample(workload.txs, RECEIPT_SAMPLE).map((tx) => tx.hash),
  )
  const bad = checked.filter((r) => r?.status !== '0x1')
  if (bad.length > 0) {
    throw new Error(
      `${peer.name} ${workload.name}: ${bad.length}/${checked.length} sampled receipts not successful`,
    )
  }

  const gas = used.reduce((sum, b) => sum + b.gasUsed, 0n)
  return {
    workload: workload.name,
    txs: n,
    seconds,
    txPerSecond: n / seconds,
    submitSeconds: report.seconds,
    requests: report.requests,
    retried: report.retried,
    acceptedErrors: report.acceptedErrors,
    failed: report.failed,
    resent,
    stalls,
    blocksUsed: used.length,
    avgTxsPerBlock: n / used.length,
    maxTxsPerBlock: Math.max(...used.map((b) => b.txs)),
    gasPerTx: Number(gas) / n,
    peakRssMiB: peakRss / 2 ** 20,
    cpu: { node: cpuNode, client: cpuClient, other: cpuOther },
    blocks: watcher.blocks.map((b) => ({
      number: b.number,
      txs: b.txs,
      gasUsed: Number(b.gasUsed),
      timestamp: b.timestamp,
      seenAtMs: Math.round(b.seenAt - t0),
    })),
  }
}
