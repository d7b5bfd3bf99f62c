// The one place where errors become JSON-RPC errors. Handlers throw RpcError for protocol-level
// problems (bad params, limits) and let backend errors (objects with a string `code`) propagate;
// toRpcError maps those through one table.
import { bytesToHex } from '@ethereumjs/util'

export const ErrorCode = {
  PARSE: -32700,
  INVALID_REQUEST: -32600,
  METHOD_NOT_FOUND: -32601,
  INVALID_PARAMS: -32602,
  INTERNAL: -32603,
  SERVER: -32000,
  NOT_FOUND: -32001,
  TX_REJECTED: -32003,
  LIMIT_EXCEEDED: -32005,
  /** geth's code for a REVERT during eth_call / eth_estimateGas, with the revert data in `data`. */
  REVERTED: 3,
} as const

export interface RpcErrorObject {
  code: number
  message: string
  data?: unknown
}

export class RpcError extends Error {
  readonly code: number
  readonly data: unknown

  constructor(code: number, message: string, data?: unknown, options?: { cause?: unknown }) {
    super(message, options)
    this.name = 'RpcError'
    this.code = code
    this.data = data
  }

  toJSON(): RpcErrorObject {
    const out: RpcErrorObject = { code: this.code, message: this.message }
    if (this.data !== undefined) out.data = toJsonValue(this.data)
    return out
  }
}

/** Transaction-pool rejections: the message goes out unchanged because ethers/viem match on it. */
const TX_REJECTION_CODES = new Set([
  'NONCE_TOO_LOW',
  'NONCE_TOO_HIGH',
  'INSUFFICIENT_FUNDS',
  'FEE_CAP_BELOW_BASE_FEE',
  'TIP_ABOVE_FEE_CAP',
  'UNDERPRICED',
  'INTRINSIC_GAS_TOO_LOW',
  'GAS_LIMIT_EXCEEDED',
  'WRONG_CHAIN_ID',
  'OVERSIZED',
  'ALREADY_KNOWN',
  'REPLACEMENT_UNDERPRICED',
  'SENDER_LIMIT',
  'POOL_FULL',
  'INVALID_SENDER',
  'UNSUPPORTED_TX_TYPE',
  'MISSING_BLOB_SIDECAR',
  'INVALID_TRANSACTION',
])

interface Coded {
  code: string
  message: string
  data?: unknown
}

function isCoded(e: unknown): e is Coded {
  return (
    typeof e === 'object' &&
    e !== null &&
    typeof (e as { code?: unknown }).code === 'string' &&
    typeof (e as { message?: unknown }).message === 'string'
  )
}

/**
 * Maps anything thrown below the dispatcher to an RpcError. Unrecognised errors become -32603
 * 'internal error' with the original kept as `cause`, so the caller can log the stack without
 * leaking it to the client.
 */
export function toRpcError(e: unknown): RpcError {
  if (e instanceof RpcError) return e
  if (isCoded(e)) {
    const { code, message } = e
    if (TX_REJECTION_CODES.has(code))
      return new RpcError(ErrorCode.TX_REJECTED, message, undefined, { cause: e })
    switch (code) {
      case 'EXECUTION_REVERTED':
        return revertError(revertDataOf(e.data), { cause: e })
      case 'EXECUTION_FAILED':
        return new RpcError(ErrorCode.SERVER, message, undefined, { cause: e })
      case 'UNKNOWN_ACCOUNT':
        return new RpcError(ErrorCode.SERVER, 'unknown account', undefined, { cause: e })
      case 'NOT_DEV_MODE':
        return new RpcError(ErrorCode.SERVER, 'method only available in dev mode', undefined, { cause: e })
      case 'LIMIT_EXCEEDED':
        return new RpcError(ErrorCode.LIMIT_EXCEEDED, message, e.data, { cause: e })
      case 'NOT_FOUND':
      case 'UNKNOWN_BLOCK':
        return headerNotFound()
      case 'INVALID_PARAMS':
        return new RpcError(ErrorCode.INVALID_PARAMS, message, undefined, { cause: e })
      case 'TIMEOUT':
        return new RpcError(ErrorCode.SERVER, 'execution timeout', undefined, { cause: e })
    }
  }
  return new RpcError(ErrorCode.INTERNAL, 'internal error', undefined, { cause: e })
}

/** True when `e` came out of toRpcError as an unexpected failure worth an error-level log. */
export function isInternal(e: RpcError): boolean {
  return e.code === ErrorCode.INTERNAL
}

export function parseError(detail: string): RpcError {
  return new RpcError(ErrorCode.PARSE, `parse error: ${detail}`)
}

export function invalidRequest(message = 'invalid request'): RpcError {
  return new RpcError(ErrorCode.INVALID_REQUEST, message)
}

export function methodNotFound(method: string): RpcError {
  return new RpcError(ErrorCode.METHOD_NOT_FOUND, `the method ${method} does not exist/is not available`)
}

export function invalidArgument(index: number, what: string): RpcError {
  return new RpcError(ErrorCode.INVALID_PARAMS, `invalid argument ${index}: ${what}`)
}

export function invalidParams(message: string): RpcError {
  return new RpcError(ErrorCode.INVALID_PARAMS, message)
}

export function headerNotFound(): RpcError {
  return new RpcError(ErrorCode.NOT_FOUND, 'header not found')
}

export function limitExceeded(message: string, data?: unknown): RpcError {
  return new RpcError(ErrorCode.LIMIT_EXCEEDED, message, data)
}

export function serverError(message: string, data?: unknown): RpcError {
  return new RpcError(ErrorCode.SERVER, message, data)
}

function revertDataOf(data: unknown): Uint8Array {
  if (data instanceof Uint8Array) return data
  if (typeof data === 'string' && /^0x([0-9a-fA-F]{2})*$/.test(data)) {
    return Uint8Array.from(Buffer.from(data.slice(2), 'hex'))
  }
  return new Uint8Array()
}

/** Like geth: code 3, the decoded reason in the message when there is one, raw data always. */
export function revertError(data: Uint8Array, options?: { cause?: unknown }): RpcError {
  const reason = decodeRevertReason(data)
  const message = reason === undefined ? 'execution reverted' : `execution reverted: ${reason}`
  return new RpcError(ErrorCode.REVERTED, message, bytesToHex(data), options)
}

/** eth_call's failed execution result: a REVERT becomes code 3 with data, other halts -32000. */
export function callFailure(error: { message: string; reverted: boolean }, returnData: Uint8Array): RpcError {
  return error.reverted ? revertError(returnData) : new RpcError(ErrorCode.SERVER, error.message)
}

// Solidity's Error(string) and Panic(uint256) selectors.
const ERROR_SELECTOR = '08c379a0'
const PANIC_SELECTOR = '4e487b71'

const PANIC_REASONS: Record<string, string> = {
  '0': 'generic panic',
  '1': 'assert(false)',
  '17': 'arithmetic underflow or overflow',
  '18': 'division or modulo by zero',
  '33': 'enum overflow',
  '34': 'invalid encoded storage byte array accessed',
  '49': 'out-of-bounds array access; popping on an empty array',
  '50': 'out-of-bounds access of an array or bytesN',
  '65': 'out of memory',
  '81': 'uninitialized function',
}

/** geth's abi.UnpackRevert: the reason of Error(string) or Panic(uint256), else undefined. */
export function decodeRevertReason(data: Uint8Array): string | undefined {
  if (data.length < 4) return undefined
  const selector = Buffer.from(data.subarray(0, 4)).toString('hex')
  const body = data.subarray(4)
  if (selector === PANIC_SELECTOR) {
    if (body.length < 32) return undefined
    const code = BigInt(`0x${Buffer.from(body.subarray(0, 32)).toString('hex')}`)
    return PANIC_REASONS[code.toString()] ?? `unknown panic code: 0x${code.toString(16)}`
  }
  if (selector !== ERROR_SELECTOR || body.length < 64) return undefined
  const offset = readWord(body, 0)
  if (offset === undefined || offset + 32n > BigInt(body.length)) return undefined
  const length = readWord(body, Number(offset))
  const start = Number(offset) + 32
  if (length === undefined || BigInt(start) + length > BigInt(body.length)) return undefined
  return new TextDecoder().decode(body.subarray(start, start + Number(length)))
}

function readWord(bytes: Uint8Array, at: number): bigint | undefined {
  if (at + 32 > bytes.length) return undefined
  return BigInt(`0x${Buffer.from(bytes.subarray(at, at + 32)).toString('hex')}`)
}

/** Makes error data JSON-safe: bytes as 0x hex, bigints as hex quantities. */
export function toJsonValue(v: unknown): unknown {
  if (v instanceof Uint8Array) return bytesToHex(v)
  if (typeof v === 'bigint') return `0x${v.toString(16)}`
  if (Array.isArray(v)) return v.map(toJsonValue)
  if (typeof v === 'object' && v !== null) {
    const out: Record<string, unknown> = {}
    for (const [k, x] of Object.entries(v)) out[k] = toJsonValue(x)
    return out
  }
  return v
}
