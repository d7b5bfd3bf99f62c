// geth's default tracer (eth/tracers/logger StructLogger): one entry per executed opcode with the
// gas before it, its cost, the call depth and, by option, stack, memory, storage and return data.
// Output follows geth's JSON: gas numbers as JSON numbers, stack words as 0x quantities, memory as
// 32-byte chunks and storage as 64-digit hex without prefix.
import type { EVMResult, InterpreterStep } from '@ethereumjs/evm'
import { Address, bytesToBigInt, bytesToHex, setLengthLeft } from '@ethereumjs/util'
import type { RunTxResult } from '@ethereumjs/vm'
import type { StructLoggerConfig } from '../../../rpc/index.ts'
import {
  forwardedGas,
  gethError,
  hexData,
  hexQuantity,
  isCallOp,
  isPreExecutionError,
  MAX_TRACE_BYTES,
  OP,
  OutputBudget,
  type Tracer,
  txOutcome,
  word,
} from './tracer.ts'

export const defaultStructLoggerConfig: StructLoggerConfig = {
  enableMemory: false,
  disableStack: false,
  disableStorage: false,
  enableReturnData: false,
  limit: 0,
}

export interface StructLog {
  pc: number
  op: string
  gas: number
  gasCost: number
  depth: number
  error?: string
  stack?: string[]
  returnData?: string
  memory?: string[]
  storage?: Record<string, string>
  refund?: number
}

export interface StructLogResult {
  gas: number
  failed: boolean
  returnValue: string
  structLogs: StructLog[]
}

interface Frame {
  /** Output of the last call this frame made (what RETURNDATACOPY reads). */
  returnData: Uint8Array
  /** The frame's latest struct log, where a pre-execution failure is reported. */
  last?: StructLog
  /** The frame's latest opcode, recorded or not. */
  lastOp?: number
  /** A call or create just ran and no frame has opened for it yet. */
  calling?: boolean
  /** Whether the call that opened the frame creates a contract. */
  create: boolean
}

export class StructLogger implements Tracer {
  private readonly logs: StructLog[] = []
  /** JSON bytes recorded so far: exact when `limit` is set (geth's measure), else an estimate. */
  private readonly size: OutputBudget
  /** Slots seen per contract (SLOAD values read, SSTORE values written), as geth accumulates them. */
  private readonly storage = new Map<string, Map<string, string>>()
  private readonly frames: Frame[] = []

  constructor(
    private readonly config: StructLoggerConfig = defaultStructLoggerConfig,
    maxBytes = MAX_TRACE_BYTES,
  ) {
    this.size = new OutputBudget(maxBytes)
  }

  step(s: InterpreterStep): Promise<void> | undefined {
    const code = s.opcode.code
    const frame = this.frames[this.frames.length - 1]
    if (frame) {
      // A call refused before it started (depth, balance) leaves no return data, as in geth.
      if (frame.calling) frame.returnData = new Uint8Array(0)
      frame.calling = isCallOp(code) || code === OP.CREATE || code === OP.CREATE2
      frame.lastOp = code
      frame.last = undefined
    }
    // geth stops recording once the JSON recorded so far exceeds `limit` bytes.
    if (this.config.limit > 0 && this.size.used > this.config.limit) return undefined
    let cost = s.opcode.dynamicFee ?? BigInt(s.opcode.fee)
    // geth counts the gas handed to the callee in a call's cost; ethereumjs charges it afterwards.
    if (isCallOp(code)) cost += forwardedGas(s, cost)
    const log: StructLog = {
      pc: s.pc,
      op: s.opcode.name,
      gas: Number(s.gasLeft),
      gasCost: Number(cost),
      depth: s.depth + 1,
    }
    if (!this.config.disableStack) log.stack = s.stack.map(hexQuantity)
    if (this.config.enableReturnData && frame && frame.returnData.length > 0) {
      log.returnData = hexData(frame.returnData)
    }
    if (this.config.enableMemory && s.memory.length > 0) log.memory = memoryChunks(s.memory)
    if (s.gasRefund > 0n) log.refund = Number(s.gasRefund)
    if (frame) frame.last = log
    if (!this.config.disableStorage && (code === OP.SLOAD || code === OP.SSTORE)) {
      return this.withStorage(s, log)
    }
    this.record(log)
    return undefined
  }

  enter(): void {
    const parent = this.frames[this.frames.length - 1]
    if (parent) parent.calling = false
    const op = parent?.lastOp
    this.frames.push({ returnData: new Uint8Array(0), create: op === OP.CREATE || op === OP.CREATE2 })
  }

  exit(r: EVMResult): void {
    const frame = this.frames.pop()
    const err = r.execResult.exceptionError?.error
    if (frame?.last && err !== undefined && isPreExecutionError(err))
      this.markFailed(frame.last, gethError(err))
    const parent = this.frames[this.frames.length - 1]
    if (!parent) return
    // Like geth: a call's output (or revert data) becomes the caller's return data; a successful
    // create leaves it empty.
    const keep = err === 'revert' || (err === undefined && !frame?.create)
    parent.returnData = keep ? r.execResult.returnValue : new Uint8Array(0)
  }

  result(_tx: unknown, r: RunTxResult): StructLogResult {
    const o = txOutcome(r)
    return {
      gas: Number(r.totalGasSpent),
      failed: o.failed,
      // The output on success, the revert data on a revert, nothing on other failures.
      returnValue: hexData(o.failed && !o.reverted ? new Uint8Array(0) : o.output),
      structLogs: this.logs,
    }
  }

  private async withStorage(s: InterpreterStep, log: StructLog): Promise<void> {
    const key = s.stack[s.stack.length - 1] ?? 0n
    const addr = bytesToHex(s.address.bytes)
    let slots = this.storage.get(addr)
    if (!slots) {
      slots = new Map()
      this.storage.set(addr, slots)
    }
    if (s.opcode.code === OP.SLOAD) {
      slots.set(word(key), word(await readSlot(s, key)))
    } else {
      slots.set(word(key), word(s.stack[s.stack.length - 2] ?? 0n))
    }
    log.storage = Object.fromEntries([...slots].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
    this.record(log)
  }

  /** Puts `error` on the step that failed, where geth's JSON has it (after depth). */
  private markFailed(log: StructLog, error: string): void {
    const i = this.logs.lastIndexOf(log)
    if (i < 0) return
    const { pc, op, gas, gasCost, depth, ...rest } = log
    this.logs[i] = { pc, op, gas, gasCost, depth, error, ...rest }
  }

  private record(log: StructLog): void {
    this.logs.push(log)
    this.size.add(this.config.limit > 0 ? JSON.stringify(log).length : estimateSize(log))
  }
}

/** A cheap upper-bound-ish guess of a log's JSON length, without serialising it. */
function estimateSize(log: StructLog): number {
  let n = 100 + log.op.length
  for (const w of log.stack ?? []) n += w.length + 3
  n += (log.memory?.length ?? 0) * 67
  if (log.storage) n += Object.keys(log.storage).length * 134
  return n + (log.returnData?.length ?? 0)
}

async function readSlot(s: InterpreterStep, key: bigint): Promise<bigint> {
  try {
    const v = await s.stateManager.getStorage(
      new Address(s.address.bytes),
      setLengthLeft(bigToBytes(key), 32),
    )
    return bytesToBigInt(v)
  } catch {
    // No account behind the executing address (cannot happen while code runs): geth reads zero.
    return 0n
  }
}

function bigToBytes(n: bigint): Uint8Array {
  return Uint8Array.from(Buffer.from(word(n), 'hex'))
}

function memoryChunks(memory: Uint8Array): string[] {
  const out: string[] = []
  for (let i = 0; i + 32 <= memory.length; i += 32) {
    out.push(Buffer.from(memory.subarray(i, i + 32)).toString('hex'))
  }
  return out
}
