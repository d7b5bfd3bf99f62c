// The comparison rules of the conformance runner (hive rpc-compat), so the runner can fail.
import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { compareResponse, parseIo } from './rpcCompat.ts'

const ok = (result: unknown) => ({ jsonrpc: '2.0', id: 1, result })
const err = (code: number, message: string, data?: unknown) => ({
  jsonrpc: '2.0',
  id: 1,
  error: { code, message, ...(data === undefined ? {} : { data }) },
})

describe('rpc-compat comparison', () => {
  it('compares structurally, numbers as numbers, key order ignored', () => {
    assert.equal(
      compareResponse(ok({ a: 1, b: [true, null] }), ok({ b: [true, null], a: 1 }), false),
      undefined,
    )
    assert.equal(compareResponse(ok({ a: 0.5 }), ok({ a: 0.5 }), false), undefined)
    assert.match(compareResponse(ok({ a: 1 }), ok({ a: '0x1' }), false)!, /^\$\.result\.a: got 1, want "0x1"/)
    assert.match(
      compareResponse(ok({ a: 1, b: 2 }), ok({ a: 1 }), false)!,
      /^\$\.result\.b: unexpected field/,
    )
    assert.match(compareResponse(ok([1]), ok([1, 2]), false)!, /got 1 items, want 2/)
    assert.match(compareResponse(ok(null), err(-32000, 'x'), false)!, /\$\.error: missing/)
  })

  it('ignores error.message when both sides are errors, but not code or data', () => {
    assert.equal(
      compareResponse(err(3, 'execution reverted: a', '0x01'), err(3, 'other words', '0x01'), false),
      undefined,
    )
    assert.match(
      compareResponse(err(-32602, 'x'), err(-32000, 'x'), false)!,
      /\$\.error\.code: got -32602, want -32000/,
    )
    assert.match(compareResponse(err(3, 'x', '0x02'), err(3, 'x', '0x01'), false)!, /\$\.error\.data/)
  })

  it('checks speconly responses for shape only', () => {
    assert.equal(compareResponse(ok('0x5208'), ok('0x5316'), true), undefined)
    assert.equal(compareResponse(ok([{ a: '0x1' }, { a: '0x2' }]), ok([{ a: '0x9' }]), true), undefined)
    assert.match(compareResponse(ok(21000), ok('0x5316'), true)!, /want a string/)
    assert.match(
      compareResponse(ok({ a: '0x1' }), ok({ a: '0x1', b: '0x2' }), true)!,
      /\$\.result\.b: missing/,
    )
  })

  it('reads .io files: comments, request, response, speconly', () => {
    const c = parseIo(
      'eth_x/y.io',
      'eth_x',
      '// estimates\n// speconly: client response is only checked for schema validity.\n>> {"id":1}\n<< {"id":1,"result":"0x1"}\n',
    )
    assert.deepEqual(c, {
      name: 'eth_x/y.io',
      method: 'eth_x',
      request: '{"id":1}',
      expected: { id: 1, result: '0x1' },
      specOnly: true,
    })
  })
})
