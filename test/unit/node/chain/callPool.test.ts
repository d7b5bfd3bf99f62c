import assert from 'node:assert/strict'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { after, before, describe, it } from 'node:test'
import { createFeeMarket1559Tx } from '@ethereumjs/tx'
import { Address, bytesToBigInt, createContractAddress, hexToBytes } from '@ethereumjs/util'
import { pino } from 'pino'
import { encodeDeployData, encodeFunctionData } from 'viem'
import { devAccounts, devGenesisJson, devValidatorKeys, parseGenesis } from '../../../../genesis/index.ts'
import { BlockBuilder } from '../../../../node/chain/builder.ts'
import { CallClock } from '../../../../node/chain/callClock.ts'
import { leaseCallVm } from '../../../../node/chain/callPool.ts'
import { Chain } from '../../../../node/chain/chain.ts'
import { simulate } from '../../../../node/chain/execution.ts'
import { compileContract } from '../../../helpers/solc.ts'

const logger = pino({ level: 'silent' })
const [owner, other] = devAccounts(2) as [
  ReturnType<typeof devAccounts>[0],
  ReturnType<typeof devAccounts>[0],
]
const validator = devValidatorKeys(1)[0]!
const token = compileContract('Token')
const limits = { gasCap: 50_000_000n, timeoutMs: 5000 }

describe('call VM pool', () => {
  let dir: string
  let chain: Chain
  let tokenAddress: Uint8Array

  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'mosaic-callpool-'))
    chain = await Chain.open(
      { datadir: dir },
      { logger, genesis: parseGenesis(devGenesisJson({ timestamp: 1_700_000_000n })) },
    )
    const data = encodeDeployData({ abi: token.abi, bytecode: token.bytecode, args: ['T', 'T', 1000n] })
    const deploy = createFeeMarket1559Tx(
      {
        chainId: chain.chainId,
        gasLimit: 3_000_000n,
        maxFeePerGas: 10n ** 11n,
        maxPriorityFeePerGas: 1n,
        data,
      },
      { common: chain.common },
    ).sign(hexToBytes(owner.privateKey))
    const builder = new BlockBuilder({ timeBudgetMs: 60_000, vanity: new Uint8Array(0) }, { chain, logger })
    let taken = false
    const built = await builder.build(
      () => ({
        peek: () => (taken ? undefined : deploy),
        shift: () => {
          taken = true
        },
        pop: () => {
          taken = true
        },
      }),
      { address: hexToBytes(validator.address), privateKey: hexToBytes(validator.privateKey) },
      chain.slotOf(chain.head.header) + 1n,
    )
    await chain.commit(built.block, built.receipts)
    tokenAddress = createContractAddress(new Address(hexToBytes(owner.address)), 0n).bytes
  })

  after(async () => {
    await chain.close()
    await rm(dir, { recursive: true, force: true })
  })

  function balanceOf(who: string) {
    const data = hexToBytes(
      encodeFunctionData({ abi: token.abi, functionName: 'balanceOf', args: [who as `0x${string}`] }),
    )
    return simulate(chain, chain.head, { to: tokenAddress, data }, limits)
  }

  it('hands a released VM out again, and a call never sees an earlier call’s writes', async () => {
    const first = await leaseCallVm(chain, chain.head, new CallClock(1000))
    first.release()
    const second = await leaseCallVm(chain, chain.head, new CallClock(1000))
    assert.equal(second.vm, first.vm)
    second.release()

    const transfer = hexToBytes(
      encodeFunctionData({
        abi: token.abi,
        functionName: 'transfer',
        args: [other.address as `0x${string}`, 400n],
      }),
    )
    const sent = await simulate(
      chain,
      chain.head,
      { from: hexToBytes(owner.address), to: tokenAddress, data: transfer },
      limits,
    )
    assert.equal(sent.error, undefined)
    assert.equal(bytesToBigInt((await balanceOf(owner.address)).returnData), 1000n)
    assert.equal(bytesToBigInt((await balanceOf(other.address)).returnData), 0n)
  })

  it('concurrent calls get their own VMs', async () => {
    const a = await leaseCallVm(chain, chain.head, new CallClock(1000))
    const b = await leaseCallVm(chain, chain.head, new CallClock(1000))
    assert.notEqual(a.vm, b.vm)
    a.release()
    b.release()
  })
})
