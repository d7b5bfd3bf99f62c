// Four validators and a late full node on loopback: blocks in turn with the same head everywhere,
// a transaction sent to one node mined and visible on another, a killed validator's slots filled
// out of turn and its catch-up after a restart, a full node syncing 200 blocks and then following.
import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import { after, before, describe, test } from 'node:test'
import { hexToBytes } from '@ethereumjs/util'
import { JsonRpcProvider, Wallet } from 'ethers'
import { decodePayload, fallbackDelayMs, proposerRanking } from '../../consensus/index.ts'
import { createTestNetwork, getBlock, hashAt, type RpcBlock, type TestNetwork } from '../helpers/network.ts'
import {
  blockNumber,
  DEV_ADDRESSES,
  DEV_KEYS,
  rpc,
  target,
  waitFor,
  waitForReceipt,
} from '../helpers/node.ts'

const BLOCK_TIME_MS = 250
const VALIDATORS = 4

/** Slot of a block from its extraData (vanity 32 | payload | seal 65). */
function slotOf(b: RpcBlock): bigint {
  const extra = hexToBytes(b.extraData as `0x${string}`)
  return decodePayload(extra.subarray(32, extra.length - 65)).slot
}

describe('network of 4 validators', { skip: target !== 'mosaic' && 'mosaic-node only' }, () => {
  let net: TestNetwork
  let validators: { address: string; stake: bigint }[]
  const url = (i: number) => net.node(i).url

  /** Rank of the block's proposer for its slot. */
  const rankOf = (b: RpcBlock) => proposerRanking(validators, slotOf(b)).indexOf(b.miner.toLowerCase())

  before(async () => {
    net = await createTestNetwork({ validators: VALIDATORS, fullNodes: 1, blockTimeMs: BLOCK_TIME_MS })
    // The schedule as every node computes it, from the genesis file.
    const genesis = JSON.parse(readFileSync(net.devnet.genesisFile, 'utf8')) as {
      mosaic: { validators: { address: string; stake: string }[] }
    }
    validators = genesis.mosaic.validators.map((v) => ({ address: v.address, stake: BigInt(v.stake) }))
    await Promise.all([0, 1, 2, 3].map((i) => net.start(i)))
  })

  after(async () => {
    await net?.stopAll()
  })

  /** Waits until every running node has the same canonical hash at `n`. */
  const agreeAt = (n: number, nodes: number[]) =>
    waitFor(`nodes ${nodes.join(',')} agree on block ${n}`, async () => {
      const hashes = await Promise.all(nodes.map((i) => hashAt(url(i), n)))
      return hashes[0] !== undefined && hashes.every((h) => h === hashes[0]) ? hashes[0] : undefined
    })

  test('validators produce blocks in turn; every node has the same head', async () => {
    // Every validator proposes (each gets in-turn slots) and the chain is the same everywhere.
    const miners = new Set<string>()
    let checked = 0
    await waitFor(
      'blocks by all 4 validators',
      async () => {
        const head = await blockNumber(url(0))
        for (; checked < head; checked++) {
          const b = (await getBlock(url(0), checked + 1))!
          const rank = rankOf(b)
          // In turn, or the fallback of a slot whose in-turn proposer was late.
          assert.ok(
            rank >= 0 &&
              rank * fallbackDelayMs({ genesisTime: 0n, blockTimeMs: BLOCK_TIME_MS }) < BLOCK_TIME_MS,
            `block ${checked + 1} by rank ${rank}`,
          )
          miners.add(b.miner.toLowerCase())
        }
        return miners.size === VALIDATORS
      },
      { timeoutMs: 90_000 },
    )
    const n = await blockNumber(url(0))
    await agreeAt(n, [0, 1, 2, 3])
    // Blocks keep the slot order and the proposer is the miner.
    const b = (await getBlock(url(3), n))!
    const parent = (await getBlock(url(3), n - 1))!
    assert.ok(slotOf(b) > slotOf(parent))
    assert.equal(Number(await rpc<string>(url(0), 'net_peerCount')) >= 3, true)
  })

  test('a transaction sent to node 1 is mined; its receipt is visible on node 4', async () => {
    const provider = new JsonRpcProvider(url(0), undefined, { staticNetwork: true })
    const wallet = new Wallet(DEV_KEYS[0], provider)
    const tx = await wallet.sendTransaction({ to: DEV_ADDRESSES[5], value: 12345n })
    const receipt = await waitForReceipt(url(3), tx.hash, 60_000)
    assert.equal(receipt.status, '0x1')
    const n = Number(receipt.blockNumber)
    assert.equal(await agreeAt(n, [0, 1, 2, 3]), receipt.blockHash)
    const balance = await rpc<string>(url(2), 'eth_getBalance', [DEV_ADDRESSES[5], receipt.blockNumber])
    assert.equal(BigInt(balance), 10_000n * 10n ** 18n + 12345n)
    provider.destroy()
  })

  test('a killed validator: its slots are filled out of turn; restarted, it catches up', async () => {
    const victim = 2
    const address = net.devnet.nodes[victim]!.address.toLowerCase()
    await net.node(victim).kill9()
    const from = await blockNumber(url(0))
    // The chain goes on, with some slot of the dead validator taken by its fallback.
    let seen = from
    await waitFor(
      'a fallback block for the dead validator',
      async () => {
        const head = await blockNumber(url(0))
        for (; seen < head; seen++) {
          const b = (await getBlock(url(0), seen + 1))!
          if (seen + 1 > from + 1) assert.notEqual(b.miner.toLowerCase(), address)
          if (proposerRanking(validators, slotOf(b))[0] === address && rankOf(b) === 1) return true
        }
        return false
      },
      { timeoutMs: 60_000 },
    )
    await agreeAt(seen, [0, 1, 3])
    await net.start(victim)
    const target = (await blockNumber(url(0))) + 4
    await waitFor('restarted validator catches up', async () => (await blockNumber(url(victim))) >= target, {
      timeoutMs: 60_000,
    })
    await agreeAt(target, [0, 1, 2, 3])
  })

  test('a full node started after 200 blocks syncs them all and then follows the head', async () => {
    await waitFor('block 200', async () => (await blockNumber(url(0))) >= 200, { timeoutMs: 120_000 })
    const full = await net.start(VALIDATORS)
    const behind = await blockNumber(url(0))
    await waitFor('full node synced', async () => (await blockNumber(full.url)) >= behind, {
      timeoutMs: 90_000,
    })
    await agreeAt(behind, [0, VALIDATORS])
    assert.match(full.stderrTail(), /sync (done|progress)|sync started/)
    await waitFor(
      'eth_syncing false once caught up',
      async () => (await rpc(full.url, 'eth_syncing')) === false,
    )
    // Then it follows gossip.
    const later = (await blockNumber(url(0))) + 4
    await waitFor('full node follows', async () => (await blockNumber(full.url)) >= later, {
      timeoutMs: 60_000,
    })
    await agreeAt(later, [0, 1, VALIDATORS])
    // A full node serves RPC like any other: the genesis accounts are there.
    assert.equal(
      BigInt(await rpc<string>(full.url, 'eth_getBalance', [DEV_ADDRESSES[9], 'latest'])),
      10_000n * 10n ** 18n,
    )
  })
})
