// Casper-FFG finality on 4 validators (real processes on loopback): `finalized` follows `latest`
// within a few blocks, continues with 1 of 4 validators stopped, stops with 2 of 4 stopped (blocks
// go on) and resumes when one returns; a node started late rebuilds finality from the certificates in
// headers. No two nodes ever report conflicting finalised blocks.
import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { hexToBytes } from '@ethereumjs/util'
import { encodeVote, signVote } from '../../consensus/index.ts'
import { devValidatorKeys } from '../../genesis/index.ts'
import { createHostilePeer } from '../helpers/hostilePeer.ts'
import { createTestNetwork, getBlock, hashAt, type TestNetwork } from '../helpers/network.ts'
import { blockNumber, rpc, sleep, target, waitFor } from '../helpers/node.ts'

const BLOCK_TIME_MS = 500

describe('finality on 4 validators', { skip: target !== 'mosaic' && 'mosaic-node only' }, () => {
  let net: TestNetwork
  const url = (i: number) => net.node(i).url
  /** Every finalised (number -> hash) any node reported. */
  const finalSeen = new Map<number, string>()

  const finalized = async (i: number) => {
    const b = (await getBlock(url(i), 'finalized'))!
    const n = Number(b.number)
    const seen = finalSeen.get(n)
    if (seen) assert.equal(b.hash, seen, `node ${i} finalised ${b.hash} at ${n}, another node ${seen}`)
    finalSeen.set(n, b.hash)
    return n
  }

  before(async () => {
    net = await createTestNetwork({ validators: 4, fullNodes: 1, blockTimeMs: BLOCK_TIME_MS })
    await Promise.all([0, 1, 2, 3].map((i) => net.start(i)))
  })

  after(async () => {
    await net?.stopAll()
  })

  test('finalized advances within a few blocks of latest on every node; safe sits between', async () => {
    // The first slots race (every node starts at once); finality starts once the schedule settles.
    await waitFor('first finalised block', async () => (await finalized(0)) > 0, { timeoutMs: 30_000 })
    for (let round = 0; round < 3; round++) {
      for (const i of [0, 1, 2, 3]) {
        const latest = await blockNumber(url(i))
        const safe = Number((await getBlock(url(i), 'safe'))!.number)
        const fin = await finalized(i)
        assert.ok(fin <= safe && safe <= latest, `node ${i}: finalized ${fin} safe ${safe} latest ${latest}`)
        // Within a few blocks: the block at `latest` is final a few block times later.
        await waitFor(
          `node ${i} finalises block ${latest - 3}`,
          async () => (await finalized(i)) >= latest - 3,
          {
            timeoutMs: BLOCK_TIME_MS * 8,
            intervalMs: 50,
          },
        )
        // The finalised block is on this node's canonical chain.
        assert.equal(await hashAt(url(i), fin), finalSeen.get(fin))
      }
      await sleep(BLOCK_TIME_MS)
    }
  })

  test('one of four validators stopped: finality continues', async () => {
    await net.node(3).stop()
    const from = await finalized(0)
    await waitFor('finality moves on with 3 of 4', async () => (await finalized(0)) >= from + 4, {
      timeoutMs: 30_000,
    })
  })

  test('two of four stopped: finality stops while blocks go on, and resumes when one returns', async () => {
    await net.node(2).stop()
    // Votes already in flight may still land: let them settle, then watch.
    await sleep(BLOCK_TIME_MS * 3)
    const stuck = await finalized(0)
    const head = await blockNumber(url(0))
    await waitFor('blocks go on with 2 of 4', async () => (await blockNumber(url(0))) >= head + 4, {
      timeoutMs: 30_000,
    })
    assert.equal(await finalized(0), stuck, 'finality moved with half of the stake')
    assert.equal(await finalized(1), stuck)
    await net.start(2)
    await waitFor('finality resumes with 3 of 4', async () => (await finalized(0)) > stuck + 2, {
      timeoutMs: 60_000,
    })
    await waitFor('the restarted validator finalises too', async () => (await finalized(2)) > stuck, {
      timeoutMs: 60_000,
    })
  })

  test('a node started late rebuilds finality from block certificates', async () => {
    await net.start(4)
    const target = await finalized(0)
    await waitFor('full node finalises what the validators did', async () => (await finalized(4)) >= target, {
      timeoutMs: 60_000,
    })
  })

  test('a vote by its key from another node makes a validator stop signing (doppelganger)', async () => {
    const hostile = await createHostilePeer(net.devnet.chainId)
    try {
      await hostile.connect(net.devnet.nodes[0]!.multiaddr)
      await waitFor('node 0 subscribed to votes', () =>
        hostile.node.services.pubsub
          .getSubscribers(hostile.topics.votes)
          .some((p) => p.toString() === net.devnet.nodes[0]!.peerId),
      )
      const fin = (await getBlock(url(0), 'finalized'))!
      const head = BigInt(await blockNumber(url(0)))
      const key = hexToBytes(devValidatorKeys(4)[0]!.privateKey)
      const vote = signVote(
        {
          kernelHeight: 1n,
          source: { number: BigInt(fin.number), hash: fin.hash as `0x${string}` },
          target: { number: head + 100n, hash: `0x${'ab'.repeat(32)}` },
        },
        net.devnet.chainId,
        key,
      )
      await hostile.publish(hostile.topics.votes, encodeVote(vote))
      await waitFor('node 0 stops voting', async () => {
        const s = await rpc<{ validator: { voting: boolean; reason?: string } }>(url(0), 'mosaic_status', [])
        return s.validator.voting === false && /another node signs/.test(s.validator.reason ?? '')
      })
      const s1 = await rpc<{ validator: { voting: boolean } }>(url(1), 'mosaic_status', [])
      assert.equal(s1.validator.voting, true)
    } finally {
      await hostile.stop()
    }
  })
})
