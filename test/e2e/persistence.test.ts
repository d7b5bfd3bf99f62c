// Crash safety of the dev chain's data directory: SIGKILL the node while transactions are being
// sent and mined, restart on the same directory, and check that everything a client saw before
// the crash is still there, unchanged, and that the chain goes on. Then the same across a graceful
// SIGTERM restart.
import assert from 'node:assert/strict'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { after, before, describe, test } from 'node:test'
import { Wallet } from 'ethers'
import {
  blockNumber,
  DEV_CHAIN_ID,
  DEV_KEYS,
  type DevNode,
  type RawReceipt,
  rpc,
  sleep,
  startDevNode,
  target,
  waitFor,
  waitForBlock,
  waitForReceipt,
} from '../helpers/node.ts'

const SENDERS = DEV_KEYS.slice(0, 5).map((k) => new Wallet(k))
const RECIPIENTS = Array.from({ length: 3 }, () => Wallet.createRandom().address)
const MAX_FEE = 100_000_000_000n
const TIP = 1_000_000_000n

interface Block {
  number: string
  hash: string
  parentHash: string
}

const hex = (n: number | bigint) => `0x${n.toString(16)}`

describe('persistence across kill -9 and restart', {
  skip: target !== 'mosaic' && 'needs a mosaic data directory',
}, () => {
  let datadir: string
  const nodes: DevNode[] = []
  const nonces = new Map<string, number>()

  // What a client saw before the crash.
  const receipts = new Map<string, RawReceipt>()
  let recordedBlock = 0
  let recordedBlockHash = ''
  const recordedBalances = new Map<string, string>()
  let lastHeadBeforeKill = 0

  before(() => {
    datadir = mkdtempSync(join(tmpdir(), 'mosaic-e2e-persist-'))
  })

  after(async () => {
    for (const n of nodes) await n.kill9()
    rmSync(datadir, { recursive: true, force: true })
  })

  async function start(): Promise<DevNode> {
    const node = await startDevNode({ datadir })
    nodes.push(node)
    return node
  }

  async function send(url: string, sender: Wallet, i: number): Promise<string> {
    const nonce = nonces.get(sender.address)!
    const raw = await sender.signTransaction({
      type: 2,
      chainId: DEV_CHAIN_ID,
      nonce,
      to: RECIPIENTS[i % RECIPIENTS.length],
      value: 1_000_000_000_000n + BigInt(i),
      gasLimit: 21_000n,
      maxFeePerGas: MAX_FEE,
      maxPriorityFeePerGas: TIP,
    })
    const hash = await rpc<string>(url, 'eth_sendRawTransaction', [raw])
    nonces.set(sender.address, nonce + 1)
    return hash
  }

  async function loadNonces(url: string): Promise<void> {
    for (const s of SENDERS) {
      nonces.set(s.address, Number(await rpc<string>(url, 'eth_getTransactionCount', [s.address, 'pending'])))
    }
  }

  test('kill -9 during a stream of transactions loses nothing a client saw', async () => {
    const node = await start()
    await loadNonces(node.url)

    // Phase A: 20 transfers from 5 senders, all waited for.
    const hashesA: string[] = []
    for (let i = 0; i < 20; i++) hashesA.push(await send(node.url, SENDERS[i % SENDERS.length]!, i))
    for (const h of hashesA) {
      const r = await waitForReceipt(node.url, h)
      assert.equal(r.status, '0x1')
      receipts.set(h, r)
    }
    recordedBlock = Math.max(...[...receipts.values()].map((r) => Number(r.blockNumber)))
    await waitForBlock(node.url, recordedBlock)
    recordedBlockHash = (await rpc<Block>(node.url, 'eth_getBlockByNumber', [hex(recordedBlock), false])).hash
    for (const a of [...SENDERS.map((s) => s.address), ...RECIPIENTS]) {
      recordedBalances.set(a, await rpc<string>(node.url, 'eth_getBalance', [a, hex(recordedBlock)]))
    }

    // Phase B: a stream that is still sending when the process dies.
    let streaming = true
    const hashesB: string[] = []
    const stream = (async () => {
      for (let i = 0; streaming && i < 30; i++) {
        try {
          hashesB.push(await send(node.url, SENDERS[i % SENDERS.length]!, 100 + i))
        } catch {
          // The node was killed mid-request; the stream ends.
          return
        }
        await sleep(100)
      }
    })()

    // Let some of the stream be mined, then look at the chain once more right before the kill.
    await waitForBlock(node.url, recordedBlock + 2)
    await waitFor('eight streamed transactions', () => hashesB.length >= 8)
    const firstB = await waitForReceipt(node.url, hashesB[0]!)
    receipts.set(hashesB[0]!, firstB)
    for (const h of hashesB.slice(1)) {
      const r = await rpc<RawReceipt | null>(node.url, 'eth_getTransactionReceipt', [h])
      if (r) receipts.set(h, r)
    }
    lastHeadBeforeKill = await blockNumber(node.url)
    const exit = await node.kill9()
    streaming = false
    await stream
    assert.equal(exit.signal, 'SIGKILL')
    assert.ok(hashesB.length < 30, 'the stream was still running at the kill')

    // Restart on the same directory.
    const again = await start()
    const head = await blockNumber(again.url)
    assert.ok(
      head >= lastHeadBeforeKill,
      `head ${head} after restart < ${lastHeadBeforeKill} seen before the kill`,
    )

    for (const [h, r] of receipts) {
      const now = await rpc<RawReceipt | null>(again.url, 'eth_getTransactionReceipt', [h])
      assert.deepEqual(now, r, `receipt of ${h}`)
      const block = await rpc<Block>(again.url, 'eth_getBlockByNumber', [r.blockNumber, false])
      assert.equal(block.hash, r.blockHash, `block ${Number(r.blockNumber)} of ${h}`)
    }
    const block = await rpc<Block>(again.url, 'eth_getBlockByNumber', [hex(recordedBlock), false])
    assert.equal(block.hash, recordedBlockHash)
    for (const [a, balance] of recordedBalances) {
      assert.equal(await rpc<string>(again.url, 'eth_getBalance', [a, hex(recordedBlock)]), balance, a)
    }

    // The chain goes on, and accepts transactions at the right nonces.
    await waitForBlock(again.url, head + 2)
    await loadNonces(again.url)
    for (const s of SENDERS) {
      const mined = Number(await rpc<string>(again.url, 'eth_getTransactionCount', [s.address, 'latest']))
      const seen = [...receipts.values()].filter(
        (r) => r.from.toLowerCase() === s.address.toLowerCase(),
      ).length
      assert.ok(mined >= seen, `${s.address}: nonce ${mined} < ${seen} receipts seen`)
      const r = await waitForReceipt(again.url, await send(again.url, s, 999))
      assert.equal(r.status, '0x1')
    }

    await assertLinkedChain(again.url)
  })

  test('graceful SIGTERM restart keeps the chain', async () => {
    const node = nodes[nodes.length - 1]!
    const hash = await send(node.url, SENDERS[0]!, 1000)
    const receipt = await waitForReceipt(node.url, hash)
    const headBefore = await blockNumber(node.url)
    const headBlock = await rpc<Block>(node.url, 'eth_getBlockByNumber', [hex(headBefore), false])
    const exit = await node.stop()
    assert.deepEqual(exit, { code: 0, signal: null }, `SIGTERM exit; stderr:\n${node.stderrTail()}`)

    const again = await start()
    assert.ok((await blockNumber(again.url)) >= headBefore)
    assert.deepEqual(await rpc(again.url, 'eth_getTransactionReceipt', [hash]), receipt)
    assert.equal(
      (await rpc<Block>(again.url, 'eth_getBlockByNumber', [hex(headBefore), false])).hash,
      headBlock.hash,
    )
    await waitForBlock(again.url, headBefore + 2)
    await assertLinkedChain(again.url)
    const stopped = await again.stop()
    assert.equal(stopped.code, 0)
  })
})

/** Every block 0..head exists and names the previous block's hash as its parent. */
async function assertLinkedChain(url: string): Promise<void> {
  const head = await blockNumber(url)
  let prev: Block | undefined
  for (let n = 0; n <= head; n++) {
    const b = await rpc<Block | null>(url, 'eth_getBlockByNumber', [hex(n), false])
    assert.ok(b, `block ${n} of ${head} is missing`)
    assert.equal(Number(b.number), n)
    if (prev) assert.equal(b.parentHash, prev.hash, `parent of block ${n}`)
    else assert.equal(b.parentHash, `0x${'0'.repeat(64)}`)
    prev = b
  }
}
