// Reads of chain state the benchmark relies on: account nonces (to know what is in blocks), receipts and
// balances (to know the transactions did what they should).
import { type RpcClient, sleep } from './rpc.ts'

const NONCE_BATCH = 200

/** eth_getTransactionCount(address, 'latest') of every address, in batches. */
export async function latestNonces(client: RpcClient, addresses: string[]): Promise<Map<string, number>> {
  const out = new Map<string, number>()
  for (let i = 0; i < addresses.length; i += NONCE_BATCH) {
    const chunk = addresses.slice(i, i + NONCE_BATCH)
    const counts = await client.batchResults<string>(
      chunk.map((a) => ({ method: 'eth_getTransactionCount', params: [a, 'latest'] })),
    )
    chunk.forEach((a, j) => {
      out.set(a, Number(counts[j]))
    })
  }
  return out
}

/** Addresses whose nonce is below the expected one, with both numbers. */
export function nonceShortfall(
  expected: Map<string, number>,
  actual: Map<string, number>,
): { address: string; expected: number; actual: number }[] {
  const short = []
  for (const [address, n] of expected) {
    const have = actual.get(address) ?? 0
    if (have < n) short.push({ address, expected: n, actual: have })
  }
  return short
}

/** Polls until every address has reached its expected nonce. */
export async function waitForNonces(
  client: RpcClient,
  expected: Map<string, number>,
  what: string,
  timeoutMs = 120_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    const short = nonceShortfall(expected, await latestNonces(client, [...expected.keys()]))
    if (short.length === 0) return
    if (Date.now() > deadline) {
      const first = short[0]!
      throw new Error(
        `${what}: ${short.length} accounts not at their nonce after ${timeoutMs / 1000} s ` +
          `(e.g. ${first.address}: ${first.actual}, want ${first.expected})`,
      )
    }
    await sleep(250)
  }
}

interface RpcReceipt {
  status: string
  blockNumber: string
  gasUsed: string
}

/** Receipts of the given transaction hashes (null when not in a block). */
export function receipts(client: RpcClient, hashes: string[]): Promise<(RpcReceipt | null)[]> {
  return client.batchResults<RpcReceipt | null>(
    hashes.map((h) => ({ method: 'eth_getTransactionReceipt', params: [h] })),
  )
}

/** Spread sample of `count` items. */
export function sample<T>(items: T[], count: number): T[] {
  if (items.length <= count) return items
  const step = items.length / count
  return Array.from({ length: count }, (_, i) => items[Math.floor(i * step)]!)
}

/** ERC-20 balanceOf of each holder, by eth_call. */
export async function tokenBalances(client: RpcClient, token: string, holders: string[]): Promise<bigint[]> {
  const results = await client.batchResults<string>(
    holders.map((h) => ({
      method: 'eth_call',
      params: [{ to: token, data: `0x70a08231${h.slice(2).toLowerCase().padStart(64, '0')}` }, 'latest'],
    })),
  )
  return results.map((r) => BigInt(r))
}

export async function ethBalances(client: RpcClient, holders: string[]): Promise<bigint[]> {
  const results = await client.batchResults<string>(
    holders.map((h) => ({ method: 'eth_getBalance', params: [h, 'latest'] })),
  )
  return results.map((r) => BigInt(r))
}
