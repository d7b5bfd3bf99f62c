// eth_call / eth_estimateGas time limit on a real chain: an endless loop is stopped at the deadline
// with TIMEOUT (not at the gas cap), the event loop keeps running meanwhile, and ordinary calls,
// including loops that finish, are unaffected.
import assert from 'node:assert/strict'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { after, before, describe, it } from 'node:test'
import { hexToBytes } from '@ethereumjs/util'
import { pino } from 'pino'
import { devGenesisJson, parseGenesis } from '../../../../genesis/index.ts'
import { Chain } from '../../../../node/chain/chain.ts'
import { estimateGas, simulate } from '../../../../node/chain/execution.ts'

const logger = pino({ level: 'silent' })
/** JUMPDEST PUSH1 0 JUMP: loops until the gas runs out. */
const FOREVER = `0x${'44'.repeat(20)}` as const
/** Loops calldata[0] times, then returns 1: JUMPI-driven, ends on its own. */
const COUNTER = `0x${'45'.repeat(20)}` as const
// i = calldata[0:32]; loop: if i == 0 return; i -= 1; jump loop
const COUNTER_CODE = '0x6000355b80601257600160005260206000f35b6001900360035600'

function genesis() {
  const json = devGenesisJson({ timestamp: 1_700_000_000n, accounts: 1 })
  const alloc = json.alloc as Record<string, unknown>
  alloc[FOREVER.slice(2)] = { balance: '0x0', code: '0x5b600056' }
  alloc[COUNTER.slice(2)] = { balance: '0x0', code: COUNTER_CODE }
  return parseGenesis(json)
}

describe('call time limit', () => {
  let dir: string
  let chain: Chain

  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'mosaic-exec-'))
    chain = await Chain.open({ datadir: dir }, { logger, genesis: genesis() })
  })
  after(async () => {
    await chain.close()
    await rm(dir, { recursive: true, force: true })
  })

  it('stops an endless loop at the deadline and keeps the event loop turning', async () => {
    let ticks = 0
    const timer = setInterval(() => ticks++, 5)
    try {
      const limits = { gasCap: 10_000_000_000n, timeoutMs: 200 }
      const req = { to: hexToBytes(FOREVER) }
      await assert.rejects(simulate(chain, chain.head, req, limits), (e: Error & { code?: string }) => {
        assert.equal(e.code, 'TIMEOUT')
        assert.equal(e.message, 'execution aborted (timeout = 200ms)')
        return true
      })
      await assert.rejects(estimateGas(chain, chain.head, req, limits), { code: 'TIMEOUT' })
    } finally {
      clearInterval(timer)
    }
    // The interval ran while the EVM did: execution let the event loop in.
    assert.ok(ticks > 0, 'no timer ran during execution')
  })

  it('lets calls that finish run to the end, loops included', async () => {
    const limits = { gasCap: 50_000_000n, timeoutMs: 5_000 }
    const n = new Uint8Array(32)
    n[31] = 200
    const out = await simulate(chain, chain.head, { to: hexToBytes(COUNTER), data: n }, limits)
    assert.equal(out.error, undefined)
    assert.equal(out.returnData[31], 1)
    // Out of gas, not time: an endless loop under a small cap ends as it always did.
    const oog = await simulate(
      chain,
      chain.head,
      { to: hexToBytes(FOREVER) },
      { ...limits, gasCap: 100_000n },
    )
    assert.equal(oog.error?.message, 'out of gas')
  })
})
