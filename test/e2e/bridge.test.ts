// The bridge for real (issue 6): Hardhat's node as the origin with the Gateway, a 4-validator devnet
// whose genesis predeploys OriginRoots and CoGateway, node 0 running the facilitator. Users go through
// `mosaic-node bridge` (deposit, withdraw, revert) or the same functions in-process. One network for
// every case: they run in order and build on each other's balances.
import assert from 'node:assert/strict'
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { after, before, describe, test } from 'node:test'
import { createWalletClient, encodeFunctionData, type Hex, http, keccak256, parseEther } from 'viem'
import { privateKeyToAccount } from 'viem/accounts'
import {
  Bridge,
  bridgeErrorsAbi,
  coGatewayAbi,
  coreRootsAbi,
  erc20Abi,
  feeOf,
  gatewayAbi,
  outboxSlot,
  publicClient,
  Status,
  TxSender,
  toBridgeError,
} from '../../node/bridge/index.ts'
import { deposit, type UserContext, withdraw } from '../../node/bridge/user.ts'
import { createTestNetwork, type TestNetwork } from '../helpers/network.ts'
import {
  DEV_ADDRESSES,
  DEV_KEYS,
  type DevNode,
  rpc,
  runCli,
  startNodeWithArgs,
  target,
  waitFor,
} from '../helpers/node.ts'

const BLOCK_TIME_MS = 500
const FEE = { feeGasPrice: 10n ** 9n, feeGasLimit: 100_000n }

interface Message {
  kind: 'deposit' | 'withdraw'
  steps: {
    step: string
    event: string
    chain: string
    blockNumber: string
    transactionHash: string
    args?: Record<string, string>
  }[]
  status: { origin: { outbox: string; inbox: string }; aux: { outbox: string; inbox: string } }
}

describe('bridge: gateways, facilitator and CLI on a real origin', {
  skip: target !== 'mosaic' && 'mosaic-node only',
}, () => {
  let net: TestNetwork
  let bridge: Bridge
  let userKeyFile: string
  let holderKeyFile: string
  const facilitator = privateKeyToAccount(DEV_KEYS[9]).address.toLowerCase()
  // Aux transactions the facilitator should have made so far: one per message on each chain.
  let facilitatorAuxSteps = 0
  const url = (i: number) => net.node(i).url
  const user = (key: Hex): UserContext => {
    const account = privateKeyToAccount(key)
    return {
      bridge,
      origin: new TxSender(bridge.origin, account, { chain: 'origin' }),
      aux: new TxSender(bridge.aux, account, { chain: 'aux' }),
      report: () => {},
      pollMs: 250,
    }
  }
  const message = (h: string) => rpc<Message | null>(url(1), 'mosaic_getMessage', [h])
  const cli = (args: string[]) => runCli(['bridge', ...args, '--rpc', url(1)], { timeoutMs: 180_000 })

  let facilitatorUp = false
  async function stopFacilitator(): Promise<void> {
    facilitatorUp = false
    await net.node(0).stop()
  }
  /** A case that failed with the facilitator stopped must not take the next ones down with it. */
  async function ensureFacilitator(): Promise<void> {
    if (!facilitatorUp) await startFacilitator()
  }

  async function startFacilitator(): Promise<DevNode> {
    const n = net.devnet.nodes[0]!
    const keyFile = join(net.dir, 'facilitator.key')
    writeFileSync(keyFile, `${DEV_KEYS[9]}\n`)
    const node = await startNodeWithArgs(
      [
        ...n.args,
        '--log.level',
        'info',
        '--log.format',
        'json',
        '--facilitator',
        '--facilitator.key',
        keyFile,
      ],
      n.rpcPort,
      n.datadir,
    )
    net.nodes[0] = node
    facilitatorUp = true
    return node
  }

  const originToken = (owner: string) =>
    bridge.origin.readContract({
      address: bridge.addresses.baseToken,
      abi: erc20Abi,
      functionName: 'balanceOf',
      args: [owner as Hex],
    })
  const auxCoin = (owner: string) => bridge.aux.getBalance({ address: owner as Hex })

  async function done(h: string, kind: 'deposit' | 'withdraw'): Promise<Message> {
    return waitFor(
      `message ${h} progressed on both sides`,
      async () => {
        const m = await message(h)
        const closed = kind === 'deposit' ? m?.status.origin.outbox : m?.status.aux.outbox
        return closed === 'progressed' ? m! : undefined
      },
      { timeoutMs: 120_000, intervalMs: 500 },
    )
  }

  before(async () => {
    net = await createTestNetwork({ validators: 4, blockTimeMs: BLOCK_TIME_MS, origin: true })
    await Promise.all([1, 2, 3].map((i) => net.start(i)))
    await startFacilitator()
    bridge = await Bridge.connect(publicClient(net.origin!.url), publicClient(url(1)))
    // Dev account 0 deployed the origin contracts and holds the base token; account 2 holds coin on aux.
    userKeyFile = join(net.dir, 'user.key')
    writeFileSync(userKeyFile, `${DEV_KEYS[0]}\n`)
    holderKeyFile = join(net.dir, 'holder.key')
    writeFileSync(holderKeyFile, `${DEV_KEYS[2]}\n`)
  })

  after(async () => {
    await net?.stopAll()
  })

  test('deposit 100 tokens: minted on aux to the beneficiary, fee to the facilitator, supply conserved', async () => {
    const beneficiary = DEV_ADDRESSES[3].toLowerCase()
    const amount = parseEther('100')
    const reserveAtGenesis = await bridge.aux.getBalance({
      address: bridge.addresses.coGateway,
      blockNumber: 0n,
    })
    const before = {
      user: await originToken(DEV_ADDRESSES[0]),
      beneficiary: await auxCoin(beneficiary),
      facilitator: await auxCoin(facilitator),
    }
    const r = await cli([
      'deposit',
      '100',
      '--key',
      userKeyFile,
      '--beneficiary',
      beneficiary,
      '--fee-gas-price',
      String(FEE.feeGasPrice),
      '--fee-gas-limit',
      String(FEE.feeGasLimit),
      '--wait',
      '--timeout',
      '150',
    ])
    assert.equal(r.code, 0, r.stderr + r.stdout)
    const h = /deposit declared: message (0x[0-9a-f]{64})/.exec(r.stdout)?.[1]
    assert.ok(h, r.stdout)
    assert.match(r.stdout, /minted on aux/)
    facilitatorAuxSteps++
    const fee = feeOf(FEE)
    assert.equal(await auxCoin(beneficiary), before.beneficiary + amount - fee)
    assert.equal(await originToken(DEV_ADDRESSES[0]), before.user - amount)
    const m = await done(h, 'deposit')
    const minted = m.steps.find((s) => s.event === 'MintProgressed')
    assert.equal(minted?.chain, 'aux')
    assert.equal(minted?.args?.['facilitator'], facilitator)
    assert.equal(BigInt(minted!.args!['fee']!), fee)
    assert.deepEqual(
      m.steps.map((s) => `${s.chain}:${s.event}`),
      ['origin:StakeDeclared', 'aux:StakeConfirmed', 'aux:MintProgressed', 'origin:StakeProgressed'],
    )
    // The fee reached the facilitator's aux account (it also paid the confirm's gas there).
    const confirm = await bridge.aux.getTransactionReceipt({ hash: minted!.transactionHash as Hex })
    assert.equal(
      await auxCoin(facilitator),
      before.facilitator + fee - confirm.gasUsed * confirm.effectiveGasPrice,
    )
    // Whatever is locked in the Gateway left the CoGateway's reserve on aux, and nothing else did.
    const locked = await originToken(bridge.addresses.gateway)
    const reserve = await bridge.aux.getBalance({ address: bridge.addresses.coGateway })
    assert.equal(locked, reserveAtGenesis - reserve)
  })

  test('withdraw: released on the origin only after Core holds the aux block of the redeem', async () => {
    const beneficiary = DEV_ADDRESSES[4].toLowerCase()
    const before = await originToken(beneficiary)
    const r = await cli([
      'withdraw',
      '10',
      '--key',
      holderKeyFile,
      '--beneficiary',
      beneficiary,
      '--fee-gas-price',
      String(FEE.feeGasPrice),
      '--fee-gas-limit',
      String(FEE.feeGasLimit),
      '--wait',
      '--timeout',
      '150',
    ])
    assert.equal(r.code, 0, r.stderr + r.stdout)
    const [, h, auxBlock] =
      /withdrawal declared: message (0x[0-9a-f]{64}) \(nonce \d+, aux block (\d+)/.exec(r.stdout) ?? []
    assert.ok(h && auxBlock, r.stdout)
    assert.match(r.stdout, /released on origin/)
    assert.equal(await originToken(beneficiary), before + parseEther('10') - feeOf(FEE))
    const m = await done(h, 'withdraw')
    facilitatorAuxSteps++ // progressRedeem
    const confirmed = m.steps.find((s) => s.event === 'RedeemConfirmed')!
    assert.equal(confirmed.chain, 'origin')
    const [, committed] = await bridge.origin.readContract({
      address: bridge.addresses.core,
      abi: coreRootsAbi,
      functionName: 'latestCommit',
      blockNumber: BigInt(confirmed.blockNumber),
    })
    assert.ok(
      committed >= BigInt(auxBlock),
      `released at origin block ${confirmed.blockNumber} with Core at aux ${committed}`,
    )
    assert.deepEqual(
      m.steps.map((s) => `${s.chain}:${s.event}`),
      ['aux:RedeemDeclared', 'origin:RedeemConfirmed', 'origin:UnstakeProgressed', 'aux:RedeemProgressed'],
    )
  })

  test('without a facilitator: forged proof, unknown root, replay and wrong nonce refused; revocation returns the funds', async () => {
    await stopFacilitator()
    const alice = user(DEV_KEYS[0])
    const balance = await originToken(DEV_ADDRESSES[0])
    const kept = await deposit(alice, { amount: parseEther('3') })
    const revoked = await deposit(alice, { amount: parseEther('5') })
    assert.equal(await originToken(DEV_ADDRESSES[0]), balance - parseEther('8'))

    // A root covering both, and a proof of the first one's outbox slot under it.
    const root = await waitFor(
      'an origin root covering the deposits',
      async () => {
        const t = await bridge.trustedOriginBlock()
        return t >= revoked.sent.receipt.blockNumber ? t : undefined
      },
      { timeoutMs: 90_000, intervalMs: 500 },
    )
    const proof = await bridge.prove('origin', outboxSlot(kept.messageHash), root)
    assert.equal(proof.value, BigInt(Status.Declared))
    const k = kept.fields
    const confirm = (blockNumber: bigint, storageProof: Hex[]) =>
      bridge.aux
        .simulateContract({
          account: privateKeyToAccount(DEV_KEYS[5]),
          address: bridge.addresses.coGateway,
          abi: [...coGatewayAbi, ...bridgeErrorsAbi],
          functionName: 'confirmStakeIntent',
          args: [
            k.sender,
            k.nonce,
            k.valueToken,
            k.amount,
            k.beneficiary,
            k.feeGasPrice,
            k.feeGasLimit,
            k.hashLock,
            blockNumber,
            proof.accountProof,
            storageProof,
          ],
        })
        .then(
          () => 'accepted',
          (e: unknown) => toBridgeError('confirmStakeIntent', e).revert?.errorName ?? String(e),
        )
    // One byte changed in the storage proof's leaf: the proof no longer hashes to the trusted root.
    const leaf = proof.storageProof[proof.storageProof.length - 1]!
    const forged = [
      ...proof.storageProof.slice(0, -1),
      `${leaf.slice(0, -2)}${leaf.endsWith('01') ? '02' : '01'}` as Hex,
    ]
    assert.match(await confirm(root, forged), /RootMismatch|BadProofNode|BadStorageValue|ProofMismatch/)
    assert.equal(await confirm(root + 1_000_000n, proof.storageProof), 'UnknownStateRoot')
    assert.equal(await confirm(root, proof.storageProof), 'accepted')
    // Replaying the first deposit (confirmed by the facilitator in the first test) is refused.
    const wrongNonce = await bridge.origin
      .simulateContract({
        account: privateKeyToAccount(DEV_KEYS[0]),
        address: bridge.addresses.gateway,
        abi: [...gatewayAbi, ...bridgeErrorsAbi],
        functionName: 'stake',
        args: [
          bridge.addresses.baseToken,
          1n,
          DEV_ADDRESSES[0],
          0n,
          0n,
          k.nonce + 5n,
          `0x${'00'.repeat(32)}`,
        ],
      })
      .then(
        () => 'accepted',
        (e: unknown) => toBridgeError('stake', e).message,
      )
    assert.match(wrongNonce, /WrongNonce\(\d+, \d+\): wrong nonce/)

    // The second deposit is revoked through the CLI: back to its staker, nothing minted.
    const r = await cli(['revert', revoked.messageHash, '--key', userKeyFile, '--timeout', '150'])
    assert.equal(r.code, 0, r.stderr + r.stdout)
    assert.match(r.stdout, /funds returned/)
    assert.equal(await originToken(DEV_ADDRESSES[0]), balance - parseEther('3'))
    const m = await message(revoked.messageHash)
    assert.deepEqual(m?.status, {
      origin: { outbox: 'revoked', inbox: 'undeclared' },
      aux: { outbox: 'undeclared', inbox: 'revoked' },
    })
    const again = await cli(['revert', revoked.messageHash, '--key', userKeyFile])
    assert.match(again.stdout, /already revoked/)

    // Back with the facilitator: the kept deposit arrives, the revoked one is left alone.
    await startFacilitator()
    await done(kept.messageHash, 'deposit')
    facilitatorAuxSteps++
    assert.equal((await message(revoked.messageHash))?.status.aux.inbox, 'revoked')
  })

  test('a replayed confirmation is refused', async () => {
    await ensureFacilitator()
    const alice = user(DEV_KEYS[0])
    const d = await deposit(alice, { amount: parseEther('1') })
    await done(d.messageHash, 'deposit')
    facilitatorAuxSteps++
    const root = await bridge.trustedOriginBlock()
    const proof = await bridge.prove('origin', outboxSlot(d.messageHash), root)
    const f = d.fields
    const replay = await bridge.aux
      .simulateContract({
        account: privateKeyToAccount(DEV_KEYS[5]),
        address: bridge.addresses.coGateway,
        abi: [...coGatewayAbi, ...bridgeErrorsAbi],
        functionName: 'confirmStakeIntent',
        args: [
          f.sender,
          f.nonce,
          f.valueToken,
          f.amount,
          f.beneficiary,
          f.feeGasPrice,
          f.feeGasLimit,
          f.hashLock,
          root,
          proof.accountProof,
          proof.storageProof,
        ],
      })
      .then(
        () => 'accepted',
        (e: unknown) => toBridgeError('confirmStakeIntent', e).revert?.errorName ?? String(e),
      )
    assert.match(replay, /WrongStatus|WrongNonce/)
  })

  test('the facilitator killed mid-flow and restarted finishes every message exactly once', async () => {
    await ensureFacilitator()
    const alice = user(DEV_KEYS[0])
    const holder = user(DEV_KEYS[2])
    const deposits = [
      await deposit(alice, { amount: parseEther('2'), beneficiary: DEV_ADDRESSES[6], ...FEE }),
      await deposit(alice, { amount: parseEther('4'), beneficiary: DEV_ADDRESSES[6], ...FEE }),
    ]
    const redeem = await withdraw(holder, { amount: parseEther('1'), beneficiary: DEV_ADDRESSES[7], ...FEE })
    const aux6 = await auxCoin(DEV_ADDRESSES[6])
    // Killed as soon as the first confirmation lands, with the rest of the work still ahead of it.
    await waitFor(
      'a first confirmation',
      async () => (await bridge.status('aux', deposits[0]!.messageHash)).inbox !== Status.Undeclared,
      { timeoutMs: 120_000, intervalMs: 100 },
    )
    facilitatorUp = false
    await net.node(0).kill9()
    await startFacilitator()
    for (const d of deposits) await done(d.messageHash, 'deposit')
    await done(redeem.messageHash, 'withdraw')
    facilitatorAuxSteps += 3
    for (const h of [...deposits.map((d) => d.messageHash), redeem.messageHash]) {
      const m = (await message(h))!
      const events = m.steps.map((s) => s.event)
      assert.equal(new Set(events).size, events.length, `each step once: ${events.join(', ')}`)
      assert.equal(events.length, 4, events.join(', '))
    }
    assert.equal(await auxCoin(DEV_ADDRESSES[6]), aux6 + parseEther('6') - 2n * feeOf(FEE))
    // Not one extra aux transaction (a second send of a step would have reverted, and cost a nonce).
    assert.equal(await bridge.aux.getTransactionCount({ address: facilitator as Hex }), facilitatorAuxSteps)
  })

  test('a transaction signed before a crash is re-broadcast as is after the restart, not signed again', async () => {
    await stopFacilitator()
    const d = await deposit(user(DEV_KEYS[0]), { amount: parseEther('1'), ...FEE })
    const root = await waitFor(
      'an origin root covering the deposit',
      async () => {
        const t = await bridge.trustedOriginBlock()
        return t >= d.sent.receipt.blockNumber ? t : undefined
      },
      { timeoutMs: 90_000, intervalMs: 500 },
    )
    const proof = await bridge.prove('origin', outboxSlot(d.messageHash), root)
    const f = d.fields
    // What the facilitator would have written before broadcasting, had it died right then.
    const wallet = createWalletClient({ account: privateKeyToAccount(DEV_KEYS[9]), transport: http(url(1)) })
    const request = await wallet.prepareTransactionRequest({
      chain: null,
      to: bridge.addresses.coGateway,
      gas: 1_000_000n,
      data: encodeFunctionData({
        abi: coGatewayAbi,
        functionName: 'confirmStakeIntent',
        args: [
          f.sender,
          f.nonce,
          f.valueToken,
          f.amount,
          f.beneficiary,
          f.feeGasPrice,
          f.feeGasLimit,
          f.hashLock,
          root,
          proof.accountProof,
          proof.storageProof,
        ],
      }),
    })
    const raw = await wallet.signTransaction({ ...request, chain: null })
    const file = join(net.devnet.nodes[0]!.datadir, 'facilitator.json')
    const state = JSON.parse(readFileSync(file, 'utf8')) as { pending: unknown[] }
    const n = (v: bigint) => `${v}n`
    state.pending.push({
      kind: 'deposit',
      messageHash: d.messageHash,
      sender: f.sender,
      nonce: n(f.nonce),
      valueToken: f.valueToken,
      amount: n(f.amount),
      beneficiary: f.beneficiary,
      feeGasPrice: n(f.feeGasPrice),
      feeGasLimit: n(f.feeGasLimit),
      hashLock: f.hashLock,
      blockNumber: n(d.sent.receipt.blockNumber),
      transactionHash: d.sent.txHash,
      step: 'confirm',
      tx: { step: 'confirm', chain: 'aux', raw, hash: keccak256(raw) },
    })
    writeFileSync(file, JSON.stringify(state))
    await startFacilitator()
    const m = await done(d.messageHash, 'deposit')
    facilitatorAuxSteps++
    assert.equal(m.steps.find((s) => s.event === 'StakeConfirmed')?.transactionHash, keccak256(raw))
    assert.equal(await bridge.aux.getTransactionCount({ address: facilitator as Hex }), facilitatorAuxSteps)
  })

  test('a hash-locked deposit waits for its secret: bridge unlock mints, the facilitator closes it', async () => {
    await ensureFacilitator()
    const r = await cli(['deposit', '2', '--key', userKeyFile, '--hash-lock'])
    assert.equal(r.code, 0, r.stderr + r.stdout)
    const secret = /unlock secret (0x[0-9a-f]{64})/.exec(r.stdout)?.[1]
    const h = /deposit declared: message (0x[0-9a-f]{64})/.exec(r.stdout)?.[1]
    assert.ok(secret && h, r.stdout)
    await waitFor(
      'the facilitator to confirm it',
      async () => (await message(h))?.status.aux.inbox === 'declared',
      {
        timeoutMs: 120_000,
        intervalMs: 500,
      },
    )
    facilitatorAuxSteps++
    const wrong = await cli(['unlock', h, '--key', userKeyFile, '--secret', `0x${'00'.repeat(32)}`])
    assert.notEqual(wrong.code, 0)
    assert.match(
      wrong.stderr,
      /^error: .*InvalidUnlockSecret\(\): the secret does not match the hash lock\n$/,
    )
    const u = await cli(['unlock', h, '--key', userKeyFile, '--secret', secret])
    assert.equal(u.code, 0, u.stderr + u.stdout)
    const m = await done(h, 'deposit')
    assert.deepEqual(
      m.steps.map((s) => `${s.chain}:${s.event}`),
      ['origin:StakeDeclared', 'aux:StakeConfirmed', 'aux:MintProgressed', 'origin:StakeProgressed'],
    )
  })

  test('refused steps print one line naming why', async () => {
    const poor = join(net.dir, 'poor.key')
    writeFileSync(poor, `0x${'42'.repeat(32)}\n`)
    const broke = await cli(['deposit', '1', '--key', poor])
    assert.notEqual(broke.code, 0)
    assert.match(
      broke.stderr,
      /^error: insufficient balance: 0x[0-9a-fA-F]{40} holds 0 of 0x[0-9a-f]{40}, needs 1000000000000000000\n$/,
    )
    const tooMuch = await cli(['withdraw', '100000000', '--key', holderKeyFile])
    assert.match(
      tooMuch.stderr,
      /^error: insufficient balance: .* on aux, needs 100000000000000000000000000 plus gas\n$/,
    )
    const fee = await cli([
      'deposit',
      '1',
      '--key',
      userKeyFile,
      '--fee-gas-price',
      String(10n ** 18n),
      '--fee-gas-limit',
      '2',
    ])
    assert.match(fee.stderr, /^error: fee 2000000000000000000 .* exceeds the amount 1000000000000000000\n$/)
    const m = await cli(['status', `0x${'cd'.repeat(32)}`])
    assert.match(m.stderr, /^error: unknown message 0x(cd){32}: neither gateway declared it\n$/)
    const bad = await cli(['deposit', 'lots', '--key', userKeyFile])
    assert.match(bad.stderr, /^error: amount: expected a number of tokens, got lots\n$/)
  })

  test('mosaic_getMessage: unknown hash is null, a malformed one invalid params', async () => {
    assert.equal(await message(`0x${'ab'.repeat(32)}`), null)
    await assert.rejects(message('0x1234'), /invalid argument 0/)
  })
})
