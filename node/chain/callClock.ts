// Time limits for calls on the main thread: the EVM cannot be stopped by a timer, so its own jumps
// and call frames read a clock (see CallClock).
import type { Common } from '@ethereumjs/common'
import { type EVMOpts, getOpcodesForHF, paramsEVM } from '@ethereumjs/evm'
import type { VM } from '@ethereumjs/vm'
import { ChainError } from './errors.ts'

/** Jumps between time checks: a check costs a Date.now(), a jump well under a microsecond. */
const JUMPS_PER_CHECK = 256
/** Longest stretch of execution before other work (RPC, block production) gets the thread. */
const YIELD_EVERY_MS = 10

/**
 * The EVM runs on the main thread, so a long eth_call would stall the node and a timer could
 * not stop it. Every loop in EVM code takes a JUMP or JUMPI, and every call level a message: the
 * clock is consulted there, aborts the run past its deadline, and every few milliseconds lets the
 * event loop run. Hooking jumps costs nothing measurable where a `step` listener (a stack and memory
 * copy per opcode) costs about half the execution time again.
 */
export class CallClock {
  readonly deadline: number
  private jumps = 0
  private lastYield = Date.now()

  constructor(readonly timeoutMs: number) {
    this.deadline = this.lastYield + timeoutMs
  }

  /** Throws past the deadline. */
  check(now = Date.now()): void {
    if (now > this.deadline) {
      throw new ChainError('TIMEOUT', `execution aborted (timeout = ${this.timeoutMs}ms)`)
    }
  }

  /** Called on every jump: undefined on the fast path, a promise when it yields to the event loop. */
  tick(): Promise<void> | undefined {
    if (++this.jumps % JUMPS_PER_CHECK !== 0) return undefined
    const now = Date.now()
    this.check(now)
    if (now - this.lastYield < YIELD_EVERY_MS) return undefined
    return new Promise<void>((resolve) => setImmediate(resolve)).then(() => {
      this.lastYield = Date.now()
      this.check(this.lastYield)
    })
  }
}

type CustomOpcode = Extract<NonNullable<EVMOpts['customOpcodes']>[number], { logicFunction: unknown }>

const jumpHandlers = new WeakMap<Common, Map<number, CustomOpcode['logicFunction']>>()

/** The stock JUMP/JUMPI handlers, to wrap (they need a Common that knows the EVM's gas params). */
function stockHandlers(common: Common): Map<number, CustomOpcode['logicFunction']> {
  let handlers = jumpHandlers.get(common)
  if (!handlers) {
    const c = common.copy()
    c.updateParams(paramsEVM)
    handlers = getOpcodesForHF(c).handlers as Map<number, CustomOpcode['logicFunction']>
    jumpHandlers.set(common, handlers)
  }
  return handlers
}

/** The clock a VM's jumps consult: set per call, so one VM can serve many calls. */
export interface ClockRef {
  clock: CallClock | undefined
}

/** JUMP and JUMPI that consult `ref`'s clock, for a VM's `customOpcodes`. */
export function clockedJumps(common: Common, ref: ClockRef): CustomOpcode[] {
  const handlers = stockHandlers(common)
  return [
    { code: 0x56, name: 'JUMP', fee: 8 },
    { code: 0x57, name: 'JUMPI', fee: 10 },
  ].map(({ code, name, fee }) => {
    const stock = handlers.get(code)
    if (!stock) throw new ChainError('INVALID_BLOCK', `no EVM handler for ${name}`)
    return {
      opcode: code,
      opcodeName: name,
      baseFee: fee,
      logicFunction: (runState, c) => {
        const wait = ref.clock?.tick()
        if (wait) return wait.then(() => stock(runState, c))
        return stock(runState, c)
      },
    }
  })
}

/** Makes `vm` (built with `clockedJumps(common, ref)`) stop at `ref`'s clock at every call frame too. */
export function clockFrames(vm: VM, ref: ClockRef): void {
  // Recursion without loops (a contract calling itself) passes here on every level.
  vm.evm.events?.on('beforeMessage', () => ref.clock?.check())
}
