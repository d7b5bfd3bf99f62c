// viem (HTTP transport) against a real `mosaic-node dev` process: blocks, block watching by polling,
// value transfers with exact fee arithmetic for each transaction type, fee history, contracts, filters.
import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import {
  BaseError,
  type Chain,
  ContractFunctionRevertedError,
  createPublicClient,
  createWalletClient,
  defineChain,
  type GetBlockReturnType,
  type Hash,
  http,
  type PublicClient,
  parseEther,
  type Transport,
  zeroHash,
} from 'viem'
import { generatePrivateKey, privateKeyToAccount } from 'viem/accounts'
import {
  DEV_ADDRESSES,
  DEV_CHAIN_ID,
  DEV_KEYS,
  type DevNode,
  startDevNode,
  target,
  waitFor,
  waitForBlock,
} from '../helpers/node.ts'
import { ResultChecks } from '../helpers/rpcSchema.ts'
import { type CompiledContract, compileContract } from '../helpers/solc.ts'

type Block = GetBlockReturnType<Chain, false>

const freshAddress = () => privateKeyToAccount(generatePrivateKey()).address

describe('viem against mosaic-node dev', () => {
  let node: DevNode
  let chain: Chain
  let client: PublicClient<Transport, Chain>
  let tokenArtifact: CompiledContract
  // Every result viem receives from a spec method is checked against the execution-apis schemas.
  const checks = new ResultChecks()
  const transport = () => http(node.url, target === 'mosaic' ? checks.viemHooks() : {})

  before(async () => {
    tokenArtifact = compileContract('Token')
    node = await startDevNode()
    chain = defineChain({
      id: DEV_CHAIN_ID,
      name: 'Mosaic dev',
      nativeCurrency: { name: 'Ether', symbol: 'ETH', decimals: 18 },
      rpcUrls: { default: { http: [node.url] } },
    })
    client = createPublicClient({ chain, transport: transport(), pollingInterval: 200 })
  })

  after(async () => {
    await node?.stop()
    if (target === 'mosaic') checks.assertAllFit()
  })

  const walletFor = (key: `0x${string}`) =>
    createWalletClient({ account: privateKeyToAccount(key), chain, transport: transport() })

  test('getChainId', async () => {
    assert.equal(await client.getChainId(), DEV_CHAIN_ID)
    assert.equal(await walletFor(DEV_KEYS[4]).getChainId(), DEV_CHAIN_ID)
  })

  test('getBlockNumber and getBlock', async () => {
    const number = await client.getBlockNumber({ cacheTime: 0 })
    const latest = await client.getBlock({ blockTag: 'latest' })
    assert.ok(latest.number >= number)
    assert.match(latest.hash, /^0x[0-9a-f]{64}$/)
    assert.match(latest.stateRoot, /^0x[0-9a-f]{64}$/)
    assert.match(latest.transactionsRoot, /^0x[0-9a-f]{64}$/)
    assert.match(latest.receiptsRoot, /^0x[0-9a-f]{64}$/)
    assert.ok(latest.gasLimit > 0n)
    assert.ok(latest.baseFeePerGas !== null && latest.baseFeePerGas > 0n)
    assert.ok(latest.timestamp > 0n)

    const genesis = await client.getBlock({ blockNumber: 0n })
    assert.equal(genesis.number, 0n)
    assert.equal(genesis.parentHash, zeroHash)
    assert.deepEqual(await client.getBlock({ blockHash: genesis.hash }), genesis)

    const byNumber = await client.getBlock({ blockNumber: latest.number })
    assert.equal(byNumber.hash, latest.hash)

    // Finality tags: finalized never ahead of safe, safe never ahead of latest.
    const safe = await client.getBlock({ blockTag: 'safe' })
    const finalized = await client.getBlock({ blockTag: 'finalized' })
    const latestAgain = await client.getBlock({ blockTag: 'latest' })
    assert.ok(finalized.number <= safe.number, `finalized ${finalized.number} > safe ${safe.number}`)
    assert.ok(safe.number <= latestAgain.number, `safe ${safe.number} > latest ${latestAgain.number}`)
  })

  test('value transfers: exact balance arithmetic for EIP-1559 and legacy transactions', async () => {
    const wallet = walletFor(DEV_KEYS[4])
    const sender = wallet.account.address

    for (const kind of ['eip1559', 'legacy'] as const) {
      const to = freshAddress()
      const value = parseEther('1.25') + 987_654_321n
      const hash =
        kind === 'legacy'
          ? await wallet.sendTransaction({ to, value, type: 'legacy', gasPrice: await client.getGasPrice() })
          : await wallet.sendTransaction({ to, value })
      const receipt = await client.waitForTransactionReceipt({ hash, pollingInterval: 200 })
      assert.equal(receipt.status, 'success')
      assert.equal(receipt.type, kind)
      assert.equal(receipt.from.toLowerCase(), sender.toLowerCase())
      assert.equal(receipt.to?.toLowerCase(), to.toLowerCase())
      assert.equal(receipt.gasUsed, 21_000n)

      // The sender sends nothing else, so its balance drop in that block is exactly value + fee.
      const before = await client.getBalance({ address: sender, blockNumber: receipt.blockNumber - 1n })
      const after = await client.getBalance({ address: sender, blockNumber: receipt.blockNumber })
      assert.equal(before - after, value + receipt.gasUsed * receipt.effectiveGasPrice, kind)
      assert.equal(await client.getBalance({ address: sender }), after)
      assert.equal(await client.getBalance({ address: to }), value)
      assert.equal(await client.getBalance({ address: to, blockNumber: receipt.blockNumber - 1n }), 0n)

      const tx = await client.getTransaction({ hash })
      const block = await client.getBlock({ blockNumber: receipt.blockNumber })
      const baseFee = block.baseFeePerGas
      assert.ok(baseFee !== null)
      if (tx.type === 'legacy') {
        assert.equal(receipt.effectiveGasPrice, tx.gasPrice)
      } else if (tx.type === 'eip1559') {
        // min(maxFee, baseFee + tip)
        let expected = baseFee + tx.maxPriorityFeePerGas
        if (expected > tx.maxFeePerGas) expected = tx.maxFeePerGas
        assert.equal(receipt.effectiveGasPrice, expected)
      } else {
        assert.fail(`unexpected transaction type ${tx.type}`)
      }
      assert.ok(receipt.effectiveGasPrice >= baseFee)
    }
  })

  test('eth_sendTransaction signed by the node for an unlocked dev account', async () => {
    const from = DEV_ADDRESSES[5]
    const wallet = createWalletClient({ account: from, chain, transport: transport() })
    const to = freshAddress()
    const hash = await wallet.sendTransaction({ to, value: 42n })
    const receipt = await client.waitForTransactionReceipt({ hash, pollingInterval: 200 })
    assert.equal(receipt.status, 'success')
    assert.equal(receipt.from.toLowerCase(), from.toLowerCase())
    assert.equal(await client.getBalance({ address: to }), 42n)
  })

  test('watchBlocks over HTTP polling sees new blocks in increasing order', async () => {
    const start = await client.getBlockNumber({ cacheTime: 0 })
    const seen: Block[] = []
    let unwatch: (() => void) | undefined
    const errors: Error[] = []
    try {
      await waitFor(
        'three blocks from watchBlocks',
        () => {
          unwatch ??= client.watchBlocks({
            poll: true,
            pollingInterval: 200,
            onBlock: (b) => {
              seen.push(b)
            },
            onError: (e) => {
              errors.push(e)
            },
          })
          return seen.length >= 3
        },
        { timeoutMs: 60_000 },
      )
    } finally {
      unwatch?.()
    }
    assert.deepEqual(errors, [])
    const numbers = seen.map((b) => b.number)
    for (let i = 1; i < seen.length; i++) {
      const prev = seen[i - 1]!
      const cur = seen[i]!
      assert.ok(cur.number > prev.number, `block numbers ${numbers.join(',')}`)
      if (cur.number === prev.number + 1n) assert.equal(cur.parentHash, prev.hash)
    }
    assert.ok(seen[seen.length - 1]!.number >= start + 2n, `start ${start}, saw ${numbers.join(',')}`)
  })

  test('eth_feeHistory matches the blocks it describes', async () => {
    // A transaction so that at least one block in the window has gas used and a reward sample.
    const wallet = walletFor(DEV_KEYS[4])
    const hash = await wallet.sendTransaction({
      to: freshAddress(),
      value: 1n,
      maxPriorityFeePerGas: 2_000_000_000n,
    })
    const receipt = await client.waitForTransactionReceipt({ hash, pollingInterval: 200 })

    // A window that ends one block after ours, once that block exists: its content is fixed.
    const newest = receipt.blockNumber + 1n
    await waitForBlock(node.url, Number(newest))
    const history = await client.getFeeHistory({
      blockCount: 4,
      blockNumber: newest,
      rewardPercentiles: [25, 75],
    })
    assert.equal(history.oldestBlock, newest - 3n)
    assert.equal(history.gasUsedRatio.length, 4)
    // One more base fee than blocks: the next block's, computed from the newest.
    assert.equal(history.baseFeePerGas.length, 5)
    assert.equal(history.reward?.length, 4)
    for (const r of history.reward ?? []) assert.equal(r.length, 2)

    for (let i = 0; i < history.gasUsedRatio.length; i++) {
      const block = await client.getBlock({ blockNumber: history.oldestBlock + BigInt(i) })
      assert.equal(history.baseFeePerGas[i], block.baseFeePerGas, `baseFee of block ${block.number}`)
      const ratio = Number(block.gasUsed) / Number(block.gasLimit)
      assert.ok(Math.abs(history.gasUsedRatio[i]! - ratio) < 1e-9, `gasUsedRatio of block ${block.number}`)
      if (block.number === receipt.blockNumber && block.transactions.length === 1) {
        // One transaction: every percentile is its tip.
        const tip = receipt.effectiveGasPrice - block.baseFeePerGas!
        assert.deepEqual(history.reward?.[i], [tip, tip])
      }
    }
    assert.ok(history.baseFeePerGas.every((f) => f > 0n))

    const fees = await client.estimateFeesPerGas()
    const latest = await client.getBlock({ blockTag: 'latest' })
    assert.ok(fees.maxFeePerGas >= latest.baseFeePerGas!)
  })

  test('contracts: deploy, read, write, revert reasons, events', async () => {
    const wallet = walletFor(DEV_KEYS[4])
    const abi = tokenArtifact.abi
    const deployHash = await wallet.deployContract({
      abi,
      bytecode: tokenArtifact.bytecode,
      args: ['Viem Token', 'VTK', 1_000n],
    })
    const deployReceipt = await client.waitForTransactionReceipt({ hash: deployHash, pollingInterval: 200 })
    assert.equal(deployReceipt.status, 'success')
    const address = deployReceipt.contractAddress
    assert.ok(address)

    assert.equal(await client.readContract({ address, abi, functionName: 'symbol' }), 'VTK')
    assert.equal(
      await client.readContract({ address, abi, functionName: 'balanceOf', args: [wallet.account.address] }),
      1_000n,
    )

    const to = freshAddress()
    const { request } = await client.simulateContract({
      account: wallet.account,
      address,
      abi,
      functionName: 'transfer',
      args: [to, 300n],
    })
    const hash: Hash = await wallet.writeContract(request)
    const receipt = await client.waitForTransactionReceipt({ hash, pollingInterval: 200 })
    assert.equal(receipt.status, 'success')
    assert.equal(await client.readContract({ address, abi, functionName: 'balanceOf', args: [to] }), 300n)

    const events = await client.getContractEvents({
      address,
      abi,
      eventName: 'Transfer',
      args: { to },
      fromBlock: deployReceipt.blockNumber,
    })
    assert.equal(events.length, 1)
    assert.equal(events[0]!.transactionHash, hash)
    assert.deepEqual(events[0]!.args, { from: wallet.account.address, to, value: 300n })

    await assert.rejects(
      client.simulateContract({
        account: wallet.account,
        address,
        abi,
        functionName: 'transfer',
        args: [to, 10_000n],
      }),
      (err) => {
        assert.ok(err instanceof BaseError, String(err))
        const revert = err.walk((e) => e instanceof ContractFunctionRevertedError)
        assert.ok(revert instanceof ContractFunctionRevertedError, err.message)
        assert.equal(revert.reason, 'insufficient balance')
        return true
      },
    )
  })

  test('log and block filters: eth_newFilter, eth_newBlockFilter, eth_getFilterChanges', async () => {
    const wallet = walletFor(DEV_KEYS[6])
    const abi = tokenArtifact.abi
    const deployHash = await wallet.deployContract({
      abi,
      bytecode: tokenArtifact.bytecode,
      args: ['F', 'F', 100n],
    })
    const deployReceipt = await client.waitForTransactionReceipt({ hash: deployHash, pollingInterval: 200 })
    const address = deployReceipt.contractAddress
    assert.ok(address)
    // Create the filters once the deployment's mint log is behind the head, so only new logs count.
    await waitForBlock(node.url, Number(deployReceipt.blockNumber) + 1)

    const logFilter = await client.createContractEventFilter({ address, abi, eventName: 'Transfer' })
    const blockFilter = await client.createBlockFilter()
    const hash = await wallet.writeContract({
      address,
      abi,
      functionName: 'transfer',
      args: [freshAddress(), 1n],
    })
    const receipt = await client.waitForTransactionReceipt({ hash, pollingInterval: 200 })

    const logs = await client.getFilterChanges({ filter: logFilter })
    assert.deepEqual(
      logs.map((l) => l.transactionHash),
      [hash],
    )
    // Changes are reported once.
    assert.deepEqual(await client.getFilterChanges({ filter: logFilter }), [])

    const blockHashes = await client.getFilterChanges({ filter: blockFilter })
    assert.ok(blockHashes.includes(receipt.blockHash), 'the new block is reported')

    assert.equal(await client.uninstallFilter({ filter: logFilter }), true)
    assert.equal(await client.uninstallFilter({ filter: blockFilter }), true)
    assert.equal(await client.uninstallFilter({ filter: logFilter }), false)
  })
})
