// Parsing of eth_call's overrides and of debug_trace*'s config: geth's shapes, -32602 with the
// parameter index for anything else.
import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { toChecksumAddress } from '@ethereumjs/util'
import { RpcError } from '../../../rpc/errors.ts'
import { blockOverrides, callOverrides, stateOverride } from '../../../rpc/overrideParams.ts'
import { goDuration, traceCallConfig, traceConfig } from '../../../rpc/traceParams.ts'

const ADDR = `0x${'ab'.repeat(20)}`
const SLOT = `0x${'00'.repeat(31)}01`
const WORD = `0x${'00'.repeat(31)}2a`

function rejects(f: () => unknown, message: string | RegExp): void {
  assert.throws(f, (e: unknown) => {
    assert.ok(e instanceof RpcError)
    assert.equal(e.code, -32602)
    if (typeof message === 'string') assert.equal(e.message, message)
    else assert.match(e.message, message)
    return true
  })
}

describe('state overrides', () => {
  it('parses every field; null fields are absent', () => {
    const [o] = stateOverride(
      { [ADDR]: { balance: '0x10', nonce: '0x2', code: '0x6000', stateDiff: { [SLOT]: WORD }, state: null } },
      2,
    )
    assert.equal(Buffer.from(o!.address).toString('hex'), 'ab'.repeat(20))
    assert.equal(o!.account.balance, 16n)
    assert.equal(o!.account.nonce, 2n)
    assert.deepEqual([...o!.account.code!], [0x60, 0x00])
    assert.equal(o!.account.state, undefined)
    assert.equal(o!.account.stateDiff![0]![1][31], 0x2a)
  })

  it('refuses state with stateDiff, unknown fields, bad values, in geth words where geth has them', () => {
    rejects(
      () => stateOverride({ [ADDR]: { state: {}, stateDiff: {} } }, 2),
      `invalid argument 2: account ${toChecksumAddress(ADDR)} has both 'state' and 'stateDiff'`,
    )
    rejects(
      () => stateOverride({ [ADDR]: { storage: {} } }, 2),
      `invalid argument 2: ${ADDR}: unknown field "storage"`,
    )
    rejects(
      () => stateOverride({ [ADDR]: { balance: 5 } }, 2),
      /^invalid argument 2: .*balance: cannot unmarshal/,
    )
    rejects(() => stateOverride({ [ADDR]: { nonce: '0x01' } }, 2), /leading zero digits/)
    rejects(() => stateOverride({ [ADDR]: { stateDiff: { '0x1': WORD } } }, 2), /want 64 for hash/)
    rejects(() => stateOverride({ '0x1234': {} }, 2), /want 40 for address/)
    rejects(() => stateOverride([], 2), 'invalid argument 2: cannot unmarshal non-object into state override')
    rejects(() => stateOverride({ [ADDR]: { movePrecompileToAddress: ADDR } }, 2), /not supported/)
  })
})

describe('block overrides', () => {
  it("takes geth's names and the older ones", () => {
    assert.deepEqual(
      blockOverrides({ number: '0x10', time: '0x20', gasLimit: '0x30', blobBaseFee: '0x1' }, 3),
      {
        number: 16n,
        time: 32n,
        gasLimit: 48n,
        blobBaseFee: 1n,
      },
    )
    const a = blockOverrides(
      { feeRecipient: ADDR, prevRandao: `0x${'11'.repeat(32)}`, baseFeePerGas: '0x7' },
      3,
    )
    const b = blockOverrides({ coinbase: ADDR, random: `0x${'11'.repeat(32)}`, baseFee: '0x7' }, 3)
    assert.deepEqual(a, b)
    assert.equal(a.baseFee, 7n)
    assert.deepEqual(blockOverrides({ difficulty: '0x1' }, 3), {})
  })

  it('refuses what eth_call cannot do', () => {
    rejects(
      () => blockOverrides({ withdrawals: [] }, 3),
      'invalid argument 3: block override "withdrawals" is not supported for this RPC method',
    )
    rejects(() => blockOverrides({ timestamp: '0x1' }, 3), 'invalid argument 3: unknown field "timestamp"')
    rejects(() => blockOverrides({ time: '0x10000000000000000' }, 3), /hex number > 64 bits/)
  })

  it('callOverrides keeps absent parameters absent', () => {
    assert.deepEqual(callOverrides(undefined, 2, undefined, 3), {})
  })
})

describe('trace config', () => {
  it('defaults to the struct logger, with its options', () => {
    assert.deepEqual(traceConfig(undefined, 1), {
      tracer: 'structLogger',
      structLogger: {
        enableMemory: false,
        disableStack: false,
        disableStorage: false,
        enableReturnData: false,
        limit: 0,
      },
    })
    const c = traceConfig(
      { enableMemory: true, disableStack: true, limit: 10, timeout: '1m30s', reexec: 5 },
      1,
    )
    assert.equal(c.tracer, 'structLogger')
    assert.equal(c.timeoutMs, 90_000)
    if (c.tracer === 'structLogger') assert.equal(c.structLogger.limit, 10)
  })

  it('callTracer with its tracerConfig; unknown tracers and bad options are -32602', () => {
    assert.deepEqual(traceConfig({ tracer: 'callTracer', tracerConfig: { onlyTopCall: true } }, 1), {
      tracer: 'callTracer',
      callTracer: { onlyTopCall: true, withLog: false },
    })
    rejects(
      () => traceConfig({ tracer: '{ step: function() {} }' }, 1),
      /^invalid argument 1: unknown tracer/,
    )
    rejects(() => traceConfig({ disableStack: 'yes' }, 1), /disableStack: cannot unmarshal non-bool/)
    rejects(() => traceConfig({ limit: -1 }, 1), /limit/)
    rejects(
      () => traceConfig({ tracer: 'callTracer', tracerConfig: { withLog: 1 } }, 1),
      /tracerConfig.withLog/,
    )
    rejects(() => traceConfig('callTracer', 1), /cannot unmarshal non-object/)
  })

  it('traceCall config carries overrides', () => {
    const { trace, overrides } = traceCallConfig(
      {
        tracer: 'callTracer',
        stateOverrides: { [ADDR]: { balance: '0x1' } },
        blockOverrides: { number: '0x5' },
      },
      2,
    )
    assert.equal(trace.tracer, 'callTracer')
    assert.equal(overrides.state?.[0]?.account.balance, 1n)
    assert.equal(overrides.block?.number, 5n)
    rejects(
      () => traceCallConfig({ stateOverrides: { [ADDR]: { bogus: 1 } } }, 2),
      `invalid argument 2: stateOverrides.${ADDR}: unknown field "bogus"`,
    )
  })

  it('Go durations', () => {
    assert.equal(goDuration('250ms', 1), 250)
    assert.equal(goDuration('2h', 1), 7_200_000)
    assert.equal(goDuration('1.5s', 1), 1500)
    rejects(() => goDuration('10', 1), /invalid duration/)
    rejects(() => goDuration(10, 1), /invalid duration/)
  })
})
