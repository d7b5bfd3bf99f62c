// Large answers are written into buffers reused across responses (rpc/rawJson.ts ResponseBuffers):
// a buffer must never be refilled while a socket still sends it. Many concurrent eth_getLogs answers
// of different sizes and contents, read by clients at different speeds, must each arrive intact.
import assert from 'node:assert/strict'
import { connect } from 'node:net'
import { after, before, describe, it } from 'node:test'
import { bytesToHex } from '@ethereumjs/util'
import pino from 'pino'
import type { LogFilter, LogView } from '../../../rpc/backend.ts'
import { RpcServer } from '../../../rpc/index.ts'
import { ResponseBuffers } from '../../../rpc/rawJson.ts'
import { TestBackend } from './fixture.ts'

/** Logs whose count and bytes follow the queried address, so each answer is different. */
class ManyLogsBackend extends TestBackend {
  override async getLogs(filter: LogFilter): Promise<LogView[]> {
    const a = filter.addresses[0] as Uint8Array
    const n = 9000 + (a[19] as number) * 500
    return Array.from({ length: n }, (_, i) => ({
      address: a,
      topics: [new Uint8Array(32).fill(a[19] as number)],
      data: new Uint8Array(64).fill(i % 256),
      blockHash: new Uint8Array(32).fill(1),
      blockNumber: 1n,
      blockTimestamp: 1n,
      transactionHash: new Uint8Array(32).fill(2),
      transactionIndex: 0,
      logIndex: i,
      removed: false,
    }))
  }
}

const addressOf = (k: number) => `0x${k.toString(16).padStart(40, '0')}`

/**
 * POSTs over a raw socket and reads the answer's body; a slow reader reads nothing for `pauseMs`, so
 * the server's write stays partial (the kernel's buffers fill) while other answers are being made.
 */
function post(url: string, body: string, pauseMs: number): Promise<string> {
  const { hostname, port } = new URL(url)
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), hostname)
    socket.on('error', reject)
    socket.write(
      `POST / HTTP/1.1\r\nhost: ${hostname}\r\ncontent-type: application/json\r\n` +
        `content-length: ${Buffer.byteLength(body)}\r\nconnection: close\r\n\r\n${body}`,
    )
    const chunks: Buffer[] = []
    setTimeout(() => {
      socket.on('data', (c: Buffer) => chunks.push(c))
      socket.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8')
        resolve(text.slice(text.indexOf('\r\n\r\n') + 4))
      })
    }, pauseMs)
  })
}

describe('reused response buffers', () => {
  const server = new RpcServer(
    { port: 0, logsMaxResults: 100_000 },
    { backend: new ManyLogsBackend(), logger: pino({ level: 'silent' }) },
  )
  let url = ''
  before(async () => {
    url = (await server.listen()).url
  })
  after(() => server.close())

  it('hands out a buffer only once it was given back, and small answers from the shared pool', () => {
    const pool = new ResponseBuffers(1024, 64 * 1024)
    const a = pool.take(5000)
    assert.ok(a.length >= 5000)
    assert.notEqual(pool.take(5000).buffer, a.buffer, 'a taken buffer is not handed out again')
    pool.give(a)
    assert.equal(pool.take(4000), a, 'a given-back buffer large enough is reused')
    assert.ok(pool.take(100).length === 100)
    const big = pool.take(100 * 1024)
    pool.give(big)
    assert.notEqual(pool.take(100 * 1024), big, 'idle buffers stay within their byte budget')
  })

  it('keeps every one of many concurrent large answers intact', async () => {
    const ks = Array.from({ length: 16 }, (_, i) => (i * 5) % 12)
    const answers = await Promise.all(
      ks.map((k, i) =>
        post(
          url,
          JSON.stringify({
            jsonrpc: '2.0',
            id: i,
            method: 'eth_getLogs',
            params: [{ fromBlock: '0x0', toBlock: '0x1', address: addressOf(k) }],
          }),
          i % 2 === 0 ? 300 : 0,
        ),
      ),
    )
    for (const [i, text] of answers.entries()) {
      const k = ks[i] as number
      const r = JSON.parse(text) as {
        id: number
        result: { address: string; topics: string[]; data: string }[]
        error?: unknown
      }
      assert.equal(r.id, i)
      assert.equal(r.error, undefined, `answer ${i}`)
      assert.equal(r.result.length, 9000 + k * 500, `answer ${i}: log count`)
      for (const [j, log] of r.result.entries()) {
        assert.equal(log.address, addressOf(k))
        assert.equal(log.topics[0], bytesToHex(new Uint8Array(32).fill(k)))
        assert.equal(log.data, bytesToHex(new Uint8Array(64).fill(j % 256)), `answer ${i}, log ${j}`)
      }
    }
    // The answers were large enough to go through the reused buffers.
    assert.ok(Math.max(...answers.map((a) => a.length)) > 16 * 1024)
  })
})
