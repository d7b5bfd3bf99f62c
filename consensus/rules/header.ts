// Header rules that do not need execution: linkage to the parent, fee and time rules, and the seal.
import type { BlockHeader } from '@ethereumjs/block'
import { bytesToHex, equalsBytes } from '@ethereumjs/util'
import { ConsensusError } from '../errors.ts'
import { recoverSealer } from './seal.ts'

/** Ethereum's gas limit rules (yellow paper eq. 47, geth's VerifyGaslimit). */
const GAS_LIMIT_BOUND_DIVISOR = 1024n
const MIN_GAS_LIMIT = 5000n

function headerFailure(n: bigint) {
  return (msg: string) => new ConsensusError('BAD_PAYLOAD', `block ${n}: ${msg}`)
}

/**
 * The execution-layer rules every header obeys whoever sealed it: it extends its parent (hash, number,
 * a later timestamp, or the same one on our own chain), stays within its gas limit and carries the EIP-1559 base fee its parent implies.
 */
export function verifyLinkage(
  header: BlockHeader,
  parent: BlockHeader,
  opts: { sameTimestamp?: boolean } = {},
): void {
  const n = header.number
  const fail = headerFailure(n)
  if (!equalsBytes(header.parentHash, parent.hash())) throw fail('parent hash does not match')
  if (n !== parent.number + 1n) throw fail(`number ${n} does not follow parent ${parent.number}`)
  if (opts.sameTimestamp ? header.timestamp < parent.timestamp : header.timestamp <= parent.timestamp)
    throw fail(`timestamp ${header.timestamp} not after parent ${parent.timestamp}`)
  if (header.gasUsed > header.gasLimit)
    throw fail(`gas used ${header.gasUsed} above limit ${header.gasLimit}`)
  const baseFee = parent.calcNextBaseFee()
  if (header.baseFeePerGas !== baseFee) throw fail(`base fee ${header.baseFeePerGas} should be ${baseFee}`)
}

/**
 * Rules for a header sealed by another consensus (an imported foreign chain, `--trusted`): the seal
 * is taken on trust, the linkage is not; the gas limit may move by less than 1/1024 per block.
 */
export function verifyForeignHeader(header: BlockHeader, parent: BlockHeader): void {
  verifyLinkage(header, parent)
  const fail = headerFailure(header.number)
  const bound = parent.gasLimit / GAS_LIMIT_BOUND_DIVISOR
  const delta =
    header.gasLimit > parent.gasLimit ? header.gasLimit - parent.gasLimit : parent.gasLimit - header.gasLimit
  if (delta >= bound || header.gasLimit < MIN_GAS_LIMIT) {
    throw fail(`gas limit ${header.gasLimit} too far from parent ${parent.gasLimit}`)
  }
}

/** Our chain's rules: linkage, a constant gas limit and a seal by a validator. Returns the sealer. */
export function verifyHeader(
  header: BlockHeader,
  parent: BlockHeader,
  validators: readonly string[],
): Uint8Array {
  const n = header.number
  // Slots may be shorter than a second, so two of our blocks can share a timestamp; the slot in the
  // payload is what strictly increases (rules/proposer.ts).
  verifyLinkage(header, parent, { sameTimestamp: true })
  if (header.gasLimit !== parent.gasLimit)
    throw headerFailure(n)(`gas limit ${header.gasLimit} differs from parent ${parent.gasLimit}`)
  const sealer = recoverSealer(header)
  if (!equalsBytes(sealer, header.coinbase.bytes)) {
    throw new ConsensusError(
      'WRONG_SEALER',
      `block ${n}: sealed by ${bytesToHex(sealer)} but coinbase is ${header.coinbase.toString()}`,
    )
  }
  if (!validators.includes(bytesToHex(sealer))) {
    throw new ConsensusError(
      'UNKNOWN_PROPOSER',
      `block ${n}: sealer ${bytesToHex(sealer)} is not a validator`,
    )
  }
  return sealer
}
