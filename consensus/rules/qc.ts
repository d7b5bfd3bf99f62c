// Quorum certificates (DESIGN.md §6): the votes of one link packed for a block header, so a node
// that syncs verifies finality from blocks alone. Signers are a bitmap over the kernel's validators
// sorted by address; signatures follow in bitmap order.
import { ConsensusError } from '../errors.ts'
import { hasSupermajority, type ValidatorSets } from './finality.ts'
import type { StakedValidator } from './proposer.ts'
import type { QuorumCertificate } from './seal.ts'
import { recoverVoter, type Vote, voteDigest } from './vote.ts'

/** Every validator of the link's sets, once each: the certificate's bitmap indexes this list. */
export function linkValidators(sets: ValidatorSets): StakedValidator[] {
  const seen = new Map<string, StakedValidator>()
  for (const v of [...sets.rear, ...(sets.forward ?? [])]) seen.set(v.address.toLowerCase(), v)
  return [...seen.values()]
}

/** Validators in bitmap order: ascending address. */
export function sortedValidators(validators: readonly StakedValidator[]): StakedValidator[] {
  return [...validators]
    .map((v) => ({ address: v.address.toLowerCase(), stake: v.stake }))
    .sort((a, b) => (a.address < b.address ? -1 : a.address > b.address ? 1 : 0))
}

/** Packs the signatures (by lowercase voter address) of `vote` into a certificate. */
export function buildQc(
  vote: Vote,
  signatures: ReadonlyMap<string, Uint8Array>,
  validators: readonly StakedValidator[],
): QuorumCertificate {
  let signers = 0n
  const sigs: Uint8Array[] = []
  sortedValidators(validators).forEach((v, i) => {
    const sig = signatures.get(v.address)
    if (!sig) return
    signers |= 1n << BigInt(i)
    sigs.push(sig)
  })
  return { vote, signers, signatures: sigs }
}

/**
 * Checks every signature of `qc` against the validator its bit names and that the signers hold a
 * supermajority of `sets`; returns the signers. The bitmap indexes linkValidators(sets), sorted.
 */
export function verifyQc(qc: QuorumCertificate, sets: ValidatorSets, auxChainId: bigint): Set<string> {
  const validators = sortedValidators(linkValidators(sets))
  if (qc.signers >> BigInt(validators.length) !== 0n) {
    throw new ConsensusError(
      'BAD_QC',
      `quorum certificate names signers beyond the ${validators.length} validators`,
    )
  }
  const voters = new Set<string>()
  let shared: Uint8Array | undefined
  const digest = () => {
    shared ??= voteDigest(qc.vote, auxChainId)
    return shared
  }
  let next = 0
  validators.forEach((v, i) => {
    if (((qc.signers >> BigInt(i)) & 1n) === 0n) return
    const signature = qc.signatures[next++]
    if (!signature) throw new ConsensusError('BAD_QC', 'quorum certificate has fewer signatures than signers')
    const voter = recoverVoter({ ...qc.vote, signature }, auxChainId, digest)
    if (voter !== v.address) {
      throw new ConsensusError('BAD_QC', `quorum certificate signature ${next - 1} is not by ${v.address}`)
    }
    voters.add(voter)
  })
  if (next !== qc.signatures.length) {
    throw new ConsensusError('BAD_QC', 'quorum certificate has more signatures than signers')
  }
  if (!hasSupermajority(voters, sets)) {
    throw new ConsensusError('BAD_QC', 'quorum certificate signers hold less than 2/3 of the stake')
  }
  return voters
}
