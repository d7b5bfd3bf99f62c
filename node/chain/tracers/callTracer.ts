// geth's callTracer (eth/tracers/native/call.go): the tree of call frames of a transaction with
// type, addresses, gas, input and output, errors with decoded revert reasons and, with `withLog`,
// the logs each frame emitted (dropped again for frames that failed).
import type { EVMResult, InterpreterStep, Message } from '@ethereumjs/evm'
import type { RunTxResult } from '@ethereumjs/vm'
import { type CallTracerConfig, decodeRevertReason } from '../../../rpc/index.ts'
import {
  forwardedGas,
  gethError,
  hexData,
  hexQuantity,
  memorySlice,
  OP,
  OutputBudget,
  stackAddress,
  type Tracer,
  type TxInfo,
} from './tracer.ts'

/** Gas a call with value adds for its callee. */
const CALL_STIPEND = 2300n

export const defaultCallTracerConfig: CallTracerConfig = { onlyTopCall: false, withLog: false }

export interface CallLog {
  address: string
  topics: string[]
  data: string
  /** Number of sub-calls the frame had made when it emitted the log. */
  position: string
}

export interface CallFrame {
  type: string
  from: string
  gas: string
  gasUsed: string
  to?: string
  input: string
  output?: string
  error?: string
  revertReason?: string
  calls?: CallFrame[]
  logs?: CallLog[]
  value?: string
}

const OP_NAMES: Record<number, string> = {
  [OP.CALL]: 'CALL',
  [OP.CALLCODE]: 'CALLCODE',
  [OP.DELEGATECALL]: 'DELEGATECALL',
  [OP.STATICCALL]: 'STATICCALL',
  [OP.CREATE]: 'CREATE',
  [OP.CREATE2]: 'CREATE2',
}

export class CallTracer implements Tracer {
  /** Open frames, outermost first. */
  private readonly stack: CallFrame[] = []
  private top: CallFrame | undefined
  /** Depth of the frame now executing (0 = the transaction's own). */
  private depth = -1
  /** The call-family opcode the executing frame ran last: it names the next frame's type. */
  private lastCallOp: number | undefined
  /**
   * The frame a call-family opcode would open, until its message starts. ethereumjs refuses a call
   * beyond the depth limit or without the balance for its value before any message; geth reports
   * such a call as a failed frame, so one that never started is added when its caller runs on.
   */
  private unentered: { depth: number; frame: CallFrame } | undefined

  /** Frames hold copies of inputs and outputs: a loop of large calls must not exhaust the heap. */
  private readonly size = new OutputBudget()

  constructor(private readonly config: CallTracerConfig = defaultCallTracerConfig) {}

  step(s: InterpreterStep): Promise<void> | undefined {
    const code = s.opcode.code
    if (this.unentered && this.unentered.depth === s.depth) this.addUnentered()
    if (OP_NAMES[code] !== undefined) {
      this.lastCallOp = code
      const parent = this.stack[this.stack.length - 1]
      if (parent && !this.config.onlyTopCall) this.unentered = { depth: s.depth, frame: unentered(s, parent) }
      return undefined
    }
    if (code >= OP.LOG0 && code <= OP.LOG4) {
      if (this.config.withLog && (!this.config.onlyTopCall || s.depth === 0)) this.log(s, code - OP.LOG0)
      return undefined
    }
    if (code === OP.SELFDESTRUCT && !this.config.onlyTopCall) return this.selfdestruct(s)
    return undefined
  }

  enter(m: Message): void {
    this.unentered = undefined
    this.depth = m.depth
    if (m.depth > 0 && this.config.onlyTopCall) return
    const create = m.to === undefined
    let type = create ? 'CREATE' : 'CALL'
    if (m.depth > 0 && this.lastCallOp !== undefined) type = OP_NAMES[this.lastCallOp] ?? type
    const frame: CallFrame = {
      type,
      from: hexData(m.caller.bytes),
      gas: hexQuantity(m.gasLimit),
      gasUsed: '0x0',
      input: hexData(m.data),
    }
    if (m.to) frame.to = hexData(m.to.bytes)
    if (type === 'CALLCODE') frame.to = hexData(m.codeAddress.bytes)
    if (type === 'DELEGATECALL' && m.to) {
      // The frame runs the callee's code as the calling contract: geth reports contract -> code.
      frame.from = hexData(m.to.bytes)
      frame.to = hexData(m.codeAddress.bytes)
    }
    // A static call carries no value; a delegate call shows the value it inherits, as in geth.
    if (type !== 'STATICCALL') frame.value = hexQuantity(m.value)
    this.size.add(200 + frame.input.length)
    this.stack.push(frame)
  }

  exit(r: EVMResult): void {
    // A call opcode that ends its frame failed before calling (out of gas): geth has no frame for it.
    this.unentered = undefined
    const depth = this.depth
    this.depth--
    if (depth > 0 && this.config.onlyTopCall) return
    const frame = this.stack.pop()
    if (!frame) return
    const ex = r.execResult
    const create = frame.type === 'CREATE' || frame.type === 'CREATE2'
    if (create && r.createdAddress) frame.to = hexData(r.createdAddress.bytes)
    frame.gasUsed = hexQuantity(ex.executionGasUsed)
    const err = ex.exceptionError?.error
    this.size.add(2 * ex.returnValue.length)
    if (err === undefined) {
      if (ex.returnValue.length > 0) frame.output = hexData(ex.returnValue)
    } else {
      frame.error = gethError(err)
      if (create) delete frame.to
      if (err === 'revert' && ex.returnValue.length > 0) {
        frame.output = hexData(ex.returnValue)
        const reason = decodeRevertReason(ex.returnValue)
        if (reason !== undefined) frame.revertReason = reason
      }
    }
    const parent = this.stack[this.stack.length - 1]
    if (parent) {
      parent.calls ??= []
      parent.calls.push(frame)
    } else {
      this.top = frame
    }
  }

  result(tx: TxInfo, r: RunTxResult): CallFrame {
    const top = this.top ?? {
      // A transfer to an account without code still has its frame; this is only a fallback.
      type: tx.to ? 'CALL' : 'CREATE',
      from: hexData(tx.from),
      gas: '0x0',
      gasUsed: '0x0',
      input: hexData(tx.input),
      value: hexQuantity(tx.value),
    }
    // The transaction's frame reports the transaction's gas limit and the receipt's gas used.
    top.gas = hexQuantity(tx.gasLimit)
    top.gasUsed = hexQuantity(r.totalGasSpent)
    if (this.config.withLog) clearFailedLogs(top, false)
    return ordered(top)
  }

  private addUnentered(): void {
    const parent = this.stack[this.stack.length - 1]
    if (parent && this.unentered) {
      parent.calls ??= []
      parent.calls.push(this.unentered.frame)
    }
    this.unentered = undefined
  }

  private log(s: InterpreterStep, topics: number): void {
    const frame = this.stack[this.stack.length - 1]
    if (!frame) return
    const st = s.stack
    const offset = st[st.length - 1] ?? 0n
    const size = st[st.length - 2] ?? 0n
    const t: string[] = []
    for (let i = 0; i < topics; i++)
      t.push(`0x${(st[st.length - 3 - i] ?? 0n).toString(16).padStart(64, '0')}`)
    const data = hexData(memorySlice(s.memory, offset, size))
    this.size.add(200 + 70 * topics + data.length)
    frame.logs ??= []
    frame.logs.push({
      address: hexData(s.address.bytes),
      topics: t,
      data,
      position: hexQuantity(frame.calls?.length ?? 0),
    })
  }

  private async selfdestruct(s: InterpreterStep): Promise<void> {
    const parent = this.stack[this.stack.length - 1]
    if (!parent) return
    const beneficiary = stackAddress(s.stack[s.stack.length - 1] ?? 0n)
    const account = await s.stateManager.getAccount(s.address)
    parent.calls ??= []
    parent.calls.push({
      type: 'SELFDESTRUCT',
      from: hexData(s.address.bytes),
      gas: '0x0',
      gasUsed: '0x0',
      to: hexData(beneficiary),
      input: '0x',
      value: hexQuantity(account?.balance ?? 0n),
    })
  }
}

/**
 * The failed frame geth reports for the call `s` makes when it cannot start: past the depth limit,
 * or short of balance for the value it sends.
 */
function unentered(s: InterpreterStep, parent: CallFrame): CallFrame {
  const code = s.opcode.code
  const st = s.stack
  const arg = (i: number) => st[st.length - 1 - i] ?? 0n
  const cost = s.opcode.dynamicFee ?? BigInt(s.opcode.fee)
  const create = code === OP.CREATE || code === OP.CREATE2
  const withValue = code === OP.CALL || code === OP.CALLCODE
  const value = create || withValue ? arg(create ? 0 : 2) : undefined
  const [offset, size] = create ? [arg(1), arg(2)] : withValue ? [arg(3), arg(4)] : [arg(2), arg(3)]
  let gas: bigint
  if (create) {
    const available = s.gasLeft > cost ? s.gasLeft - cost : 0n
    gas = available - available / 64n
  } else {
    gas = forwardedGas(s, cost) + (value ? CALL_STIPEND : 0n)
  }
  const frame: CallFrame = {
    type: OP_NAMES[code] ?? 'CALL',
    from: hexData(s.address.bytes),
    gas: hexQuantity(gas),
    gasUsed: '0x0',
    input: hexData(memorySlice(s.memory, offset, size)),
    error: s.depth >= 1024 ? 'max call depth exceeded' : 'insufficient balance for transfer',
  }
  if (!create) frame.to = hexData(stackAddress(arg(1)))
  if (code === OP.DELEGATECALL) frame.value = parent.value ?? '0x0'
  else if (value !== undefined) frame.value = hexQuantity(value)
  return frame
}

/** Logs of failed frames were never emitted: drop them, and those of everything they called. */
function clearFailedLogs(f: CallFrame, parentFailed: boolean): void {
  const failed = parentFailed || f.error !== undefined
  if (failed) delete f.logs
  for (const c of f.calls ?? []) clearFailedLogs(c, failed)
}

/** geth's field order (gen_callframe_json.go), so the output reads like geth's. */
function ordered(f: CallFrame): CallFrame {
  return {
    type: f.type,
    from: f.from,
    gas: f.gas,
    gasUsed: f.gasUsed,
    ...(f.to !== undefined ? { to: f.to } : {}),
    input: f.input,
    ...(f.output !== undefined ? { output: f.output } : {}),
    ...(f.error !== undefined ? { error: f.error } : {}),
    ...(f.revertReason !== undefined ? { revertReason: f.revertReason } : {}),
    ...(f.calls !== undefined ? { calls: f.calls.map(ordered) } : {}),
    ...(f.logs !== undefined && f.logs.length > 0 ? { logs: f.logs } : {}),
    ...(f.value !== undefined ? { value: f.value } : {}),
  }
}
