// What a tracer sees of one transaction's execution: ethereumjs's EVM events (`step` before each
// opcode, `beforeMessage` / `afterMessage` around each call frame) turned into geth-like hooks.
import type { EVMResult, InterpreterStep, Message } from '@ethereumjs/evm'
import { bytesToHex } from '@ethereumjs/util'
import type { RunTxResult, VM } from '@ethereumjs/vm'
import { ChainError } from '../errors.ts'

/** The traced transaction (or call) as geth's tracers get it at the start. */
export interface TxInfo {
  from: Uint8Array
  /** Undefined for a contract creation. */
  to?: Uint8Array
  value: bigint
  gasLimit: bigint
  input: Uint8Array
}

export interface Tracer {
  /** Before each opcode runs; a returned promise is awaited before the opcode executes. */
  step?(step: InterpreterStep): void | Promise<void>
  /** A call frame starts; depth 0 is the transaction's own. */
  enter?(msg: Message): void
  /** The innermost open call frame ends. */
  exit?(result: EVMResult): void
  /** The transaction's outcome; returns the tracer's JSON result. */
  result(tx: TxInfo, r: RunTxResult): unknown
}

/**
 * Forwards `vm`'s EVM events to `tracer` until the returned function is called. Past `deadline`
 * (epoch ms) the next opcode throws a TIMEOUT error, which aborts the execution.
 */
export function attachTracer(vm: VM, tracer: Tracer, deadline = Number.POSITIVE_INFINITY): () => void {
  const events = vm.evm.events
  if (!events) throw new ChainError('INVALID_PARAMS', 'the EVM has no event emitter to trace with')
  // A failed asynchronous step cannot reject ethereumjs's listener promise; it fails the next event.
  let failure: unknown
  const check = () => {
    if (failure !== undefined) throw failure
    if (Date.now() > deadline) throw new ChainError('TIMEOUT', 'execution timeout')
  }
  const onStep = (s: InterpreterStep, resolve?: (v?: unknown) => void) => {
    check()
    const pending = tracer.step?.(s)
    if (!pending) {
      resolve?.()
      return
    }
    pending.then(
      () => resolve?.(),
      (e: unknown) => {
        failure = e
        resolve?.()
      },
    )
  }
  const onEnter = (m: Message) => {
    check()
    tracer.enter?.(m)
  }
  const onExit = (r: EVMResult) => {
    check()
    tracer.exit?.(r)
  }
  events.on('step', onStep)
  events.on('beforeMessage', onEnter)
  events.on('afterMessage', onExit)
  return () => {
    events.off('step', onStep)
    events.off('beforeMessage', onEnter)
    events.off('afterMessage', onExit)
    if (failure !== undefined) throw failure
  }
}

/**
 * Past about this much JSON a trace fails with LIMIT_EXCEEDED instead of growing: a response that
 * size is of no use to a client, and memory snapshots of a large-memory loop would exhaust the heap.
 */
export const MAX_TRACE_BYTES = 256 * 1024 * 1024

/** Counts a tracer's output and stops the execution once it passes `max` bytes. */
export class OutputBudget {
  used = 0
  constructor(private readonly max = MAX_TRACE_BYTES) {}

  add(bytes: number): void {
    this.used += bytes
    if (this.used > this.max) {
      throw new ChainError(
        'LIMIT_EXCEEDED',
        `trace larger than ${this.max} bytes: set limit, disableStack or leave out enableMemory`,
        { limit: this.max },
      )
    }
  }
}

// ---- formatting shared by the tracers (geth's JSON encodings) ----

export function hexQuantity(n: bigint | number): string {
  return `0x${n.toString(16)}`
}

export function hexData(b: Uint8Array): string {
  return bytesToHex(b)
}

/** A 32-byte word as geth prints storage keys and values: 64 hex digits, no prefix. */
export function word(n: bigint): string {
  return n.toString(16).padStart(64, '0')
}

/**
 * Memory no transaction can pay to expand to: 64 MiB costs over 8 billion gas. An opcode asking for
 * more fails out of gas, and the step it is traced at must not try to allocate it.
 */
const UNPAYABLE_MEMORY = 64n * 1024n * 1024n

/** `len` bytes of `memory` from `offset`, zero-filled past its end (what the opcode will read). */
export function memorySlice(memory: Uint8Array, offset: bigint, len: bigint): Uint8Array {
  if (len === 0n || offset + len > UNPAYABLE_MEMORY) return new Uint8Array(0)
  const out = new Uint8Array(Number(len))
  const start = Number(offset)
  if (start < memory.length) out.set(memory.subarray(start, Math.min(memory.length, start + out.length)))
  return out
}

/** The 20-byte address in the low bytes of a stack word. */
export function stackAddress(v: bigint): Uint8Array {
  const out = new Uint8Array(20)
  let x = v
  for (let i = 19; i >= 0; i--) {
    out[i] = Number(x & 0xffn)
    x >>= 8n
  }
  return out
}

export const OP = {
  SLOAD: 0x54,
  SSTORE: 0x55,
  LOG0: 0xa0,
  LOG4: 0xa4,
  CREATE: 0xf0,
  CALL: 0xf1,
  CALLCODE: 0xf2,
  DELEGATECALL: 0xf4,
  CREATE2: 0xf5,
  STATICCALL: 0xfa,
  REVERT: 0xfd,
  SELFDESTRUCT: 0xff,
  BALANCE: 0x31,
  EXTCODESIZE: 0x3b,
  EXTCODECOPY: 0x3c,
  EXTCODEHASH: 0x3f,
} as const

/** Gas a CALL-family opcode hands to its callee (EIP-150: all but 1/64 of what is left). */
export function forwardedGas(s: InterpreterStep, cost: bigint): bigint {
  const requested = s.stack[s.stack.length - 1] ?? 0n
  if (s.gasLeft < cost) return 0n
  const available = s.gasLeft - cost
  const cap = available - available / 64n
  return requested < cap ? requested : cap
}

export function isCallOp(code: number): boolean {
  return code === OP.CALL || code === OP.CALLCODE || code === OP.DELEGATECALL || code === OP.STATICCALL
}

// ethereumjs's EVMError strings -> geth's vm error messages, as traces and eth_createAccessList print them.
const GETH_ERRORS: Record<string, string> = {
  revert: 'execution reverted',
  'out of gas': 'out of gas',
  'code store out of gas': 'contract creation code storage out of gas',
  'code size to deposit exceeds maximum code size': 'max code size exceeded',
  'stack underflow': 'stack underflow',
  'stack overflow': 'stack limit reached 1024 (1023)',
  'invalid JUMP': 'invalid jump destination',
  'invalid opcode': 'invalid opcode: INVALID',
  'value out of range': 'return data out of bounds',
  'static state change': 'write protection',
  'create collision': 'contract address collision',
  'insufficient balance': 'insufficient balance for transfer',
  'invalid bytecode deployed': 'invalid code: must not begin with 0xef',
  'initcode exceeds max initcode size': 'max initcode size exceeded',
}

export function gethError(evmError: string): string {
  return GETH_ERRORS[evmError] ?? evmError
}

/** Errors geth reports on the failing opcode's struct log (raised before the opcode runs). */
export function isPreExecutionError(evmError: string): boolean {
  return evmError === 'out of gas' || evmError === 'stack underflow' || evmError === 'stack overflow'
}

/** The transaction-level view of a RunTxResult that every tracer reports. */
export function txOutcome(r: RunTxResult): { failed: boolean; reverted: boolean; output: Uint8Array } {
  const err = r.execResult.exceptionError
  return { failed: err !== undefined, reverted: err?.error === 'revert', output: r.execResult.returnValue }
}
