// Sync speed over a long chain with transactions: one validator with 50 ms slots builds
// BENCH_SYNC_BLOCKS blocks (default 2000) under a steady transfer load, then a new full node syncs
// them over the network. Compared with how fast the chain was produced.
// `npx --no-install node --import tsx bench/p2p/sync.mts`
import { Wallet } from 'ethers'
import { createTestNetwork } from '../../test/helpers/network.ts'
import { blockNumber, DEV_ADDRESSES, DEV_KEYS, rpc, waitFor } from '../../test/helpers/node.ts'

const BLOCKS = Number(process.env['BENCH_SYNC_BLOCKS'] ?? 2000)
const BLOCK_TIME_MS = 50

const net = await createTestNetwork({ validators: 1, fullNodes: 1, blockTimeMs: BLOCK_TIME_MS })
try {
  const v = await net.start(0)
  const wallets = DEV_KEYS.slice(1, 9).map((k) => new Wallet(k))
  const nonces = wallets.map(() => 0)
  let txs = 0
  const t0 = performance.now()
  const start = await blockNumber(v.url)
  while ((await blockNumber(v.url)) < start + BLOCKS) {
    // A wave of 20 transfers per sender, then wait until the pool has drained.
    let lastHash = ''
    await Promise.all(
      wallets.map(async (w, i) => {
        const raws = await Promise.all(
          Array.from({ length: 20 }, () =>
            w.signTransaction({
              chainId: 1515,
              nonce: nonces[i]!++,
              to: DEV_ADDRESSES[9],
              value: 1n,
              gasLimit: 21000n,
              maxFeePerGas: 100_000_000_000n,
              maxPriorityFeePerGas: 1_000_000_000n,
              type: 2,
            }),
          ),
        )
        const body = raws.map((r, j) => ({
          jsonrpc: '2.0',
          id: j,
          method: 'eth_sendRawTransaction',
          params: [r],
        }))
        const res = (await (
          await fetch(v.url, {
            method: 'POST',
            body: JSON.stringify(body),
            headers: { 'content-type': 'application/json' },
          })
        ).json()) as { result?: string }[]
        lastHash = res.at(-1)?.result ?? lastHash
      }),
    )
    txs += 160
    await waitFor(
      'wave mined',
      async () => (await rpc(v.url, 'eth_getTransactionReceipt', [lastHash])) !== null,
      {
        timeoutMs: 60_000,
        intervalMs: 20,
      },
    )
  }
  const head = await blockNumber(v.url)
  const produceSeconds = (performance.now() - t0) / 1000
  const full = await net.start(1)
  const s0 = performance.now()
  await waitFor('full node synced', async () => (await blockNumber(full.url)) >= head, {
    timeoutMs: 600_000,
    intervalMs: 50,
  })
  const syncSeconds = (performance.now() - s0) / 1000
  console.log(
    JSON.stringify(
      {
        blocks: head,
        txs,
        produced: { seconds: +produceSeconds.toFixed(1), blocksPerSecond: Math.round(head / produceSeconds) },
        synced: {
          seconds: +syncSeconds.toFixed(1),
          blocksPerSecond: Math.round(head / syncSeconds),
          txPerSecond: Math.round(txs / syncSeconds),
        },
        speedup: +(produceSeconds / syncSeconds).toFixed(1),
      },
      null,
      2,
    ),
  )
} finally {
  await net.stopAll()
}
