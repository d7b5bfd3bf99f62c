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
}
