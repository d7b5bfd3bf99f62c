// Hostile and broken input over raw HTTP: every bad request gets the standard JSON-RPC error (or a
// 413 for an oversized body), and the node keeps serving and producing blocks afterwards.
import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { Wallet } from 'ethers'
import {
  blockNumber,
  DEV_ADDRESSES,
  DEV_CHAIN_ID,
  DEV_KEYS,
  type DevNode,
  postRaw,
  RpcResponseError,
  rpc,
  startDevNode,
  target,
  waitForBlock,
  waitForReceipt,
} from '../helpers/node.ts'

interface ErrorBody {
  jsonrpc: string
  id: unknown
  error: { code: number; message: string; data?: unknown }
}

function errorOf(json: unknown, what: string): ErrorBody['error'] {
  assert.ok(
    json !== null && typeof json === 'object' && !Array.isArray(json),
    `${what}: ${JSON.stringify(json)}`,
  )
  const body = json as Partial<ErrorBody>
  assert.equal(body.jsonrpc, '2.0', what)
  assert.ok(body.error, `${what}: no error in ${JSON.stringify(json)}`)
  assert.equal(typeof body.error.code, 'number')
  assert.equal(typeof body.error.message, 'string')
  return body.error
}

const call = (method: string, params: unknown[], id: unknown = 1) =>
  JSON.stringify({ jsonrpc: '2.0', id, method, params })

/** Expects a JSON-RPC error response from `rpc` and returns it. */
async function rpcError(url: string, method: string, params: unknown[]): Promise<RpcResponseError> {
  try {
    const result = await rpc(url, method, params)
    assert.fail(`${method} ${JSON.stringify(params)} answered ${JSON.stringify(result)} instead of an error`)
  } catch (e) {
    assert.ok(e instanceof RpcResponseError, String(e))
    return e
  }
}

const signTransfer = (
  key: string,
  fields: { chainId?: number; nonce: number; to?: string; value?: bigint },
) =>
  new Wallet(key).signTransaction({
    type: 2,
    chainId: fields.chainId ?? DEV_CHAIN_ID,
    nonce: fields.nonce,
    to: fields.to ?? DEV_ADDRESSES[0],
    value: fields.value ?? 1n,
    gasLimit: 21_000n,
    maxFeePerGas: 100_000_000_000n,
    maxPriorityFeePerGas: 1_000_000_000n,
  })

describe('bad input over JSON-RPC', {
  skip: target !== 'mosaic' && 'codes and messages follow geth; hardhat differs',
}, () => {
  let node: DevNode
  let url: string
  let startHead: number

  before(async () => {
    node = await startDevNode()
    url = node.url
    startHead = await blockNumber(url)
  })

  after(async () => {
    await node?.stop()
  })

  test('malformed JSON: -32700 with a null id', async () => {
    for (const body of ['{"jsonrpc":"2.0","id":1,"method":"eth_chainId"', 'not json at all', '{"a":}']) {
      const res = await postRaw(url, body)
      const json = res.json as Partial<ErrorBody>
      assert.equal(errorOf(json, body).code, -32700, body)
      assert.equal(json.id, null)
    }
  })

  test('unknown method: -32601 and the id echoed back', async () => {
    const res = await postRaw(url, call('eth_noSuchMethod', [], 'abc'))
    const json = res.json as Partial<ErrorBody>
    assert.equal(errorOf(json, 'unknown method').code, -32601)
    assert.equal(json.id, 'abc')
    assert.equal((await rpcError(url, 'admin_peers', [])).code, -32601)
  })

  test('invalid request objects: -32600', async () => {
    for (const body of [
      '{"jsonrpc":"2.0","id":1}',
      '{"jsonrpc":"2.0","id":1,"method":42}',
      '"just a string"',
      '[]',
    ]) {
      const res = await postRaw(url, body)
      assert.equal(errorOf(res.json, body).code, -32600, body)
    }
  })

  test('wrong parameter types: -32602 "invalid argument ..."', async () => {
    const cases: [string, unknown[]][] = [
      ['eth_getBalance', [123, 'latest']],
      ['eth_getBalance', ['0x1234', 'latest']],
      ['eth_getBalance', ['0xzz39Fd6e51aad88F6F4ce6aB8827279cffFb9226', 'latest']],
      ['eth_getBalance', [DEV_ADDRESSES[0], 'notatag']],
      ['eth_getBlockByNumber', [{}, false]],
      ['eth_getTransactionByHash', ['0x1234']],
      ['eth_call', ['not an object', 'latest']],
    ]
    for (const [method, params] of cases) {
      const e = await rpcError(url, method, params)
      assert.equal(e.code, -32602, `${method} ${JSON.stringify(params)}: ${e.message}`)
      assert.match(e.message, /^eth_\w+: -32602 invalid argument/, `${method} ${JSON.stringify(params)}`)
    }
  })

  test('oversized body (6 MiB): 413 or -32600', async () => {
    const body = call('eth_call', [
      { to: DEV_ADDRESSES[0], data: `0x${'00'.repeat(3 * 1024 * 1024)}` },
      'latest',
    ])
    assert.ok(body.length > 6 * 1024 * 1024)
    // Several in a row: each sender must get the error itself, not a connection closed mid-upload.
    for (let i = 0; i < 5; i++) {
      const res = await postRaw(url, body)
      if (target === 'mosaic') {
        assert.equal(res.status, 413)
        assert.match(errorOf(res.json, 'oversized').message, /request body too large/)
      } else if (res.status !== 413) {
        assert.equal(errorOf(res.json, 'oversized').code, -32600, `HTTP ${res.status}`)
      }
    }
  })

  test('batches: up to the limit answered in full, over it -32005', async () => {
    const batch = (n: number) =>
      JSON.stringify(
        Array.from({ length: n }, (_, i) => ({ jsonrpc: '2.0', id: i, method: 'eth_chainId', params: [] })),
      )

    const ok = await postRaw(url, batch(1000))
    assert.ok(Array.isArray(ok.json), `1000-entry batch: ${ok.text.slice(0, 200)}`)
    const answers = ok.json as { id: number; result: string }[]
    assert.equal(answers.length, 1000)
    assert.deepEqual(new Set(answers.map((a) => a.id)).size, 1000)
    assert.ok(answers.every((a) => a.result === `0x${DEV_CHAIN_ID.toString(16)}`))

    const over = await postRaw(url, batch(1001))
    if (Array.isArray(over.json)) {
      // Some servers answer each entry with the limit error; accept that shape too.
      assert.ok(over.json.length > 0)
      for (const entry of over.json) assert.equal(errorOf(entry, 'batch entry').code, -32005)
    } else {
      assert.equal(errorOf(over.json, 'batch of 1001').code, -32005)
    }

    // A mixed batch answers each entry on its own; notifications get no answer.
    const mixed = await postRaw(
      url,
      JSON.stringify([
        { jsonrpc: '2.0', id: 'a', method: 'eth_chainId', params: [] },
        { jsonrpc: '2.0', id: 'b', method: 'eth_noSuchMethod', params: [] },
        { jsonrpc: '2.0', method: 'eth_chainId', params: [] },
        { jsonrpc: '2.0', id: 'c', method: 'eth_getBalance', params: [7, 'latest'] },
      ]),
    )
    assert.ok(Array.isArray(mixed.json), mixed.text)
    const entries = mixed.json as { id: string; result?: unknown; error?: { code: number } }[]
    assert.equal(entries.length, 3, 'no answer to the notification')
    const byId = new Map(entries.map((e) => [e.id, e]))
    assert.equal(byId.get('a')?.result, `0x${DEV_CHAIN_ID.toString(16)}`)
    assert.equal(byId.get('b')?.error?.code, -32601)
    assert.equal(byId.get('c')?.error?.code, -32602)
  })

  test('garbage raw transactions: -32003 or -32602', async () => {
    const garbage = await rpcError(url, 'eth_sendRawTransaction', ['0xdeadbeef'])
    assert.ok([-32003, -32602].includes(garbage.code), garbage.message)
    const notHex = await rpcError(url, 'eth_sendRawTransaction', ['hello'])
    assert.equal(notHex.code, -32602, notHex.message)
  })

  test('a well-formed transaction for another chain id: -32003 invalid chain id', async () => {
    const wrongChain = await signTransfer(DEV_KEYS[7], { chainId: 1, nonce: 0 })
    const e = await rpcError(url, 'eth_sendRawTransaction', [wrongChain])
    assert.equal(e.code, -32003, e.message)
    assert.match(e.message, /invalid chain id/)
  })

  test('a sender without funds: insufficient funds', async () => {
    const poor = await signTransfer(Wallet.createRandom().privateKey, { nonce: 0 })
    const e = await rpcError(url, 'eth_sendRawTransaction', [poor])
    assert.match(e.message, /insufficient funds/)
  })

  test('a mined nonce again: nonce too low, and the account is unharmed', async () => {
    const first = await signTransfer(DEV_KEYS[8], { nonce: 0, value: 1n })
    const hash = await rpc<string>(url, 'eth_sendRawTransaction', [first])
    assert.equal((await waitForReceipt(url, hash)).status, '0x1')
    // A different transaction (not a duplicate) with the used nonce.
    const stale = await signTransfer(DEV_KEYS[8], { nonce: 0, value: 2n })
    const e = await rpcError(url, 'eth_sendRawTransaction', [stale])
    assert.match(e.message, /nonce too low/)

    const next = await signTransfer(DEV_KEYS[8], { nonce: 1, value: 3n })
    const nextHash = await rpc<string>(url, 'eth_sendRawTransaction', [next])
    assert.equal((await waitForReceipt(url, nextHash)).status, '0x1')
  })

  test('the node still serves and produces blocks after all of it', async () => {
    const head = await blockNumber(url)
    assert.ok(head >= startHead)
    assert.ok((await waitForBlock(url, head + 2)) >= head + 2)
    assert.equal(node.proc.exitCode, null, 'node process still running')
  })
})
