import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import type { TypedTransaction } from '@ethereumjs/tx'
import { bytesToHex } from '@ethereumjs/util'
import pino from 'pino'
import { FilterStore, RpcServer } from '../../../rpc/index.ts'
import { assertSpecResponse } from '../../helpers/rpcSchema.ts'
import { block1, TestBackend, topicA, txPending } from './fixture.ts'

const logger = pino({ level: 'silent' })

class PendingBackend extends TestBackend {
  listener: ((hash: Uint8Array, tx: TypedTransaction) => void) | undefined
  subscribePending(listener: (hash: Uint8Array, tx: TypedTransaction) => void): () => void {
    this.listener = listener
    return () => {
      this.listener = undefined
    }
  }
}

function setup() {
  const backend = new PendingBackend()
  backend.blocks.splice(1) // start at genesis; tests append block1 as the "new" block
  const server = new RpcServer({ port: 0 }, { backend, logger })
  let id = 0
  const call = async (method: string, params: unknown[] = []) => {
    const r = (await server.handle({ jsonrpc: '2.0', id: ++id, method, params })) as {
      result?: unknown
      error?: { code: number; message: string }
    }
    assertSpecResponse(method, r)
    return r
  }
  return { backend, server, call }
}

describe('polled filters', () => {
  it('block and log filters return only what is new since the last poll', async () => {
    const { backend, server, call } = setup()
    try {
      const blockFilter = (await call('eth_newBlockFilter')).result as string
      const logFilter = (await call('eth_newFilter', [{ topics: [bytesToHex(topicA)] }])).result as string
      assert.match(blockFilter, /^0x[1-9a-f][0-9a-f]{0,31}$/)
      assert.deepEqual((await call('eth_getFilterChanges', [blockFilter])).result, [])

      backend.blocks.push(block1)
      assert.deepEqual((await call('eth_getFilterChanges', [blockFilter])).result, [
        bytesToHex(block1.hash()),
      ])
      assert.deepEqual((await call('eth_getFilterChanges', [blockFilter])).result, [])

      const logs = (await call('eth_getFilterChanges', [logFilter])).result as { blockHash: string }[]
      assert.equal(logs.length, 1)
      assert.equal(logs[0]?.blockHash, bytesToHex(block1.hash()))
      assert.deepEqual((await call('eth_getFilterChanges', [logFilter])).result, [])
      // The whole range again, unlike getFilterChanges.
      assert.equal(((await call('eth_getFilterLogs', [logFilter])).result as unknown[]).length, 1)
    } finally {
      await server.close()
    }
  })

  it('pending-transaction filters collect hashes the backend announces', async () => {
    const { backend, server, call } = setup()
    try {
      const id = (await call('eth_newPendingTransactionFilter')).result as string
      backend.listener?.(txPending.hash(), txPending)
      assert.deepEqual((await call('eth_getFilterChanges', [id])).result, [bytesToHex(txPending.hash())])
      assert.deepEqual((await call('eth_getFilterChanges', [id])).result, [])
    } finally {
      await server.close()
    }
  })

  it('uninstall is true once, then unknown filters are "filter not found"', async () => {
    const { server, call } = setup()
    try {
      const id = (await call('eth_newBlockFilter')).result as string
      assert.equal((await call('eth_uninstallFilter', [id])).result, true)
      assert.equal((await call('eth_uninstallFilter', [id])).result, false)
      const r = await call('eth_getFilterChanges', [id])
      assert.equal(r.error?.code, -32000)
      assert.equal(r.error?.message, 'filter not found')
    } finally {
      await server.close()
    }
  })

  it('filters expire when not polled within the timeout', () => {
    let now = 0
    const store = new FilterStore({ timeoutMs: 1000, maxFilters: 2, maxPendingPerFilter: 2 }, () => now)
    try {
      const a = store.install({ kind: 'blocks', next: 1n })!
      const b = store.install({ kind: 'pendingTransactions', hashes: [] })!
      assert.equal(store.install({ kind: 'blocks', next: 1n }), undefined, 'store is full')
      for (const h of [1, 2, 3]) store.notePending(new Uint8Array([h]))
      now = 900
      const pending = store.poll(b)
      assert.ok(pending?.kind === 'pendingTransactions')
      assert.deepEqual(
        pending.hashes.map((h) => h[0]),
        [2, 3],
        'oldest hash dropped past the cap',
      )
      now = 1500 // a: last polled at 0, expired; b: polled at 900, alive
      assert.equal(store.poll(a), undefined)
      assert.ok(store.poll(b))
      assert.equal(store.size, 1)
    } finally {
      store.close()
    }
  })
})
