// eth_createAccessList as geth runs it (internal/ethapi AccessList): run the call with the list found
// so far, collect what it touches, repeat until the list stops growing; report the last run's gas.
import type { Block } from '@ethereumjs/block'
import { getActivePrecompiles } from '@ethereumjs/evm'
import { Address, bytesToHex, createContractAddress } from '@ethereumjs/util'
import type { AccessListResult } from '../../rpc/index.ts'
import type { Chain } from './chain.ts'
import { ChainError } from './errors.ts'
import { type CallLimits, type CallParams, callVm, runOnce } from './execution.ts'
import { AccessListTracer } from './tracers/accessList.ts'
import { gethError } from './tracers/tracer.ts'

export async function createAccessList(
  chain: Chain,
  block: Block,
  params: CallParams,
  limits: CallLimits,
): Promise<AccessListResult> {
  const deadline = Date.now() + limits.timeoutMs
  const gasLimit = params.gas !== undefined && params.gas < limits.gasCap ? params.gas : limits.gasCap
  const vm = await callVm(chain, block)
  const from = new Address(params.from ?? new Uint8Array(20))
  const nonce = params.nonce ?? (await vm.stateManager.getAccount(from))?.nonce ?? 0n
  const to = params.to ? new Address(params.to) : createContractAddress(from, nonce)
  // The sender, the recipient and precompiles are warm anyway: listing them alone only costs gas.
  const excluded = new Set([bytesToHex(from.bytes), bytesToHex(to.bytes)])
  for (const p of getActivePrecompiles(chain.common).keys()) excluded.add(`0x${p}`)

  let prev = new AccessListTracer(params.accessList ?? [], excluded)
  for (;;) {
    if (Date.now() > deadline) throw new ChainError('TIMEOUT', 'execution timeout')
    const accessList = prev.accessList()
    const tracer = new AccessListTracer(accessList, excluded)
    const out = await runOnce(vm, block, { ...params, nonce, accessList }, gasLimit, { tracer, deadline })
    if (out.error?.invalid) {
      throw new ChainError('EXECUTION_FAILED', `failed to apply transaction: ${out.error.message}`)
    }
    if (tracer.equals(prev)) {
      return {
        accessList,
        gasUsed: out.gasUsed,
        ...(out.error ? { error: gethError(out.error.message) } : {}),
      }
    }
    prev = tracer
  }
}
