export interface RpcOptions {
  /** Interface to bind; loopback by default so a node is never exposed by accident. */
  addr: string
  port: number
  /** Allowed CORS origins (`'*'` allows any). Empty: no CORS headers at all. */
  cors: string[]
  maxBodyBytes: number
  maxBatch: number
  /** Widest `eth_getLogs` block range, inclusive. */
  logsBlockRange: number
  /** Most logs one `eth_getLogs` call may return. */
  logsMaxResults: number
  /** Gas ceiling for eth_call / eth_estimateGas (geth's --rpc.gascap). */
  gasCap: bigint
  /** Open WebSocket connections at most; further upgrades get HTTP 503. */
  wsMaxConnections: number
  /** eth_subscribe subscriptions per WebSocket connection at most (-32005 above). */
  wsMaxSubscriptions: number
  /**
   * Bytes queued for one WebSocket client that it has not read yet. Past this the client is a slow
   * consumer: its subscriptions end with an error notification and the connection is closed.
   */
  wsMaxBufferedBytes: number
  /** Requests of one WebSocket connection processed at once; its socket is not read past this. */
  wsMaxInFlight: number
}

export const defaultRpcOptions: RpcOptions = {
  addr: '127.0.0.1',
  port: 8545,
  cors: [],
  maxBodyBytes: 5 * 1024 * 1024,
  maxBatch: 1000,
  logsBlockRange: 10_000,
  logsMaxResults: 10_000,
  gasCap: 50_000_000n,
  wsMaxConnections: 1000,
  wsMaxSubscriptions: 1000,
  wsMaxBufferedBytes: 16 * 1024 * 1024,
  wsMaxInFlight: 64,
}
