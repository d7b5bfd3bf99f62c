// viem clients of both chains and a Bridge over them, connected on first use and again after a
// failure (the aux RPC is the node's own, which listens only once the node has started).
import { createPublicClient, type Hex, http, type PublicClient } from 'viem'
import { Bridge } from './bridge.ts'

export function publicClient(url: string, pollingIntervalMs = 250): PublicClient {
  return createPublicClient({
    transport: http(url, { retryCount: 2, timeout: 10_000 }),
    pollingInterval: pollingIntervalMs,
  })
}

export function bridgeConnector(o: {
  originUrl: string
  auxUrl: () => string | undefined
  core?: Hex
}): () => Promise<Bridge> {
  let connecting: Promise<Bridge> | undefined
  return () => {
    connecting ??= (async () => {
      const auxUrl = o.auxUrl()
      if (!auxUrl) throw new Error('the bridge reads the aux chain through this node’s JSON-RPC: enable it')
      return Bridge.connect(publicClient(o.originUrl), publicClient(auxUrl), o.core)
    })()
    connecting.catch(() => {
      connecting = undefined
    })
    return connecting
  }
}
