import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import {
  decodeBlocks,
  decodeHashRequest,
  decodeRangeRequest,
  decodeResponse,
  decodeStatus,
  encodeBlocksResponse,
  encodeErrorResponse,
  encodeHashRequest,
  encodeRangeRequest,
  encodeStatus,
  ResultCode,
} from '../../../p2p/codec.ts'
import { messageId, P2PError, topicsFor } from '../../../p2p/index.ts'

const h = (b: number) => new Uint8Array(32).fill(b)
const garbage = (e: unknown) => e instanceof P2PError && e.code === 'GARBAGE' && e.action === 'reject'

describe('p2p codec', () => {
  it('status round-trips', () => {
    const s = {
      chainId: 1515n,
      genesisHash: h(1),
      headNumber: 1234n,
      headHash: h(2),
      headWeight: 2400n,
      finalizedNumber: 0n,
      finalizedHash: h(1),
    }
    assert.deepEqual(decodeStatus(encodeStatus(s)), s)
  })

  it('requests round-trip; oversized counts are refused', () => {
    assert.deepEqual(decodeRangeRequest(encodeRangeRequest(10n, 64)), { start: 10n, count: 64 })
    assert.deepEqual(decodeHashRequest(encodeHashRequest([h(3), h(4)])), [h(3), h(4)])
    assert.throws(
      () => decodeRangeRequest(encodeRangeRequest(0n, 2_000_000)),
      (e) => e instanceof P2PError && e.code === 'BAD_REQUEST',
    )
  })

  it('responses carry blocks or an error code', () => {
    const blocks = [Uint8Array.of(1, 2), Uint8Array.of(3)]
    assert.deepEqual(decodeBlocks(decodeResponse(encodeBlocksResponse(blocks))), blocks)
    assert.throws(() => decodeResponse(encodeErrorResponse(ResultCode.badRequest, 'no')), /no/)
  })

  it('garbage is GARBAGE, never a crash', () => {
    for (const bytes of [
      Uint8Array.of(0xff, 0x13),
      new Uint8Array(0),
      Uint8Array.of(0xc0),
      Uint8Array.of(0x82, 1, 2),
    ]) {
      assert.throws(() => decodeStatus(bytes), garbage)
      assert.throws(() => decodeRangeRequest(bytes), garbage)
    }
    assert.throws(() => decodeHashRequest(encodeHashRequest([Uint8Array.of(1)])), garbage)
  })

  it('topics are per chain; message ids depend on content only', () => {
    assert.notEqual(topicsFor(1n).blocks, topicsFor(2n).blocks)
    assert.deepEqual(messageId(Uint8Array.of(1, 2)), messageId(Uint8Array.of(1, 2)))
    assert.notDeepEqual(messageId(Uint8Array.of(1, 2)), messageId(Uint8Array.of(1, 3)))
  })
})
