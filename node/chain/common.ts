// The ethereumjs Common for an auxiliary chain: every fork up to the genesis hardfork active from
// block 0, our own consensus name (so ethereumjs applies neither PoW, Clique nor PoS header rules:
// sealing is checked by consensus/), and native secp256k1 for sender recovery.
import { type ChainConfig, Common, Hardfork, Mainnet } from '@ethereumjs/common'
import { calculateSigRecovery } from '@ethereumjs/util'
import secp256k1 from 'secp256k1'

export interface CommonParams {
  chainId: bigint
  hardfork: 'prague' | 'osaka'
}

// Pure-JS recovery costs ~2 ms per transaction; the native addon ~0.1 ms (PERF-NOTES.md).
export function nativeEcrecover(
  msgHash: Uint8Array,
  v: bigint,
  r: Uint8Array,
  s: Uint8Array,
  chainId?: bigint,
): Uint8Array {
  const recovery = Number(calculateSigRecovery(v, chainId))
  const sig = new Uint8Array(64)
  sig.set(r.length === 32 ? r : padLeft(r), 0)
  sig.set(s.length === 32 ? s : padLeft(s), 32)
  return secp256k1.ecdsaRecover(sig, recovery, msgHash, false).subarray(1)
}

function padLeft(b: Uint8Array): Uint8Array {
  const out = new Uint8Array(32)
  out.set(b.subarray(Math.max(0, b.length - 32)), Math.max(0, 32 - b.length))
  return out
}

export function createChainCommon(params: CommonParams): Common {
  const hardforks: ChainConfig['hardforks'] = []
  for (const hf of Mainnet.hardforks) {
    if (hf.name === Hardfork.MergeNetsplitBlock) continue
    const timeBased = hf.timestamp !== undefined
    hardforks.push(timeBased ? { name: hf.name, block: null, timestamp: 0 } : { name: hf.name, block: 0 })
    if (hf.name === params.hardfork) break
  }
  const chain: ChainConfig = {
    ...Mainnet,
    name: `mosaic-${params.chainId}`,
    chainId: Number(params.chainId),
    defaultHardfork: params.hardfork,
    consensus: { type: 'poa', algorithm: 'mosaic' },
    hardforks,
    bootstrapNodes: [],
    dnsNetworks: [],
  }
  return new Common({ chain, hardfork: params.hardfork, customCrypto: { ecrecover: nativeEcrecover } })
}
