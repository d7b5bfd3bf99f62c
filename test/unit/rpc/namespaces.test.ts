// txpool_*, debug_getRaw* and eth_getProof over the TestBackend, through the dispatcher.
import assert from 'node:assert/strict'
import { after, describe, it } from 'node:test'
import { RLP } from '@ethereumjs/rlp'
import { bytesToHex, hexToBytes, toChecksumAddress } from '@ethereumjs/util'
import { keccak256 } from 'ethereum-cryptography/keccak.js'
import pino from 'pino'
import { RpcServer } from '../../../rpc/index.ts'
import { assertSpecResponse } from '../../helpers/rpcSchema.ts'
import {
  block1,
  contract,
  GWEI,
  genesis,
  recipient,
  sender,
  TestBackend,
  topicA,
  tx1559,
  txLegacy,
  txPending,
  txQueued,
} from './fixture.ts'

const logger = pino({ level: 'silent' })

interface Reply {
  result?: unknown
  error?: { code: number; message: string }
}

describe('txpool, debug and eth_getProof methods', () => {
  const backend = new TestBackend()
  const server = new RpcServer({ port: 0 }, { backend, logger })
  after(() => server.close())

  async function call(method: string, params: unknown[] = []): Promise<Reply> {
    const r = await server.handle({ jsonrpc: '2.0', id: 1, method, params })
    assertSpecResponse(method, r)
    return r as Reply
  }
  async function result(method: string, params: unknown[] = []): Promise<unknown> {
    const r = await call(method, params)
    assert.equal(r.error, undefined, `${method} failed: ${JSON.stringify(r.error)}`)
    return r.result
  }

  describe('txpool', () => {
    const from = toChecksumAddress(sender.toString())

    it('txpool_status counts as hex quantities', async () => {
      assert.deepEqual(await result('txpool_status'), { pending: '0x1', queued: '0x1' })
      assert.equal((await call('txpool_status', [1])).error?.code, -32602)
    })

    it('txpool_content keys senders by checksummed address and transactions by decimal nonce', async () => {
      const content = (await result('txpool_content')) as Record<
        string,
        Record<string, Record<string, unknown>>
      >
      assert.deepEqual(Object.keys(content), ['pending', 'queued'])
      assert.notEqual(from, sender.toString(), 'the sender has a mixed-case checksum')
      assert.deepEqual(Object.keys(content['pending']!), [from])
      const pending = content['pending']![from]!
      assert.deepEqual(Object.keys(pending), ['2'])
      const tx = pending['2'] as Record<string, unknown>
      assert.equal(tx['hash'], bytesToHex(txPending.hash()))
      assert.equal(tx['blockHash'], null)
      assert.equal(tx['blockNumber'], null)
      assert.equal(tx['transactionIndex'], null)
      assert.equal(tx['nonce'], '0x2')
      assert.equal(tx['gasPrice'], `0x${(7n * GWEI).toString(16)}`)
      assert.equal(tx['from'], sender.toString())
      const queued = content['queued']![from]!
      assert.deepEqual(Object.keys(queued), ['9'])
      assert.equal((queued['9'] as Record<string, unknown>)['to'], null)
    })

    it('txpool_inspect summarises each transaction like geth', async () => {
      const inspect = (await result('txpool_inspect')) as Record<
        string,
        Record<string, Record<string, string>>
      >
      assert.deepEqual(inspect['pending'], {
        [from]: { '2': `${toChecksumAddress(bytesToHex(recipient))}: 0 wei + 21000 gas × 7000000000 wei` },
      })
      assert.deepEqual(inspect['queued'], {
        [from]: { '9': 'contract creation: 5 wei + 100000 gas × 4000000000 wei' },
      })
      assert.equal(txQueued.nonce, 9n)
    })
  })

  describe('debug', () => {
    it('debug_getRawHeader and debug_getRawBlock return the RLP of a block by number, tag or hash', async () => {
      assert.equal(await result('debug_getRawHeader', ['0x1']), bytesToHex(block1.header.serialize()))
      assert.equal(await result('debug_getRawHeader', ['latest']), bytesToHex(block1.header.serialize()))
      assert.equal(await result('debug_getRawHeader', ['0x0']), bytesToHex(genesis.header.serialize()))
      assert.equal(
        await result('debug_getRawHeader', [bytesToHex(block1.hash())]),
        bytesToHex(block1.header.serialize()),
      )
      const raw = (await result('debug_getRawBlock', ['0x1'])) as string
      assert.equal(raw, bytesToHex(block1.serialize()))
      const decoded = RLP.decode(hexToBytes(raw as `0x${string}`)) as unknown as Uint8Array[][]
      assert.equal(decoded[1]!.length, 2, 'both transactions are in the body')
      assert.equal(
        await result('debug_getRawBlock', [{ blockHash: bytesToHex(block1.hash()) }]),
        bytesToHex(block1.serialize()),
      )
    })

    it('answers unknown blocks like geth: 0x by number, -32000 by hash', async () => {
      assert.equal(await result('debug_getRawHeader', ['0x9']), '0x')
      assert.equal(await result('debug_getRawBlock', ['0x9']), '0x')
      assert.equal(await result('debug_getRawReceipts', ['0x9']), null)
      const unknown = `0x${'ab'.repeat(32)}`
      assert.equal((await call('debug_getRawHeader', [unknown])).error?.code, -32000)
      assert.equal((await call('debug_getRawBlock', [unknown])).error?.code, -32000)
      assert.deepEqual(await result('debug_getRawReceipts', [unknown]), [])
    })

    it('rejects malformed block parameters with -32602', async () => {
      for (const method of ['debug_getRawHeader', 'debug_getRawBlock', 'debug_getRawReceipts']) {
        const r = await call(method, ['2'])
        assert.equal(r.error?.code, -32602, method)
        assert.equal(r.error?.message, 'invalid argument 0: hex string without 0x prefix')
        assert.equal((await call(method, [])).error?.code, -32602)
      }
    })

    it('debug_getRawTransaction returns the EIP-2718 encoding, 0x when unknown', async () => {
      assert.equal(
        await result('debug_getRawTransaction', [bytesToHex(tx1559.hash())]),
        bytesToHex(tx1559.serialize()),
      )
      const typed = (await result('debug_getRawTransaction', [bytesToHex(tx1559.hash())])) as string
      assert.ok(typed.startsWith('0x02'), 'a fee-market transaction keeps its type byte')
      assert.equal(
        await result('debug_getRawTransaction', [bytesToHex(txLegacy.hash())]),
        bytesToHex(txLegacy.serialize()),
      )
      assert.equal(
        await result('debug_getRawTransaction', [bytesToHex(txPending.hash())]),
        bytesToHex(txPending.serialize()),
      )
      assert.equal(await result('debug_getRawTransaction', [`0x${'ab'.repeat(32)}`]), '0x')
      const bad = await call('debug_getRawTransaction', [`${'10'.repeat(32)}`])
      assert.equal(bad.error?.code, -32602)
      assert.match(bad.error?.message ?? '', /^invalid argument 0: /)
    })

    it('debug_getRawReceipts returns consensus receipts, typed ones with their type byte', async () => {
      assert.deepEqual(await result('debug_getRawReceipts', ['0x0']), [])
      const raw = (await result('debug_getRawReceipts', ['0x1'])) as string[]
      assert.equal(raw.length, 2)
      // tx1559 (type 2): 0x02 || rlp([status, cumulativeGas, bloom, logs])
      const first = hexToBytes(raw[0] as `0x${string}`)
      assert.equal(first[0], 2)
      const [status1, cum1, bloom1, logs1] = RLP.decode(first.subarray(1)) as unknown as [
        Uint8Array,
        Uint8Array,
        Uint8Array,
        unknown[],
      ]
      assert.equal(bytesToHex(status1), '0x01')
      assert.equal(bytesToHex(cum1), bytesToHex(RLP.decode(RLP.encode(21_000)) as Uint8Array))
      assert.equal(bloom1.length, 256)
      assert.deepEqual(logs1, [])
      // txLegacy (type 0): plain RLP list with its log.
      const second = hexToBytes(raw[1] as `0x${string}`)
      assert.ok(second[0]! >= 0xc0, 'a legacy receipt is a bare RLP list')
      const [, cum2, , logs2] = RLP.decode(second) as unknown as [
        Uint8Array,
        Uint8Array,
        Uint8Array,
        [Uint8Array, Uint8Array[], Uint8Array][],
      ]
      assert.equal(bytesToHex(cum2), '0xc738') // 51000
      assert.equal(logs2.length, 1)
      assert.equal(bytesToHex(logs2[0]![0]), bytesToHex(contract))
      assert.equal(bytesToHex(logs2[0]![1][0]!), bytesToHex(topicA))
      assert.equal(bytesToHex(logs2[0]![2]), '0x01')
    })
  })

  describe('eth_getProof', () => {
    it('returns geth AccountResult fields, echoing short keys as quantities and 32-byte keys as is', async () => {
      const full = `0x${'00'.repeat(31)}01`
      const r = (await result('eth_getProof', [
        sender.toString(),
        ['0x00', full, '0x1'],
        'latest',
      ])) as Record<string, unknown>
      assert.deepEqual(Object.keys(r), [
        'address',
        'accountProof',
        'balance',
        'codeHash',
        'nonce',
        'storageHash',
        'storageProof',
      ])
      assert.equal(r['address'], sender.toString())
      assert.deepEqual(r['accountProof'], [
        bytesToHex(keccak256(sender.bytes)),
        bytesToHex(block1.header.stateRoot),
      ])
      assert.equal(r['balance'], `0x${(10n ** 18n + 1n).toString(16)}`)
      assert.equal(r['nonce'], '0x2')
      assert.equal(r['codeHash'], `0x${'00'.repeat(32)}`)
      const slot1 = hexToBytes(full as `0x${string}`)
      assert.deepEqual(r['storageProof'], [
        { key: '0x0', value: '0x0', proof: [bytesToHex(keccak256(new Uint8Array(32)))] },
        { key: full, value: '0x2a', proof: [bytesToHex(keccak256(slot1))] },
        { key: '0x1', value: '0x2a', proof: [bytesToHex(keccak256(slot1))] },
      ])
    })

    it('reads the state of the named block and reports unknown blocks as header not found', async () => {
      const r = (await result('eth_getProof', [sender.toString(), [], '0x0'])) as Record<string, unknown>
      assert.equal(r['nonce'], '0x0')
      assert.deepEqual(r['storageProof'], [])
      const byHash = (await result('eth_getProof', [
        sender.toString(),
        [],
        bytesToHex(genesis.hash()),
      ])) as Record<string, unknown>
      assert.equal(byHash['balance'], `0x${(10n ** 18n).toString(16)}`)
      const missing = await call('eth_getProof', [sender.toString(), [], '0x9'])
      assert.deepEqual(missing.error, { code: -32001, message: 'header not found' })
    })

    it('validates its parameters with -32602', async () => {
      const addr = sender.toString()
      const cases: [unknown[], RegExp][] = [
        [[addr, []], /missing value for required argument 2/],
        [['0x1234', [], 'latest'], /^invalid argument 0: /],
        [[addr, '0x00', 'latest'], /^invalid argument 1: cannot unmarshal string into array/],
        [[addr, [`0x${'00'.repeat(33)}`], 'latest'], /^invalid argument 1: 0: hex string too long/],
        [[addr, ['0xzz'], 'latest'], /^invalid argument 1: 0: hex string invalid/],
        [[addr, [5], 'latest'], /^invalid argument 1: 0: cannot unmarshal non-string/],
        [[addr, [], '2'], /^invalid argument 2: hex string without 0x prefix/],
      ]
      for (const [params, message] of cases) {
        const r = await call('eth_getProof', params)
        assert.equal(r.error?.code, -32602, JSON.stringify(params))
        assert.match(r.error?.message ?? '', message)
      }
    })
  })
})
