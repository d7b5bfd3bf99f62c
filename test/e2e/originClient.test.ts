// The origin client's sending on a real origin (Hardhat's node): a transaction whose nonce another
// sender with the same key takes between signing and broadcast (a validator's CLI beside its node's
// committer) is signed again with the next nonce, not reported as a failure, and not sent twice.
import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { pino } from 'pino'
import { createPublicClient, createWalletClient, type Hex, http, parseEther } from 'viem'
import { privateKeyToAccount } from 'viem/accounts'
import {
  deployOrigin,
  devDeployerKey,
  type HardhatOrigin,
  OriginClient,
  type OriginDeployment,
  startHardhatOrigin,
  valueTokenAbi,
} from '../../consensus/index.ts'
import { target } from '../helpers/node.ts'

describe('origin client sending', { skip: target !== 'mosaic' && 'mosaic-node only' }, () => {
  let origin: HardhatOrigin
  let deployment: OriginDeployment
  const key = devDeployerKey()
  const account = privateKeyToAccount(key)

  before(async () => {
    origin = await startHardhatOrigin({})
    deployment = await deployOrigin({
      rpcUrl: origin.url,
      deployerKey: key,
      auxChainId: 1515,
      epochLength: 1,
      minStake: 1n,
      unbondingBlocks: 1,
      validators: [{ address: account.address, stake: parseEther('1') }],
    })
  })

  after(async () => {
    await origin?.stop()
  })

  test('a nonce taken by another sender with the same key: signed again, sent once', async () => {
    const client = new OriginClient(
      {
        rpcUrl: origin.url,
        core: deployment.core,
        stake: deployment.stake,
        key: Buffer.from(key.slice(2), 'hex'),
      },
      { logger: pino({ level: 'silent' }) },
    )
    const publicClient = createPublicClient({ transport: http(origin.url) })
    const wallet = createWalletClient({ account, transport: http(origin.url) })
    const other = '0x00000000000000000000000000000000000000ee' as Hex
    const before = await publicClient.getTransactionCount({ address: account.address })
    const signed: Hex[] = []
    const sent = await client.sendCall(
      deployment.valueToken as Hex,
      valueTokenAbi,
      'transfer',
      [other, 5n],
      async (raw) => {
        signed.push(raw)
        // The first time only: the same key sends something else with that nonce first.
        if (signed.length === 1) {
          const hash = await wallet.sendTransaction({ to: other, value: 1n, chain: null })
          await publicClient.waitForTransactionReceipt({ hash })
        }
      },
    )
    assert.equal(signed.length, 2, 'signed again after the nonce was taken')
    assert.equal(sent.receipt.status, 'success')
    const balance = await publicClient.readContract({
      address: deployment.valueToken as Hex,
      abi: valueTokenAbi,
      functionName: 'balanceOf',
      args: [other],
    })
    assert.equal(balance, 5n, 'the transfer happened once')
    assert.equal(await publicClient.getTransactionCount({ address: account.address }), before + 2)
  })
})
