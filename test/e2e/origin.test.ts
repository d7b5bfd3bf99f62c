// The origin chain for real (Hardhat's node from npm, the contracts, real node processes): finalised
// aux checkpoints are committed to Core with the aux chain's own hashes and state roots; validator keys
// made to sign a double vote and a surround vote are reported by the nodes and slashed on the origin,
// and leave the origin's validator set at the next kernel; an origin that goes away for a while costs
// the aux chain nothing, and the backlog is committed when it returns.
import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { bytesToHex, hexToBytes } from '@ethereumjs/util'
import { pino } from 'pino'
import { createPublicClient, encodeFunctionData, http, parseAbi } from 'viem'
import {
  encodeVote,
  type HardhatOrigin,
  OriginClient,
  signVote,
  stakeAbi,
  startHardhatOrigin,
  type Vote,
} from '../../consensus/index.ts'
import { devValidatorKeys, ORIGIN_ROOTS_ADDRESS } from '../../genesis/index.ts'
import { createHostilePeer, type HostilePeer } from '../helpers/hostilePeer.ts'
import { createTestNetwork, getBlock, type TestNetwork } from '../helpers/network.ts'
import { blockNumber, type DevNode, rpc, startDevNode, target, waitFor } from '../helpers/node.ts'
import { type PausableProxy, pausableProxy } from '../helpers/tcpProxy.ts'

const BLOCK_TIME_MS = 500
const quiet = pino({ level: 'silent' })
/** OriginRoots' interface, as any aux contract reads it (DESIGN.md §8). */
const originRootsRead = parseAbi([
  'function latestBlockNumber() view returns (uint256)',
  'function stateRoot(uint256 originBlockNumber) view returns (bytes32)',
])

describe('origin chain: commits and slashing', { skip: target !== 'mosaic' && 'mosaic-node only' }, () => {
  let net: TestNetwork
  let client: OriginClient
  let hostile: HostilePeer
  const url = (i: number) => net.node(i).url
  // Six validators staked; four run. Keys 5 and 6 (offline) are the ones a harness misuses.
  const keys = devValidatorKeys(6)

  before(async () => {
    net = await createTestNetwork({ validators: 6, blockTimeMs: BLOCK_TIME_MS, origin: true })
    await Promise.all([0, 1, 2, 3].map((i) => net.start(i)))
    const { stake, core } = net.origin!.deployment
    client = new OriginClient({ rpcUrl: net.origin!.url, stake, core }, { logger: quiet })
  })

  after(async () => {
    await hostile?.stop()
    await net?.stopAll()
  })

  test('finalised checkpoints reach Core with the aux chain hashes and state roots', async () => {
    await waitFor('three commits on the origin', async () => (await client.commits(0n)).length >= 3, {
      timeoutMs: 60_000,
    })
    const commits = await client.commits(0n)
    let last = 0n
    for (const c of commits) {
      assert.ok(c.auxBlockNumber > last, 'commits move forward')
      last = c.auxBlockNumber
      const b = (await rpc<{ hash: string; stateRoot: string } | null>(url(1), 'eth_getBlockByNumber', [
        `0x${c.auxBlockNumber.toString(16)}`,
        false,
      ]))!
      assert.equal(c.auxBlockHash, b.hash, `hash of committed aux block ${c.auxBlockNumber}`)
      assert.equal(c.auxStateRoot, b.stateRoot, `state root of committed aux block ${c.auxBlockNumber}`)
      // Only final blocks are committed.
      const fin = Number((await getBlock(url(1), 'finalized'))!.number)
      assert.ok(Number(c.auxBlockNumber) <= fin)
    }
    const status = await rpc<{ origin: { lastCommitted: { auxBlockNumber: string } | null } }>(
      url(0),
      'mosaic_status',
      [],
    )
    assert.ok(status.origin.lastCommitted, 'mosaic_status shows the last commit')
  })

  test('finalised origin state roots are readable by aux contracts (OriginRoots), the same on every node', async () => {
    const call = async (i: number, data: `0x${string}`, block = 'latest') =>
      rpc<`0x${string}`>(url(i), 'eth_call', [{ to: ORIGIN_ROOTS_ADDRESS, data }, block])
    const latestOf = async (i: number, block = 'latest') =>
      BigInt(
        await call(i, encodeFunctionData({ abi: originRootsRead, functionName: 'latestBlockNumber' }), block),
      )
    await waitFor('an origin root on the aux chain', async () => (await latestOf(0)) > 0n, {
      timeoutMs: 60_000,
    })
    // Read every node at one finalised aux block: they must agree.
    const at = (await getBlock(url(0), 'finalized'))!.number
    const n = await latestOf(0, at)
    assert.ok(n > 0n, `a root is written by finalised block ${at}`)
    const origin = createPublicClient({ transport: http(net.origin!.url) })
    const expected = (await origin.getBlock({ blockNumber: n })).stateRoot
    for (const i of [0, 1, 2, 3]) {
      assert.equal(await latestOf(i, at), n, `node ${i}: latest origin block`)
      const got = await call(
        i,
        encodeFunctionData({ abi: originRootsRead, functionName: 'stateRoot', args: [n] }),
        at,
      )
      assert.equal(got, expected, `node ${i}: the origin's own state root of block ${n}`)
    }
    // Never an origin block the origin does not consider final yet.
    const final = await origin.getBlock({ blockTag: 'finalized' })
    assert.ok(n <= final.number)
  })

  test('a double vote and a surround vote are reported, slashed on the origin, and leave the next kernel', async () => {
    hostile = await createHostilePeer(net.devnet.chainId)
    await hostile.connect(net.devnet.nodes[0]!.multiaddr)
    await waitFor('node 0 subscribed to votes', () =>
      hostile.node.services.pubsub
        .getSubscribers(hostile.topics.votes)
        .some((p) => p.toString() === net.devnet.nodes[0]!.peerId),
    )
    const heightBefore = await client.kernelHeight()
    const head = BigInt(await blockNumber(url(0)))
    const cp = (n: bigint, tag: number) => ({
      number: n,
      hash: bytesToHex(
        Uint8Array.from({ length: 32 }, (_, i) => (i === 0 ? tag : Number(n % 251n))),
      ) as `0x${string}`,
    })
    const v = (s: bigint, t: bigint, tag: number): Vote => ({
      kernelHeight: 1n,
      source: cp(s, 1),
      target: cp(t, tag),
    })
    const [k5, k6] = [hexToBytes(keys[4]!.privateKey), hexToBytes(keys[5]!.privateKey)]
    const offences = [
      // Double: same target height, two targets.
      signVote(v(head, head + 10n, 2), net.devnet.chainId, k5),
      signVote(v(head, head + 10n, 3), net.devnet.chainId, k5),
      // Surround: (head -> head + 20) around (head + 1 -> head + 15).
      signVote(v(head, head + 20n, 4), net.devnet.chainId, k6),
      signVote(v(head + 1n, head + 15n, 5), net.devnet.chainId, k6),
    ]
    for (const vote of offences) await hostile.publish(hostile.topics.votes, encodeVote(vote))
    for (const k of [keys[4]!, keys[5]!]) {
      await waitFor(`stake of ${k.address} slashed`, async () => (await stakeOf(k.address)) === 0n, {
        timeoutMs: 30_000,
      })
    }
    // The next commits open kernels without them (one slash may land a kernel before the other).
    const slashed = [keys[4]!, keys[5]!].map((k) => k.address.toLowerCase())
    const latestMembers = async () =>
      (await client.kernel(await client.kernelHeight()))!.validators.map((x) => x.address)
    await waitFor(
      'a kernel on the origin without the slashed validators',
      async () =>
        (await client.kernelHeight()) > heightBefore &&
        !(await latestMembers()).some((m) => slashed.includes(m)),
      { timeoutMs: 30_000 },
    )
    assert.equal((await latestMembers()).length, 4)
  })

  function stakeOf(address: string): Promise<bigint> {
    return createPublicClient({ transport: http(net.origin!.url) }).readContract({
      address: net.origin!.deployment.stake as `0x${string}`,
      abi: stakeAbi,
      functionName: 'stakeOf',
      args: [address as `0x${string}`],
    })
  }
})

describe('origin unreachable for a while', { skip: target !== 'mosaic' && 'mosaic-node only' }, () => {
  let origin: HardhatOrigin
  let proxy: PausableProxy
  let node: DevNode
  const lastCommitted = async () => {
    const s = await rpc<{ origin: { lastCommitted: { auxBlockNumber: string } | null } }>(
      node.url,
      'mosaic_status',
      [],
    )
    return Number(s.origin.lastCommitted?.auxBlockNumber ?? 0)
  }
  const finalized = async () => Number((await getBlock(node.url, 'finalized'))!.number)

  before(async () => {
    origin = await startHardhatOrigin({ logger: quiet })
    proxy = await pausableProxy(origin.url)
    node = await startDevNode({ origin: true, args: ['--origin.rpc', proxy.url, '--dev.blockTime', '0.5'] })
  })

  after(async () => {
    await node?.stop()
    await proxy?.close()
    await origin?.stop()
  })

  test('the aux chain keeps producing and finalising, then commits the backlog', async () => {
    await waitFor('first commit', async () => (await lastCommitted()) > 0, { timeoutMs: 30_000 })
    proxy.cut()
    const cutAt = await finalized()
    await waitFor('finality goes on without the origin', async () => (await finalized()) >= cutAt + 6, {
      timeoutMs: 30_000,
    })
    const s = await rpc<{ origin: { reachable: boolean } }>(node.url, 'mosaic_status', [])
    assert.equal(s.origin.reachable, false)
    const backlog = await finalized()
    proxy.restore()
    await waitFor('backlog committed', async () => (await lastCommitted()) >= backlog, { timeoutMs: 60_000 })
  })
})
