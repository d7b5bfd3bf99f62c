// Chains as files of concatenated RLP blocks (geth's `import` / `export` format): reading them block by
// block without loading the file whole, importing them into a chain, and writing a range back out.

import { createReadStream, createWriteStream } from 'node:fs'
import { stat } from 'node:fs/promises'
import { pipeline } from 'node:stream/promises'
import { type Block, createBlockFromBytesArray } from '@ethereumjs/block'
import { RLP } from '@ethereumjs/rlp'
import { bytesToHex, equalsBytes } from '@ethereumjs/util'
import { BLOCK_OPTS, type Chain } from './chain.ts'
import { ChainError } from './errors.ts'

/** One top-level RLP item of a file and where it starts. */
export interface RlpItem {
  bytes: Uint8Array
  offset: number
}

/**
 * Length of the RLP item at the start of `buf` (prefix included), or undefined when `buf` is too
 * short to tell. Throws on a prefix that cannot start a block (blocks are lists).
 */
export function rlpItemLength(buf: Uint8Array): number | undefined {
  const first = buf[0]
  if (first === undefined) return undefined
  if (first < 0xc0) throw new Error(`expected an RLP list, found prefix 0x${first.toString(16)}`)
  if (first <= 0xf7) return 1 + (first - 0xc0)
  const lenOfLen = first - 0xf7
  if (buf.length < 1 + lenOfLen) return undefined
  let len = 0
  for (let i = 1; i <= lenOfLen; i++) len = len * 256 + (buf[i] ?? 0)
  return 1 + lenOfLen + len
}

/** The top-level RLP items of a file, read as a stream. */
export async function* readRlpItems(path: string): AsyncGenerator<RlpItem> {
  let buf: Uint8Array = new Uint8Array(0)
  let offset = 0
  for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20 })) {
    const c = chunk as Buffer
    buf = buf.length === 0 ? c : Buffer.concat([buf, c])
    for (;;) {
      let len: number | undefined
      try {
        len = rlpItemLength(buf)
      } catch (e) {
        throw new ChainError('INVALID_BLOCK', `${path}: byte ${offset}: ${(e as Error).message}`)
      }
      if (len === undefined || buf.length < len) break
      yield { bytes: buf.subarray(0, len), offset }
      buf = buf.subarray(len)
      offset += len
    }
  }
  if (buf.length > 0) {
    throw new ChainError(
      'INVALID_BLOCK',
      `${path}: byte ${offset}: truncated block (${buf.length} bytes left)`,
    )
  }
}

export function decodeBlock(chain: Chain, item: RlpItem, index: number): Block {
  try {
    return createBlockFromBytesArray(RLP.decode(item.bytes) as never, { common: chain.common, ...BLOCK_OPTS })
  } catch (e) {
    const reason = String((e as Error).message ?? e).split('\n')[0]
    throw new ChainError('INVALID_BLOCK', `block #${index} of the file (byte ${item.offset}): ${reason}`)
  }
}

export interface ImportProgress {
  /** Bytes of the file read so far, and its size. */
  bytesRead: number
  totalBytes: number
  /** Blocks executed and stored, and blocks that were already there. */
  imported: number
  skipped: number
  txs: number
  gasUsed: bigint
  /** Number of the last block handled. */
  number: bigint
}

export interface ImportSummary extends ImportProgress {
  ms: number
  head: Block
}

export interface ImportFileOptions {
  /** Skip our seal rules (see Chain.importBlock). */
  trusted?: boolean
  /** Called after every block. */
  onProgress?: (p: ImportProgress) => void
  /** Stops between blocks (the last stored block stays the head). */
  signal?: AbortSignal
}

/**
 * Imports every block of `path` in order. Blocks already on the canonical chain are skipped, so a
 * re-import is a no-op; the first bad block stops the import with a ChainError naming it, leaving the
 * chain at the block before it (every block is stored in its own atomic batch).
 */
export async function importRlpFile(
  chain: Chain,
  path: string,
  options: ImportFileOptions = {},
): Promise<ImportSummary> {
  const started = performance.now()
  const p: ImportProgress = {
    bytesRead: 0,
    totalBytes: (await stat(path)).size,
    imported: 0,
    skipped: 0,
    txs: 0,
    gasUsed: 0n,
    number: chain.head.header.number,
  }
  let index = 0
  for await (const item of readRlpItems(path)) {
    if (options.signal?.aborted) break
    const block = decodeBlock(chain, item, index++)
    const n = block.header.number
    const head = chain.head.header.number
    if (n <= head) {
      const stored = await chain.getCanonicalHash(n)
      if (!stored || !equalsBytes(stored, block.hash())) {
        throw new ChainError(
          'INVALID_BLOCK',
          `block ${n}: hash ${bytesToHex(block.hash())} differs from stored block ${stored ? bytesToHex(stored) : '(none)'}`,
        )
      }
      p.skipped++
    } else {
      if (n > head + 1n) {
        throw new ChainError(
          'UNKNOWN_PARENT',
          `block ${n}: parent block ${n - 1n} is missing (head is ${head})`,
        )
      }
      await chain.importBlock(block, { trusted: options.trusted === true })
      p.imported++
      p.txs += block.transactions.length
      p.gasUsed += block.header.gasUsed
    }
    p.number = n
    p.bytesRead = item.offset + item.bytes.length
    options.onProgress?.(p)
  }
  return { ...p, ms: performance.now() - started, head: chain.head }
}

export interface ExportRange {
  from: bigint
  to: bigint
}

/** Writes canonical blocks `from..to` (inclusive, clamped to the head) to `path`; returns the count. */
export async function exportRlpFile(
  chain: Chain,
  path: string,
  range: ExportRange,
): Promise<{ blocks: number; bytes: number; from: bigint; to: bigint }> {
  const head = chain.head.header.number
  const to = range.to > head ? head : range.to
  if (range.from < 0n || range.from > to) {
    throw new ChainError(
      'UNKNOWN_BLOCK',
      `nothing to export: range ${range.from}..${range.to}, head is ${head}`,
    )
  }
  let blocks = 0
  let bytes = 0
  async function* rawBlocks(): AsyncGenerator<Uint8Array> {
    for (let n = range.from; n <= to; n++) {
      const raw = await chain.getRawBlockByNumber(n)
      if (!raw) throw new ChainError('UNKNOWN_BLOCK', `block ${n} is missing from the data directory`)
      blocks++
      bytes += raw.length
      yield raw
    }
  }
  // pipeline: backpressure, and a file that cannot be written is an error, not a crash.
  await pipeline(rawBlocks, createWriteStream(path))
  return { blocks, bytes, from: range.from, to }
}
