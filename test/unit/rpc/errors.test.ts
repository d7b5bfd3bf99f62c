import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { bytesToHex, hexToBytes } from '@ethereumjs/util'
import { decodeRevertReason, revertError } from '../../../rpc/errors.ts'
import { RpcError, toRpcError } from '../../../rpc/index.ts'
import { CodedTestError, REVERT_NOPE } from './fixture.ts'

describe('toRpcError', () => {
  it('passes tx pool rejections through as -32003 with the message unchanged', () => {
    for (const [code, message] of [
      ['NONCE_TOO_LOW', 'nonce too low'],
      ['INSUFFICIENT_FUNDS', 'insufficient funds for gas * price + value'],
      ['REPLACEMENT_UNDERPRICED', 'replacement transaction underpriced'],
      ['ALREADY_KNOWN', 'already known'],
      ['NONCE_TOO_HIGH', 'nonce too high'],
      ['INVALID_TRANSACTION', 'rlp: expected List'],
    ] as const) {
      const e = toRpcError(new CodedTestError(code, message))
      assert.equal(e.code, -32003, code)
      assert.equal(e.message, message)
      assert.equal(e.data, undefined)
    }
  })

  it('maps a coded revert to code 3 with the decoded reason and hex data', () => {
    const e = toRpcError(new CodedTestError('EXECUTION_REVERTED', 'reverted', REVERT_NOPE))
    assert.deepEqual(e.toJSON(), {
      code: 3,
      message: 'execution reverted: nope',
      data: bytesToHex(REVERT_NOPE),
    })
    const bare = toRpcError({ code: 'EXECUTION_REVERTED', message: 'x', data: new Uint8Array() })
    assert.deepEqual(bare.toJSON(), { code: 3, message: 'execution reverted', data: '0x' })
    const custom = toRpcError({ code: 'EXECUTION_REVERTED', message: 'x', data: hexToBytes('0x12345678') })
    assert.deepEqual(custom.toJSON(), { code: 3, message: 'execution reverted', data: '0x12345678' })
  })

  it('maps the other backend codes', () => {
    const cases: [string, number, string][] = [
      ['EXECUTION_FAILED', -32000, 'out of gas'],
      ['UNKNOWN_ACCOUNT', -32000, 'unknown account'],
      ['NOT_DEV_MODE', -32000, 'method only available in dev mode'],
      ['NOT_FOUND', -32001, 'header not found'],
      ['UNKNOWN_BLOCK', -32001, 'header not found'],
      ['INVALID_PARAMS', -32602, 'out of gas'],
      ['TIMEOUT', -32000, 'execution timeout'],
    ]
    for (const [code, rpcCode, message] of cases) {
      const e = toRpcError(new CodedTestError(code, 'out of gas'))
      assert.equal(e.code, rpcCode, code)
      assert.equal(e.message, message, code)
    }
    const limit = toRpcError(
      new CodedTestError('LIMIT_EXCEEDED', 'too many', { limit: 5n, hash: new Uint8Array([1]) }),
    )
    assert.deepEqual(limit.toJSON(), {
      code: -32005,
      message: 'too many',
      data: { limit: '0x5', hash: '0x01' },
    })
  })

  it('hides anything else behind -32603, keeping the original as cause', () => {
    const boom = new Error('secret path /var/db')
    const e = toRpcError(boom)
    assert.deepEqual(e.toJSON(), { code: -32603, message: 'internal error' })
    assert.equal(e.cause, boom)
    assert.equal(toRpcError({ code: 'ECONNRESET', message: 'socket' }).code, -32603)
    assert.equal(toRpcError('string thrown').code, -32603)
    const rpc = new RpcError(-32602, 'invalid argument 0: x')
    assert.equal(toRpcError(rpc), rpc)
  })
})

describe('revert reasons', () => {
  it('decodes Error(string) and Panic(uint256) like geth', () => {
    assert.equal(decodeRevertReason(REVERT_NOPE), 'nope')
    const panic = hexToBytes(`0x4e487b71${'11'.padStart(64, '0')}`)
    assert.equal(decodeRevertReason(panic), 'arithmetic underflow or overflow')
    assert.equal(revertError(panic).message, 'execution reverted: arithmetic underflow or overflow')
    const oddPanic = hexToBytes(`0x4e487b71${'99'.padStart(64, '0')}`)
    assert.equal(decodeRevertReason(oddPanic), 'unknown panic code: 0x99')
    assert.equal(decodeRevertReason(REVERT_NOPE.subarray(0, 40)), undefined)
    assert.equal(decodeRevertReason(new Uint8Array([1, 2])), undefined)
  })
})
