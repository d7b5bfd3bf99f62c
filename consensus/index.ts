export {
  Committer,
  type CommitterOptions,
  type CommitterStatus,
  defaultCommitterOptions,
} from './committer.ts'
export { ConsensusError, type ConsensusErrorCode } from './errors.ts'
export {
  defaultFinalityOptions,
  Finality,
  type FinalityChain,
  type FinalityEvent,
  type FinalityOptions,
  type Offence,
} from './finality.ts'
export {
  announcementProblem,
  governingKernel,
  type Kernel,
  type KernelHeader,
  type KernelState,
  KernelTracker,
  nextKernelState,
} from './kernels.ts'
export {
  type CommitResult,
  coreAbi,
  coreBytecode,
  DEV_ORIGIN_MNEMONIC,
  type DeployOriginOptions,
  type DevOrigin,
  type DevOriginOptions,
  defaultDevOriginOptions,
  defaultOriginClientOptions,
  deployOrigin,
  devDeployerKey,
  HARDHAT_ORIGIN_CHAIN_ID,
  type HardhatOrigin,
  type HardhatOriginOptions,
  type MetaBlockCommit,
  merklePatriciaProofVerifierAbi,
  merklePatriciaProofVerifierBytecode,
  ORIGIN_SOLC_VERSION,
  type OriginBlock,
  OriginClient,
  type OriginClientOptions,
  type OriginCommit,
  type OriginCommitRecord,
  type OriginDeployment,
  OriginError,
  type OriginErrorCode,
  type OriginKernel,
  type OriginRetryOptions,
  type OriginValidator,
  type OriginVote,
  originErrorsAbi,
  originVote,
  type SentTransaction,
  stakeAbi,
  stakeBytecode,
  stakeTokenAbi,
  stakeTokenBytecode,
  startDevOrigin,
  startHardhatOrigin,
  voteDomain,
} from './origin/index.ts'
export { defaultOriginWatcherOptions, OriginWatcher, type OriginWatcherOptions } from './originWatcher.ts'
export { Reporter } from './reporter.ts'
export {
  applyLink,
  type FinalityState,
  genesisFinality,
  hasSupermajority,
  isCheckpoint,
  offence,
  protectionVerdict,
  tally,
} from './rules/finality.ts'
export { type ForkTip, prefersTip } from './rules/forkChoice.ts'
export { verifyForeignHeader, verifyHeader, verifyLinkage } from './rules/header.ts'
export type { KernelAnnouncement, OriginObservation } from './rules/observation.ts'
export {
  checkProposal,
  earliestProposalMs,
  fallbackDelayMs,
  IN_TURN_WEIGHT,
  inTurnProposer,
  OUT_OF_TURN_WEIGHT,
  type ProposalCheck,
  type ProposalFacts,
  proposerRanking,
  type SlotClock,
  type StakedValidator,
  slotAt,
  slotStartMs,
  slotTimestamp,
} from './rules/proposer.ts'
export { buildQc, sortedValidators, verifyQc } from './rules/qc.ts'
export {
  addressOfPrivateKey,
  type ConsensusPayload,
  decodePayload,
  type QuorumCertificate,
  recoverSealer,
  sealHash,
  signSeal,
  splitExtra,
  unsealedExtra,
} from './rules/seal.ts'
export {
  type Checkpoint,
  decodeVote,
  encodeVote,
  recoverVoter,
  type SignedVote,
  signVote,
  VOTE_TYPES,
  type Vote,
  voteDigest,
} from './rules/vote.ts'
export { SlashingProtection } from './slashingProtection.ts'
