// JSON-RPC over WebSocket against a real RpcServer on loopback, with the in-memory test backend
// emitting chain and pool events: requests, batches, eth_subscribe for each kind (including logs
// re-sent as removed when a reorg drops their block), and the per-connection limits.
import assert from 'node:assert/strict'
import { once } from 'node:events'
import type { ClientRequest, IncomingMessage } from 'node:http'
import { after, before, describe, it } from 'node:test'
import type { Block } from '@ethereumjs/block'
import type { TypedTransaction } from '@ethereumjs/tx'
import { bytesToHex, hexToBytes } from '@ethereumjs/util'
import pino from 'pino'
import { Registry } from 'prom-client'
import WebSocket from 'ws'
import { type ChainEvent, type LogView, type RpcOptions, RpcServer } from '../../../rpc/index.ts'
import { block1, contract, TestBackend, topicA, txPending } from './fixture.ts'

const logger = pino({ level: 'silent' })
const topicB = hexToBytes(`0x${'bb'.repeat(32)}`)

/** The test backend plus the two event hooks, driven by the test. */
class EventBackend extends TestBackend {
  chainListener: ((ev: ChainEvent) => void) | undefined
  pendingListener: ((hash: Uint8Array, tx: TypedTransaction) => void) | undefined
  subscribeChain(listener: (ev: ChainEvent) => void): () => void {
    this.chainListener = listener
    return () => {
      this.chainListener = undefined
    }
  }
  subscribePending(listener: (hash: Uint8Array, tx: TypedTransaction) => void): () => void {
    this.pendingListener = listener
    return () => {
      this.pendingListener = undefined
    }
  }
  emitChain(added: Block[], removed: Block[] = []): void {
    this.chainListener?.({ added, removed })
  }
}

interface Message {
  id?: unknown
  result?: unknown
  error?: { code: number; message: string; data?: unknown }
  method?: string
  params?: { subscription: string; result?: unknown; error?: { code: number; message: string } }
}

/** A WebSocket client that queues what it receives, so tests can wait for a message by shape. */
class Client {
  readonly messages: Message[] = []
  private readonly bySub = new Map<string, Message[]>()
  private waiters: { match: (m: Message) => boolean; resolve: (m: Message) => void }[] = []
  private nextId = 1
  readonly closed: Promise<[number, string]>

  private constructor(readonly ws: WebSocket) {
    ws.on('message', (data) => {
      const parsed = JSON.parse(data.toString()) as Message | Message[]
      for (const m of Array.isArray(parsed) ? [parsed as unknown as Message] : [parsed]) {
        this.messages.push(m)
        const sub = m.method === 'eth_subscription' ? m.params?.subscription : undefined
        if (sub !== undefined) {
          const list = this.bySub.get(sub) ?? []
          list.push(m)
          this.bySub.set(sub, list)
        }
        this.waiters = this.waiters.filter((w) => {
          if (!w.match(m)) return true
          w.resolve(m)
          return false
        })
      }
    })
    this.closed = new Promise((resolve) => {
      ws.on('close', (code, reason) => resolve([code, reason.toString()]))
    })
  }

  static async open(url: string): Promise<Client> {
    const ws = new WebSocket(url)
    await once(ws, 'open')
    return new Client(ws)
  }

  next(match: (m: Message) => boolean): Promise<Message> {
    const seen = this.messages.find(match)
    if (seen) return Promise.resolve(seen)
    return new Promise((resolve) => this.waiters.push({ match, resolve }))
  }

  async request(method: string, params: unknown[] = []): Promise<Message> {
    const id = this.nextId++
    this.ws.send(JSON.stringify({ jsonrpc: '2.0', id, method, params }))
    return this.next((m) => m.id === id)
  }

  async subscribe(params: unknown[]): Promise<string> {
    const r = await this.request('eth_subscribe', params)
    assert.equal(r.error, undefined, JSON.stringify(r.error))
    return r.result as string
  }

  notifications(sub: string): Message[] {
    return this.bySub.get(sub) ?? []
  }

  /** The `nth` (0-based) notification of `sub`, once it has arrived. */
  async nextNotification(sub: string, nth: number): Promise<Message> {
    const have = this.notifications(sub)[nth]
    if (have) return have
    await this.next(() => this.notifications(sub).length > nth)
    return this.notifications(sub)[nth] as Message
  }

  close(): void {
    this.ws.close()
  }
}

function logOf(block: Block, index: number, topics: Uint8Array[]): LogView {
  return {
    address: contract,
    topics,
    data: hexToBytes('0x01'),
    blockHash: block.hash(),
    blockNumber: block.header.number,
    blockTimestamp: block.header.timestamp,
    transactionHash: block.transactions[1]!.hash(),
    transactionIndex: 1,
    logIndex: index,
    removed: false,
  }
}

async function startServer(options: Partial<RpcOptions> = {}) {
  const backend = new EventBackend()
  backend.blocks.splice(1) // the chain starts at genesis; block1 arrives through an event
  // block1 holds two logs: [topicA] then [topicB].
  const receipts = await new TestBackend().getReceipts(block1)
  const r1 = receipts[1]!
  receipts[1] = { ...r1, logs: [logOf(block1, 0, [topicA]), logOf(block1, 1, [topicB])] }
  backend.receipts.set(bytesToHex(block1.hash()), receipts)
  const registry = new Registry()
  const server = new RpcServer({ port: 0, ...options }, { backend, logger, metricsRegistry: registry })
  const { url } = await server.listen()
  return { backend, server, registry, url, wsUrl: url.replace('http://', 'ws://') }
}

describe('JSON-RPC over WebSocket', () => {
  let ctx: Awaited<ReturnType<typeof startServer>>
  before(async () => {
    ctx = await startServer({ wsMaxSubscriptions: 4, maxBatch: 3 })
  })
  after(async () => {
    await ctx.server.close()
  })

  it('answers requests and batches like HTTP, on the same port', async () => {
    const c = await Client.open(ctx.wsUrl)
    try {
      assert.equal((await c.request('eth_chainId')).result, '0x5eb')
      c.ws.send(
        JSON.stringify([
          { jsonrpc: '2.0', id: 'a', method: 'eth_blockNumber' },
          { jsonrpc: '2.0', id: 'b', method: 'nope' },
        ]),
      )
      const batch = await c.next((m) => Array.isArray(m))
      assert.deepEqual(batch, [
        { jsonrpc: '2.0', id: 'a', result: '0x0' },
        {
          jsonrpc: '2.0',
          id: 'b',
          error: { code: -32601, message: 'the method nope does not exist/is not available' },
        },
      ])
      const four = Array.from({ length: 4 }, (_, i) => ({ jsonrpc: '2.0', id: i, method: 'eth_chainId' }))
      c.ws.send(JSON.stringify(four))
      const tooBig = await c.next((m) => m.id === null && m.error !== undefined)
      assert.deepEqual(tooBig.error, {
        code: -32005,
        message: 'batch too large: 4 requests, limit 3',
        data: { maxBatch: 3 },
      })
      c.ws.send('{"jsonrpc":')
      const bad = await c.next((m) => m.error?.code === -32700)
      assert.equal(bad.id, null)
      // Still serving after both.
      assert.equal((await c.request('net_version')).result, '1515')
    } finally {
      c.close()
    }
  })

  it('refuses eth_subscribe over HTTP like geth', async () => {
    const r = (await ctx.server.handle({
      jsonrpc: '2.0',
      id: 1,
      method: 'eth_subscribe',
      params: ['newHeads'],
    })) as Message
    assert.deepEqual(r.error, { code: -32601, message: 'notifications not supported' })
  })

  it('newHeads: geth header JSON for every added block', async () => {
    const c = await Client.open(ctx.wsUrl)
    try {
      const sub = await c.subscribe(['newHeads'])
      assert.match(sub, /^0x[0-9a-f]{1,32}$/)
      ctx.backend.blocks.push(block1)
      ctx.backend.emitChain([block1])
      const n = await c.nextNotification(sub, 0)
      const header = n.params?.result as Record<string, unknown>
      const full = (await ctx.server.handle({
        jsonrpc: '2.0',
        id: 1,
        method: 'eth_getBlockByNumber',
        params: ['0x1', false],
      })) as Message
      // geth's header JSON: the block's fields without the body (transactions, uncles, withdrawals).
      const {
        size: _s,
        transactions: _t,
        uncles: _u,
        withdrawals: _w,
        ...expected
      } = full.result as Record<string, unknown>
      assert.deepEqual(header, expected)
      assert.deepEqual(await c.request('eth_unsubscribe', [sub]), { jsonrpc: '2.0', id: 2, result: true })
      assert.deepEqual((await c.request('eth_unsubscribe', [sub])).result, false)
    } finally {
      ctx.backend.blocks.splice(1)
      c.close()
    }
  })

  it('logs: filtered, and re-sent with removed: true (newest first) when a reorg drops their block', async () => {
    const c = await Client.open(ctx.wsUrl)
    try {
      // Subscribed first, so anything it wrongly received would arrive before the others' logs.
      const other = await c.subscribe(['logs', { address: bytesToHex(new Uint8Array(20).fill(9)) }])
      const onlyB = await c.subscribe(['logs', { topics: [bytesToHex(topicB)] }])
      const all = await c.subscribe(['logs', { address: bytesToHex(contract) }])

      ctx.backend.emitChain([block1])
      await c.nextNotification(all, 1)
      const added = c.notifications(all).map((m) => m.params?.result as Record<string, unknown>)
      assert.deepEqual(
        added.map((l) => [l['logIndex'], l['topics'], l['removed'], l['blockHash']]),
        [
          ['0x0', [bytesToHex(topicA)], false, bytesToHex(block1.hash())],
          ['0x1', [bytesToHex(topicB)], false, bytesToHex(block1.hash())],
        ],
      )
      assert.equal(c.notifications(onlyB).length, 1)

      // The reorg: block1 leaves the canonical chain, genesis' sibling-less chain takes over.
      ctx.backend.emitChain([], [block1])
      await c.nextNotification(all, 3)
      const removed = c.notifications(all).slice(2)
      assert.deepEqual(
        removed.map((m) => m.params?.result),
        [...added].reverse().map((l) => ({ ...l, removed: true })),
      )
      const removedB = await c.nextNotification(onlyB, 1)
      assert.deepEqual(removedB.params?.result, { ...added[1], removed: true })
      assert.equal(c.notifications(other).length, 0)
    } finally {
      c.close()
    }
  })

  it('newPendingTransactions: hashes, or full transactions with true', async () => {
    const c = await Client.open(ctx.wsUrl)
    try {
      const hashes = await c.subscribe(['newPendingTransactions'])
      const full = await c.subscribe(['newPendingTransactions', true])
      ctx.backend.pendingListener?.(txPending.hash(), txPending)
      assert.equal((await c.nextNotification(hashes, 0)).params?.result, bytesToHex(txPending.hash()))
      const tx = (await c.nextNotification(full, 0)).params?.result as Record<string, unknown>
      assert.equal(tx['hash'], bytesToHex(txPending.hash()))
      assert.equal(tx['blockHash'], null)
      assert.equal(tx['nonce'], `0x${txPending.nonce.toString(16)}`)
    } finally {
      c.close()
    }
  })

  it('rejects unknown subscriptions and bad filters with clear errors', async () => {
    const c = await Client.open(ctx.wsUrl)
    try {
      assert.deepEqual((await c.request('eth_subscribe', ['syncingg'])).error, {
        code: -32601,
        message: 'no "syncingg" subscription in eth namespace',
      })
      const bad = await c.request('eth_subscribe', ['logs', { fromBlock: '0x0' }])
      assert.equal(bad.error?.code, -32602)
      assert.match(bad.error?.message ?? '', /^invalid argument 1: /)
    } finally {
      c.close()
    }
  })

  it('caps subscriptions per connection with -32005 and the limit in data', async () => {
    const c = await Client.open(ctx.wsUrl)
    const d = await Client.open(ctx.wsUrl)
    try {
      for (let i = 0; i < 4; i++) await c.subscribe(['newHeads'])
      const r = await c.request('eth_subscribe', ['newHeads'])
      assert.deepEqual(r.error, {
        code: -32005,
        message: 'too many subscriptions on this connection: limit 4',
        data: { maxSubscriptions: 4 },
      })
      // The limit is per connection.
      await d.subscribe(['newHeads'])
    } finally {
      c.close()
      d.close()
    }
  })

  it('ends subscriptions when their connection closes', async () => {
    const c = await Client.open(ctx.wsUrl)
    await c.subscribe(['newHeads'])
    await c.subscribe(['logs'])
    const before = ctx.server.subscriptionCount
    c.close()
    await c.closed
    await waitUntil(() => ctx.server.subscriptionCount === before - 2)
  })
})

describe('WebSocket limits', () => {
  it('refuses connections past wsMaxConnections with HTTP 503', async () => {
    const ctx = await startServer({ wsMaxConnections: 1 })
    try {
      const first = await Client.open(ctx.wsUrl)
      const second = new WebSocket(ctx.wsUrl)
      const [req, res] = (await once(second, 'unexpected-response')) as [ClientRequest, IncomingMessage]
      assert.equal(res.statusCode, 503)
      let body = ''
      for await (const chunk of res) body += String(chunk)
      assert.deepEqual(JSON.parse(body).error, {
        code: -32005,
        message: 'too many WebSocket connections: limit 1',
        data: { maxConnections: 1 },
      })
      req.destroy()
      assert.equal((await first.request('eth_chainId')).result, '0x5eb')
      first.close()
      await first.closed
      await waitUntil(() => ctx.server.wsConnectionCount === 0)
      const third = await Client.open(ctx.wsUrl)
      third.close()
    } finally {
      await ctx.server.close()
    }
  })

  it('closes a message over maxBodyBytes with 1009', async () => {
    const ctx = await startServer({ maxBodyBytes: 1024 })
    try {
      const c = await Client.open(ctx.wsUrl)
      c.ws.send(
        JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'web3_sha3', params: [`0x${'00'.repeat(1024)}`] }),
      )
      const [code] = await c.closed
      assert.equal(code, 1009)
      const d = await Client.open(ctx.wsUrl)
      assert.equal((await d.request('eth_chainId')).result, '0x5eb')
      d.close()
    } finally {
      await ctx.server.close()
    }
  })

  it('drops a client that does not read, ending its subscriptions with an error; others are unaffected', async () => {
    const limit = 256 * 1024
    const ctx = await startServer({ wsMaxBufferedBytes: limit })
    try {
      const slow = await Client.open(ctx.wsUrl)
      const sub = await slow.subscribe(['newHeads'])
      const good = await Client.open(ctx.wsUrl)
      const goodSub = await good.subscribe(['newHeads'])
      // The slow client stops reading; heads keep coming until the server gives up on it. Its
      // kernel buffers fill first, so the count is not known in advance: emit until it is dropped,
      // each round only once the good client has read everything so far.
      slow.ws.pause()
      let emitted = 0
      while (ctx.server.wsConnectionCount === 2 && emitted < 200_000) {
        for (let i = 0; i < 50; i++) ctx.backend.emitChain([block1])
        emitted += 50
        await good.nextNotification(goodSub, emitted - 1)
      }
      await waitUntil(() => ctx.server.wsConnectionCount === 1)
      const metrics = await ctx.registry.metrics()
      assert.match(metrics, /mosaic_rpc_ws_slow_consumers_total 1/)
      assert.equal(ctx.server.subscriptionCount, 1)

      // The good client got every head and still gets answers.
      await good.nextNotification(goodSub, emitted - 1)
      assert.equal((await good.request('eth_chainId')).result, '0x5eb')

      // Reading again, the slow client finds heads, then the error notification and the close
      // frame, unless the server had to destroy the socket first.
      slow.ws.resume()
      const [code, reason] = await slow.closed
      if (code === 1008) {
        assert.equal(reason, 'slow consumer')
        const last = slow.notifications(sub).at(-1)
        assert.equal(last?.params?.error?.code, -32005)
      } else {
        assert.equal(code, 1006)
      }
      assert.ok(slow.notifications(sub).length < emitted)
      good.close()
    } finally {
      await ctx.server.close()
    }
  })
})

async function waitUntil(check: () => boolean): Promise<void> {
  for (let i = 0; i < 2000 && !check(); i++) await new Promise((r) => setTimeout(r, 5))
  assert.ok(check(), 'condition not reached')
}
