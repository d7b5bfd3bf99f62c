export { ConsensusError, type ConsensusErrorCode } from './errors.ts'
export * from './origin/index.ts'
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
export {
  addressOfPrivateKey,
  type ConsensusPayload,
  decodePayload,
  recoverSealer,
  sealHash,
  signSeal,
  splitExtra,
  unsealedExtra,
} from './rules/seal.ts'
