import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import type { JsonRpcResponse } from '../../../rpc/dispatch.ts'
import { jsonBytes, plainResponse, RawJson, responseBody } from '../../../rpc/rawJson.ts'

const items = [{ a: '0x1', b: ['x', 'ü'] }, { a: '0x2', b: [] }, null]
const raw = (): RawJson => RawJson.array(items.map(jsonBytes))

describe('raw JSON results', () => {
  it('sends a raw result as the bytes JSON.stringify would write for its value', () => {
    const res: JsonRpcResponse = { jsonrpc: '2.0', id: 'q"1', result: raw() }
    const body = responseBody(res)
    assert.ok(Buffer.isBuffer(body))
    assert.equal(body.toString('utf8'), JSON.stringify({ jsonrpc: '2.0', id: 'q"1', result: items }))
  })

  it('splices raw results into a batch beside plain results and errors', () => {
    const batch: JsonRpcResponse[] = [
      { jsonrpc: '2.0', id: 1, result: raw() },
      { jsonrpc: '2.0', id: 2, result: '0x5' },
      { jsonrpc: '2.0', id: null, error: { code: -32600, message: 'invalid request' } },
      { jsonrpc: '2.0', id: 3, result: RawJson.array([]) },
    ]
    const plain = [
      { jsonrpc: '2.0', id: 1, result: items },
      { jsonrpc: '2.0', id: 2, result: '0x5' },
      { jsonrpc: '2.0', id: null, error: { code: -32600, message: 'invalid request' } },
      { jsonrpc: '2.0', id: 3, result: [] },
    ]
    assert.equal(responseBody(batch).toString(), JSON.stringify(plain))
    assert.deepEqual(plainResponse(batch), plain)
  })

  it('is a plain string when no result is raw, and JSON.stringify still reads raw results', () => {
    const res: JsonRpcResponse = { jsonrpc: '2.0', id: 7, result: ['0x1'] }
    assert.equal(responseBody(res), JSON.stringify(res))
    assert.equal(JSON.stringify({ r: raw() }), JSON.stringify({ r: items }))
  })
})
