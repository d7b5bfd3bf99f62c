export { ConsensusError, type ConsensusErrorCode } from './errors.ts'
export { verifyForeignHeader, verifyHeader, verifyLinkage } from './rules/header.ts'
export {
  addressOfPrivateKey,
  type ConsensusPayload,
  recoverSealer,
  sealHash,
  signSeal,
  splitExtra,
  unsealedExtra,
} from './rules/seal.ts'
