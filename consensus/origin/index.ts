export {
  type CommitResult,
  defaultOriginClientOptions,
  type MetaBlockCommit,
  type OriginBlock,
  OriginClient,
  type OriginClientOptions,
  type OriginCommit,
  type OriginCommitRecord,
  type OriginKernel,
  type OriginRetryOptions,
  type OriginValidator,
  type SentTransaction,
} from './client.ts'
export {
  bridgeErrorsAbi,
  coGatewayAbi,
  coreAbi,
  coreBytecode,
  gatewayAbi,
  gatewayBytecode,
  merklePatriciaProofVerifierAbi,
  merklePatriciaProofVerifierBytecode,
  ORIGIN_SOLC_VERSION,
  type OriginVote,
  originErrorsAbi,
  originRootsAbi,
  originVote,
  stakeAbi,
  stakeBytecode,
  stakeTokenAbi,
  stakeTokenBytecode,
  utilityTokenAbi,
  utilityTokenBytecode,
  valueTokenAbi,
  valueTokenBytecode,
  voteDomain,
} from './contracts.ts'
export { type DeployOriginOptions, deployOrigin, type OriginDeployment } from './deploy.ts'
export {
  DEV_ORIGIN_MNEMONIC,
  type DevOrigin,
  type DevOriginOptions,
  defaultDevOriginOptions,
  devDeployerKey,
  startDevOrigin,
} from './devOrigin.ts'
export { OriginError, type OriginErrorCode } from './errors.ts'
export {
  HARDHAT_ORIGIN_CHAIN_ID,
  type HardhatOrigin,
  type HardhatOriginOptions,
  startHardhatOrigin,
} from './hardhatOrigin.ts'
export { isNetworkError, type Revert, revertOf } from './viemErrors.ts'
