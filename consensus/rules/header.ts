// Header rules that do not need execution: linkage to the parent, fee and time rules, and the seal.
import type { BlockHeader } from '@ethereumjs/block'
import { bytesToHex, equalsBytes } from '@ethereumjs/util'
import { ConsensusError } from '../errors.ts'
import { recoverSealer } from './seal.ts'

export function verifyHeader(
  header: BlockHeader,
  parent: BlockHeader,
  validators: readonly string[],
): Uint8Array {
  const n = header.number
  const fail = (msg: string) => new ConsensusError('BAD_PAYLOAD', `block ${n}: ${msg}`)
  if (!equalsBytes(header.parentHash, parent.hash())) throw fail('parent hash does not match')
  if (n !== parent.number + 1n) throw fail(`number ${n} does not follow parent ${parent.number}`)
  // Slots may be shorter than a second, so two blocks can share a timestamp; the slot in the payload
  // is what strictly increases (rules/proposer.ts).
  if (header.timestamp < parent.timestamp)
    throw fail(`timestamp ${header.timestamp} before parent ${parent.timestamp}`)
  if (header.gasLimit !== parent.gasLimit)
    throw fail(`gas limit ${header.gasLimit} differs from parent ${parent.gasLimit}`)
  if (header.gasUsed > header.gasLimit)
    throw fail(`gas used ${header.gasUsed} above limit ${header.gasLimit}`)
  const baseFee = parent.calcNextBaseFee()
  if (header.baseFeePerGas !== baseFee) throw fail(`base fee ${header.baseFeePerGas} should be ${baseFee}`)
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
