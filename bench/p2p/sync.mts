// Sync speed of a new node over a long chain with transactions (issue 4's benchmark), against how fast
// the chain was produced. One validator builds, in one chain:
//   1. realistic: BENCH_SYNC_BLOCKS (10,000) blocks at BENCH_SYNC_SLOT_MS (20 ms) slots, each slot
//      carrying ~BENCH_SYNC_TXS_PER_BLOCK (5) transfers: the producer keeps up with its slots, as a
//      live chain does;
//   2. dense: BENCH_SYNC_DENSE_TXS (40,000) transfers sent at once, so the producer executes flat out
//      (blocks fill its whole time budget): production here is execution-bound.
// Then a new full node syncs it over the network; its head is polled to time each segment.
// Every transfer goes to a new address, so the state grows as on a live chain.
// `npx --no-install node --import tsx bench/p2p/sync.mts`
import { getBytes, keccak256, Signature, Transaction, toUtf8Bytes } from 'ethers'
import secp256k1 from 'secp256k1'
import { createTestNetwork } from '../../test/helpers/network.ts'
import { blockNumber, DEV_KEYS, rpc, sleep } from '../../test/helpers/node.ts'

const BLOCKS = Number(process.env['BENCH_SYNC_BLOCKS'] ?? 10_000)
const SLOT_MS = Number(process.env['BENCH_SYNC_SLOT_MS'] ?? 20)
const PER_BLOCK = Number(process.env['BENCH_SYNC_TXS_PER_BLOCK'] ?? 5)
const DENSE_TXS = Number(process.env['BENCH_SYNC_DENSE_TXS'] ?? 40_000)
/** The block time the realistic segment stands for (the genesis default): its blocks, live, take this long. */
const LIVE_SLOT_MS = Number(process.env['BENCH_SYNC_LIVE_SLOT_MS'] ?? 1000)
/** A directory for a CPU profile of the syncing node (--cpu-prof, set through NODE_OPTIONS at its start). */
const PROFILE_DIR = process.env['BENCH_SYNC_PROFILE_DIR']

interface Sender {
  key: Uint8Array
  nonce: number
}

/** Pre-signed transfers, ordered round-robin over the senders (each sender's nonces in order). */
function signTransfers(senders: Sender[], count: number, tag: string): { raw: string; hash: string }[] {
  const out: { raw: string; hash: string }[] = []
  for (let i = 0; i < count; i++) {
    const s = senders[i % senders.length]!
    const tx = Transaction.from({
      type: 2,
      chainId: 1515,
      nonce: s.nonce++,
      to: `0x${keccak256(toUtf8Bytes(`sync-bench/${tag}/${i}`)).slice(-40)}`,
      value: 1n,
      gasLimit: 21000n,
      maxFeePerGas: 100_000_000_000n,
      maxPriorityFeePerGas: 1_000_000_000n,
    })
    const { signature, recid } = secp256k1.ecdsaSign(getBytes(tx.unsignedHash), s.key)
    tx.signature = Signature.from({
      r: `0x${Buffer.from(signature.subarray(0, 32)).toString('hex')}`,
      s: `0x${Buffer.from(signature.subarray(32)).toString('hex')}`,
      yParity: recid as 0 | 1,
    })
    out.push({ raw: tx.serialized, hash: tx.hash! })
  }
  return out
}

let refused = 0
async function send(url: string, raws: string[]): Promise<void> {
  const body = raws.map((r, id) => ({ jsonrpc: '2.0', id, method: 'eth_sendRawTransaction', params: [r] }))
  const res = await fetch(url, {
    method: 'POST',
    body: JSON.stringify(body),
    headers: { 'content-type': 'application/json' },
  })
  const answers = (await res.json()) as { error?: { message: string } }[]
  for (const a of answers) {
    if (!a.error) continue
    if (refused++ < 5) console.error(`refused: ${a.error.message}`)
  }
}

async function mined(url: string, hash: string): Promise<boolean> {
  return (await rpc(url, 'eth_getTransactionReceipt', [hash])) !== null
}

const senders = DEV_KEYS.slice(1).map((k) => ({ key: getBytes(k), nonce: 0 }))
const signStart = performance.now()
const light = signTransfers(senders, BLOCKS * PER_BLOCK, 'light')
const dense = signTransfers(senders, DENSE_TXS, 'dense')
console.error(
  `signed ${light.length + dense.length} transfers in ${((performance.now() - signStart) / 1000).toFixed(1)} s`,
)

const net = await createTestNetwork({
  validators: 1,
  fullNodes: 1,
  blockTimeMs: SLOT_MS,
  // The dense segment is sent at once: room for all of it in the pool.
  extraArgs: ['--txpool.maxPerSender', String(DENSE_TXS + 1000), '--txpool.maxTotal', String(DENSE_TXS * 2)],
})
try {
  const v = await net.start(0)

  // 1. Realistic: the feeder keeps PER_BLOCK transfers per block produced (plus two slots ahead).
  const lightStart = await blockNumber(v.url)
  const lightEnd = lightStart + BLOCKS
  const t0 = performance.now()
  let sent = 0
  for (let head = lightStart; head < lightEnd; head = await blockNumber(v.url)) {
    const want = Math.min(light.length, (head - lightStart + 2) * PER_BLOCK)
    if (want > sent) {
      await send(
        v.url,
        light.slice(sent, want).map((t) => t.raw),
      )
      sent = want
    }
    await sleep(SLOT_MS / 2)
  }
  const t1 = performance.now()
  // Whatever the feeder sent ahead lands in the next blocks: wait, so the dense segment starts clean.
  const lastLight = light[sent - 1]
  while (lastLight && !(await mined(v.url, lastLight.hash))) await sleep(SLOT_MS)

  // 2. Dense: everything at once, batches in nonce order per sender, then wait until all are mined.
  const denseStart = await blockNumber(v.url)
  const t2 = performance.now()
  for (let i = 0; i < dense.length; i += 900) {
    await send(
      v.url,
      dense.slice(i, i + 900).map((t) => t.raw),
    )
  }
  const tails = senders.map((_, si) => dense[dense.length - 1 - ((dense.length - 1 - si) % senders.length)]!)
  for (const t of tails) {
    const since = performance.now()
    while (!(await mined(v.url, t.hash))) {
      if (performance.now() - since > 120_000) {
        const pool = await rpc(v.url, 'txpool_status', [])
        throw new Error(`dense transfers not mined after 120 s (pool ${JSON.stringify(pool)})`)
      }
      await sleep(20)
    }
  }
  const t3 = performance.now()
  const denseEnd = await blockNumber(v.url)

  // 3. Sync: a new full node; its head is polled to time when it passes each segment's end.
  if (PROFILE_DIR) process.env['NODE_OPTIONS'] = `--cpu-prof --cpu-prof-dir=${PROFILE_DIR}`
  const s0 = performance.now()
  const full = await net.start(1)
  delete process.env['NODE_OPTIONS']
  let passedLight = 0
  let passedDense = 0
  for (;;) {
    const n = await blockNumber(full.url)
    const now = performance.now()
    if (n >= lightEnd && !passedLight) passedLight = now
    if (n >= denseEnd) {
      passedDense = now
      break
    }
    if (now - s0 > 600_000) throw new Error(`sync stalled at ${n} of ${denseEnd}`)
    await sleep(20)
  }
  const done = full
    .stderrTail()
    .split('\n')
    .filter((l) => l.includes('"sync done"'))
    .at(-1)

  const rows = [
    {
      load: `realistic (${PER_BLOCK} tx/slot, ${SLOT_MS} ms slots)`,
      blocks: lightEnd - lightStart,
      txs: light.length,
      produced: (t1 - t0) / 1000,
      synced: (passedLight - s0) / 1000,
    },
    {
      load: 'dense (saturated producer)',
      blocks: denseEnd - denseStart,
      txs: dense.length,
      produced: (t3 - t2) / 1000,
      synced: (passedDense - passedLight) / 1000,
    },
  ]
  const total = {
    load: 'whole chain',
    blocks: denseEnd - lightStart,
    txs: light.length + dense.length,
    produced: (t3 - t0) / 1000,
    synced: (passedDense - s0) / 1000,
  }
  const fmt = (x: number) => Math.round(x).toLocaleString('en-US')
  console.log(
    '| load | blocks | txs | produced s | produced blocks/s | produced tx/s | synced s | synced blocks/s | synced tx/s | speed-up |',
  )
  console.log('|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|')
  for (const r of [...rows, total]) {
    console.log(
      `| ${r.load} | ${fmt(r.blocks)} | ${fmt(r.txs)} | ${r.produced.toFixed(1)} | ${fmt(r.blocks / r.produced)} | ${fmt(r.txs / r.produced)} | ${r.synced.toFixed(1)} | ${fmt(r.blocks / r.synced)} | ${fmt(r.txs / r.synced)} | ${(r.produced / r.synced).toFixed(1)}× |`,
    )
  }
  const live = (rows[0]!.blocks * LIVE_SLOT_MS) / 1000
  console.log(
    `\nThe realistic segment's ${fmt(rows[0]!.blocks)} blocks at the ${LIVE_SLOT_MS} ms block time a live chain uses take ${fmt(live)} s to produce: sync is ${(live / rows[0]!.synced).toFixed(0)}× faster.`,
  )
  console.log(
    `Realistic sync includes starting the node and its first handshake; refused transactions: ${refused}`,
  )
  if (done) console.log(`syncing node: ${done}`)
} finally {
  await net.stopAll()
}
