import type { MethodTable } from '../dispatch.ts'
import { quantityHex } from '../format.ts'
import { positional } from '../params.ts'

export const netMethods: MethodTable = {
  /** The chain id in decimal: net_version predates eth_chainId and was always a decimal string. */
  net_version: (params, ctx) => {
    positional(params, 0, 0)
    return ctx.backend.chainId.toString(10)
  },

  net_listening: (params, ctx) => {
    positional(params, 0, 0)
    return ctx.backend.listening()
  },

  net_peerCount: (params, ctx) => {
    positional(params, 0, 0)
    return quantityHex(ctx.backend.peerCount())
  },
}
