import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { bytesToHex } from '@ethereumjs/util'
import pino from 'pino'
import { Registry } from 'prom-client'
import { RpcServer } from '../../../rpc/index.ts'
import { assertSpecResponse } from '../../helpers/rpcSchema.ts'
import {
  BASE_FEE_1,
  block1,
  CodedTestError,
  contract,
  GWEI,
  genesis,
  REVERT_NOPE,
  recipient,
  sender,
  TestBackend,
  topicA,
  tx1559,
  txLegacy,
  txPending,
} from './fixture.ts'

const logger = pino({ level: 'silent' })

interface RpcReply {
  jsonrpc: string
  id: unknown
  result?: unknown
  error?: { code: number; message: string; data?: unknown }
}

async function post(url: string, body: string, headers: Record<string, string> = {}) {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body,
  })
  const text = await res.text()
  return { status: res.status, headers: res.headers, text, json: text === '' ? undefined : JSON.parse(text) }
}

async function rpc(url: string, method: string, params: unknown[] = []): Promise<RpcReply> {
  const { json } = await post(url, JSON.stringify({ jsonrpc: '2.0', id: 7, method, params }))
  assertSpecResponse(method, json)
  return json as RpcReply
}

async function result(url: string, method: string, params: unknown[] = []): Promise<Record<string, unknown>> {
  const r = await rpc(url, method, params)
  assert.equal(r.error, undefined, `${method} failed: ${JSON.stringify(r.error)}`)
  return r.result as Record<string, unknown>
}

describe('RpcServer over HTTP', () => {
  const backend = new TestBackend()
  const registry = new Registry()
  const server = new RpcServer(
    { port: 0, maxBodyBytes: 4096, maxBatch: 4, logsBlockRange: 1, cors: ['https://app.example'] },
    { backend, logger, metricsRegistry: registry },
  )
  let url = ''

  before(async () => {
    url = (await server.listen()).url
  })
  after(async () => {
    await server.close()
  })

  describe('transport', () => {
    it('answers malformed JSON with -32700 and HTTP 200, then keeps serving', async () => {
      const bad = await post(url, '{"jsonrpc":"2.0","id":1,"method":')
      assert.equal(bad.status, 200)
      assert.equal(bad.json.jsonrpc, '2.0')
      assert.equal(bad.json.id, null)
      assert.equal(bad.json.error.code, -32700)
      assert.match(bad.json.error.message, /^parse error: /)
      assert.equal((await result(url, 'eth_chainId')) as unknown, '0x5eb')
    })

    it('treats an empty body as a parse error', async () => {
      const r = await post(url, '')
      assert.equal(r.status, 200)
      assert.equal(r.json.error.code, -32700)
    })

    it('reads any content type as JSON', async () => {
      const r = await post(url, JSON.stringify({ jsonrpc: '2.0', id: 'a', method: 'net_version' }), {
        'content-type': 'text/plain',
      })
      assert.deepEqual(r.json, { jsonrpc: '2.0', id: 'a', result: '1515' })
    })

    it('rejects a body over maxBodyBytes with 413 and a JSON-RPC -32600', async () => {
      const big = JSON.stringify({
        jsonrpc: '2.0',
        id: 1,
        method: 'web3_sha3',
        params: [`0x${'00'.repeat(4096)}`],
      })
      const r = await post(url, big)
      assert.equal(r.status, 413)
      assert.equal(r.json.jsonrpc, '2.0')
      assert.equal(r.json.id, null)
      assert.deepEqual(r.json.error, { code: -32600, message: 'request body too large: limit 4096 bytes' })
      assert.equal((await result(url, 'eth_blockNumber')) as unknown, '0x1')
    })

    it('also limits a chunked body that announces no length', async () => {
      const chunk = new TextEncoder().encode(' '.repeat(3000))
      const body = new ReadableStream({
        start(c) {
          c.enqueue(chunk)
          c.enqueue(chunk)
          c.close()
        },
      })
      const res = await fetch(url, { method: 'POST', body, duplex: 'half' } as RequestInit)
      assert.equal(res.status, 413)
      assert.equal(((await res.json()) as RpcReply).error?.code, -32600)
    })

    it('serves a health check and metrics', async () => {
      const health = await fetch(`${url}/`)
      assert.equal(health.status, 200)
      assert.equal(await health.text(), 'ok')
      await result(url, 'eth_chainId')
      await rpc(url, 'no_suchMethod')
      const metrics = await (await fetch(`${url}/metrics`)).text()
      assert.match(metrics, /mosaic_rpc_requests_total\{method="eth_chainId"\} [1-9]/)
      assert.match(metrics, /mosaic_rpc_requests_total\{method="unknown"\} [1-9]/)
      assert.doesNotMatch(metrics, /no_suchMethod/)
    })

    it('answers CORS preflight for allowed origins only', async () => {
      const ok = await fetch(url, {
        method: 'OPTIONS',
        headers: {
          origin: 'https://app.example',
          'access-control-request-method': 'POST',
          'access-control-request-headers': 'content-type',
        },
      })
      assert.equal(ok.status, 204)
      assert.equal(ok.headers.get('access-control-allow-origin'), 'https://app.example')
      assert.match(ok.headers.get('access-control-allow-methods') ?? '', /POST/)
      assert.equal(ok.headers.get('access-control-allow-headers'), 'content-type')

      const other = await fetch(url, {
        method: 'OPTIONS',
        headers: { origin: 'https://evil.example', 'access-control-request-method': 'POST' },
      })
      assert.equal(other.headers.get('access-control-allow-origin'), null)

      const r = await post(url, JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'eth_chainId' }), {
        origin: 'https://app.example',
      })
      assert.equal(r.headers.get('access-control-allow-origin'), 'https://app.example')
    })

    it('sends no CORS headers when cors is not configured', async () => {
      const plain = new RpcServer({ port: 0 }, { backend, logger })
      const { url: plainUrl } = await plain.listen()
      try {
        const r = await post(plainUrl, JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'eth_chainId' }), {
          origin: 'https://app.example',
        })
        assert.equal(r.json.result, '0x5eb')
        assert.equal(r.headers.get('access-control-allow-origin'), null)
      } finally {
        await plain.close()
      }
    })
  })

  describe('requests and batches', () => {
    it('reports unknown methods with -32601', async () => {
      const r = await rpc(url, 'eth_doesNotExist')
      assert.deepEqual(r.error, {
        code: -32601,
        message: 'the method eth_doesNotExist does not exist/is not available',
      })
      assert.equal(r.id, 7)
    })

    it('does not resolve Object.prototype members as methods', async () => {
      assert.equal((await rpc(url, 'constructor')).error?.code, -32601)
      assert.equal((await rpc(url, '__proto__')).error?.code, -32601)
    })

    it('rejects wrong parameter types with -32602 naming the argument', async () => {
      const r = await rpc(url, 'eth_getBalance', [123, 'latest'])
      assert.equal(r.error?.code, -32602)
      assert.match(r.error?.message ?? '', /^invalid argument 0: /)
      const r2 = await rpc(url, 'eth_getBalance', [bytesToHex(sender.bytes), '0x01'])
      assert.deepEqual(r2.error, {
        code: -32602,
        message: 'invalid argument 1: hex number with leading zero digits',
      })
    })

    it('checks the parameter count', async () => {
      assert.deepEqual((await rpc(url, 'eth_getBalance', [])).error, {
        code: -32602,
        message: 'missing value for required argument 0',
      })
      assert.deepEqual((await rpc(url, 'eth_chainId', [1])).error, {
        code: -32602,
        message: 'too many arguments, want at most 0',
      })
    })

    it('rejects invalid request objects with -32600', async () => {
      for (const body of [
        { id: 1, method: 'eth_chainId' },
        { jsonrpc: '1.0', id: 1, method: 'eth_chainId' },
        { jsonrpc: '2.0', id: 1, method: 5 },
        { jsonrpc: '2.0', id: { x: 1 }, method: 'eth_chainId' },
        'eth_chainId',
      ]) {
        const r = await post(url, JSON.stringify(body))
        assert.equal(r.status, 200)
        assert.equal(r.json.error.code, -32600, JSON.stringify(body))
      }
    })

    it('rejects non-array params with -32602', async () => {
      const r = await post(
        url,
        JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'eth_getBalance', params: {} }),
      )
      assert.equal(r.json.error.code, -32602)
    })

    it('answers a mixed batch per entry and skips notifications', async () => {
      const r = await post(
        url,
        JSON.stringify([
          { jsonrpc: '2.0', id: 1, method: 'eth_chainId' },
          { jsonrpc: '2.0', method: 'eth_blockNumber' },
          42,
          { jsonrpc: '2.0', id: 'x', method: 'nope_nope' },
        ]),
      )
      assert.equal(r.status, 200)
      assert.deepEqual(r.json, [
        { jsonrpc: '2.0', id: 1, result: '0x5eb' },
        { jsonrpc: '2.0', id: null, error: { code: -32600, message: 'invalid request' } },
        {
          jsonrpc: '2.0',
          id: 'x',
          error: { code: -32601, message: 'the method nope_nope does not exist/is not available' },
        },
      ])
    })

    it('sends nothing back for a lone notification', async () => {
      const r = await post(url, JSON.stringify({ jsonrpc: '2.0', method: 'eth_chainId' }))
      assert.equal(r.status, 204)
      assert.equal(r.text, '')
    })

    it('rejects an empty batch and a batch over maxBatch with one error', async () => {
      const empty = await post(url, '[]')
      assert.deepEqual(empty.json, {
        jsonrpc: '2.0',
        id: null,
        error: { code: -32600, message: 'empty batch' },
      })
      const call = { jsonrpc: '2.0', id: 1, method: 'eth_chainId' }
      const big = await post(url, JSON.stringify([call, call, call, call, call]))
      assert.equal(big.status, 200)
      assert.deepEqual(big.json, {
        jsonrpc: '2.0',
        id: null,
        error: { code: -32005, message: 'batch too large: 5 requests, limit 4', data: { maxBatch: 4 } },
      })
    })
  })

  describe('eth namespace', () => {
    it('formats blocks like geth', async () => {
      const b = await result(url, 'eth_getBlockByNumber', ['0x1', false])
      assert.equal(b['number'], '0x1')
      assert.equal(b['hash'], bytesToHex(block1.hash()))
      assert.equal(b['parentHash'], bytesToHex(genesis.hash()))
      assert.equal(b['miner'], '0xc0c0c0c0c0c0c0c0c0c0c0c0c0c0c0c0c0c0c0c0')
      assert.equal(b['baseFeePerGas'], '0x3b9aca00')
      assert.equal(b['gasUsed'], '0xc738')
      assert.equal(b['extraData'], '0x6d6f73616963')
      assert.equal(b['nonce'], '0x0000000000000000')
      assert.equal(b['difficulty'], '0x0')
      assert.equal(b['size'], `0x${block1.serialize().length.toString(16)}`)
      assert.equal(b['totalDifficulty'], undefined)
      assert.deepEqual(b['uncles'], [])
      assert.deepEqual(b['withdrawals'], [])
      for (const k of [
        'sha3Uncles',
        'logsBloom',
        'transactionsRoot',
        'stateRoot',
        'receiptsRoot',
        'mixHash',
        'withdrawalsRoot',
        'blobGasUsed',
        'excessBlobGas',
        'parentBeaconBlockRoot',
        'requestsHash',
      ]) {
        assert.equal(typeof b[k], 'string', k)
      }
      assert.deepEqual(b['transactions'], [bytesToHex(tx1559.hash()), bytesToHex(txLegacy.hash())])
    })

    it('formats full transactions with their effective gas price', async () => {
      const b = await result(url, 'eth_getBlockByHash', [bytesToHex(block1.hash()), true])
      const [t0, t1] = b['transactions'] as Record<string, unknown>[]
      assert.equal(t0?.['type'], '0x2')
      assert.equal(t0?.['from'], sender.toString())
      // baseFee 1 gwei + min(tip 2 gwei, maxFee 10 - baseFee 1) = 3 gwei
      assert.equal(t0?.['gasPrice'], `0x${(BASE_FEE_1 + 2n * GWEI).toString(16)}`)
      assert.equal(t0?.['maxFeePerGas'], `0x${(10n * GWEI).toString(16)}`)
      assert.equal(t0?.['blockNumber'], '0x1')
      assert.equal(t0?.['transactionIndex'], '0x0')
      assert.equal(t0?.['chainId'], '0x5eb')
      assert.equal(t0?.['yParity'], t0?.['v'])
      assert.deepEqual(t0?.['accessList'], [])
      assert.equal(t1?.['type'], '0x0')
      assert.equal(t1?.['gasPrice'], `0x${(5n * GWEI).toString(16)}`)
      assert.equal(t1?.['chainId'], '0x5eb')
      assert.equal(t1?.['input'], '0xabcdef')
      assert.equal(t1?.['to'], bytesToHex(contract))
      assert.equal(t1?.['yParity'], undefined)
    })

    it('returns null for unknown blocks and transactions, header not found for state', async () => {
      assert.equal((await rpc(url, 'eth_getBlockByNumber', ['0x99', false])).result, null)
      assert.equal((await rpc(url, 'eth_getBlockByHash', [`0x${'ab'.repeat(32)}`, false])).result, null)
      assert.equal((await rpc(url, 'eth_getTransactionByHash', [`0x${'ab'.repeat(32)}`])).result, null)
      assert.equal((await rpc(url, 'eth_getTransactionReceipt', [`0x${'ab'.repeat(32)}`])).result, null)
      assert.equal((await rpc(url, 'eth_getBlockTransactionCountByNumber', ['0x99'])).result, null)
      const r = await rpc(url, 'eth_getBalance', [bytesToHex(sender.bytes), '0x99'])
      assert.deepEqual(r.error, { code: -32001, message: 'header not found' })
    })

    it('reports pending transactions with null block fields and gasPrice = maxFeePerGas', async () => {
      const t = await result(url, 'eth_getTransactionByHash', [bytesToHex(txPending.hash())])
      assert.equal(t['blockHash'], null)
      assert.equal(t['blockNumber'], null)
      assert.equal(t['transactionIndex'], null)
      assert.equal(t['gasPrice'], `0x${(7n * GWEI).toString(16)}`)
    })

    it('formats receipts with logs', async () => {
      const r = await result(url, 'eth_getTransactionReceipt', [bytesToHex(txLegacy.hash())])
      assert.equal(r['status'], '0x1')
      assert.equal(r['type'], '0x0')
      assert.equal(r['gasUsed'], '0x7530')
      assert.equal(r['cumulativeGasUsed'], '0xc738')
      assert.equal(r['contractAddress'], null)
      assert.equal(r['to'], bytesToHex(contract))
      const logs = r['logs'] as Record<string, unknown>[]
      assert.equal(logs.length, 1)
      assert.deepEqual(logs[0]?.['topics'], [bytesToHex(topicA)])
      assert.equal(logs[0]?.['logIndex'], '0x0')
      assert.equal(logs[0]?.['removed'], false)
      const all = (await rpc(url, 'eth_getBlockReceipts', ['latest'])).result as unknown[]
      assert.equal(all.length, 2)
    })

    it('answers state queries by tag, number, hash and EIP-1898 object', async () => {
      const addr = bytesToHex(sender.bytes)
      const oneEth = 10n ** 18n
      assert.equal(
        (await rpc(url, 'eth_getBalance', [addr, 'latest'])).result,
        `0x${(oneEth + 1n).toString(16)}`,
      )
      assert.equal((await rpc(url, 'eth_getBalance', [addr, '0x0'])).result, `0x${oneEth.toString(16)}`)
      assert.equal(
        (
          await rpc(url, 'eth_getBalance', [
            addr,
            { blockHash: bytesToHex(genesis.hash()), requireCanonical: true },
          ])
        ).result,
        `0x${oneEth.toString(16)}`,
      )
      assert.equal(
        (await rpc(url, 'eth_getBalance', [addr, { blockNumber: '0x1' }])).result,
        `0x${(oneEth + 1n).toString(16)}`,
      )
      assert.equal((await rpc(url, 'eth_getTransactionCount', [addr, 'latest'])).result, '0x2')
      assert.equal((await rpc(url, 'eth_getTransactionCount', [addr, 'pending'])).result, '0x3')
      assert.equal(
        (await rpc(url, 'eth_getStorageAt', [bytesToHex(contract), '0x1', 'latest'])).result,
        `0x${'2a'.padStart(64, '0')}`,
      )
      assert.equal((await rpc(url, 'eth_getCode', [bytesToHex(contract), 'latest'])).result, '0x6000')
    })

    it('maps a reverted eth_call to code 3 with the revert data', async () => {
      const r = await rpc(url, 'eth_call', [{ to: bytesToHex(contract), data: '0xdead' }, 'latest'])
      assert.deepEqual(r.error, {
        code: 3,
        message: 'execution reverted: nope',
        data: bytesToHex(REVERT_NOPE),
      })
      const e = await rpc(url, 'eth_estimateGas', [{ to: bytesToHex(contract), input: '0xdead' }])
      assert.deepEqual(e.error, {
        code: 3,
        message: 'execution reverted: nope',
        data: bytesToHex(REVERT_NOPE),
      })
      const oog = await rpc(url, 'eth_call', [{ to: bytesToHex(contract), data: '0xbeef' }, 'latest'])
      assert.deepEqual(oog.error, { code: -32000, message: 'out of gas' })
    })

    it('caps eth_call gas at gasCap', async () => {
      // The test backend echoes the gas limit it was given.
      const none = await rpc(url, 'eth_call', [{ to: bytesToHex(contract) }, 'latest'])
      assert.equal(BigInt(none.result as string), 50_000_000n)
      const huge = await rpc(url, 'eth_call', [{ to: bytesToHex(contract), gas: '0xffffffffff' }, 'latest'])
      assert.equal(BigInt(huge.result as string), 50_000_000n)
      const small = await rpc(url, 'eth_call', [{ to: bytesToHex(contract), gas: '0x5208' }, 'latest'])
      assert.equal(BigInt(small.result as string), 21_000n)
    })

    it('maps tx pool rejections to -32003 with the message unchanged', async () => {
      backend.failWith = new CodedTestError('NONCE_TOO_LOW', 'nonce too low: next nonce 5, tx nonce 1')
      const r = await rpc(url, 'eth_sendRawTransaction', [bytesToHex(tx1559.serialize())])
      assert.deepEqual(r.error, { code: -32003, message: 'nonce too low: next nonce 5, tx nonce 1' })
      const bad = await rpc(url, 'eth_sendRawTransaction', ['0x01'])
      assert.equal(bad.error?.code, -32003)
      const notHex = await rpc(url, 'eth_sendRawTransaction', ['hello'])
      assert.equal(notHex.error?.code, -32602)
      const ok = await rpc(url, 'eth_sendRawTransaction', [bytesToHex(tx1559.serialize())])
      assert.match(ok.result as string, /^0x[0-9a-f]{64}$/)
    })

    it('hides unexpected backend failures behind -32603', async () => {
      backend.failWith = new Error('disk on fire')
      const r = await rpc(url, 'eth_getBalance', [bytesToHex(sender.bytes), 'latest'])
      assert.deepEqual(r.error, { code: -32603, message: 'internal error' })
    })

    it('limits the eth_getLogs block range with -32005', async () => {
      const r = await rpc(url, 'eth_getLogs', [{ fromBlock: '0x0', toBlock: '0x1' }])
      assert.deepEqual(r.error, {
        code: -32005,
        message: 'query exceeds max block range 1',
        data: { maxBlockRange: 1, maxResults: 10_000 },
      })
    })

    it('passes resolved log filters to the backend and returns matching logs', async () => {
      const logs = (await rpc(url, 'eth_getLogs', [
        { fromBlock: 'latest', address: bytesToHex(contract), topics: [[bytesToHex(topicA), null]] },
      ])) as RpcReply
      assert.equal((logs.result as unknown[]).length, 1)
      assert.equal(backend.lastLogFilter?.fromBlock, 1n)
      assert.equal(backend.lastLogFilter?.toBlock, 1n)
      assert.deepEqual(backend.lastLogFilter?.topics, [])
      const byHash = await rpc(url, 'eth_getLogs', [
        {
          blockHash: bytesToHex(block1.hash()),
          topics: [`0x${'bb'.repeat(32)}`],
        },
      ])
      assert.deepEqual(byHash.result, [])
      const matching = await rpc(url, 'eth_getLogs', [
        { blockHash: bytesToHex(block1.hash()), topics: [bytesToHex(topicA)] },
      ])
      assert.equal((matching.result as { blockHash: string }[])[0]?.blockHash, bytesToHex(block1.hash()))
      const exclusive = await rpc(url, 'eth_getLogs', [
        { blockHash: bytesToHex(block1.hash()), fromBlock: '0x1' },
      ])
      assert.equal(exclusive.error?.code, -32602)
    })

    it('serves eth_feeHistory like geth', async () => {
      const h = await result(url, 'eth_feeHistory', ['0x2', 'latest', [25, 75]])
      assert.equal(h['oldestBlock'], '0x0')
      const baseFees = h['baseFeePerGas'] as string[]
      assert.equal(baseFees.length, 3)
      assert.equal(baseFees[1], `0x${BASE_FEE_1.toString(16)}`)
      assert.equal(baseFees[2], `0x${block1.header.calcNextBaseFee().toString(16)}`)
      assert.deepEqual(h['gasUsedRatio'], [0, 51_000 / 30_000_000])
      // Block 1: the 1559 tx tips 2 gwei over 21k gas, the legacy one 5-1 = 4 gwei over 30k gas.
      assert.deepEqual(h['reward'], [
        ['0x0', '0x0'],
        [`0x${(2n * GWEI).toString(16)}`, `0x${(4n * GWEI).toString(16)}`],
      ])
      assert.equal((h['baseFeePerBlobGas'] as string[]).length, 3)
      const bad = await rpc(url, 'eth_feeHistory', ['0x2', 'latest', [50, 10]])
      assert.equal(bad.error?.code, -32602)
      const clamped = await result(url, 'eth_feeHistory', [5000, 'latest', []])
      assert.equal((clamped['gasUsedRatio'] as number[]).length, 2)
      assert.equal(clamped['reward'], undefined)
    })

    it('answers the small methods', async () => {
      assert.equal((await rpc(url, 'web3_clientVersion')).result, 'mosaic-node/test')
      assert.equal(
        (await rpc(url, 'web3_sha3', ['0x'])).result,
        '0xc5d2460186f7233c927e7db2dcc703c0e500b653ca82273b7bfad8045d85a470',
      )
      assert.equal((await rpc(url, 'net_listening')).result, true)
      assert.equal((await rpc(url, 'net_peerCount')).result, '0x3')
      assert.equal((await rpc(url, 'eth_syncing')).result, false)
      assert.equal((await rpc(url, 'eth_mining')).result, false)
      assert.equal((await rpc(url, 'eth_gasPrice')).result, `0x${(3n * GWEI).toString(16)}`)
      assert.equal((await rpc(url, 'eth_maxPriorityFeePerGas')).result, `0x${GWEI.toString(16)}`)
      assert.deepEqual((await rpc(url, 'eth_accounts')).result, [sender.toString()])
      assert.equal((await rpc(url, 'eth_getUncleCountByBlockNumber', ['latest'])).result, '0x0')
    })

    it('signs with dev accounts and maps unknown accounts', async () => {
      const personal = await rpc(url, 'personal_sign', ['0x68656c6c6f', bytesToHex(sender.bytes)])
      const eth = await rpc(url, 'eth_sign', [bytesToHex(sender.bytes), '0x68656c6c6f'])
      assert.equal(personal.result, eth.result)
      const typed = {
        types: { EIP712Domain: [{ name: 'name', type: 'string' }], Mail: [{ name: 'body', type: 'string' }] },
        primaryType: 'Mail',
        domain: { name: 'x' },
        message: { body: 'hi' },
      }
      const asObject = await rpc(url, 'eth_signTypedData_v4', [bytesToHex(sender.bytes), typed])
      const asString = await rpc(url, 'eth_signTypedData_v4', [
        bytesToHex(sender.bytes),
        JSON.stringify(typed),
      ])
      assert.equal(typeof asObject.result, 'string')
      assert.equal(asObject.result, asString.result)
      const unknown = await rpc(url, 'eth_sendTransaction', [
        { from: bytesToHex(recipient), to: bytesToHex(contract) },
      ])
      assert.deepEqual(unknown.error, { code: -32000, message: 'unknown account' })
      const wrongChain = await rpc(url, 'eth_sendTransaction', [
        { from: bytesToHex(sender.bytes), chainId: '0x1' },
      ])
      assert.equal(wrongChain.error?.code, -32000)
      assert.match(wrongChain.error?.message ?? '', /chainId does not match/)
    })
  })
})

describe('RpcServer limits', () => {
  it('refuses eth_getLogs results over logsMaxResults with -32005', async () => {
    const backend = new TestBackend()
    const server = new RpcServer({ logsMaxResults: 0 }, { backend, logger })
    const r = (await server.handle({
      jsonrpc: '2.0',
      id: 1,
      method: 'eth_getLogs',
      params: [{ fromBlock: '0x0' }],
    })) as RpcReply
    assert.deepEqual(r.error, {
      code: -32005,
      message: 'query returned more than 0 results',
      data: { maxBlockRange: 10_000, maxResults: 0 },
    })
    assert.equal(backend.lastLogFilter?.maxResults, 0)
  })
})
