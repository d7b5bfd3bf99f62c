// WebSocket JSON-RPC against a real `mosaic-node dev` process, on the same port as HTTP: viem's
// webSocket transport (watchBlocks, watchContractEvent, watchPendingTransactions, all through
// eth_subscribe) and ethers v6 WebSocketProvider (block and contract event listeners, requests).
import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { Contract, Interface, Network, Wallet, WebSocketProvider } from 'ethers'
import {
  type Chain,
  createPublicClient,
  createWalletClient,
  defineChain,
  type Hash,
  http,
  type PublicClient,
  parseEther,
  type Transport,
  webSocket,
} from 'viem'
import { privateKeyToAccount } from 'viem/accounts'
import {
  DEV_ADDRESSES,
  DEV_CHAIN_ID,
  DEV_KEYS,
  type DevNode,
  startDevNode,
  target,
  waitFor,
} from '../helpers/node.ts'
import { type CompiledContract, compileContract } from '../helpers/solc.ts'

/** Resolves after `n` calls of the returned callback, with everything it was called with. */
function collector<T>(n: number): { push: (v: T) => void; done: Promise<T[]> } {
  const seen: T[] = []
  let resolve: (v: T[]) => void = () => {}
  const done = new Promise<T[]>((r) => {
    resolve = r
  })
  return {
    push: (v) => {
      seen.push(v)
      if (seen.length === n) resolve([...seen])
    },
    done,
  }
}

describe('WebSocket JSON-RPC against mosaic-node dev', () => {
  let node: DevNode
  let wsUrl: string
  let chain: Chain
  let client: PublicClient<Transport, Chain>
  let tokenArtifact: CompiledContract
  let token: `0x${string}`

  const walletFor = (key: `0x${string}`) =>
    createWalletClient({ account: privateKeyToAccount(key), chain, transport: http(node.url) })

  before(async () => {
    tokenArtifact = compileContract('Token')
    node = await startDevNode()
    wsUrl = node.url.replace('http://', 'ws://')
    chain = defineChain({
      id: DEV_CHAIN_ID,
      name: 'Mosaic dev',
      nativeCurrency: { name: 'Ether', symbol: 'ETH', decimals: 18 },
      rpcUrls: { default: { http: [node.url], webSocket: [wsUrl] } },
    })
    client = createPublicClient({ chain, transport: webSocket(wsUrl, { reconnect: false }) })
    // The ERC-20 both libraries watch, deployed over HTTP.
    const wallet = walletFor(DEV_KEYS[5])
    const hash = await wallet.deployContract({
      abi: tokenArtifact.abi,
      bytecode: tokenArtifact.bytecode as `0x${string}`,
      args: ['WS Token', 'WST', parseEther('1000')],
    })
    const receipt = await client.waitForTransactionReceipt({ hash, pollingInterval: 200 })
    assert.equal(receipt.status, 'success')
    token = receipt.contractAddress as `0x${string}`
  })

  /** Active subscriptions on the node, from its metrics. */
  const subscriptions = async (): Promise<number> => {
    const text = await (await fetch(`${node.url}/metrics`)).text()
    return Number(/^mosaic_rpc_ws_subscriptions (\d+)$/m.exec(text)?.[1] ?? Number.NaN)
  }
  /** Waits until the previous test's subscriptions are gone, runs `watch`, waits for its subscription. */
  const watching = async <T>(watch: () => T): Promise<T> => {
    await waitFor('no subscriptions left', async () => (await subscriptions()) === 0)
    const out = watch()
    await waitFor('the subscription', async () => (await subscriptions()) > 0)
    return out
  }

  after(async () => {
    await (await client?.transport.getRpcClient())?.close()
    await node?.stop()
  })

  test('requests over WebSocket answer like HTTP', async () => {
    assert.equal(await client.getChainId(), DEV_CHAIN_ID)
    const viaWs = await client.getBalance({ address: DEV_ADDRESSES[9] })
    const httpClient = createPublicClient({ chain, transport: http(node.url) })
    assert.equal(viaWs, await httpClient.getBalance({ address: DEV_ADDRESSES[9] }))
    const n = await client.getBlockNumber({ cacheTime: 0 })
    const block = await client.getBlock({ blockNumber: n })
    assert.deepEqual(block, await httpClient.getBlock({ blockNumber: n }))
  })

  test('viem watchBlocks: consecutive heads from newHeads', async () => {
    const blocks = collector<{ number: bigint; hash: Hash; parentHash: Hash }>(3)
    const unwatch = client.watchBlocks({ onBlock: (b) => blocks.push(b), onError: (e) => assert.fail(e) })
    const got = await blocks.done
    unwatch()
    for (let i = 1; i < got.length; i++) {
      assert.equal(got[i]!.number, got[i - 1]!.number + 1n)
      assert.equal(got[i]!.parentHash, got[i - 1]!.hash)
    }
    const stored = await client.getBlock({ blockNumber: got[0]!.number })
    assert.equal(stored.hash, got[0]!.hash)
  })

  test('viem watchContractEvent: ERC-20 Transfer logs as they are mined', async () => {
    const to = privateKeyToAccount(DEV_KEYS[6]).address
    const logs = collector<{ args: { from?: string; to?: string; value?: bigint }; transactionHash: Hash }>(2)
    // The subscription is installed before anything is sent.
    const unwatch = await watching(() =>
      client.watchContractEvent({
        address: token,
        abi: tokenArtifact.abi,
        eventName: 'Transfer',
        onLogs: (batch) => {
          for (const l of batch) logs.push(l as never)
        },
        onError: (e) => assert.fail(e),
      }),
    )
    const wallet = walletFor(DEV_KEYS[5])
    const hashes: Hash[] = []
    for (const value of [7n, 8n]) {
      hashes.push(
        await wallet.writeContract({
          address: token,
          abi: tokenArtifact.abi,
          functionName: 'transfer',
          args: [to, value],
        }),
      )
    }
    const got = await logs.done
    unwatch()
    assert.deepEqual(
      got.map((l) => [l.transactionHash, l.args.from, l.args.to, l.args.value]),
      [
        [hashes[0], wallet.account.address, to, 7n],
        [hashes[1], wallet.account.address, to, 8n],
      ],
    )
  })

  test('viem watchPendingTransactions: hashes as they enter the pool', async () => {
    const seen = new Set<Hash>()
    const unwatch = await watching(() =>
      client.watchPendingTransactions({
        onTransactions: (hashes) => {
          for (const h of hashes) seen.add(h)
        },
        onError: (e) => assert.fail(e),
      }),
    )
    const hash = await walletFor(DEV_KEYS[7]).sendTransaction({ to: DEV_ADDRESSES[8], value: 1n })
    await waitFor('the pending hash', () => seen.has(hash))
    unwatch()
  })

  test('ethers WebSocketProvider: requests, block and contract event listeners', async () => {
    const network = Network.from(DEV_CHAIN_ID)
    const provider = new WebSocketProvider(wsUrl, network, { staticNetwork: network })
    try {
      assert.equal((await provider.getNetwork()).chainId, BigInt(DEV_CHAIN_ID))
      assert.equal(await provider.getBalance(DEV_ADDRESSES[9]), 10_000n * 10n ** 18n)

      const blocks = collector<number>(2)
      await watching(() => provider.on('block', (n: number) => blocks.push(n)))
      const [a, b] = await blocks.done
      assert.equal(b, (a as number) + 1)
      await provider.off('block')

      const wallet = new Wallet(DEV_KEYS[5], provider)
      const contract = new Contract(token, new Interface(JSON.stringify(tokenArtifact.abi)), wallet)
      const events = collector<[string, string, bigint]>(1)
      await watching(() =>
        contract.on('Transfer', (from: string, to: string, value: bigint) => events.push([from, to, value])),
      )
      // Sent over the WebSocket too: nonce, fees, gas estimate and the raw transaction.
      const tx = await contract.getFunction('transfer')(DEV_ADDRESSES[3], 42n)
      const receipt = await tx.wait()
      assert.equal(receipt?.status, 1)
      assert.deepEqual(await events.done, [[wallet.address, DEV_ADDRESSES[3], 42n]])
      await contract.removeAllListeners()
      // ethers unsubscribes in the background: let it finish before the socket goes.
      await waitFor('unsubscribed', async () => (await subscriptions()) === 0)
    } finally {
      await provider.destroy()
    }
  })

  test('eth_subscribe over HTTP is refused like geth', { skip: target !== 'mosaic' }, async () => {
    const res = await fetch(node.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'eth_subscribe', params: ['newHeads'] }),
    })
    assert.deepEqual(((await res.json()) as { error: unknown }).error, {
      code: -32601,
      message: 'notifications not supported',
    })
  })
})
