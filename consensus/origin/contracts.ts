// The origin contracts as the node uses them: typed ABIs (generated `as const`), creation bytecode from
// the checked-in artifacts (npm run build:contracts), and the EIP-712 vote format they verify.
import type { Hex } from 'viem'
import artifacts from '../contracts/artifacts.json' with { type: 'json' }
import { coreAbi, stakeAbi, stakeTokenAbi } from './abi.generated.ts'

export { coreAbi, stakeAbi, stakeTokenAbi }

export const stakeTokenBytecode = artifacts.contracts.StakeToken.bytecode as Hex
export const stakeBytecode = artifacts.contracts.Stake.bytecode as Hex
export const coreBytecode = artifacts.contracts.Core.bytecode as Hex
export const ORIGIN_SOLC_VERSION: string = artifacts.solcVersion

/** Every custom error the contracts can revert with (Core and Stake bubble up the token's). */
export const originErrorsAbi = [...coreAbi, ...stakeAbi, ...stakeTokenAbi].filter(
  (item) => item.type === 'error',
)

/** A Casper-FFG vote as signed by validators and checked by Core and Stake (DESIGN.md section 6). */
export interface OriginVote {
  kernelHeight: bigint
  sourceHash: Hex
  sourceNumber: bigint
  targetHash: Hex
  targetNumber: bigint
}

/** EIP-712 types of a vote, for viem's signTypedData / hashTypedData / recoverTypedDataAddress. */
export const VOTE_TYPES = {
  Vote: [
    { name: 'kernelHeight', type: 'uint256' },
    { name: 'sourceHash', type: 'bytes32' },
    { name: 'sourceNumber', type: 'uint256' },
    { name: 'targetHash', type: 'bytes32' },
    { name: 'targetNumber', type: 'uint256' },
  ],
} as const

/** The EIP-712 domain of votes: the AUX chain's id, no verifying contract, no salt. */
export function voteDomain(auxChainId: bigint | number): { name: 'Mosaic'; version: '1'; chainId: bigint } {
  return { name: 'Mosaic', version: '1', chainId: BigInt(auxChainId) }
}
