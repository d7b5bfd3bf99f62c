// ethereumjs analyses code (jump destinations, PUSH values, the opcode at each position) every time
// it starts running it: for an ERC-20 balanceOf through a kept call VM that was a sixth of the call.
// The analysis depends only on the code and the EVM's opcode table, so it is kept per table and per
// code array (code comes from the state caches, which hand out the same array for the same code).

interface Analysis {
  jumps: Uint8Array
  pushes: Record<number, bigint>
  opcodesCached: unknown[]
}

interface InterpreterProto {
  _getValidJumpDestinations(this: InterpreterLike, code: Uint8Array): Analysis
}

interface InterpreterLike {
  _evm: { _opcodeMap: object }
}

/** Analyses by opcode table (an EVM's, or a VM's with custom opcodes) and code array. */
const analyses = new WeakMap<object, WeakMap<Uint8Array, Analysis>>()

let installed = false

/**
 * Wraps ethereumjs's Interpreter (not exported: loaded from beside the package's entry point, the
 * same module instance the EVM uses) so that each code array is analysed once per opcode table.
 * The analysis is only read by the interpreter, so runs share it.
 */
export async function cacheJumpAnalysis(): Promise<void> {
  if (installed) return
  installed = true
  const url = new URL('./interpreter.js', import.meta.resolve('@ethereumjs/evm'))
  const mod = (await import(url.href)) as { Interpreter: { prototype: InterpreterProto } }
  const proto = mod.Interpreter.prototype
  const analyse = proto._getValidJumpDestinations
  proto._getValidJumpDestinations = function (this: InterpreterLike, code: Uint8Array): Analysis {
    const table = this._evm._opcodeMap
    let byCode = analyses.get(table)
    if (!byCode) {
      byCode = new WeakMap()
      analyses.set(table, byCode)
    }
    let a = byCode.get(code)
    if (!a) {
      a = analyse.call(this, code)
      byCode.set(code, a)
    }
    return a
  }
}
