// The origin contracts on a real Hardhat node (started by consensus' own launcher), driven through the
// node's OriginClient: deployment, stake rules, meta-block commits with real EIP-712 vote signatures
// over a real aux header, kernels, slashing, logout and withdrawal.
import assert from 'node:assert/strict'
import { randomBytes } from 'node:crypto'
import { once } from 'node:events'
import { createServer, type Server } from 'node:http'
import { after, before, describe, it } from 'node:test'
import { createBlockHeader } from '@ethereumjs/block'
import { Common, Hardfork, Mainnet } from '@ethereumjs/common'
import { pino } from 'pino'
import {
  createPublicClient,
  createTestClient,
  type Hex,
  hexToBytes,
  http,
  keccak256,
  type PublicClient,
  parseEther,
  parseEventLogs,
  type TransactionReceipt,
  toHex,
} from 'viem'
import { type HDAccount, mnemonicToAccount } from 'viem/accounts'
import {
  coreAbi,
  deployOrigin,
  type HardhatOrigin,
  OriginClient,
  type OriginDeployment,
  OriginError,
  type OriginVote,
  signVote,
  stakeAbi,
  stakeTokenAbi,
  startDevOrigin,
  startHardhatOrigin,
  VOTE_TYPES,
  voteDomain,
} from '../../consensus/index.ts'

const MNEMONIC = 'test test test test test test test test test test test junk'
const AUX_CHAIN_ID = 1515n
const EPOCH = 1n
const UNBONDING = 10n
const UNIT = parseEther('1000')
const MIN_STAKE = parseEther('100')
const logger = pino({ level: 'silent' })

const accounts = Array.from({ length: 10 }, (_, i) => mnemonicToAccount(MNEMONIC, { addressIndex: i }))
const keyOf = (a: HDAccount): Uint8Array => {
  const key = a.getHdKey().privateKey
  if (!key) throw new Error('no key')
  return key
}
const deployer = accounts[0]!
const reporter = accounts[5]!
const newcomer = accounts[6]!
/** The first kernel: accounts 1-4, ascending by address. */
const validators = accounts
  .slice(1, 5)
  .sort((a, b) => (a.address.toLowerCase() < b.address.toLowerCase() ? -1 : 1))
const [v0, v1, v2, v3] = validators as [HDAccount, HDAccount, HDAccount, HDAccount]

const common = new Common({ chain: Mainnet, hardfork: Hardfork.Prague })

/** A real aux block header (Prague fields) with the given number and a random state root. */
function auxHeader(number: bigint): { rlp: Hex; hash: Hex; stateRoot: Hex } {
  const stateRoot = toHex(randomBytes(32))
  const header = createBlockHeader(
    {
      number,
      stateRoot,
      parentHash: toHex(randomBytes(32)),
      gasLimit: 100_000_000n,
      timestamp: 1_700_000_000n,
    },
    { common, skipConsensusFormatValidation: true },
  )
  const rlp = toHex(header.serialize())
  assert.equal(keccak256(rlp), toHex(header.hash()))
  return { rlp, hash: toHex(header.hash()), stateRoot }
}

function signTyped(signer: HDAccount, vote: OriginVote): Promise<Hex> {
  return signer.signTypedData({
    domain: voteDomain(AUX_CHAIN_ID),
    types: VOTE_TYPES,
    primaryType: 'Vote',
    message: vote,
  })
}

const byAddress = (a: HDAccount, b: HDAccount): number =>
  a.address.toLowerCase() < b.address.toLowerCase() ? -1 : 1

/** Rejects with an OriginError REVERTED naming `errorName`; returns the error's arguments. */
async function revertsWith(p: Promise<unknown>, errorName: string): Promise<readonly unknown[]> {
  try {
    await p
  } catch (e) {
    assert.ok(e instanceof OriginError, `not an OriginError: ${String(e)}`)
    assert.equal(e.code, 'REVERTED', e.message)
    assert.equal(e.revert?.errorName, errorName, e.message)
    assert.ok(e.message.includes(errorName), e.message)
    assert.ok(!e.message.includes('\n'), 'one line')
    return e.revert.args
  }
  assert.fail(`expected a revert with ${errorName}`)
}

/**
 * A JSON-RPC proxy to `target` that can drop connections: `drop(n, method?)` makes the next n requests
 * (of `method` only, when given) reach nothing or, for `forwardDropped`, reach the origin but lose
 * their answer, as a network failure does.
 */
async function flakyProxy(target: string): Promise<{
  url: string
  drop(n: number, opts?: { method?: string; forwardDropped?: boolean }): void
  close(): Promise<void>
}> {
  let dropping = 0
  let only: string | undefined
  let forward = false
  const server: Server = createServer(async (req, res) => {
    const chunks: Buffer[] = []
    for await (const c of req) chunks.push(c as Buffer)
    const body = Buffer.concat(chunks).toString()
    const matches = only === undefined || body.includes(`"${only}"`)
    const upstream = (): Promise<Response> =>
      fetch(target, { method: 'POST', headers: { 'content-type': 'application/json' }, body })
    if (dropping > 0 && matches) {
      dropping--
      if (forward) await upstream()
      req.socket.destroy()
      return
    }
    const answer = await upstream()
    res.writeHead(answer.status, { 'content-type': 'application/json' })
    res.end(await answer.text())
  })
  server.listen(0, '127.0.0.1')
  await once(server, 'listening')
  const address = server.address()
  if (address === null || typeof address === 'string') throw new Error('no port')
  return {
    url: `http://127.0.0.1:${address.port}`,
    drop(n, opts = {}) {
      dropping = n
      only = opts.method
      forward = opts.forwardDropped ?? false
    },
    close: async () => {
      server.closeAllConnections()
      server.close()
      await once(server, 'close')
    },
  }
}

describe('origin contracts on a Hardhat node', { timeout: 120_000 }, () => {
  let origin: HardhatOrigin
  let publicClient: PublicClient
  let deployment: OriginDeployment
  /** Sends as the deployer. */
  let client: OriginClient
  const clientFor = (a: HDAccount, d = deployment): OriginClient =>
    new OriginClient({ rpcUrl: origin.url, core: d.core, stake: d.stake, key: keyOf(a) }, { logger })
  let nextSource = 10n

  /** Signs source -> source + EPOCH with `signers` (sorted unless `keepOrder`) and commits it. */
  async function commit(
    signers: HDAccount[],
    opts: {
      kernelHeight?: bigint
      source?: bigint
      targetNumber?: bigint
      keepOrder?: boolean
      via?: OriginClient
    } = {},
  ) {
    const source = opts.source ?? nextSource
    const header = auxHeader(source)
    const kernelHeight = opts.kernelHeight ?? (await client.kernelHeight())
    const targetNumber = opts.targetNumber ?? source + EPOCH
    const targetHash = toHex(randomBytes(32))
    const vote: OriginVote = {
      kernelHeight,
      sourceHash: header.hash,
      sourceNumber: source,
      targetHash,
      targetNumber,
    }
    const ordered = opts.keepOrder ? signers : [...signers].sort(byAddress)
    const signatures = await Promise.all(ordered.map((s) => signTyped(s, vote)))
    const result = await (opts.via ?? client).commitMetaBlock({
      kernelHeight,
      sourceHeaderRlp: header.rlp,
      targetHash,
      targetNumber,
      signatures,
    })
    if (!result.alreadyCommitted && opts.via === undefined) nextSource = source + 5n
    return { header, result }
  }

  function events(receipt: TransactionReceipt) {
    return parseEventLogs({ abi: [...coreAbi, ...stakeAbi], logs: receipt.logs })
  }

  async function tokenBalance(address: Hex): Promise<bigint> {
    return publicClient.readContract({
      address: deployment.token as Hex,
      abi: stakeTokenAbi,
      functionName: 'balanceOf',
      args: [address],
    })
  }

  before(async () => {
    origin = await startHardhatOrigin({ logger })
    publicClient = createPublicClient({ transport: http(origin.url) })
    deployment = await deployOrigin({
      rpcUrl: origin.url,
      deployerKey: toHex(keyOf(deployer)),
      auxChainId: AUX_CHAIN_ID,
      epochLength: EPOCH,
      minStake: MIN_STAKE,
      unbondingBlocks: UNBONDING,
      validators: validators.map((v) => ({ address: v.address, stake: UNIT })),
    })
    client = clientFor(deployer)
  })

  after(async () => {
    await origin?.stop()
  })

  it('deploys token, Stake and Core and opens kernel 1 with the validators, ascending', async () => {
    assert.equal(origin.chainId, 31337)
    assert.equal(await client.chainId(), 31337)
    for (const a of [deployment.token, deployment.stake, deployment.core]) assert.match(a, /^0x[0-9a-f]{40}$/)
    assert.ok(deployment.deployBlock > 0n)
    assert.equal(await client.kernelHeight(), 1n)
    const kernel = await client.kernel(1n)
    assert.deepEqual(
      kernel?.validators,
      validators.map((v) => ({ address: v.address.toLowerCase(), stake: UNIT })),
    )
    assert.equal(kernel?.totalStake, 4n * UNIT)
    assert.equal(await client.kernel(2n), undefined)
    assert.equal(await tokenBalance(deployment.stake as Hex), 4n * UNIT)
    const [auxChainId, epochLength] = await Promise.all([
      publicClient.readContract({
        address: deployment.core as Hex,
        abi: coreAbi,
        functionName: 'auxChainId',
      }),
      publicClient.readContract({
        address: deployment.core as Hex,
        abi: coreAbi,
        functionName: 'epochLength',
      }),
    ])
    assert.deepEqual([auxChainId, epochLength], [AUX_CHAIN_ID, EPOCH])
  })

  it('rejects a deposit that leaves the validator below the minimum stake', async () => {
    const args = await revertsWith(client.deposit(newcomer.address, MIN_STAKE - 1n), 'BelowMinimumStake')
    assert.deepEqual(args, [MIN_STAKE - 1n, MIN_STAKE])
    await revertsWith(client.deposit('0x0000000000000000000000000000000000000000', MIN_STAKE), 'ZeroAddress')
    await revertsWith(client.deposit(newcomer.address, 0n), 'ZeroAmount')
  })

  it('commits with 3 of 4 equal stakes and records the parsed aux header', async () => {
    const { header, result } = await commit([v0, v1, v3])
    assert.equal(result.alreadyCommitted, false)
    if (result.alreadyCommitted) return
    const logs = events(result.receipt)
    const committed = logs.find((l) => l.eventName === 'MetaBlockCommitted')
    assert.deepEqual(committed?.args, {
      kernelHeight: 1n,
      auxBlockNumber: 10n,
      auxBlockHash: header.hash,
      auxStateRoot: header.stateRoot,
    })
    assert.equal(
      logs.some((l) => l.eventName === 'KernelOpened'),
      false,
      'no validator change, no new kernel',
    )
    assert.deepEqual(await client.latestCommit(), {
      kernelHeight: 1n,
      auxBlockNumber: 10n,
      auxBlockHash: header.hash,
      auxStateRoot: header.stateRoot,
    })
    const root = await publicClient.readContract({
      address: deployment.core as Hex,
      abi: coreAbi,
      functionName: 'auxStateRoot',
      args: [10n],
    })
    assert.equal(root, header.stateRoot)
    assert.equal(await client.kernelHeight(), 1n)
  })

  it("commits the finality code's own votes: signVote signatures in ascending signer order, raw header bytes", async () => {
    const source = nextSource
    const header = auxHeader(source)
    const vote = {
      kernelHeight: 1n,
      source: { hash: header.hash, number: source },
      target: { hash: toHex(randomBytes(32)), number: source + EPOCH },
    }
    const signatures = [v0, v2, v3].map((v) => signVote(vote, AUX_CHAIN_ID, keyOf(v)).signature)
    const result = await client.commitMetaBlock({
      kernelHeight: 1n,
      sourceHeaderRlp: hexToBytes(header.rlp),
      targetHash: vote.target.hash,
      targetNumber: vote.target.number,
      signatures,
    })
    assert.ok(!result.alreadyCommitted)
    assert.equal((await client.latestCommit()).auxBlockHash, header.hash)
    nextSource = source + 5n
  })

  it('a re-commit of a committed source reverts AlreadyCommitted, which the client maps', async () => {
    const last = (await client.latestCommit()).auxBlockNumber
    assert.ok(last > 10n)
    const result = await commit([v0, v1, v2, v3], { source: last })
    assert.deepEqual(result.result, { alreadyCommitted: true, lastCommitted: last })
    const older = await commit([v0, v1, v2, v3], { source: 10n })
    assert.deepEqual(older.result, { alreadyCommitted: true, lastCommitted: last })
  })

  it('reverts NoSupermajority with 2 of 4', async () => {
    const args = await revertsWith(commit([v0, v2]), 'NoSupermajority')
    assert.deepEqual(args, [2n * UNIT, 4n * UNIT])
  })

  it('reverts on duplicate or unsorted signers and on signers outside the kernel', async () => {
    await revertsWith(commit([v0, v1, v1, v2], { keepOrder: true }), 'SignersNotAscending')
    await revertsWith(commit([v2, v1, v0], { keepOrder: true }), 'SignersNotAscending')
    const outsider = accounts[9]!
    const args = await revertsWith(commit([v0, v1, v2, outsider]), 'NotInKernel')
    assert.equal((args[0] as string).toLowerCase(), outsider.address.toLowerCase())
  })

  it('reverts when the target is not the direct child checkpoint of the source', async () => {
    const args = await revertsWith(commit([v0, v1, v2], { targetNumber: nextSource + 2n }), 'NotDirectChild')
    assert.deepEqual(args, [nextSource, nextSource + 2n, EPOCH])
  })

  it('reverts for an unknown kernel height', async () => {
    await revertsWith(commit([v0, v1, v2], { kernelHeight: 2n }), 'UnknownKernel')
  })

  it('slashes a double vote: reporter gets half, the rest is burned, the validator leaves at the next kernel', async () => {
    const base = {
      kernelHeight: 1n,
      sourceHash: toHex(randomBytes(32)),
      sourceNumber: 20n,
      targetNumber: 21n,
    }
    const a: OriginVote = { ...base, targetHash: toHex(randomBytes(32)) }
    const b: OriginVote = { ...base, targetHash: toHex(randomBytes(32)) }
    const supplyBefore = await publicClient.readContract({
      address: deployment.token as Hex,
      abi: stakeTokenAbi,
      functionName: 'totalSupply',
    })
    const reporterBefore = await tokenBalance(reporter.address)
    const { receipt } = await clientFor(reporter).slash(a, await signTyped(v3, a), b, await signTyped(v3, b))
    const slashed = events(receipt).find((l) => l.eventName === 'Slashed')
    assert.deepEqual(slashed?.args, {
      validator: v3.address,
      reporter: reporter.address,
      amount: UNIT,
      offence: 1,
    })
    assert.equal(await tokenBalance(reporter.address), reporterBefore + UNIT / 2n)
    const supplyAfter = await publicClient.readContract({
      address: deployment.token as Hex,
      abi: stakeTokenAbi,
      functionName: 'totalSupply',
    })
    assert.equal(supplyAfter, supplyBefore - UNIT / 2n)
    const stakeOf = await publicClient.readContract({
      address: deployment.stake as Hex,
      abi: stakeAbi,
      functionName: 'stakeOf',
      args: [v3.address],
    })
    assert.equal(stakeOf, 0n)
    await revertsWith(
      clientFor(reporter).slash(a, await signTyped(v3, a), b, await signTyped(v3, b)),
      'AlreadySlashed',
    )

    // Kernel 1 still counts v3 until the next commit opens kernel 2 without it.
    const { result } = await commit([v0, v1, v2])
    assert.ok(!result.alreadyCommitted)
    const opened = events(result.receipt).find((l) => l.eventName === 'KernelOpened')
    assert.deepEqual(opened?.args, {
      height: 2n,
      validators: [v0.address, v1.address, v2.address],
      stakes: [UNIT, UNIT, UNIT],
    })
    assert.equal(await client.kernelHeight(), 2n)
  })

  it('slashes a surround vote and rejects votes that are no offence', async () => {
    const vote = (sourceNumber: bigint, targetNumber: bigint): OriginVote => ({
      kernelHeight: 2n,
      sourceHash: toHex(randomBytes(32)),
      sourceNumber,
      targetHash: toHex(randomBytes(32)),
      targetNumber,
    })
    // Consecutive votes, and the same vote twice, are what honest validators sign.
    const first = vote(30n, 31n)
    const second = vote(31n, 32n)
    await revertsWith(
      clientFor(reporter).slash(first, await signTyped(v2, first), second, await signTyped(v2, second)),
      'NotAnOffence',
    )
    await revertsWith(
      clientFor(reporter).slash(first, await signTyped(v2, first), first, await signTyped(v2, first)),
      'NotAnOffence',
    )
    // Two different signers are no evidence against either.
    const outer = vote(30n, 40n)
    const inner = vote(32n, 35n)
    await revertsWith(
      clientFor(reporter).slash(outer, await signTyped(v2, outer), inner, await signTyped(v1, inner)),
      'DifferentSigners',
    )

    const { receipt } = await clientFor(reporter).slash(
      inner,
      await signTyped(v2, inner),
      outer,
      await signTyped(v2, outer),
    )
    assert.deepEqual(events(receipt).find((l) => l.eventName === 'Slashed')?.args, {
      validator: v2.address,
      reporter: reporter.address,
      amount: UNIT,
      offence: 2,
    })
    const { result } = await commit([v0, v1, v2])
    assert.ok(!result.alreadyCommitted)
    const opened = events(result.receipt).find((l) => l.eventName === 'KernelOpened')
    assert.deepEqual(opened?.args.validators, [v0.address, v1.address])
    assert.deepEqual((await client.kernel(3n))?.validators.length, 2)
  })

  it('a new validator joins at the kernel opened by the next commit', async () => {
    const { receipt } = await client.deposit(newcomer.address, 2n * UNIT)
    const deposited = events(receipt).find((l) => l.eventName === 'Deposited')
    assert.deepEqual(deposited?.args, {
      validator: newcomer.address,
      from: deployer.address,
      amount: 2n * UNIT,
      total: 2n * UNIT,
    })
    assert.equal(await client.kernel(4n), undefined, 'not before the next commit')
    await commit([v0, v1])
    const kernel = await client.kernel(4n)
    assert.deepEqual(
      kernel?.validators,
      [v0, v1, newcomer].sort(byAddress).map((v) => ({
        address: v.address.toLowerCase(),
        stake: v === newcomer ? 2n * UNIT : UNIT,
      })),
    )
    // Kernel 4 weighs the newcomer double: v0 and v1 alone are 2 of 4 units.
    await revertsWith(commit([v0, v1]), 'NoSupermajority')
    await commit([v0, newcomer])
  })

  it('a validator that logs out leaves at the next kernel and withdraws only after the unbonding delay', async () => {
    const leaver = clientFor(v1)
    await leaver.logout()
    await revertsWith(leaver.logout(), 'AlreadyLeaving')
    await revertsWith(leaver.withdraw(), 'StillActive')
    const { result } = await commit([v0, v1, newcomer])
    assert.ok(!result.alreadyCommitted)
    const opened = events(result.receipt).find((l) => l.eventName === 'KernelOpened')
    assert.deepEqual(
      opened?.args.validators,
      [v0, newcomer].sort(byAddress).map((v) => v.address),
    )
    const leftAt = result.receipt.blockNumber
    const [until] = (await revertsWith(leaver.withdraw(), 'StillBonded')) as [bigint]
    assert.equal(until, leftAt + UNBONDING)

    await createTestClient({ mode: 'hardhat', transport: http(origin.url) }).mine({
      blocks: Number(UNBONDING),
    })
    const before = await tokenBalance(v1.address)
    const { receipt } = await leaver.withdraw()
    assert.deepEqual(events(receipt).find((l) => l.eventName === 'Withdrawn')?.args, {
      validator: v1.address,
      amount: UNIT,
    })
    assert.equal(await tokenBalance(v1.address), before + UNIT)
    await revertsWith(leaver.withdraw(), 'NotAValidator')
  })

  it('accepts votes of an older kernel down to the kernel of the last commit, not below', async () => {
    // Kernel 5 is open, but the aux chain may still run on kernel 4 (the last commit's): v1 still counts there.
    assert.equal(await client.kernelHeight(), 5n)
    const { result } = await commit([v0, v1, newcomer], { kernelHeight: 4n })
    assert.equal(result.alreadyCommitted, false)
    const args = await revertsWith(commit([v0, v1, v2], { kernelHeight: 3n }), 'StaleKernel')
    assert.deepEqual(args, [3n, 4n])
  })

  it('with confirmations N, reads kernels N origin blocks deep', async () => {
    const deep = new OriginClient(
      { rpcUrl: origin.url, core: deployment.core, stake: deployment.stake, confirmations: 5 },
      { logger },
    )
    const height = await client.kernelHeight()
    // A top-up changes a stake: the next commit opens a kernel.
    await client.deposit(newcomer.address, UNIT)
    await commit([v0, newcomer])
    assert.equal(await client.kernelHeight(), height + 1n)
    assert.equal(await deep.kernelHeight(), height, 'not yet 5 blocks deep')
    assert.equal(await deep.kernel(height + 1n), undefined)
    await createTestClient({ mode: 'hardhat', transport: http(origin.url) }).mine({ blocks: 5 })
    assert.equal(await deep.kernelHeight(), height + 1n)
    const stakes = (await deep.kernel(height + 1n))?.validators.map((v) => v.stake)
    assert.deepEqual(stakes?.sort(), [UNIT, 3n * UNIT].sort())
  })

  it('lists the commits from the deployment block and reads origin blocks for observations', async () => {
    const commits = await client.commits(deployment.deployBlock)
    assert.ok(commits.length >= 5, `${commits.length} commits`)
    const numbers = commits.map((c) => c.auxBlockNumber)
    assert.deepEqual(
      numbers,
      [...numbers].sort((a, b) => (a < b ? -1 : 1)),
    )
    const last = commits.at(-1)!
    const { originBlock, txHash, ...fields } = last
    assert.deepEqual(fields, await client.latestCommit())
    const receipt = await publicClient.getTransactionReceipt({ hash: txHash })
    assert.equal(receipt.blockNumber, originBlock)

    const final = await client.finalOriginBlock()
    const block = await publicClient.getBlock({ blockNumber: final.number })
    assert.deepEqual(final, { number: block.number, hash: block.hash, stateRoot: block.stateRoot })
    assert.deepEqual(await client.originBlock(final.number), final)
    assert.equal(await client.originBlock(10n ** 9n), undefined)
  })

  describe('a second deployment whose kernel is [k, k - 1, 1, k] wei (total 3k)', () => {
    const k = parseEther('1')
    const four = accounts.slice(1, 5) as [HDAccount, HDAccount, HDAccount, HDAccount]
    const [a, b, c, d] = four
    let via: OriginClient

    before(async () => {
      const stakes = [k, k - 1n, 1n, k]
      const second = await deployOrigin({
        rpcUrl: origin.url,
        deployerKey: toHex(keyOf(deployer)),
        auxChainId: AUX_CHAIN_ID,
        epochLength: EPOCH,
        minStake: 1n,
        unbondingBlocks: UNBONDING,
        validators: four.map((v, i) => ({ address: v.address, stake: stakes[i]! })),
      })
      via = clientFor(deployer, second)
    })

    it('the exact 2/3 boundary: signers of 2k pass, of 2k - 1 wei do not', async () => {
      const args = await revertsWith(commit([a, b], { via, source: 1n, kernelHeight: 1n }), 'NoSupermajority')
      assert.deepEqual(args, [2n * k - 1n, 3n * k])
      const { result } = await commit([a, b, c], { via, source: 1n, kernelHeight: 1n })
      assert.equal(result.alreadyCommitted, false)
      const { result: other } = await commit([a, d], { via, source: 2n, kernelHeight: 1n })
      assert.equal(other.alreadyCommitted, false)
    })

    it('reads zero, one-byte, two-byte and long block numbers from the header RLP', async () => {
      // Block 0 (RLP 0x80) is genesis: final by definition, so it counts as committed.
      const zero = await commit([a, d], { via, source: 0n, kernelHeight: 1n })
      assert.deepEqual(zero.result, { alreadyCommitted: true, lastCommitted: 2n })
      for (const source of [0x7fn, 0x80n, 0x1_0000_0001n, 2n ** 64n + 5n]) {
        const { header, result } = await commit([a, d], { via, source, kernelHeight: 1n })
        assert.ok(!result.alreadyCommitted)
        const committed = events(result.receipt).find((l) => l.eventName === 'MetaBlockCommitted')
        assert.deepEqual(committed?.args, {
          kernelHeight: 1n,
          auxBlockNumber: source,
          auxBlockHash: header.hash,
          auxStateRoot: header.stateRoot,
        })
      }
    })
  })

  it('an unreachable origin surfaces as OriginError UNREACHABLE after bounded retries', async () => {
    const down = new OriginClient(
      {
        rpcUrl: 'http://127.0.0.1:9',
        core: deployment.core,
        stake: deployment.stake,
        retry: { attempts: 3, baseDelayMs: 10 },
      },
      { logger },
    )
    assert.equal(await down.reachable(), false)
    await assert.rejects(down.kernelHeight(), (e: unknown) => {
      assert.ok(e instanceof OriginError)
      assert.equal(e.code, 'UNREACHABLE')
      assert.match(e.message, /after 3 attempts/)
      return true
    })
    assert.equal(await client.reachable(), true)
  })

  it('retries through a short outage, and a send whose answer was lost is not sent twice', async () => {
    const proxy = await flakyProxy(origin.url)
    try {
      const flaky = new OriginClient(
        {
          rpcUrl: proxy.url,
          core: deployment.core,
          stake: deployment.stake,
          key: keyOf(deployer),
          retry: { attempts: 4, baseDelayMs: 20 },
        },
        { logger },
      )
      proxy.drop(2)
      assert.equal(await flaky.kernelHeight(), await client.kernelHeight())

      const nonceBefore = await publicClient.getTransactionCount({ address: deployer.address })
      // The commit reaches the origin (and is mined) but its answer is lost: the retry resends the
      // same signed bytes, which the origin already has.
      proxy.drop(1, { method: 'eth_sendRawTransaction', forwardDropped: true })
      const { header, result } = await commit([v0, newcomer], { via: flaky })
      assert.ok(!result.alreadyCommitted)
      assert.equal(result.receipt.status, 'success')
      assert.equal(await publicClient.getTransactionCount({ address: deployer.address }), nonceBefore + 1)
      assert.equal((await client.latestCommit()).auxBlockHash, header.hash)
    } finally {
      await proxy.close()
    }
  })
})

describe('the dev origin (mosaic-node dev / devnet)', { timeout: 120_000 }, () => {
  it('starts Hardhat, deploys, stakes and funds the validators, and stops what it started', async () => {
    const vals = [accounts[7]!, accounts[8]!].map((a) => ({ address: a.address, stake: parseEther('5') }))
    const stranger = mnemonicToAccount(MNEMONIC, { accountIndex: 1 })
    vals.push({ address: stranger.address, stake: parseEther('5') })
    const dev = await startDevOrigin({ auxChainId: AUX_CHAIN_ID, validators: vals, logger })
    try {
      assert.equal(dev.started, true)
      assert.equal(dev.chainId, 31337)
      const c = new OriginClient(
        { rpcUrl: dev.url, core: dev.deployment.core, stake: dev.deployment.stake },
        { logger },
      )
      assert.deepEqual(
        (await c.kernel(1n))?.validators.map((v) => v.address).sort(),
        vals.map((v) => v.address.toLowerCase()).sort(),
      )
      const pc = createPublicClient({ transport: http(dev.url) })
      assert.equal(await pc.getBalance({ address: stranger.address }), parseEther('100'))

      // Against an origin that is already running it deploys there and leaves it running.
      const again = await startDevOrigin({
        rpcUrl: dev.url,
        auxChainId: 7,
        validators: vals.slice(0, 1),
        logger,
      })
      assert.equal(again.started, false)
      assert.notEqual(again.deployment.core, dev.deployment.core)
      await again.stop()
      assert.equal(await c.reachable(), true)
    } finally {
      await dev.stop()
    }
    const after = new OriginClient(
      { rpcUrl: dev.url, core: dev.deployment.core, stake: dev.deployment.stake },
      { logger },
    )
    assert.equal(await after.reachable(), false)
  })
})
