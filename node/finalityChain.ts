// The chain as finality sees it (consensus/finality.ts FinalityChain): checkpoints as hex, headers
// with their finality certificates.
import type { Block } from '@ethereumjs/block'
import { bytesToHex, hexToBytes } from '@ethereumjs/util'
import { type Checkpoint, type FinalityChain, splitExtra } from '../consensus/index.ts'
import type { Chain } from './chain/chain.ts'

export function checkpointOf(block: Block): Checkpoint {
  return { hash: bytesToHex(block.hash()), number: block.header.number }
}

export function finalityChain(chain: Chain): FinalityChain {
  return {
    chainId: chain.chainId,
    epochLength: chain.genesis.mosaic.epochLength,
    genesis: checkpointOf(chain.genesisBlock),
    head: () => checkpointOf(chain.head),
    async header(hash) {
      const h = await chain.getHeaderByHash(hexToBytes(hash))
      if (!h) return undefined
      const p = h.number === 0n ? undefined : splitExtra(h.extraData).payload
      return {
        number: h.number,
        parentHash: bytesToHex(h.parentHash),
        ...(p?.qc ? { qc: p.qc } : {}),
        ...(p?.origin ? { origin: p.origin } : {}),
      }
    },
    async canonicalHash(n) {
      const h = await chain.getCanonicalHash(n)
      return h ? bytesToHex(h) : undefined
    },
  }
}
