// The origin contracts as the node uses them: typed ABIs (generated `as const`), creation bytecode from
// the checked-in artifacts (npm run build:contracts), and votes in the contracts' flat struct (the EIP-712
// types themselves are rules/vote.ts's).
import type { Hex } from 'viem'
import artifacts from '../contracts/artifacts.json' with { type: 'json' }
import { VOTE_DOMAIN_NAME, VOTE_DOMAIN_VERSION, type Vote } from '../rules/vote.ts'
import { coreAbi, merklePatriciaProofVerifierAbi, stakeAbi, stakeTokenAbi } from './abi.generated.ts'

export { coreAbi, merklePatriciaProofVerifierAbi, stakeAbi, stakeTokenAbi }

export const stakeTokenBytecode = artifacts.contracts.StakeToken.bytecode as Hex
export const stakeBytecode = artifacts.contracts.Stake.bytecode as Hex
export const coreBytecode = artifacts.contracts.Core.bytecode as Hex
/** Merkle-Patricia proofs (eth_getProof) checked on-chain; the gateways' message bus uses its library. */
export const merklePatriciaProofVerifierBytecode = artifacts.contracts.MerklePatriciaProofVerifier
  .bytecode as Hex
export const ORIGIN_SOLC_VERSION: string = artifacts.solcVersion

/** Every custom error the contracts can revert with (Core and Stake bubble up the token's). */
export const originErrorsAbi = [...coreAbi, ...stakeAbi, ...stakeTokenAbi].filter(
  (item) => item.type === 'error',
)

/** A Casper-FFG vote as the contracts' `Vote` struct (DESIGN.md section 6). */
export interface OriginVote {
  kernelHeight: bigint
  sourceHash: Hex
  sourceNumber: bigint
  targetHash: Hex
  targetNumber: bigint
}

/** A vote of the finality code as the `Vote` struct of the contracts (e.g. slashing evidence). */
export function originVote(vote: Vote): OriginVote {
  return {
    kernelHeight: vote.kernelHeight,
    sourceHash: vote.source.hash,
    sourceNumber: vote.source.number,
    targetHash: vote.target.hash,
    targetNumber: vote.target.number,
  }
}

/** The EIP-712 domain of votes: the AUX chain's id, no verifying contract, no salt. */
export function voteDomain(auxChainId: bigint | number): { name: string; version: string; chainId: bigint } {
  return { name: VOTE_DOMAIN_NAME, version: VOTE_DOMAIN_VERSION, chainId: BigInt(auxChainId) }
}
