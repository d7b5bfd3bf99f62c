// Finality votes (DESIGN.md §6): (kernel height, source checkpoint, target checkpoint) signed with
// EIP-712 by a validator key. The same digest is checked on the origin chain by Core (commits) and
// Stake (slashing evidence), so the domain carries the aux chain id and nothing origin-specific.
import { RLP } from '@ethereumjs/rlp'
import { keccak256 } from 'ethereum-cryptography/keccak.js'
import { utf8ToBytes } from 'ethereum-cryptography/utils.js'
import { LRUCache } from 'lru-cache'
import secp256k1 from 'secp256k1'
import { bytesToHex, type Hex, hexToBytes, domainSeparator as viemDomainSeparator } from 'viem'
import { ConsensusError } from '../errors.ts'
import { addressOfPublicKey } from './keys.ts'
import { readBytesField, readUintField, uintBytes } from './rlpFields.ts'

export interface Checkpoint {
  /** 0x-prefixed lowercase block hash. */
  hash: Hex
  number: bigint
}

export interface Vote {
  kernelHeight: bigint
  source: Checkpoint
  target: Checkpoint
}

export interface SignedVote extends Vote {
  /** 65 bytes r || s || v, v in {27, 28}. */
  signature: Uint8Array
}

export const VOTE_DOMAIN_NAME = 'Mosaic'
export const VOTE_DOMAIN_VERSION = '1'
export const VOTE_SIGNATURE_BYTES = 65

export const VOTE_TYPES = {
  Vote: [
    { name: 'kernelHeight', type: 'uint256' },
    { name: 'sourceHash', type: 'bytes32' },
    { name: 'sourceNumber', type: 'uint256' },
    { name: 'targetHash', type: 'bytes32' },
    { name: 'targetNumber', type: 'uint256' },
  ],
} as const

const VOTE_TYPE_HASH = keccak256(
  utf8ToBytes(`Vote(${VOTE_TYPES.Vote.map((f) => `${f.type} ${f.name}`).join(',')})`),
)
const domainSeparators = new Map<bigint, Uint8Array>()

function domainSeparator(auxChainId: bigint): Uint8Array {
  let sep = domainSeparators.get(auxChainId)
  if (!sep) {
    sep = hexToBytes(
      viemDomainSeparator({
        domain: { name: VOTE_DOMAIN_NAME, version: VOTE_DOMAIN_VERSION, chainId: auxChainId },
      }),
    )
    domainSeparators.set(auxChainId, sep)
  }
  return sep
}

function writeWord(out: Uint8Array, offset: number, n: bigint): void {
  for (let i = 31; i >= 0 && n > 0n; i--, n >>= 8n) out[offset + i] = Number(n & 0xffn)
}

/**
 * The EIP-712 digest a validator signs for `vote` on the aux chain `auxChainId`. Encoded by hand over
 * VOTE_TYPES' fixed-size fields (all 32-byte words): viem's generic encoder cost ~90 µs a digest,
 * and every node hashes each vote of every slot.
 */
export function voteDigest(vote: Vote, auxChainId: bigint): Uint8Array {
  const struct = new Uint8Array(6 * 32)
  struct.set(VOTE_TYPE_HASH, 0)
  writeWord(struct, 32, vote.kernelHeight)
  struct.set(hexToBytes(vote.source.hash, { size: 32 }), 64)
  writeWord(struct, 96, vote.source.number)
  struct.set(hexToBytes(vote.target.hash, { size: 32 }), 128)
  writeWord(struct, 160, vote.target.number)
  const message = new Uint8Array(66)
  message[0] = 0x19
  message[1] = 0x01
  message.set(domainSeparator(auxChainId), 2)
  message.set(keccak256(struct), 34)
  return keccak256(message)
}

export function signVote(vote: Vote, auxChainId: bigint, privateKey: Uint8Array): SignedVote {
  const { signature, recid } = secp256k1.ecdsaSign(voteDigest(vote, auxChainId), privateKey)
  const sig = new Uint8Array(VOTE_SIGNATURE_BYTES)
  sig.set(signature)
  sig[64] = 27 + recid
  return { ...vote, signature: sig }
}

/**
 * Signers already recovered, by chain, vote and signature. A vote a node receives by gossip comes back
 * in the certificate of a later block on every node, and recovering it again cost the most CPU of a
 * block's finality work.
 */
const recovered = new LRUCache<string, Hex>({ max: 8192 })

/** The lowercase 0x address that signed `vote`; throws BAD_VOTE when the signature is malformed. */
export function recoverVoter(
  vote: SignedVote,
  auxChainId: bigint,
  /** voteDigest(vote, auxChainId) on demand, when the caller shares one (a certificate's signatures). */
  digest: () => Uint8Array = () => voteDigest(vote, auxChainId),
): Hex {
  const sig = vote.signature
  if (sig.length !== VOTE_SIGNATURE_BYTES) {
    throw new ConsensusError(
      'BAD_VOTE',
      `vote signature must be ${VOTE_SIGNATURE_BYTES} bytes, got ${sig.length}`,
    )
  }
  const key = `${auxChainId}:${vote.kernelHeight}:${vote.source.number}:${vote.source.hash}:${vote.target.number}:${vote.target.hash}:${bytesToHex(sig)}`
  const hit = recovered.get(key)
  if (hit) return hit
  const v = sig[64]!
  if (v !== 27 && v !== 28)
    throw new ConsensusError('BAD_VOTE', `vote signature v must be 27 or 28, got ${v}`)
  const rs = sig.subarray(0, 64)
  // Origin contracts refuse high-s signatures (malleability): refuse them here too.
  if (!equalBytes(secp256k1.signatureNormalize(Uint8Array.from(rs)), rs)) {
    throw new ConsensusError('BAD_VOTE', 'vote signature has a high s value')
  }
  let voter: Hex
  try {
    voter = bytesToHex(addressOfPublicKey(secp256k1.ecdsaRecover(rs, v - 27, digest(), false)))
  } catch (e) {
    throw new ConsensusError('BAD_VOTE', `vote signature does not recover: ${(e as Error).message}`)
  }
  recovered.set(key, voter)
  return voter
}

function equalBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i])
}

function readUint(b: unknown, what: string): bigint {
  const n = readUintField(b)
  if (n === undefined) throw new ConsensusError('BAD_VOTE', `${what} must be an unsigned integer`)
  return n
}

function readHash(b: unknown, what: string): Hex {
  const h = readBytesField(b, 32)
  if (h === undefined) throw new ConsensusError('BAD_VOTE', `${what} must be 32 bytes`)
  return h
}

/** RLP [kernelHeight, sourceHash, sourceNumber, targetHash, targetNumber] of a vote. */
export function voteFields(vote: Vote): Uint8Array[] {
  return [
    uintBytes(vote.kernelHeight),
    hexToBytes(vote.source.hash),
    uintBytes(vote.source.number),
    hexToBytes(vote.target.hash),
    uintBytes(vote.target.number),
  ]
}

export function readVoteFields(fields: unknown[]): Vote {
  return {
    kernelHeight: readUint(fields[0], 'kernel height'),
    source: { hash: readHash(fields[1], 'source hash'), number: readUint(fields[2], 'source number') },
    target: { hash: readHash(fields[3], 'target hash'), number: readUint(fields[4], 'target number') },
  }
}

/** Gossip encoding: RLP [kernelHeight, sourceHash, sourceNumber, targetHash, targetNumber, signature]. */
export function encodeVote(vote: SignedVote): Uint8Array {
  return RLP.encode([...voteFields(vote), vote.signature])
}

export function decodeVote(raw: Uint8Array): SignedVote {
  let decoded: unknown
  try {
    decoded = RLP.decode(raw)
  } catch (e) {
    throw new ConsensusError('BAD_VOTE', `vote is not valid RLP: ${(e as Error).message}`)
  }
  if (!Array.isArray(decoded) || decoded.length !== 6) {
    throw new ConsensusError('BAD_VOTE', 'vote must be an RLP list of 6 items')
  }
  const signature = decoded[5]
  if (!(signature instanceof Uint8Array) || signature.length !== VOTE_SIGNATURE_BYTES) {
    throw new ConsensusError('BAD_VOTE', `vote signature must be ${VOTE_SIGNATURE_BYTES} bytes`)
  }
  return { ...readVoteFields(decoded), signature }
}

export function checkpointKey(c: Checkpoint): string {
  return `${c.number}:${c.hash}`
}

export function linkKey(v: Vote): string {
  return `${v.kernelHeight}|${checkpointKey(v.source)}|${checkpointKey(v.target)}`
}
