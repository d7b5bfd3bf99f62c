import { keccak256 } from 'ethereum-cryptography/keccak.js'
import type { MethodTable } from '../dispatch.ts'
import { dataHex } from '../format.ts'
import { bytes, positional } from '../params.ts'

export const web3Methods: MethodTable = {
  web3_clientVersion: (params, ctx) => {
    positional(params, 0, 0)
    return ctx.backend.clientVersion
  },

  web3_sha3: (params) => {
    const [data] = positional(params, 1, 1)
    return dataHex(keccak256(bytes(data, 0)))
  },
}
