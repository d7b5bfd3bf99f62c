// Strict parameter parsers, following geth's hexutil rules so that clients see the same
// acceptance and the same messages: quantities are 0x-prefixed hex strings without leading zeros
// (never JSON numbers), byte strings are even-length hex. Every failure is a -32602
// `invalid argument N: ...` with N the 0-based position of the parameter.
import type { BlockId, BlockTag, CallRequest, TypedDataInput } from './backend.ts'
import { invalidArgument, invalidParams } from './errors.ts'

const HEX = /^[0-9a-fA-F]*$/
const BLOCK_TAGS: ReadonlySet<string> = new Set<BlockTag>([
  'latest',
  'earliest',
  'pending',
  'safe',
  'finalized',
])
const MAX_INT64 = (1n << 63n) - 1n

/** Where a value sits, for messages: the parameter index and, inside objects, the field name. */
export interface ParamPath {
  index: number
  field?: string
}

function at(p: number | ParamPath, field: string): ParamPath {
  const base = typeof p === 'number' ? { index: p } : p
  return { index: base.index, field: base.field === undefined ? field : `${base.field}.${field}` }
}

function fail(p: number | ParamPath, what: string): never {
  if (typeof p === 'number') throw invalidArgument(p, what)
  throw invalidArgument(p.index, p.field === undefined ? what : `${p.field}: ${what}`)
}

/**
 * Checks the positional parameter count; absent trailing parameters become `undefined` and an
 * explicit `null` counts as absent (optional parameters fall back to their default).
 */
export function positional(params: unknown[], required: number, max: number): unknown[] {
  if (params.length > max) throw invalidParams(`too many arguments, want at most ${max}`)
  const out: unknown[] = []
  for (let i = 0; i < max; i++) {
    const v = params[i]
    if (v === undefined || v === null) {
      if (i < required) throw invalidParams(`missing value for required argument ${i}`)
      out.push(undefined)
    } else {
      out.push(v)
    }
  }
  return out
}

function hexBody(v: unknown, p: number | ParamPath, kind: string): string {
  if (typeof v !== 'string') fail(p, `cannot unmarshal non-string into ${kind}`)
  if (v.length === 0) fail(p, 'empty hex string')
  if (!v.startsWith('0x') && !v.startsWith('0X')) fail(p, 'hex string without 0x prefix')
  const body = v.slice(2)
  if (!HEX.test(body)) fail(p, 'invalid hex string')
  return body
}

/** A quantity of at most `bits` bits: `0x0`, `0x1f`; not `0x`, `0x01`, `31` or a JSON number. */
export function quantity(v: unknown, p: number | ParamPath, bits = 256): bigint {
  const body = hexBody(v, p, 'quantity')
  if (body.length === 0) fail(p, 'hex string "0x"')
  if (body.length > 1 && body[0] === '0') fail(p, 'hex number with leading zero digits')
  // Length first, so a megabyte of hex digits is never turned into a bigint.
  if (body.length > Math.ceil(bits / 4)) fail(p, `hex number > ${bits} bits`)
  const n = BigInt(`0x${body}`)
  if (n >> BigInt(bits) !== 0n) fail(p, `hex number > ${bits} bits`)
  return n
}

export function uint64(v: unknown, p: number | ParamPath): bigint {
  return quantity(v, p, 64)
}

/** A 64-bit quantity that fits a JS number, for indexes and counts. */
export function smallUint(v: unknown, p: number | ParamPath): number {
  const n = quantity(v, p, 64)
  if (n > BigInt(Number.MAX_SAFE_INTEGER)) fail(p, 'hex number > 53 bits')
  return Number(n)
}

export function bytes(v: unknown, p: number | ParamPath): Uint8Array {
  const body = hexBody(v, p, 'bytes')
  if (body.length % 2 !== 0) fail(p, 'hex string of odd length')
  return Uint8Array.from(Buffer.from(body, 'hex'))
}

function fixedBytes(v: unknown, p: number | ParamPath, length: number, kind: string): Uint8Array {
  const body = hexBody(v, p, kind)
  if (body.length !== length * 2)
    fail(p, `hex string has length ${body.length}, want ${length * 2} for ${kind}`)
  return Uint8Array.from(Buffer.from(body, 'hex'))
}

export function address(v: unknown, p: number | ParamPath): Uint8Array {
  return fixedBytes(v, p, 20, 'address')
}

export function hash(v: unknown, p: number | ParamPath): Uint8Array {
  return fixedBytes(v, p, 32, 'hash')
}

/**
 * A storage slot as geth's eth_getStorageAt takes it: hex of up to 32 bytes, left-padded; leading
 * zeros and odd length allowed (`0x0` is slot 0).
 */
export function storageSlot(v: unknown, p: number | ParamPath): Uint8Array {
  if (typeof v !== 'string') fail(p, 'cannot unmarshal non-string into storage slot')
  let body = v.startsWith('0x') || v.startsWith('0X') ? v.slice(2) : v
  if (!HEX.test(body)) fail(p, 'invalid hex string')
  if (body.length % 2 === 1) body = `0${body}`
  if (body.length > 64) fail(p, 'hex string too long, want at most 32 bytes')
  const out = new Uint8Array(32)
  out.set(Buffer.from(body, 'hex'), 32 - body.length / 2)
  return out
}

/** A storage key of eth_getProof: the 32-byte slot and how many bytes the caller wrote. */
export interface ProofKey {
  slot: Uint8Array
  inputLength: number
}

/**
 * eth_getProof's storage keys, decoded like geth's decodeHash: each up to 32 bytes of hex, 0x prefix
 * optional, odd length allowed, left-padded to a slot. The input length decides how the key is
 * echoed back (a 32-byte key as is, anything shorter as a quantity).
 */
export function proofKeys(v: unknown, p: number | ParamPath): ProofKey[] {
  if (!Array.isArray(v)) fail(p, 'cannot unmarshal non-array into storage keys')
  return v.map((k, i) => {
    const q = at(p, String(i))
    if (typeof k !== 'string') fail(q, 'cannot unmarshal non-string into storage key')
    let body = k.startsWith('0x') || k.startsWith('0X') ? k.slice(2) : k
    if (!HEX.test(body)) fail(q, 'hex string invalid')
    if (body.length % 2 === 1) body = `0${body}`
    if (body.length > 64) fail(q, 'hex string too long, want at most 32 bytes')
    const slot = new Uint8Array(32)
    slot.set(Buffer.from(body, 'hex'), 32 - body.length / 2)
    return { slot, inputLength: body.length / 2 }
  })
}

export function bool(v: unknown, p: number | ParamPath): boolean {
  if (typeof v !== 'boolean') fail(p, 'cannot unmarshal non-bool into bool')
  return v
}

function blockNumberValue(v: string, p: number | ParamPath): bigint {
  const n = quantity(v, p, 64)
  if (n > MAX_INT64) fail(p, 'block number larger than int64')
  return n
}

/** A block tag or number, as eth_getBlockByNumber takes it (no hashes). */
export function blockNumberOrTag(v: unknown, p: number | ParamPath): BlockId {
  if (typeof v !== 'string') fail(p, 'cannot unmarshal non-string into block number')
  if (BLOCK_TAGS.has(v)) return { tag: v as BlockTag }
  return { number: blockNumberValue(v, p) }
}

/**
 * A block by tag, number or hash, as state queries take it: a tag, a hex number, a 32-byte hash
 * string, or an EIP-1898 object `{ blockNumber }` / `{ blockHash, requireCanonical? }`.
 */
export function blockId(v: unknown, p: number | ParamPath): BlockId {
  if (typeof v === 'string') {
    if (BLOCK_TAGS.has(v)) return { tag: v as BlockTag }
    if (v.length === 66) return { hash: hash(v, p) }
    return { number: blockNumberValue(v, p) }
  }
  if (typeof v !== 'object' || v === null || Array.isArray(v)) {
    fail(p, 'cannot unmarshal into block number or hash')
  }
  const o = v as Record<string, unknown>
  const hasNumber = o['blockNumber'] !== undefined && o['blockNumber'] !== null
  const hasHash = o['blockHash'] !== undefined && o['blockHash'] !== null
  if (hasNumber && hasHash) fail(p, 'cannot specify both BlockHash and BlockNumber, choose one or the other')
  if (hasHash) {
    const requireCanonical = o['requireCanonical']
    if (
      requireCanonical !== undefined &&
      requireCanonical !== null &&
      typeof requireCanonical !== 'boolean'
    ) {
      fail(at(p, 'requireCanonical'), 'cannot unmarshal non-bool into bool')
    }
    return { hash: hash(o['blockHash'], at(p, 'blockHash')), requireCanonical: requireCanonical === true }
  }
  if (hasNumber) return blockNumberOrTag(o['blockNumber'], at(p, 'blockNumber'))
  fail(p, 'either blockHash or blockNumber must be specified')
}

function objectOf(v: unknown, p: number | ParamPath, kind: string): Record<string, unknown> {
  if (typeof v !== 'object' || v === null || Array.isArray(v))
    fail(p, `cannot unmarshal non-object into ${kind}`)
  return v as Record<string, unknown>
}

function present(o: Record<string, unknown>, key: string): unknown {
  const v = o[key]
  return v === null ? undefined : v
}

export interface ParsedCall {
  req: CallRequest
  /** Set when the caller named a chain id; handlers check it against the node's. */
  chainId?: bigint
}

/** A transaction-like object for eth_call / eth_estimateGas / eth_sendTransaction. */
export function callRequest(v: unknown, p: number | ParamPath): ParsedCall {
  const o = objectOf(v, p, 'transaction arguments')
  const req: CallRequest = {}
  const opt = <T>(key: string, parse: (x: unknown, q: ParamPath) => T): T | undefined => {
    const x = present(o, key)
    return x === undefined ? undefined : parse(x, at(p, key))
  }
  const from = opt('from', address)
  if (from !== undefined) req.from = from
  if ('to' in o) req.to = o['to'] === null ? null : address(o['to'], at(p, 'to'))
  const gas = opt('gas', uint64)
  if (gas !== undefined) req.gas = gas
  const gasPrice = opt('gasPrice', quantity)
  if (gasPrice !== undefined) req.gasPrice = gasPrice
  const maxFeePerGas = opt('maxFeePerGas', quantity)
  if (maxFeePerGas !== undefined) req.maxFeePerGas = maxFeePerGas
  const maxPriorityFeePerGas = opt('maxPriorityFeePerGas', quantity)
  if (maxPriorityFeePerGas !== undefined) req.maxPriorityFeePerGas = maxPriorityFeePerGas
  if (gasPrice !== undefined && (maxFeePerGas !== undefined || maxPriorityFeePerGas !== undefined)) {
    fail(p, 'both gasPrice and (maxFeePerGas or maxPriorityFeePerGas) specified')
  }
  const value = opt('value', quantity)
  if (value !== undefined) req.value = value
  const nonce = opt('nonce', uint64)
  if (nonce !== undefined) req.nonce = nonce
  const input = opt('input', bytes)
  const data = opt('data', bytes)
  if (input !== undefined && data !== undefined && Buffer.compare(input, data) !== 0) {
    fail(p, 'both "data" and "input" are set and not equal. Please use "input" to pass transaction call data')
  }
  const payload = input ?? data
  if (payload !== undefined) req.data = payload
  const accessList = opt('accessList', parseAccessList)
  if (accessList !== undefined) req.accessList = accessList
  const type = opt('type', (x, q) => {
    const t = quantity(x, q, 8)
    if (t > 4n) fail(q, `unsupported transaction type ${t}`)
    return Number(t)
  })
  if (type !== undefined) req.type = type
  const out: ParsedCall = { req }
  const chainId = opt('chainId', quantity)
  if (chainId !== undefined) out.chainId = chainId
  return out
}

function parseAccessList(v: unknown, p: ParamPath): NonNullable<CallRequest['accessList']> {
  if (!Array.isArray(v)) fail(p, 'cannot unmarshal non-array into access list')
  return v.map((item, i) => {
    const q = at(p, String(i))
    const o = objectOf(item, q, 'access tuple')
    const keys = present(o, 'storageKeys') ?? []
    if (!Array.isArray(keys)) fail(at(q, 'storageKeys'), 'cannot unmarshal non-array into storage keys')
    return {
      address: address(o['address'], at(q, 'address')),
      storageKeys: keys.map((k, j) => hash(k, at(q, `storageKeys.${j}`))),
    }
  })
}

/** A log filter before block tags are resolved to numbers. */
export interface ParsedLogFilter {
  fromBlock?: BlockId
  toBlock?: BlockId
  blockHash?: Uint8Array
  addresses: Uint8Array[]
  topics: (Uint8Array[] | null)[]
}

export const MAX_TOPICS = 4

export function logFilter(v: unknown, p: number | ParamPath): ParsedLogFilter {
  const o = objectOf(v, p, 'filter')
  const out: ParsedLogFilter = { addresses: [], topics: [] }
  const blockHash = present(o, 'blockHash')
  const fromBlock = present(o, 'fromBlock')
  const toBlock = present(o, 'toBlock')
  if (blockHash !== undefined) {
    if (fromBlock !== undefined || toBlock !== undefined) {
      fail(p, 'cannot specify both BlockHash and FromBlock/ToBlock, choose one or the other')
    }
    out.blockHash = hash(blockHash, at(p, 'blockHash'))
  }
  if (fromBlock !== undefined) out.fromBlock = blockNumberOrTag(fromBlock, at(p, 'fromBlock'))
  if (toBlock !== undefined) out.toBlock = blockNumberOrTag(toBlock, at(p, 'toBlock'))

  const addr = present(o, 'address')
  if (Array.isArray(addr)) out.addresses = addr.map((a, i) => address(a, at(p, `address.${i}`)))
  else if (addr !== undefined) out.addresses = [address(addr, at(p, 'address'))]

  const topics = present(o, 'topics')
  if (topics !== undefined) {
    if (!Array.isArray(topics)) fail(at(p, 'topics'), 'cannot unmarshal non-array into topics')
    if (topics.length > MAX_TOPICS) fail(at(p, 'topics'), 'exceed max topics')
    out.topics = topics.map((t, i): Uint8Array[] | null => {
      const q = at(p, `topics.${i}`)
      if (t === null) return null
      if (!Array.isArray(t)) return [hash(t, q)]
      // As in geth, a null inside an OR-list makes the whole position a wildcard.
      if (t.some((x) => x === null)) return null
      return t.map((x, j) => hash(x, at(q, String(j))))
    })
    // Trailing wildcards constrain nothing; dropping them keeps backend matching simple.
    while (out.topics.length > 0 && out.topics[out.topics.length - 1] === null) out.topics.pop()
  }
  return out
}

/** EIP-712 typed data, sent either as an object or as its JSON string (MetaMask does the latter). */
export function typedData(v: unknown, p: number | ParamPath): TypedDataInput {
  let value = v
  if (typeof v === 'string') {
    try {
      value = JSON.parse(v)
    } catch {
      fail(p, 'typed data is not valid JSON')
    }
  }
  const o = objectOf(value, p, 'typed data')
  const types = objectOf(o['types'], at(p, 'types'), 'types')
  for (const [name, fields] of Object.entries(types)) {
    if (!Array.isArray(fields)) fail(at(p, `types.${name}`), 'cannot unmarshal non-array into type fields')
    for (const f of fields) {
      const field = f as { name?: unknown; type?: unknown } | null
      if (
        typeof field !== 'object' ||
        field === null ||
        typeof field.name !== 'string' ||
        typeof field.type !== 'string'
      ) {
        fail(at(p, `types.${name}`), 'each field needs a string name and type')
      }
    }
  }
  if (typeof o['primaryType'] !== 'string')
    fail(at(p, 'primaryType'), 'cannot unmarshal non-string into string')
  if (!(o['primaryType'] in types)) fail(at(p, 'primaryType'), `unknown type ${o['primaryType']}`)
  return {
    types: types as TypedDataInput['types'],
    primaryType: o['primaryType'],
    domain: objectOf(o['domain'], at(p, 'domain'), 'domain'),
    message: objectOf(o['message'], at(p, 'message'), 'message'),
  }
}

/** eth_feeHistory's percentiles: numbers in [0, 100], non-decreasing. */
export function rewardPercentiles(v: unknown, p: number | ParamPath): number[] {
  if (!Array.isArray(v)) fail(p, 'cannot unmarshal non-array into percentiles')
  let prev = 0
  return v.map((x, i) => {
    if (typeof x !== 'number' || !Number.isFinite(x)) fail(p, `invalid reward percentile at ${i}`)
    if (x < 0 || x > 100) fail(p, `invalid reward percentile: ${x} is not in [0, 100]`)
    if (x < prev) fail(p, `invalid reward percentile: ${x} after ${prev} is not monotonic`)
    prev = x
    return x
  })
}

/**
 * eth_feeHistory's block count: geth takes it as hex or decimal (HexOrDecimal64), and clients
 * send both.
 */
export function hexOrDecimal(v: unknown, p: number | ParamPath): bigint {
  if (typeof v === 'number') {
    if (!Number.isSafeInteger(v) || v < 0) fail(p, 'invalid block count')
    return BigInt(v)
  }
  if (typeof v === 'string' && /^[0-9]+$/.test(v)) return BigInt(v)
  return uint64(v, p)
}
