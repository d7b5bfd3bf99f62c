export { ConsensusError, type ConsensusErrorCode } from './errors.ts'
export { verifyHeader } from './rules/header.ts'
export {
  addressOfPrivateKey,
  type ConsensusPayload,
  recoverSealer,
  sealHash,
  signSeal,
  splitExtra,
  unsealedExtra,
} from './rules/seal.ts'
