import assert from 'node:assert/strict'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { after, before, describe, it } from 'node:test'
import type { Block } from '@ethereumjs/block'
import { createFeeMarket1559Tx } from '@ethereumjs/tx'
import { Address, bytesToBigInt, createContractAddress, hexToBytes } from '@ethereumjs/util'
import { pino } from 'pino'
import { encodeDeployData, encodeFunctionData, keccak256 } from 'viem'
import { devAccounts, devGenesisJson, devValidatorKeys, parseGenesis } from '../../../../genesis/index.ts'
import { BlockBuilder } from '../../../../node/chain/builder.ts'
import { CallClock } from '../../../../node/chain/callClock.ts'
import { leaseCallVm } from '../../../../node/chain/callPool.ts'
import { TrieReads } from '../../../../node/chain/callState.ts'
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

  async function seal(tx: ReturnType<typeof createFeeMarket1559Tx>): Promise<void> {
    const builder = new BlockBuilder({ timeBudgetMs: 60_000, vanity: new Uint8Array(0) }, { chain, logger })
    let taken = false
    const built = await builder.build(
      () => ({
        peek: () => (taken ? undefined : tx),
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
  }

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
    await seal(deploy)
    tokenAddress = createContractAddress(new Address(hexToBytes(owner.address)), 0n).bytes
  })

  after(async () => {
    await chain.close()
    await rm(dir, { recursive: true, force: true })
  })

  function balanceOf(who: string, at: Block = chain.head) {
    const data = hexToBytes(
      encodeFunctionData({ abi: token.abi, functionName: 'balanceOf', args: [who as `0x${string}`] }),
    )
    return simulate(chain, at, { to: tokenAddress, data }, limits)
  }

  function transferData(to: string, amount: bigint): Uint8Array {
    return hexToBytes(
      encodeFunctionData({ abi: token.abi, functionName: 'transfer', args: [to as `0x${string}`, amount] }),
    )
  }

  it('hands a released VM out again, and a call never sees an earlier call’s writes', async () => {
    const first = await leaseCallVm(chain, chain.head, new CallClock(1000))
    first.release()
    const second = await leaseCallVm(chain, chain.head, new CallClock(1000))
    assert.equal(second.vm, first.vm)
    second.release()

    const transfer = transferData(other.address, 400n)
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

  it('keeps what calls read from the tries past their revert, by content', async () => {
    const reads = new TrieReads()
    const root = chain.head.header.stateRoot
    const sm = chain.stateAt(root, { reads })
    const token = new Address(tokenAddress)
    // Token.sol's balanceOf mapping is slot 3 (after name, symbol, totalSupply).
    const slot = hexToBytes(
      keccak256(`0x${owner.address.slice(2).toLowerCase().padStart(64, '0')}${'3'.padStart(64, '0')}`),
    )
    const plain = await chain.stateAt(root).getStorage(token, slot)
    await sm.checkpoint()
    assert.deepEqual(await sm.getStorage(token, slot), plain)
    await sm.putStorage(token, slot, Uint8Array.of(7))
    assert.deepEqual(await sm.getStorage(token, slot), Uint8Array.of(7))
    await sm.revert()
    const kept = reads.values.size
    assert.ok(kept > 0, 'nothing was kept')
    await sm.checkpoint()
    // The write was reverted and the read comes back from what was kept, with nothing new read.
    assert.deepEqual(await sm.getStorage(token, slot), plain)
    await sm.revert()
    assert.equal(reads.values.size, kept)
    assert.equal(bytesToBigInt(plain), 1000n)
  })

  it('calls on an older block and on the head answer from their own state', async () => {
    const before = chain.head
    const nonce = (await chain
      .stateAt(before.header.stateRoot)
      .getAccount(new Address(hexToBytes(owner.address))))!.nonce
    const tx = createFeeMarket1559Tx(
      {
        chainId: chain.chainId,
        nonce,
        gasLimit: 100_000n,
        maxFeePerGas: 10n ** 11n,
        maxPriorityFeePerGas: 1n,
        to: tokenAddress,
        data: transferData(other.address, 250n),
      },
      { common: chain.common },
    ).sign(hexToBytes(owner.privateKey))
    // Warm the kept VMs and their reads on the old state first.
    assert.equal(bytesToBigInt((await balanceOf(owner.address, before)).returnData), 1000n)
    await seal(tx)
    assert.notEqual(chain.head, before)
    assert.equal(bytesToBigInt((await balanceOf(owner.address)).returnData), 750n)
    assert.equal(bytesToBigInt((await balanceOf(other.address)).returnData), 250n)
    assert.equal(bytesToBigInt((await balanceOf(owner.address, before)).returnData), 1000n)
    assert.equal(bytesToBigInt((await balanceOf(other.address, before)).returnData), 0n)
  })
})
