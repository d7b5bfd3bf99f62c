// Abuse against a real `mosaic-node dev` process: 10,000 subscriptions on one socket, a WebSocket
// client that never reads, eth_getLogs over the whole chain, huge batches and an endless eth_call.
// Each gets a limit error (or the connection dropped), and afterwards another client gets correct
// answers. Nothing here measures time: the node's own counters and logs show what it did.
import assert from 'node:assert/strict'
import { once } from 'node:events'
import { after, before, describe, test } from 'node:test'
import WebSocket from 'ws'
import {
  DEV_ADDRESSES,
  type DevNode,
  postRaw,
  RpcResponseError,
  rpc,
  startDevNode,
  target,
  waitFor,
  waitForBlock,
  waitForReceipt,
} from '../helpers/node.ts'

const BUFFER_LIMIT = 1024 * 1024
const LOGS_RANGE = 5
const DEV_BALANCE = `0x${(10_000n * 10n ** 18n).toString(16)}`
/** Init code of a contract whose code is 24,000 zero bytes: eth_getCode answers ~48 KB. */
const BIG_CODE_INIT_CODE = '0x615dc06000f3'
/** Init code that loops forever (JUMPDEST PUSH1 0 JUMP). */
const ENDLESS_INIT_CODE = '0x5b600056'

interface Reply {
  id?: unknown
  result?: unknown
  error?: { code: number; message: string; data?: unknown }
  method?: string
}

/** A raw WebSocket client: sends JSON, collects parsed replies. */
async function openWs(url: string): Promise<{ ws: WebSocket; replies: Reply[] }> {
  const ws = new WebSocket(url)
  const replies: Reply[] = []
  ws.on('message', (d) => {
    const m = JSON.parse(d.toString()) as Reply | Reply[]
    replies.push(...(Array.isArray(m) ? [{ result: m } as Reply] : [m]))
  })
  ws.on('error', () => {})
  await once(ws, 'open')
  return { ws, replies }
}

async function wsCall(url: string, method: string, params: unknown[] = []): Promise<Reply> {
  const { ws, replies } = await openWs(url)
  try {
    ws.send(JSON.stringify({ jsonrpc: '2.0', id: 1, method, params }))
    return await waitFor(`${method} over WebSocket`, () => replies.find((r) => r.id === 1))
  } finally {
    ws.close()
  }
}

describe('abuse: limits hold and the node keeps answering', { skip: target !== 'mosaic' }, () => {
  let node: DevNode
  let wsUrl: string

  before(async () => {
    node = await startDevNode({
      args: [
        '--rpc.logsBlockRange',
        String(LOGS_RANGE),
        '--rpc.wsMaxBufferedBytes',
        String(BUFFER_LIMIT),
        // geth's flag names: a call may use 10 billion gas but only 300 ms.
        '--rpc.gascap',
        '10000000000',
        '--rpc.evmtimeout',
        '300ms',
      ],
    })
    wsUrl = node.url.replace('http://', 'ws://')
  })
  after(async () => {
    await node?.stop()
  })

  const metric = async (name: string): Promise<number> => {
    const text = await (await fetch(`${node.url}/metrics`)).text()
    const m = new RegExp(`^${name} (\\d+)$`, 'm').exec(text)
    return m ? Number(m[1]) : Number.NaN
  }

  /** What a well-behaved client sees after each abuse: correct answers over HTTP and WebSocket. */
  const othersAreServed = async () => {
    assert.equal(await rpc(node.url, 'eth_getBalance', [DEV_ADDRESSES[9], 'latest']), DEV_BALANCE)
    assert.equal((await wsCall(wsUrl, 'eth_getBalance', [DEV_ADDRESSES[9], 'latest'])).result, DEV_BALANCE)
    const a = Number(await rpc<string>(node.url, 'eth_blockNumber'))
    await waitForBlock(node.url, a + 1)
  }

  test('10,000 subscriptions on one socket: 1,000 granted, the rest refused with -32005', async () => {
    const { ws, replies } = await openWs(wsUrl)
    for (let i = 0; i < 10_000; i++) {
      ws.send(JSON.stringify({ jsonrpc: '2.0', id: i, method: 'eth_subscribe', params: ['newHeads'] }))
    }
    // Others are answered while the flood is handled.
    assert.equal(await rpc(node.url, 'eth_chainId'), '0x5eb')
    await waitFor('10,000 replies', () => replies.filter((r) => r.id !== undefined).length === 10_000)
    const answers = replies.filter((r) => r.id !== undefined)
    const granted = answers.filter((r) => typeof r.result === 'string')
    const refused = answers.filter((r) => r.error !== undefined)
    assert.equal(granted.length, 1000)
    assert.equal(refused.length, 9000)
    for (const r of refused) {
      assert.deepEqual(r.error, {
        code: -32005,
        message: 'too many subscriptions on this connection: limit 1000',
        data: { maxSubscriptions: 1000 },
      })
    }
    assert.equal(await metric('mosaic_rpc_ws_subscriptions'), 1000)
    await othersAreServed()
    ws.close()
    await waitFor('subscriptions released', async () => (await metric('mosaic_rpc_ws_subscriptions')) === 0)
  })

  test('a client that never reads is dropped once 1 MiB waits for it; others are unaffected', async () => {
    const deploy = await rpc<string>(node.url, 'eth_sendTransaction', [
      { from: DEV_ADDRESSES[0], data: BIG_CODE_INIT_CODE, gas: '0x7a1200' },
    ])
    const { contractAddress } = await waitForReceipt(node.url, deploy)
    const before = await metric('mosaic_rpc_ws_slow_consumers_total')
    const { ws } = await openWs(wsUrl)
    ws.pause()
    // ~29 MB of responses: far more than the socket buffers on both sides plus the limit.
    for (let i = 0; i < 600; i++) {
      const params = [contractAddress, 'latest']
      ws.send(JSON.stringify({ jsonrpc: '2.0', id: i, method: 'eth_getCode', params }))
    }
    await waitFor(
      'the slow consumer dropped',
      async () => (await metric('mosaic_rpc_ws_slow_consumers_total')) === before + 1,
    )
    await waitFor('its connection closed', async () => (await metric('mosaic_rpc_ws_connections')) === 0)
    // What the node held for it when it gave up: the limit plus at most one message.
    const line = node
      .stderrTail()
      .split('\n')
      .find((l) => l.includes('dropping slow WebSocket consumer'))
    assert.ok(line, 'the drop is logged')
    const { buffered, limit } = JSON.parse(line) as { buffered: number; limit: number }
    assert.equal(limit, BUFFER_LIMIT)
    assert.ok(buffered > limit && buffered < limit + 64 * 1024, `buffered ${buffered}`)
    ws.terminate()
    await othersAreServed()
  })

  test('eth_getLogs over the whole chain: -32005 with the limits in data', async () => {
    await waitForBlock(node.url, LOGS_RANGE + 2)
    const filter = { fromBlock: 'earliest', toBlock: 'latest' }
    const err = await rpc(node.url, 'eth_getLogs', [filter]).then(
      () => assert.fail('expected a limit error'),
      (e: unknown) => e as RpcResponseError,
    )
    assert.ok(err instanceof RpcResponseError)
    assert.equal(err.code, -32005)
    assert.deepEqual(err.data, { maxBlockRange: LOGS_RANGE, maxResults: 10_000 })
    const overWs = await wsCall(wsUrl, 'eth_getLogs', [filter])
    assert.equal(overWs.error?.code, -32005)
    // A range within the limit is answered.
    const head = Number(await rpc<string>(node.url, 'eth_blockNumber'))
    const within = {
      fromBlock: `0x${(head - LOGS_RANGE + 1).toString(16)}`,
      toBlock: `0x${head.toString(16)}`,
    }
    assert.ok(Array.isArray(await rpc(node.url, 'eth_getLogs', [within])))
    await othersAreServed()
  })

  test('a batch of 10,001 calls: one -32005 error over HTTP and WebSocket', async () => {
    const batch = Array.from({ length: 10_001 }, (_, i) => ({ jsonrpc: '2.0', id: i, method: 'eth_chainId' }))
    const expected = {
      jsonrpc: '2.0',
      id: null,
      error: {
        code: -32005,
        message: 'batch too large: 10001 requests, limit 1000',
        data: { maxBatch: 1000 },
      },
    }
    const http = await postRaw(node.url, JSON.stringify(batch))
    assert.deepEqual(http.json, expected)
    const { ws, replies } = await openWs(wsUrl)
    ws.send(JSON.stringify(batch))
    assert.deepEqual(await waitFor('the batch error', () => replies[0]), expected)
    ws.close()
    await othersAreServed()
  })

  test('an endless eth_call stops at --rpc.evmtimeout, not at the 10-billion gas cap', async () => {
    const err = await rpc(node.url, 'eth_call', [{ data: ENDLESS_INIT_CODE }]).then(
      () => assert.fail('expected a timeout'),
      (e: unknown) => e as RpcResponseError,
    )
    assert.ok(err instanceof RpcResponseError)
    assert.equal(err.code, -32000)
    assert.match(err.message, /execution timeout/)
    const estimate = await wsCall(wsUrl, 'eth_estimateGas', [{ data: ENDLESS_INIT_CODE }])
    assert.equal(estimate.error?.code, -32000)
    await othersAreServed()
  })
})
