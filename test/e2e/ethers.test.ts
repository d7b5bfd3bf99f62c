// ethers v6 against a real `mosaic-node dev` process: deploy and use an ERC-20, logs with topic
// filters, revert reasons from calls and mined transactions, gas estimation, nonces, receipts, blocks.
import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import {
  type Block,
  Contract,
  ContractFactory,
  FetchRequest,
  getCreateAddress,
  Interface,
  id,
  isCallException,
  JsonRpcProvider,
  Network,
  NonceManager,
  Wallet,
  ZeroAddress,
  zeroPadValue,
} from 'ethers'
import {
  DEV_ADDRESSES,
  DEV_CHAIN_ID,
  DEV_KEYS,
  type DevNode,
  rpc,
  startDevNode,
  target,
  waitForBlock,
} from '../helpers/node.ts'
import { ResultChecks } from '../helpers/rpcSchema.ts'
import { type CompiledContract, compileContract } from '../helpers/solc.ts'

const SUPPLY = 1_000_000n * 10n ** 18n
const TRANSFER_TOPIC = id('Transfer(address,address,uint256)')

interface RawLog {
  address: string
  topics: string[]
  data: string
  blockNumber: string
  blockHash: string
  transactionHash: string
  transactionIndex: string
  logIndex: string
  removed: boolean
}

interface RawReceipt {
  transactionHash: string
  transactionIndex: string
  blockHash: string
  blockNumber: string
  from: string
  to: string | null
  cumulativeGasUsed: string
  gasUsed: string
  effectiveGasPrice: string
  contractAddress: string | null
  logs: RawLog[]
  logsBloom: string
  status: string
  type: string
}

const HEX_QUANTITY = /^0x(0|[1-9a-f][0-9a-f]*)$/
const HASH = /^0x[0-9a-f]{64}$/

/** ethers takes the ABI as JSON; viem's Abi type differs from its fragments only in typing. */
const ethersAbi = (c: CompiledContract) => new Interface(JSON.stringify(c.abi))

/** Asserts `err` is an ethers CALL_EXCEPTION and returns it. */
function callException(err: unknown) {
  assert.ok(isCallException(err), `expected CALL_EXCEPTION, got ${String(err)}`)
  return err
}

describe('ethers v6 against mosaic-node dev', () => {
  let node: DevNode
  let provider: JsonRpcProvider
  let deployer: Wallet
  let alice: Wallet
  let bob: Wallet
  let tokenArtifact: CompiledContract
  let reverterArtifact: CompiledContract
  let token: Contract
  let tokenAddress: string
  let reverter: Contract
  const checks = new ResultChecks()

  before(async () => {
    tokenArtifact = compileContract('Token')
    reverterArtifact = compileContract('Reverter')
    node = await startDevNode()
    const network = Network.from(DEV_CHAIN_ID)
    // Every result ethers receives from a spec method is checked against the execution-apis schemas.
    const request = new FetchRequest(node.url)
    if (target === 'mosaic') {
      request.processFunc = async (req, res) => {
        if (req.body) checks.request(JSON.parse(Buffer.from(req.body).toString()))
        checks.response(res.bodyJson)
        return res
      }
    }
    provider = new JsonRpcProvider(request, network, {
      staticNetwork: network,
      pollingInterval: 200,
      cacheTimeout: -1,
    })
    deployer = new Wallet(DEV_KEYS[0], provider)
    alice = new Wallet(DEV_KEYS[1], provider)
    bob = new Wallet(DEV_KEYS[2], provider)
  })

  after(async () => {
    provider?.destroy()
    await node?.stop()
    if (target === 'mosaic') checks.assertAllFit()
  })

  test('chain id and funded dev accounts', async () => {
    assert.equal(await rpc(node.url, 'eth_chainId'), `0x${DEV_CHAIN_ID.toString(16)}`)
    assert.equal(await rpc(node.url, 'net_version'), String(DEV_CHAIN_ID))
    const accounts = await rpc<string[]>(node.url, 'eth_accounts')
    const expected = DEV_ADDRESSES.map((a) => a.toLowerCase())
    assert.deepEqual(
      accounts.slice(0, expected.length).map((a) => a.toLowerCase()),
      expected,
    )
    if (target === 'mosaic') assert.equal(accounts.length, 10)
    // Nothing has been sent from account 9 in this suite.
    assert.equal(await provider.getBalance(accounts[9]!), 10_000n * 10n ** 18n)
  })

  test('deploys the Token contract', async () => {
    const nonce = await provider.getTransactionCount(deployer.address, 'pending')
    const factory = new ContractFactory(ethersAbi(tokenArtifact), tokenArtifact.bytecode, deployer)
    const deployed = await factory.deploy('Mosaic Test Token', 'MTT', SUPPLY)
    const deployTx = deployed.deploymentTransaction()
    assert.ok(deployTx)
    const receipt = await deployTx.wait()
    assert.ok(receipt)
    assert.equal(receipt.status, 1)
    tokenAddress = await deployed.getAddress()
    assert.equal(tokenAddress, getCreateAddress({ from: deployer.address, nonce }))
    assert.equal(receipt.contractAddress, tokenAddress)
    assert.equal(receipt.to, null)

    const code = await provider.getCode(tokenAddress)
    assert.ok(code.length > 2, 'runtime code is stored')
    assert.equal(code, tokenArtifact.deployedBytecode)

    token = new Contract(tokenAddress, ethersAbi(tokenArtifact), deployer)
    assert.equal(await token.getFunction('name')(), 'Mosaic Test Token')
    assert.equal(await token.getFunction('symbol')(), 'MTT')
    assert.equal(await token.getFunction('decimals')(), 18n)
    assert.equal(await token.getFunction('totalSupply')(), SUPPLY)
    assert.equal(await token.getFunction('balanceOf')(deployer.address), SUPPLY)

    // The constructor's mint is a Transfer from the zero address in the deployment receipt.
    assert.equal(receipt.logs.length, 1)
    const mint = token.interface.parseLog(receipt.logs[0]!)
    assert.equal(mint?.name, 'Transfer')
    assert.equal(mint?.args[0], ZeroAddress)
    assert.equal(mint?.args[1], deployer.address)
    assert.equal(mint?.args[2], SUPPLY)

    const reverterDeployed = await new ContractFactory(
      ethersAbi(reverterArtifact),
      reverterArtifact.bytecode,
      deployer,
    ).deploy()
    await reverterDeployed.waitForDeployment()
    reverter = new Contract(await reverterDeployed.getAddress(), ethersAbi(reverterArtifact), deployer)
  })

  test('transfer moves balances and the receipt has every field', async () => {
    const amount = 1234n * 10n ** 18n
    const tx = await token.getFunction('transfer').send(alice.address, amount)
    const receipt = await tx.wait()
    assert.ok(receipt)
    assert.equal(receipt.status, 1)
    assert.equal(await token.getFunction('balanceOf')(alice.address), amount)
    assert.equal(await token.getFunction('balanceOf')(deployer.address), SUPPLY - amount)

    const raw = await rpc<RawReceipt>(node.url, 'eth_getTransactionReceipt', [tx.hash])
    assert.equal(raw.transactionHash, tx.hash)
    assert.match(raw.blockHash, HASH)
    assert.equal(raw.blockHash, receipt.blockHash)
    assert.match(raw.blockNumber, HEX_QUANTITY)
    assert.equal(Number(raw.blockNumber), receipt.blockNumber)
    assert.match(raw.transactionIndex, HEX_QUANTITY)
    assert.equal(raw.from.toLowerCase(), deployer.address.toLowerCase())
    assert.equal(raw.to?.toLowerCase(), tokenAddress.toLowerCase())
    assert.equal(raw.contractAddress, null)
    assert.equal(raw.status, '0x1')
    assert.equal(raw.type, '0x2')
    for (const k of ['gasUsed', 'cumulativeGasUsed', 'effectiveGasPrice'] as const) {
      assert.match(raw[k], HEX_QUANTITY, k)
    }
    const gasUsed = BigInt(raw.gasUsed)
    assert.ok(gasUsed > 21_000n && gasUsed < 100_000n, `token transfer gasUsed ${gasUsed}`)
    assert.ok(BigInt(raw.cumulativeGasUsed) >= gasUsed)
    assert.ok(BigInt(raw.effectiveGasPrice) > 0n)
    assert.match(raw.logsBloom, /^0x[0-9a-f]{512}$/)
    assert.notEqual(BigInt(raw.logsBloom), 0n, 'bloom has the Transfer log')

    assert.equal(raw.logs.length, 1)
    const log = raw.logs[0]!
    assert.equal(log.address.toLowerCase(), tokenAddress.toLowerCase())
    assert.deepEqual(log.topics, [
      TRANSFER_TOPIC,
      zeroPadValue(deployer.address, 32).toLowerCase(),
      zeroPadValue(alice.address, 32).toLowerCase(),
    ])
    assert.equal(BigInt(log.data), amount)
    assert.equal(log.blockHash, raw.blockHash)
    assert.equal(log.blockNumber, raw.blockNumber)
    assert.equal(log.transactionHash, tx.hash)
    assert.equal(log.transactionIndex, raw.transactionIndex)
    assert.match(log.logIndex, HEX_QUANTITY)
    assert.equal(log.removed, false)

    // The transaction as the node reports it.
    const fetched = await provider.getTransaction(tx.hash)
    assert.ok(fetched)
    assert.equal(fetched.hash, tx.hash)
    assert.equal(fetched.from, deployer.address)
    assert.equal(fetched.to, tokenAddress)
    assert.equal(fetched.nonce, tx.nonce)
    assert.equal(fetched.data, tx.data)
    assert.equal(fetched.chainId, BigInt(DEV_CHAIN_ID))
    assert.equal(fetched.blockHash, receipt.blockHash)
    assert.equal(fetched.blockNumber, receipt.blockNumber)
    assert.equal(fetched.index, receipt.index)
  })

  test('getLogs and queryFilter honour address and topic filters', async () => {
    // Earlier tests' transfers are at or below the current head.
    const fromBlock = (await provider.getBlockNumber()) + 1
    const sends = [
      { from: deployer, to: bob.address, amount: 10n },
      { from: deployer, to: alice.address, amount: 20n },
      { from: alice, to: bob.address, amount: 30n },
      { from: deployer, to: bob.address, amount: 40n },
    ]
    const receipts = []
    for (const s of sends) {
      const tx = await (token.connect(s.from) as Contract).getFunction('transfer').send(s.to, s.amount)
      receipts.push(await tx.wait())
    }
    const toBlock = Math.max(...receipts.map((r) => r!.blockNumber))

    const fromDeployerToBob = await token.queryFilter(
      token.filters.Transfer!(deployer.address, bob.address),
      fromBlock,
      toBlock,
    )
    assert.deepEqual(
      fromDeployerToBob.map((e) => ('args' in e ? e.args[2] : undefined)),
      [10n, 40n],
    )

    const toBob = await token.queryFilter(token.filters.Transfer!(null, bob.address), fromBlock, toBlock)
    assert.deepEqual(
      toBob.map((e) => ('args' in e ? e.args[2] : undefined)),
      [10n, 30n, 40n],
    )

    // Raw topic filter: any sender, alice as recipient, straight through eth_getLogs.
    const toAlice = await provider.getLogs({
      address: tokenAddress,
      topics: [TRANSFER_TOPIC, null, zeroPadValue(alice.address, 32)],
      fromBlock,
      toBlock,
    })
    assert.equal(toAlice.length, 1)
    assert.equal(BigInt(toAlice[0]!.data), 20n)

    // OR of recipients in one topic position.
    const either = await provider.getLogs({
      address: tokenAddress,
      topics: [TRANSFER_TOPIC, null, [zeroPadValue(alice.address, 32), zeroPadValue(bob.address, 32)]],
      fromBlock,
      toBlock,
    })
    assert.equal(either.length, 4)
    // Logs come in chain order.
    for (let i = 1; i < either.length; i++) {
      const a = either[i - 1]!
      const b = either[i]!
      assert.ok(a.blockNumber < b.blockNumber || (a.blockNumber === b.blockNumber && a.index < b.index))
    }

    // Another contract's address matches nothing.
    const none = await provider.getLogs({ address: await reverter.getAddress(), fromBlock, toBlock })
    assert.equal(none.length, 0)

    // By block hash.
    const last = receipts[receipts.length - 1]!
    const byHash = await provider.getLogs({ blockHash: last.blockHash, address: tokenAddress })
    assert.ok(byHash.some((l) => l.transactionHash === last.hash))
    assert.ok(byHash.every((l) => l.blockHash === last.blockHash))
  })

  test('revert reasons from eth_call', async () => {
    // bob holds 80 token units; asking for more must revert with the require message.
    const bobToken = token.connect(bob) as Contract
    await assert.rejects(bobToken.getFunction('transfer').staticCall(alice.address, 10n ** 30n), (err) => {
      const e = callException(err)
      assert.equal(e.reason, 'insufficient balance')
      assert.equal(e.revert?.name, 'Error')
      return true
    })

    // The same call raw: code 3 with ABI-encoded Error(string) in data, as geth answers.
    const data = token.interface.encodeFunctionData('transfer', [alice.address, 10n ** 30n])
    await assert.rejects(
      rpc(node.url, 'eth_call', [{ from: bob.address, to: tokenAddress, data }, 'latest']),
      (err) => {
        const e = err as { code?: number; data?: unknown; message: string }
        if (target === 'mosaic') assert.equal(e.code, 3, e.message)
        assert.equal(typeof e.data, 'string')
        const decoded = token.interface.parseError(e.data as string)
        assert.equal(decoded?.name, 'Error')
        assert.equal(decoded?.args[0], 'insufficient balance')
        return true
      },
    )

    await assert.rejects(reverter.getFunction('failRequire').staticCall(), (err) => {
      assert.equal(callException(err).reason, 'reverter: always fails')
      return true
    })

    await assert.rejects(reverter.getFunction('failCustom').staticCall(42n), (err) => {
      const e = callException(err)
      assert.equal(e.revert?.name, 'Unauthorized')
      assert.equal(e.revert?.args[0], deployer.address)
      assert.equal(e.revert?.args[1], 42n)
      return true
    })

    await assert.rejects(reverter.getFunction('failPanic').staticCall(0n), (err) => {
      const e = callException(err)
      assert.equal(e.revert?.name, 'Panic')
      assert.equal(Number(e.revert?.args[0]), 0x12, 'division by zero')
      return true
    })

    await assert.rejects(reverter.getFunction('failBare').staticCall(), (err) => {
      // No revert data at all; ethers words that as 'require(false)'.
      const e = callException(err)
      assert.equal(e.data, '0x')
      assert.equal(e.revert, null)
      return true
    })
  })

  test('a reverting transaction is mined with status 0 and replays with its reason', async () => {
    const bobToken = token.connect(bob) as Contract
    const bobBalanceBefore = await bobToken.getFunction('balanceOf')(bob.address)
    const ethBefore = await provider.getBalance(bob.address)
    const nonceBefore = await provider.getTransactionCount(bob.address, 'latest')

    // An explicit gas limit skips estimateGas, so the node must accept and mine the failing tx.
    const tx = await bobToken.getFunction('transfer').send(alice.address, 10n ** 30n, { gasLimit: 200_000n })
    let failedReceipt:
      | { status: number | null; blockNumber: number; gasUsed: bigint; gasPrice: bigint }
      | undefined
    await assert.rejects(tx.wait(), (err) => {
      const e = callException(err)
      assert.ok(e.receipt, 'error carries the receipt')
      assert.equal(e.receipt.status, 0)
      assert.equal(e.receipt.hash, tx.hash)
      failedReceipt = e.receipt
      return true
    })
    assert.ok(failedReceipt)

    const raw = await rpc<RawReceipt>(node.url, 'eth_getTransactionReceipt', [tx.hash])
    assert.equal(raw.status, '0x0')
    assert.equal(raw.logs.length, 0)
    const gasUsed = BigInt(raw.gasUsed)
    assert.ok(gasUsed > 21_000n && gasUsed < 200_000n, `reverted gasUsed ${gasUsed}`)

    // Nothing moved except the fee, and the nonce was used.
    assert.equal(await bobToken.getFunction('balanceOf')(bob.address), bobBalanceBefore)
    assert.equal(await provider.getTransactionCount(bob.address, 'latest'), nonceBefore + 1)
    assert.equal(await provider.getBalance(bob.address), ethBefore - gasUsed * BigInt(raw.effectiveGasPrice))

    // Replaying the transaction as a call on the parent block shows why it failed.
    await assert.rejects(
      provider.call({
        from: bob.address,
        to: tx.to,
        data: tx.data,
        gasLimit: tx.gasLimit,
        blockTag: failedReceipt.blockNumber - 1,
      }),
      (err) => {
        const e = callException(err)
        assert.equal(e.reason, 'insufficient balance')
        return true
      },
    )

    // State written before the revert is rolled back.
    const counterBefore = await reverter.getFunction('counter')()
    const bump = await reverter.getFunction('bumpThenFail').send(true, { gasLimit: 200_000n })
    await assert.rejects(bump.wait(), (err) => callException(err).receipt?.status === 0)
    assert.equal(await reverter.getFunction('counter')(), counterBefore)
    const ok = await reverter.getFunction('bumpThenFail').send(false)
    assert.equal((await ok.wait())?.status, 1)
    assert.equal(await reverter.getFunction('counter')(), counterBefore + 1n)
  })

  test('estimateGas is enough and not absurd', async () => {
    const fresh = Wallet.createRandom().address
    const estimate = await token.getFunction('transfer').estimateGas(fresh, 5n)
    // A transfer to a fresh holder writes a new storage slot: well above 21000, below 100k.
    assert.ok(estimate > 21_000n, `estimate ${estimate}`)
    assert.ok(estimate < 100_000n, `estimate ${estimate}`)
    const tx = await token.getFunction('transfer').send(fresh, 5n, { gasLimit: estimate })
    const receipt = await tx.wait()
    assert.equal(receipt?.status, 1)
    assert.ok(receipt.gasUsed <= estimate)
    assert.equal(await token.getFunction('balanceOf')(fresh), 5n)

    // A plain value transfer costs 21000; binary searches may land a little above.
    const plain = await provider.estimateGas({ from: deployer.address, to: fresh, value: 1n })
    assert.ok(plain >= 21_000n && plain < 23_000n, `plain transfer estimate ${plain}`)

    // Estimating a reverting call fails with the reason instead of returning a number.
    await assert.rejects(
      (token.connect(bob) as Contract).getFunction('transfer').estimateGas(alice.address, 10n ** 30n),
      (err) => {
        assert.equal(callException(err).reason, 'insufficient balance')
        return true
      },
    )
  })

  test('nonces stay right across several quick sends', async () => {
    const sender = new Wallet(DEV_KEYS[3], provider)
    const to = Wallet.createRandom().address
    const start = await provider.getTransactionCount(sender.address, 'latest')

    // Sequential sends without waiting for inclusion: each one reads the pending nonce.
    const sequential = []
    for (let i = 0; i < 4; i++) sequential.push(await sender.sendTransaction({ to, value: 1n }))
    assert.deepEqual(
      sequential.map((t) => t.nonce),
      [start, start + 1, start + 2, start + 3],
    )
    assert.equal(await provider.getTransactionCount(sender.address, 'pending'), start + 4)

    // Concurrent sends through a NonceManager: all accepted, nonces without gaps.
    const managed = new NonceManager(sender)
    const concurrent = await Promise.all(
      Array.from({ length: 6 }, () => managed.sendTransaction({ to, value: 1n })),
    )
    assert.deepEqual(
      concurrent.map((t) => t.nonce).sort((a, b) => a - b),
      Array.from({ length: 6 }, (_, i) => start + 4 + i),
    )

    const receipts = await Promise.all([...sequential, ...concurrent].map((t) => t.wait()))
    assert.ok(receipts.every((r) => r?.status === 1))
    assert.equal(await provider.getTransactionCount(sender.address, 'latest'), start + 10)
    assert.equal(await provider.getBalance(to), 10n)
  })

  test('blocks carry their transactions, link by parent hash and name one miner', async () => {
    const tx = await deployer.sendTransaction({ to: alice.address, value: 7n })
    const receipt = await tx.wait()
    assert.ok(receipt)

    const block = await provider.getBlock(receipt.blockNumber, true)
    assert.ok(block)
    assert.equal(block.hash, receipt.blockHash)
    assert.equal(block.number, receipt.blockNumber)
    assert.ok(block.transactions.includes(tx.hash))
    const full = block.prefetchedTransactions.find((t) => t.hash === tx.hash)
    assert.ok(full, 'full transaction objects with hydrated=true')
    assert.equal(full.from, deployer.address)
    assert.equal(full.value, 7n)
    assert.equal(full.index, receipt.index)
    assert.ok(block.gasUsed >= receipt.gasUsed)
    assert.ok(block.gasLimit > block.gasUsed)
    assert.ok(block.baseFeePerGas !== null && block.baseFeePerGas > 0n)

    const byHash = await provider.getBlock(receipt.blockHash)
    assert.equal(byHash?.number, receipt.blockNumber)
    const parent = await provider.getBlock(receipt.blockNumber - 1)
    assert.ok(parent)
    assert.equal(block.parentHash, parent.hash)
    assert.ok(block.timestamp >= parent.timestamp)

    // Unknown blocks and transactions are null, not errors.
    assert.equal(await provider.getBlock(receipt.blockNumber + 1_000_000), null)
    assert.equal(await provider.getTransactionReceipt(`0x${'ab'.repeat(32)}`), null)

    // One validator seals every block; it is a real address, not zero.
    await waitForBlock(node.url, receipt.blockNumber + 1)
    const head = await provider.getBlockNumber()
    const numbers = new Set<number>([1, 2, Math.floor(head / 2), head - 1, head])
    const blocks: Block[] = []
    for (const n of numbers) {
      const b = await provider.getBlock(n)
      assert.ok(b, `block ${n}`)
      blocks.push(b)
    }
    const miner = blocks[0]!.miner
    assert.notEqual(miner, ZeroAddress)
    for (const b of blocks) assert.equal(b.miner, miner, `miner of block ${b.number}`)
    if (target === 'mosaic') {
      const banner = /validator\s+(0x[0-9a-fA-F]{40})/.exec(node.stdout())
      assert.ok(banner, 'banner names the validator')
      assert.equal(miner.toLowerCase(), banner[1]!.toLowerCase())
    }
  })
})
