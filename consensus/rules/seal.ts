// Header sealing (DESIGN.md §5): extraData = vanity(32) | consensus payload (RLP) | seal(65).
// The seal is the proposer's secp256k1 signature over the keccak of the header RLP whose extraData
// stops before the seal, so the payload is covered by the signature.
import type { BlockHeader } from '@ethereumjs/block'
import { RLP } from '@ethereumjs/rlp'
import { keccak256 } from 'ethereum-cryptography/keccak.js'
import secp256k1 from 'secp256k1'
import { ConsensusError } from '../errors.ts'
import { addressOfPublicKey } from './keys.ts'
import { type OriginObservation, observationFields, readObservation } from './observation.ts'
import { readUintField, uintBytes } from './rlpFields.ts'
import { readVoteFields, type Vote, voteFields } from './vote.ts'

export const EXTRA_VANITY = 32
export const EXTRA_SEAL = 65
/** Index of extraData in the header's RLP field list. */
const EXTRA_DATA_FIELD = 12

/**
 * A supermajority link the proposer saw (DESIGN.md §6): the vote, a bitmap of the signers over the
 * kernel's validators sorted by address (bit i = validator i), and their signatures in that order.
 */
export interface QuorumCertificate {
  vote: Vote
  signers: bigint
  signatures: Uint8Array[]
}

/** What the proposer commits to besides the execution header. */
export interface ConsensusPayload {
  version: number
  /** Slot the block was proposed for (DESIGN.md §5); 0 for genesis. */
  slot: bigint
  /** The next justifying link of the chain's path, so syncing nodes see finality in blocks alone. */
  qc?: QuorumCertificate
  /** The origin block the proposer sees as final, and a kernel the aux chain does not run yet. */
  origin?: OriginObservation
}

export function encodePayload(p: ConsensusPayload): Uint8Array {
  const fields: (Uint8Array | (Uint8Array | Uint8Array[])[])[] = [
    p.version === 0 ? new Uint8Array(0) : Uint8Array.of(p.version),
    uintBytes(p.slot),
  ]
  if (p.qc || p.origin)
    fields.push(p.qc ? [...voteFields(p.qc.vote), uintBytes(p.qc.signers), p.qc.signatures] : [])
  if (p.origin) fields.push(observationFields(p.origin) as Uint8Array[])
  return RLP.encode(fields)
}

function decodeQc(item: unknown): QuorumCertificate {
  if (!Array.isArray(item) || item.length !== 7) {
    throw new ConsensusError('BAD_PAYLOAD', 'quorum certificate must be an RLP list of 7 items')
  }
  const signers = readUintField(item[5], 64)
  const sigs = item[6]
  if (signers === undefined) {
    throw new ConsensusError('BAD_PAYLOAD', 'quorum certificate signer bitmap must be an unsigned integer')
  }
  if (!Array.isArray(sigs) || !sigs.every((x) => x instanceof Uint8Array && x.length === 65)) {
    throw new ConsensusError('BAD_PAYLOAD', 'quorum certificate signatures must be 65-byte strings')
  }
  let vote: Vote
  try {
    vote = readVoteFields(item)
  } catch (e) {
    throw new ConsensusError('BAD_PAYLOAD', `quorum certificate: ${(e as Error).message}`)
  }
  return { vote, signers, signatures: sigs as Uint8Array[] }
}

export function decodePayload(bytes: Uint8Array): ConsensusPayload {
  let decoded: unknown
  try {
    decoded = RLP.decode(bytes)
  } catch (e) {
    throw new ConsensusError('BAD_PAYLOAD', `consensus payload is not valid RLP: ${(e as Error).message}`)
  }
  if (!Array.isArray(decoded) || !(decoded[0] instanceof Uint8Array)) {
    throw new ConsensusError('BAD_PAYLOAD', 'consensus payload must be an RLP list starting with a version')
  }
  const v = decoded[0]
  const slot = readUintField(decoded[1], 8)
  if (slot === undefined) {
    throw new ConsensusError('BAD_PAYLOAD', 'consensus payload must carry the slot as an unsigned integer')
  }
  const version = v.length === 0 ? 0 : (v[0] ?? 0)
  if (decoded.length > 4) throw new ConsensusError('BAD_PAYLOAD', 'consensus payload has too many items')
  const out: ConsensusPayload = { version, slot }
  const qc = decoded[2]
  if (qc !== undefined && !(Array.isArray(qc) && qc.length === 0)) out.qc = decodeQc(qc)
  if (decoded[3] !== undefined) out.origin = readObservation(decoded[3])
  return out
}

/** extraData without the seal, as signed. */
export function unsealedExtra(vanity: Uint8Array, payload: ConsensusPayload): Uint8Array {
  const vanity32 = new Uint8Array(EXTRA_VANITY)
  vanity32.set(vanity.subarray(0, EXTRA_VANITY))
  const p = encodePayload(payload)
  const out = new Uint8Array(EXTRA_VANITY + p.length)
  out.set(vanity32)
  out.set(p, EXTRA_VANITY)
  return out
}

export function splitExtra(extra: Uint8Array): {
  vanity: Uint8Array
  payload: ConsensusPayload
  seal: Uint8Array
} {
  if (extra.length < EXTRA_VANITY + EXTRA_SEAL + 1) {
    throw new ConsensusError(
      'BAD_EXTRA_DATA',
      `extraData too short for a sealed header: ${extra.length} bytes, need at least ${EXTRA_VANITY + EXTRA_SEAL + 1}`,
    )
  }
  return {
    vanity: extra.subarray(0, EXTRA_VANITY),
    payload: decodePayload(extra.subarray(EXTRA_VANITY, extra.length - EXTRA_SEAL)),
    seal: extra.subarray(extra.length - EXTRA_SEAL),
  }
}

/** Hash the proposer signs: the header with extraData cut before the seal. */
export function sealHash(headerFields: Uint8Array[], unsealedExtraData: Uint8Array): Uint8Array {
  const fields = headerFields.slice()
  fields[EXTRA_DATA_FIELD] = unsealedExtraData
  return keccak256(RLP.encode(fields))
}

export function signSeal(hash: Uint8Array, privateKey: Uint8Array): Uint8Array {
  const { signature, recid } = secp256k1.ecdsaSign(hash, privateKey)
  const out = new Uint8Array(EXTRA_SEAL)
  out.set(signature)
  out[64] = recid
  return out
}

/** The address that sealed `header`; throws BAD_SEAL when the signature does not recover. */
export function recoverSealer(header: BlockHeader): Uint8Array {
  const extra = header.extraData
  const { seal } = splitExtra(extra)
  const hash = sealHash(header.raw() as Uint8Array[], extra.subarray(0, extra.length - EXTRA_SEAL))
  const recid = seal[64] ?? 255
  if (recid > 3) throw new ConsensusError('BAD_SEAL', `seal recovery id ${recid} out of range`)
  try {
    return addressOfPublicKey(secp256k1.ecdsaRecover(seal.subarray(0, 64), recid, hash, false))
  } catch (e) {
    throw new ConsensusError('BAD_SEAL', `seal signature does not recover: ${(e as Error).message}`)
  }
}

export { addressOfPrivateKey, addressOfPublicKey } from './keys.ts'
