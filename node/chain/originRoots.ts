// Finalised origin state roots into the OriginRoots system contract (DESIGN.md §8), written straight
// into its storage before a block's transactions, as EIP-4788 writes beacon roots. Block N writes the
// observations of the epoch its certificate finalises (source S of a direct-child link: the headers
// S-epochLength+1..S), so a root reaches contracts only after 2/3 of the stake finalised the block
// that carried it, and every node derives the same writes from headers alone. Epochs finalised only
// implicitly (finality stalled, then a later link) are skipped: a later root proves the same messages,
// since message-bus slots persist.
import type { BlockHeader } from '@ethereumjs/block'
import {
  Address,
  bigIntToBytes,
  bytesToBigInt,
  concatBytes,
  hexToBytes,
  setLengthLeft,
} from '@ethereumjs/util'
import type { VM } from '@ethereumjs/vm'
import { type QuorumCertificate, splitExtra } from '../../consensus/index.ts'
import { ORIGIN_ROOTS_ADDRESS, ORIGIN_ROOTS_LATEST_SLOT, ORIGIN_ROOTS_MAP_SLOT } from '../../genesis/index.ts'
import { fastKeccak256 } from './common.ts'

export interface OriginRoot {
  number: bigint
  stateRoot: Uint8Array
}

const ROOTS = new Address(hexToBytes(ORIGIN_ROOTS_ADDRESS))

function word(n: bigint): Uint8Array {
  return setLengthLeft(bigIntToBytes(n), 32)
}

/** Storage key of mapping slot `ORIGIN_ROOTS_MAP_SLOT` at `number` (Solidity's keccak(key . slot)). */
export function originRootSlot(number: bigint): Uint8Array {
  return fastKeccak256(concatBytes(word(number), word(ORIGIN_ROOTS_MAP_SLOT)))
}

/**
 * The roots the block carrying `qc` writes, ascending by origin block; `header` reads a stored
 * header by hash. Empty without a finalising link.
 */
export async function finalisedOriginRoots(
  qc: QuorumCertificate | undefined,
  epochLength: number,
  header: (hash: Uint8Array) => Promise<BlockHeader | undefined>,
): Promise<OriginRoot[]> {
  const link = qc?.vote
  if (!link || link.target.number !== link.source.number + BigInt(epochLength)) return []
  const roots: OriginRoot[] = []
  let hash = hexToBytes(link.source.hash)
  for (let i = 0; i < epochLength; i++) {
    const h = await header(hash)
    if (!h || h.number === 0n) break
    const origin = splitExtra(h.extraData).payload.origin
    if (origin) roots.push({ number: origin.number, stateRoot: hexToBytes(origin.stateRoot) })
    hash = h.parentHash
  }
  return roots.sort((a, b) => (a.number < b.number ? -1 : a.number > b.number ? 1 : 0))
}

/** Writes `roots` into OriginRoots on `vm`'s state; nothing when the chain has no OriginRoots. */
export async function writeOriginRoots(vm: VM, roots: readonly OriginRoot[]): Promise<void> {
  if (roots.length === 0) return
  const sm = vm.stateManager
  if ((await sm.getCode(ROOTS)).length === 0) return
  const latestKey = word(ORIGIN_ROOTS_LATEST_SLOT)
  const before = bytesToBigInt(await sm.getStorage(ROOTS, latestKey))
  let latest = before
  for (const r of roots) {
    await sm.putStorage(ROOTS, originRootSlot(r.number), r.stateRoot)
    if (r.number > latest) latest = r.number
  }
  if (latest !== before) await sm.putStorage(ROOTS, latestKey, bigIntToBytes(latest))
}
