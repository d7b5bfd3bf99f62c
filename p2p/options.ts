// Options of the network layer with their defaults.

export interface P2POptions {
  /** TCP port; 0 picks a free one. */
  port: number
  /** Listen address: 127.0.0.1 in dev, 0.0.0.0 otherwise (set by the node's config). */
  addr: string
  /** Multiaddrs with /p2p/<peer id>, dialled at start and redialled when they drop. */
  bootnodes: string[]
  maxPeers: number
  /** Where the peer key is kept (created on first start). */
  keyFile: string
  /** Seconds between bootnode reconnection attempts and status polls. */
  reconnectMs: number
  statusPollMs: number
  /** Req/resp limits. */
  requestTimeoutMs: number
  maxBlocksPerRequest: number
  maxResponseBytes: number
  /** Requests a peer may make per second per protocol (token bucket, burst = 4 s worth). */
  requestsPerSecond: number
  /** Gossip message size limits by topic, bytes. */
  maxBlockBytes: number
  maxTxBytes: number
  maxVoteBytes: number
  /** Sync batch size (blocks per request) and how many batches are in flight. */
  syncBatch: number
  syncParallel: number
  /** Own peer score thresholds (0 = neutral): below `disconnectScore` the peer is dropped and banned. */
  disconnectScore: number
  banMs: number
}

export const defaultP2POptions: P2POptions = {
  port: 30303,
  addr: '0.0.0.0',
  bootnodes: [],
  maxPeers: 50,
  keyFile: '',
  reconnectMs: 2_000,
  statusPollMs: 3_000,
  requestTimeoutMs: 10_000,
  maxBlocksPerRequest: 128,
  maxResponseBytes: 16 * 1024 * 1024,
  requestsPerSecond: 20,
  maxBlockBytes: 8 * 1024 * 1024,
  maxTxBytes: 128 * 1024,
  maxVoteBytes: 4 * 1024,
  syncBatch: 64,
  syncParallel: 4,
  disconnectScore: -100,
  banMs: 10 * 60_000,
}
