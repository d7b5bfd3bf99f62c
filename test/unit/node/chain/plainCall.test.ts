// eth_call's plain path (plainCall) against runTx on the same calls: what a call returns, its error
// and its gas must not depend on which of the two ran it, including what the call can observe of
// its own transaction (gas left, warm addresses, the sender's account).
import assert from 'node:assert/strict'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { after, before, describe, it } from 'node:test'
import { hexToBytes } from '@ethereumjs/util'
import { pino } from 'pino'
import { devAccounts, devGenesisJson, parseGenesis } from '../../../../genesis/index.ts'
import { CallClock } from '../../../../node/chain/callClock.ts'
import { leaseCallVm } from '../../../../node/chain/callPool.ts'
import { Chain } from '../../../../node/chain/chain.ts'
import { type CallParams, runOnce } from '../../../../node/chain/execution.ts'

const logger = pino({ level: 'silent' })
const RETURN_TOP = '60005260206000f3' // PUSH1 0 MSTORE PUSH1 32 PUSH1 0 RETURN
/** Returns gasleft(): what intrinsic gas and warm accounts left over. */
const GAS_LEFT = `0x${'51'.repeat(20)}` as const
/** BALANCE(COINBASE) then returns gasleft(): cheap only if the coinbase is warm, as EIP-3651 makes it. */
const COINBASE_GAS = `0x${'52'.repeat(20)}` as const
/** Returns EXTCODEHASH(CALLER): zero for an absent sender, the empty hash once its nonce was bumped. */
const CALLER_HASH = `0x${'53'.repeat(20)}` as const
/** Writes slot 0 and clears it again (a refund), then returns gasleft(). */
const REFUND = `0x${'54'.repeat(20)}` as const
/** Reverts with the calldata as revert data. */
const REVERTS = `0x${'55'.repeat(20)}` as const

function genesis() {
  const json = devGenesisJson({ timestamp: 1_700_000_000n, accounts: 1 })
  const alloc = json.alloc as Record<string, unknown>
  alloc[GAS_LEFT.slice(2)] = { balance: '0x0', code: `0x5a${RETURN_TOP}` }
  alloc[COINBASE_GAS.slice(2)] = { balance: '0x0', code: `0x413150 5a${RETURN_TOP}`.replace(' ', '') }
  alloc[CALLER_HASH.slice(2)] = { balance: '0x0', code: `0x333f${RETURN_TOP}` }
  alloc[REFUND.slice(2)] = {
    balance: '0x0',
    code: `0x600160005560006000555a${RETURN_TOP}`,
    storage: { '0x0000000000000000000000000000000000000000000000000000000000000000': '0x05' },
  }
  alloc[REVERTS.slice(2)] = { balance: '0x0', code: '0x366000600037366000fd' }
  return parseGenesis(json)
}

describe('plain eth_call path', () => {
  let dir: string
  let chain: Chain

  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'mosaic-plaincall-'))
    chain = await Chain.open({ datadir: dir }, { logger, genesis: genesis() })
  })
  after(async () => {
    await chain.close()
    await rm(dir, { recursive: true, force: true })
  })

  async function both(params: CallParams, gas = 50_000_000n) {
    const lease = await leaseCallVm(chain, chain.head, new CallClock(5000))
    try {
      const plain = await runOnce(lease.vm, chain.head, params, gas, undefined, true)
      const viaRunTx = await runOnce(lease.vm, chain.head, params, gas)
      return { plain, viaRunTx }
    } finally {
      lease.release()
    }
  }

  const dev = hexToBytes(devAccounts(1)[0]!.address)
  const absent = hexToBytes(`0x${'77'.repeat(20)}`)
  const cases: [string, CallParams, bigint?][] = [
    ['gas left, no sender', { to: hexToBytes(GAS_LEFT) }],
    [
      'gas left, calldata with zero and non-zero bytes',
      { to: hexToBytes(GAS_LEFT), data: Uint8Array.of(0, 1, 0, 2) },
    ],
    ['coinbase warm', { from: dev, to: hexToBytes(COINBASE_GAS) }],
    ['sender that does not exist', { from: absent, to: hexToBytes(CALLER_HASH) }],
    ['sender that exists', { from: dev, to: hexToBytes(CALLER_HASH) }],
    ['refund', { to: hexToBytes(REFUND) }],
    ['revert with data', { to: hexToBytes(REVERTS), data: Uint8Array.of(9, 8, 7) }],
    ['out of gas', { to: hexToBytes(REFUND) }, 21_100n],
    ['gas under the intrinsic cost', { to: hexToBytes(GAS_LEFT) }, 20_000n],
    ['a value (runTx only)', { from: dev, to: hexToBytes(GAS_LEFT), value: 1n }],
  ]
  for (const [name, params, gas] of cases) {
    it(`answers as runTx does: ${name}`, async () => {
      const { plain, viaRunTx } = await both(params, gas)
      assert.deepEqual(plain, viaRunTx)
    })
  }

  it('bumps the sender nonce before the call, as runTx does', async () => {
    const { plain } = await both({ from: absent, to: hexToBytes(CALLER_HASH) })
    // keccak256 of empty code: the sender exists during the call.
    assert.equal(
      Buffer.from(plain.returnData).toString('hex'),
      'c5d2460186f7233c927e7db2dcc703c0e500b653ca82273b7bfad8045d85a470',
    )
  })
})
