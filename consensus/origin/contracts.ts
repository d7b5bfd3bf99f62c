// The origin contracts as the node uses them: typed ABIs (generated `as const`), creation bytecode from
// the checked-in artifacts (npm run build:contracts), and votes in the contracts' flat struct (the EIP-712
// types themselves are rules/vote.ts's).
import type { Hex } from 'viem'
import artifacts from '../contracts/artifacts.json' with { type: 'json' }
import { VOTE_DOMAIN_NAME, VOTE_DOMAIN_VERSION, type Vote } from '../rules/vote.ts'
import {
  coGatewayAbi,
  coreAbi,
  gatewayAbi,
  merklePatriciaProofVerifierAbi,
  originRootsAbi,
  stakeAbi,
  stakeTokenAbi,
  utilityTokenAbi,
  valueTokenAbi,
} from './abi.generated.ts'

export {
  coGatewayAbi,
  coreAbi,
  gatewayAbi,
  merklePatriciaProofVerifierAbi,
  originRootsAbi,
  stakeAbi,
  stakeTokenAbi,
  utilityTokenAbi,
  valueTokenAbi,
}

export const stakeTokenBytecode = artifacts.contracts.StakeToken.bytecode as Hex
export const stakeBytecode = artifacts.contracts.Stake.bytecode as Hex
export const coreBytecode = artifacts.contracts.Core.bytecode as Hex
/** Merkle-Patricia proofs (eth_getProof) checked on-chain; the gateways' message bus uses its library. */
export const merklePatriciaProofVerifierBytecode = artifacts.contracts.MerklePatriciaProofVerifier
  .bytecode as Hex
/** The origin end of the token bridge: constructor(baseToken, core, coGateway). */
export const gatewayBytecode = artifacts.contracts.Gateway.bytecode as Hex
/** An ERC-20 for dev and test origins: constructor(name, symbol, initialSupply), all to the deployer. */
export const valueTokenBytecode = artifacts.contracts.ValueToken.bytecode as Hex
/**
 * CoGateway's CREATE2 init code for a value token's utility token is this followed by the ABI-encoded value
 * token address (salt: the value token's address as a 32-byte word).
 */
export const utilityTokenBytecode = artifacts.contracts.UtilityToken.bytecode as Hex
export const ORIGIN_SOLC_VERSION: string = artifacts.solcVersion

/** Every custom error the contracts can revert with (Core and Stake bubble up the token's). */
export const originErrorsAbi = [...coreAbi, ...stakeAbi, ...stakeTokenAbi].filter(
  (item) => item.type === 'error',
)

/**
 * Every custom error either gateway can revert with (the message bus's, the proof verifier's), and the
 * tokens' that they pass on (InsufficientAllowance / InsufficientBalance of a stake or redeem).
 */
export const bridgeErrorsAbi = dedupeErrors([
  ...gatewayAbi,
  ...coGatewayAbi,
  ...valueTokenAbi,
  ...utilityTokenAbi,
])

function dedupeErrors<T extends { type: string; name?: string }>(items: readonly T[]): T[] {
  const seen = new Set<string>()
  return items.filter((item) => {
    if (item.type !== 'error' || seen.has(item.name ?? '')) return false
    seen.add(item.name ?? '')
    return true
  })
}

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
