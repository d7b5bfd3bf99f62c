// Req/resp protocols: status handshake, blocks by range, blocks by hash. One length-prefixed
// request frame, one response frame, then the stream closes. Requests are size-limited, answered
// within a timeout, and rate-limited per peer and protocol.
import type { Connection, PeerId, Stream } from '@libp2p/interface'
import { lpStream } from '@libp2p/utils'
import type { Logger } from 'pino'
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
} from './codec.ts'
import { P2PError } from './errors.ts'
import type { Host } from './host.ts'
import type { P2PMetrics } from './metrics.ts'
import type { P2POptions } from './options.ts'
import type { RateLimiter } from './scoring.ts'
import type { ChainStatus, NetworkChain } from './types.ts'

export const PROTOCOLS = {
  status: '/mosaic/req/status/1',
  blocksByRange: '/mosaic/req/blocks_by_range/1',
  blocksByHash: '/mosaic/req/blocks_by_hash/1',
} as const
type ProtocolName = keyof typeof PROTOCOLS

/** Largest request frame: a by-hash request of maxBlocksPerRequest hashes fits. */
const MAX_REQUEST_BYTES = 8 * 1024

export interface ReqRespModules {
  host: Host
  chain: NetworkChain
  logger: Logger
  metrics: P2PMetrics
  limiter: RateLimiter
  /** A peer misbehaved on a protocol (bad request, garbage, flooding). */
  onPeerError(peer: PeerId, source: string, err: P2PError): void
  /** A peer's status arrived (as request or response). */
  onStatus(peer: PeerId, status: ChainStatus): void
}

export class ReqResp {
  constructor(
    private readonly options: P2POptions,
    private readonly modules: ReqRespModules,
  ) {}

  async start(): Promise<void> {
    const { host } = this.modules
    for (const name of Object.keys(PROTOCOLS) as ProtocolName[]) {
      await host.handle(PROTOCOLS[name], (stream, conn) => this.serve(name, stream, conn), {
        maxInboundStreams: 32,
      })
    }
  }

  private async serve(name: ProtocolName, stream: Stream, conn: Connection): Promise<void> {
    const peer = conn.remotePeer
    const { metrics, limiter, logger } = this.modules
    metrics.requests.inc({ protocol: name, direction: 'in' })
    const signal = AbortSignal.timeout(this.options.requestTimeoutMs)
    const lp = lpStream(stream, { maxDataLength: MAX_REQUEST_BYTES })
    try {
      if (!limiter.take(`${peer.toString()}/${name}`)) {
        await lp.write(encodeErrorResponse(ResultCode.rateLimited, 'rate limited'), { signal })
        throw new P2PError('RATE_LIMITED', `${name}: peer over ${this.options.requestsPerSecond} requests/s`)
      }
      let request: Uint8Array
      try {
        request = (await lp.read({ signal })).subarray()
      } catch (e) {
        if (signal.aborted) throw new P2PError('TIMEOUT', `${name}: no request within the timeout`)
        const n = (e as Error).name
        if (
          n === 'InvalidDataLengthError' ||
          n === 'InvalidMessageLengthError' ||
          n === 'InvalidDataLengthLengthError'
        )
          throw new P2PError('OVERSIZED', `${name}: request above ${MAX_REQUEST_BYTES} bytes`)
        // The peer went away (or hung up on us): nobody to blame.
        throw new P2PError('BAD_REQUEST', `${name}: no request: ${(e as Error).message}`, 'ignore')
      }
      const response = await this.answer(name, request)
      await lp.write(response, { signal })
      await stream.close({ signal })
      // Judged after answering: a peer on another chain learns ours before it is dropped.
      if (name === 'status') this.modules.onStatus(peer, decodeStatus(request))
    } catch (e) {
      const err = e instanceof P2PError ? e : new P2PError('BAD_REQUEST', (e as Error).message, 'ignore')
      logger.debug({ peer: peer.toString(), protocol: name, err: err.message }, 'request refused')
      if (err.code === 'GARBAGE' || err.code === 'BAD_REQUEST') {
        await lp.write(encodeErrorResponse(ResultCode.badRequest, err.message), { signal }).catch(() => {})
      }
      stream.abort(err)
      this.modules.onPeerError(peer, `req/${name}`, err)
    }
  }

  private async answer(name: ProtocolName, request: Uint8Array): Promise<Uint8Array> {
    const { chain } = this.modules
    switch (name) {
      case 'status':
        decodeStatus(request)
        return encodeStatus(chain.status())
      case 'blocksByRange': {
        const { start, count } = decodeRangeRequest(request)
        if (count > this.options.maxBlocksPerRequest)
          throw new P2PError(
            'BAD_REQUEST',
            `blocksByRange: count ${count} above ${this.options.maxBlocksPerRequest}`,
          )
        return encodeBlocksResponse(this.fit(await chain.blocksByRange(start, count)))
      }
      case 'blocksByHash': {
        const hashes = decodeHashRequest(request)
        if (hashes.length > this.options.maxBlocksPerRequest)
          throw new P2PError(
            'BAD_REQUEST',
            `blocksByHash: ${hashes.length} hashes above ${this.options.maxBlocksPerRequest}`,
          )
        const blocks: Uint8Array[] = []
        for (const h of hashes) {
          const b = await chain.blockByHash(h)
          if (b) blocks.push(b)
        }
        return encodeBlocksResponse(this.fit(blocks))
      }
    }
  }

  /** The longest prefix of `blocks` that fits a response frame. */
  private fit(blocks: Uint8Array[]): Uint8Array[] {
    let size = 16
    let n = 0
    for (; n < blocks.length; n++) {
      size += blocks[n]!.length + 9
      if (size > this.options.maxResponseBytes) break
    }
    return n === blocks.length ? blocks : blocks.slice(0, Math.max(1, n))
  }

  // ---- client side ----

  private async request(peer: PeerId, name: ProtocolName, payload: Uint8Array): Promise<Uint8Array> {
    const { host, metrics } = this.modules
    metrics.requests.inc({ protocol: name, direction: 'out' })
    const signal = AbortSignal.timeout(this.options.requestTimeoutMs)
    let stream: Stream | undefined
    try {
      stream = await host.dialProtocol(peer, PROTOCOLS[name], { signal })
      const lp = lpStream(stream, { maxDataLength: this.options.maxResponseBytes + 1024 })
      await lp.write(payload, { signal })
      const frame = (await lp.read({ signal })).subarray()
      await stream.close({ signal }).catch(() => {})
      return frame
    } catch (e) {
      stream?.abort(e as Error)
      if (e instanceof P2PError) throw e
      if (signal.aborted)
        throw new P2PError(
          'TIMEOUT',
          `${name}: no answer within ${this.options.requestTimeoutMs} ms`,
          'ignore',
        )
      throw new P2PError('BAD_REQUEST', `${name}: ${(e as Error).message}`, 'ignore')
    }
  }

  async status(peer: PeerId): Promise<ChainStatus> {
    const frame = await this.request(peer, 'status', encodeStatus(this.modules.chain.status()))
    return decodeStatus(frame)
  }

  async blocksByRange(peer: PeerId, start: bigint, count: number): Promise<Uint8Array[]> {
    const frame = await this.request(peer, 'blocksByRange', encodeRangeRequest(start, count))
    const blocks = decodeBlocks(decodeResponse(frame))
    if (blocks.length > count)
      throw new P2PError('BAD_REQUEST', `blocksByRange: ${blocks.length} blocks for ${count} asked`)
    return blocks
  }

  async blocksByHash(peer: PeerId, hashes: Uint8Array[]): Promise<Uint8Array[]> {
    const frame = await this.request(peer, 'blocksByHash', encodeHashRequest(hashes))
    return decodeBlocks(decodeResponse(frame))
  }
}
