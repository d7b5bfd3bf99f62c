export { ConsensusError, type ConsensusErrorCode } from './errors.ts'
export {
  defaultFinalityOptions,
  Finality,
  type FinalityChain,
  type FinalityEvent,
  type FinalityOptions,
  type Kernel,
  type Offence,
} from './finality.ts'
export {
  applyLink,
  type FinalityState,
  genesisFinality,
  hasSupermajority,
  offence,
  protectionVerdict,
  tally,
} from './rules/finality.ts'
export { type ForkTip, prefersTip } from './rules/forkChoice.ts'
export { verifyForeignHeader, verifyHeader, verifyLinkage } from './rules/header.ts'
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
