// p2p: libp2p host, gossip, req/resp, sync, peer scoring. Imports nothing internal: the chain is
// reached through the NetworkChain interface that node/ implements.

export { decodeStatus, encodeHashRequest, encodeRangeRequest, encodeStatus } from './codec.ts'
export { type GossipAction, P2PError, type P2PErrorCode } from './errors.ts'
export { loadPeerKey, peerIdOfKeyFile } from './host.ts'
export {
  checkBootnode,
  messageId,
  Network,
  type NetworkModules,
  type TopicName,
  topicsFor,
} from './network.ts'
export { defaultP2POptions, type P2POptions } from './options.ts'
export { PROTOCOLS } from './reqresp.ts'
export { PENALTIES, PeerScores, RateLimiter } from './scoring.ts'
export type { ChainStatus, ImportOutcome, NetworkChain } from './types.ts'
