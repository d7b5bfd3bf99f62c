// geth's AccessListTracer (eth/tracers/logger/access_list_tracer.go): collects the accounts and
// storage slots a call touches, for eth_createAccessList. Excluded addresses (sender, recipient,
// precompiles) are never listed on their own, but their slots are, with the address.
import type { InterpreterStep } from '@ethereumjs/evm'
import { bytesToHex, hexToBytes } from '@ethereumjs/util'
import type { RunTxResult } from '@ethereumjs/vm'
import { isCallOp, OP, stackAddress, type Tracer, word } from './tracer.ts'

export interface AccessTuple {
  address: Uint8Array
  storageKeys: Uint8Array[]
}

export class AccessListTracer implements Tracer {
  /** Address (0x hex) -> slots (0x hex, 32 bytes). */
  private readonly list = new Map<string, Set<string>>()

  constructor(
    initial: AccessTuple[],
    private readonly excluded: ReadonlySet<string>,
  ) {
    for (const t of initial) {
      const addr = bytesToHex(t.address)
      if (!excluded.has(addr)) this.addAddress(addr)
      for (const k of t.storageKeys) this.addSlot(addr, bytesToHex(k))
    }
  }

  step(s: InterpreterStep): undefined {
    const code = s.opcode.code
    const st = s.stack
    const top = st[st.length - 1]
    if (top === undefined) return undefined
    if (code === OP.SLOAD || code === OP.SSTORE) {
      this.addSlot(bytesToHex(s.address.bytes), `0x${word(top)}`)
    } else if (
      code === OP.EXTCODECOPY ||
      code === OP.EXTCODEHASH ||
      code === OP.EXTCODESIZE ||
      code === OP.BALANCE ||
      code === OP.SELFDESTRUCT
    ) {
      this.addUnlessExcluded(stackAddress(top))
    } else if (isCallOp(code) && st.length >= 5) {
      this.addUnlessExcluded(stackAddress(st[st.length - 2] ?? 0n))
    }
    return undefined
  }

  result(_tx: unknown, _r: RunTxResult): AccessTuple[] {
    return this.accessList()
  }

  /** The list sorted by address, each address's slots sorted, as geth returns it. */
  accessList(): AccessTuple[] {
    return [...this.list.keys()].sort().map((addr) => ({
      address: hexToBytes(addr as `0x${string}`),
      storageKeys: [...(this.list.get(addr) ?? [])].sort().map((k) => hexToBytes(k as `0x${string}`)),
    }))
  }

  /** Same addresses and the same slots for each. */
  equals(other: AccessListTracer): boolean {
    if (this.list.size !== other.list.size) return false
    for (const [addr, slots] of this.list) {
      const o = other.list.get(addr)
      if (!o || o.size !== slots.size) return false
      for (const k of slots) if (!o.has(k)) return false
    }
    return true
  }

  private addUnlessExcluded(address: Uint8Array): void {
    const addr = bytesToHex(address)
    if (!this.excluded.has(addr)) this.addAddress(addr)
  }

  private addAddress(addr: string): void {
    if (!this.list.has(addr)) this.list.set(addr, new Set())
  }

  private addSlot(addr: string, slot: string): void {
    this.addAddress(addr)
    this.list.get(addr)?.add(slot)
  }
}
