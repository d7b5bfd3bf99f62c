// The bridge contracts (consensus/contracts: Gateway, CoGateway, MessageBus, UtilityToken) on two real
// Hardhat chains: one is the origin (Stake, Core with a started kernel, a base ValueToken, another
// ValueToken, the Gateway), the other stands for the aux chain (OriginRoots and CoGateway predeployed
// from genesis' own alloc, predeployAlloc). The roots each side trusts are written as the protocol
// writes them: aux state roots committed to Core with the kernel's real vote signatures over a header
// carrying the aux block's real state root; origin state roots written straight into OriginRoots'
// storage, as the node does at block start. Every proof is eth_getProof output of the other chain.
// Gas per step is printed at the end (the README's bridge table comes from it).
import assert from 'node:assert/strict'
import { randomBytes } from 'node:crypto'
import { after, before, describe, it } from 'node:test'
import { createBlockHeader } from '@ethereumjs/block'
import { Common, Hardfork, Mainnet } from '@ethereumjs/common'
import { pino } from 'pino'
import {
  type Abi,
  type Address,
  BaseError,
  type Chain,
  ContractFunctionRevertedError,
  concat,
  createPublicClient,
  createTestClient,
  createWalletClient,
  defineChain,
  encodeAbiParameters,
  getAddress,
  getContractAddress,
  type Hex,
  http,
  keccak256,
  type PublicClient,
  parseEther,
  parseEventLogs,
  type TestClient,
  type TransactionReceipt,
  type Transport,
  toHex,
} from 'viem'
import { generatePrivateKey, type PrivateKeyAccount, privateKeyToAccount } from 'viem/accounts'
import {
  bridgeErrorsAbi,
  coGatewayAbi,
  deployOrigin,
  gatewayAbi,
  type HardhatOrigin,
  OriginClient,
  type OriginDeployment,
  originRootsAbi,
  signVote,
  startHardhatOrigin,
  utilityTokenAbi,
  utilityTokenBytecode,
  valueTokenAbi,
  valueTokenBytecode,
} from '../../consensus/index.ts'
import {
  CO_GATEWAY_ADDRESS,
  CO_GATEWAY_DEV_RESERVE,
  ORIGIN_ROOTS_ADDRESS,
  ORIGIN_ROOTS_LATEST_SLOT,
  ORIGIN_ROOTS_MAP_SLOT,
  predeployAlloc,
} from '../../genesis/index.ts'
import { DEV_KEYS } from '../helpers/node.ts'

const AUX_CHAIN_ID = 1515n
const EPOCH = 1n
const STAKE_UNIT = parseEther('1000')
const ZERO_HASH: Hex = `0x${'00'.repeat(32)}`
const FEE_GAS_PRICE = 1_000_000_000n
const FEE_GAS_LIMIT = 200_000n
const FEE = FEE_GAS_PRICE * FEE_GAS_LIMIT
const AMOUNT = parseEther('100')
const Status = { Undeclared: 0, Declared: 1, Progressed: 2, RevocationDeclared: 3, Revoked: 4 } as const

const keys = DEV_KEYS.map((k) => privateKeyToAccount(k))
const deployer = keys[0]!
/** The first kernel: accounts 1-4. Votes are signed with their keys, ascending by address. */
const validators = [1, 2, 3, 4]
  .map((i) => ({ account: keys[i]!, key: DEV_KEYS[i]! }))
  .sort((a, b) => (a.account.address.toLowerCase() < b.account.address.toLowerCase() ? -1 : 1))
const staker = keys[6]!
const facilitator = keys[7]!
const common = new Common({ chain: Mainnet, hardfork: Hardfork.Prague })

const gatewayCalls = [...gatewayAbi, ...bridgeErrorsAbi] as Abi
const coGatewayCalls = [...coGatewayAbi, ...bridgeErrorsAbi] as Abi
const word = (n: bigint): Hex => toHex(n, { size: 32 })
const typeHash = (type: string): Hex => keccak256(toHex(type))

/** GATEWAY-SPEC.md's message hash of a stake, computed here to check the contracts against the spec. */
function stakeMessageHash(m: Omit<Declared, 'hash' | 'block'>, gatewayAddress: Address): Hex {
  const intent = keccak256(
    encodeAbiParameters(
      [
        { type: 'bytes32' },
        { type: 'address' },
        { type: 'uint256' },
        { type: 'address' },
        { type: 'address' },
      ],
      [
        typeHash('StakeIntent(address valueToken,uint256 amount,address beneficiary,address gateway)'),
        m.valueToken,
        m.amount,
        m.beneficiary,
        gatewayAddress,
      ],
    ),
  )
  return keccak256(
    encodeAbiParameters(
      [
        { type: 'bytes32' },
        { type: 'bytes32' },
        { type: 'uint256' },
        { type: 'uint256' },
        { type: 'uint256' },
        { type: 'address' },
        { type: 'bytes32' },
      ],
      [
        typeHash(
          'Message(bytes32 intentHash,uint256 nonce,uint256 feeGasPrice,uint256 feeGasLimit,address sender,bytes32 hashLock)',
        ),
        intent,
        m.nonce,
        FEE_GAS_PRICE,
        FEE_GAS_LIMIT,
        m.sender,
        m.hashLock,
      ],
    ),
  )
}
/** The storage key of outbox[h] (mapping slot 0) or inbox[h] (slot 1) in either gateway. */
const slotOf = (h: Hex, mappingSlot: 0n | 1n): Hex => keccak256(concat([h, word(mappingSlot)]))

interface Side {
  name: 'origin' | 'aux'
  url: string
  chain: Chain
  client: PublicClient<Transport, Chain>
  test: TestClient
}

interface Call {
  address: Address
  abi: Abi
  functionName: string
  args?: readonly unknown[]
  value?: bigint
}

interface Proof {
  blockNumber: bigint
  accountProof: Hex[]
  storageProof: Hex[]
}

/** Messages as stake/redeem declare them: everything a confirmation on the other side passes again. */
interface Declared {
  hash: Hex
  sender: Address
  nonce: bigint
  valueToken: Address
  amount: bigint
  beneficiary: Address
  hashLock: Hex
  /** The block of the declaring transaction. */
  block: bigint
}

describe('gateways on a Hardhat origin and a Hardhat aux chain', { timeout: 300_000 }, () => {
  let originNode: HardhatOrigin
  let auxNode: HardhatOrigin
  let origin: Side
  let aux: Side
  let deployment: OriginDeployment
  let committer: OriginClient
  let gateway: Address
  /** The base token (native coin on aux) and another value token (a UtilityToken on aux). */
  let baseToken: Address
  let otherToken: Address
  const gas = new Map<string, bigint[]>()
  let lastCommitted = 0n
  /** A stake the forged-proofs test leaves unconfirmable (a later nonce was confirmed first). */
  let skipped: Declared | undefined

  function side(name: Side['name'], node: HardhatOrigin): Side {
    const chain = defineChain({
      id: node.chainId,
      name,
      nativeCurrency: { name: 'Ether', symbol: 'ETH', decimals: 18 },
      rpcUrls: { default: { http: [node.url] } },
    })
    return {
      name,
      url: node.url,
      chain,
      client: createPublicClient({ chain, transport: http(node.url), pollingInterval: 50 }),
      test: createTestClient({ chain, mode: 'hardhat', transport: http(node.url) }),
    }
  }

  /** Sends `call` as `who` and waits for success; records its gas under `step` when given. */
  async function send(
    on: Side,
    who: PrivateKeyAccount,
    call: Call,
    step?: string,
  ): Promise<TransactionReceipt> {
    const wallet = createWalletClient({ account: who, chain: on.chain, transport: http(on.url) })
    const hash = await wallet.writeContract(call as Parameters<typeof wallet.writeContract>[0])
    const receipt = await on.client.waitForTransactionReceipt({ hash })
    assert.equal(receipt.status, 'success', `${call.functionName} on ${on.name}`)
    if (step !== undefined) gas.set(step, [...(gas.get(step) ?? []), receipt.gasUsed])
    return receipt
  }

  async function revertsWith(p: Promise<unknown>, errorName: string, args?: readonly unknown[]) {
    try {
      await p
    } catch (e) {
      const revert = e instanceof BaseError ? e.walk((c) => c instanceof ContractFunctionRevertedError) : null
      assert.ok(revert instanceof ContractFunctionRevertedError, `not a revert: ${String(e)}`)
      assert.equal(revert.data?.errorName, errorName, String(e))
      if (args !== undefined) assert.deepEqual(revert.data?.args ?? [], args)
      return
    }
    assert.fail(`expected a revert with ${errorName}`)
  }

  const read = <T>(on: Side, call: Omit<Call, 'value'>): Promise<T> =>
    on.client.readContract(call as Parameters<typeof on.client.readContract>[0]) as Promise<T>

  const gw = (functionName: string, args: readonly unknown[]): Call => ({
    address: gateway,
    abi: gatewayCalls,
    functionName,
    args,
  })
  const co = (functionName: string, args: readonly unknown[], value?: bigint): Call => ({
    address: CO_GATEWAY_ADDRESS,
    abi: coGatewayCalls,
    functionName,
    args,
    ...(value === undefined ? {} : { value }),
  })

  /** The protocol's write at aux block start: origin block `n`'s state root into OriginRoots. */
  async function trustOriginBlock(n: bigint): Promise<void> {
    const { stateRoot } = await origin.client.getBlock({ blockNumber: n })
    const mapKey = keccak256(concat([word(n), word(ORIGIN_ROOTS_MAP_SLOT)]))
    // Hardhat applies setStorageAt to the latest block's state in place, which then no longer matches
    // that block's state root: let the write land in an empty block no proof is taken at.
    await aux.test.mine({ blocks: 1 })
    await aux.test.setStorageAt({ address: ORIGIN_ROOTS_ADDRESS, index: mapKey, value: stateRoot })
    const latest = await read<bigint>(aux, {
      address: ORIGIN_ROOTS_ADDRESS,
      abi: originRootsAbi,
      functionName: 'latestBlockNumber',
    })
    if (n > latest)
      await aux.test.setStorageAt({
        address: ORIGIN_ROOTS_ADDRESS,
        index: word(ORIGIN_ROOTS_LATEST_SLOT),
        value: word(n),
      })
    // Later aux transactions (and proofs of aux state) see the write in a block of their own.
    await aux.test.mine({ blocks: 1 })
  }

  /** Commits aux block `n` to Core: a header with its real state root, signed by the whole kernel. */
  async function commitAuxBlock(n: bigint): Promise<void> {
    assert.ok(n > lastCommitted, 'Core takes commits in ascending order')
    const { stateRoot } = await aux.client.getBlock({ blockNumber: n })
    const header = createBlockHeader(
      { number: n, stateRoot, parentHash: toHex(randomBytes(32)), gasLimit: 100_000_000n },
      { common, skipConsensusFormatValidation: true },
    )
    const source = { hash: toHex(header.hash()), number: n }
    const target = { hash: toHex(randomBytes(32)), number: n + EPOCH }
    const signatures = validators.map(
      (v) =>
        signVote({ kernelHeight: 1n, source, target }, AUX_CHAIN_ID, Buffer.from(v.key.slice(2), 'hex'))
          .signature,
    )
    const result = await committer.commitMetaBlock({
      kernelHeight: 1n,
      sourceHeaderRlp: header.serialize(),
      targetHash: target.hash,
      targetNumber: target.number,
      signatures,
    })
    assert.equal(result.alreadyCommitted, false)
    lastCommitted = n
  }

  async function proofOf(on: Side, address: Address, slot: Hex, blockNumber: bigint): Promise<Proof> {
    const p = await on.client.getProof({ address, storageKeys: [slot], blockNumber })
    return { blockNumber, accountProof: p.accountProof, storageProof: p.storageProof[0]!.proof }
  }

  async function balanceOf(on: Side, token: Address, who: Address): Promise<bigint> {
    return read<bigint>(on, { address: token, abi: valueTokenAbi, functionName: 'balanceOf', args: [who] })
  }

  /** Approves and stakes `amount` of `valueToken` as `who`; returns the declared message. */
  async function stake(
    valueToken: Address,
    opts: { amount?: bigint; beneficiary?: Address; hashLock?: Hex; who?: PrivateKeyAccount } = {},
  ): Promise<Declared> {
    const who = opts.who ?? staker
    const amount = opts.amount ?? AMOUNT
    const beneficiary = opts.beneficiary ?? privateKeyToAccount(generatePrivateKey()).address
    const hashLock = opts.hashLock ?? ZERO_HASH
    await send(origin, who, {
      address: valueToken,
      abi: valueTokenAbi,
      functionName: 'approve',
      args: [gateway, amount],
    })
    const nonce = await read<bigint>(origin, gw('nonces', [who.address]))
    const receipt = await send(
      origin,
      who,
      gw('stake', [valueToken, amount, beneficiary, FEE_GAS_PRICE, FEE_GAS_LIMIT, nonce, hashLock]),
      'origin: Gateway.stake',
    )
    const [declared] = parseEventLogs({ abi: gatewayAbi, logs: receipt.logs, eventName: 'StakeDeclared' })
    assert.ok(declared)
    assert.equal(
      declared.args.messageHash,
      stakeMessageHash({ sender: who.address, nonce, valueToken, amount, beneficiary, hashLock }, gateway),
    )
    assert.deepEqual(declared.args, {
      messageHash: declared.args.messageHash,
      staker: who.address,
      nonce,
      valueToken,
      amount,
      beneficiary,
      feeGasPrice: FEE_GAS_PRICE,
      feeGasLimit: FEE_GAS_LIMIT,
      hashLock,
    })
    return {
      hash: declared.args.messageHash,
      sender: who.address,
      nonce,
      valueToken,
      amount,
      beneficiary,
      hashLock,
      block: receipt.blockNumber,
    }
  }

  /** Redeems on aux as `who`: the base token with the native coin, another through its utility token. */
  async function redeem(
    valueToken: Address,
    opts: { amount?: bigint; beneficiary?: Address; hashLock?: Hex; who?: PrivateKeyAccount } = {},
  ): Promise<Declared> {
    const who = opts.who ?? staker
    const amount = opts.amount ?? AMOUNT
    const beneficiary = opts.beneficiary ?? privateKeyToAccount(generatePrivateKey()).address
    const hashLock = opts.hashLock ?? ZERO_HASH
    const nonce = await read<bigint>(aux, co('nonces', [who.address]))
    const value = valueToken === baseToken ? amount : undefined
    const receipt = await send(
      aux,
      who,
      co('redeem', [valueToken, amount, beneficiary, FEE_GAS_PRICE, FEE_GAS_LIMIT, nonce, hashLock], value),
      valueToken === baseToken
        ? 'aux: CoGateway.redeem (native coin)'
        : 'aux: CoGateway.redeem (utility token)',
    )
    const [declared] = parseEventLogs({ abi: coGatewayAbi, logs: receipt.logs, eventName: 'RedeemDeclared' })
    assert.ok(declared)
    return {
      hash: declared.args.messageHash,
      sender: who.address,
      nonce,
      valueToken,
      amount,
      beneficiary,
      hashLock,
      block: receipt.blockNumber,
    }
  }

  const confirmArgs = (m: Declared, p: Proof): readonly unknown[] => [
    m.sender,
    m.nonce,
    m.valueToken,
    m.amount,
    m.beneficiary,
    FEE_GAS_PRICE,
    FEE_GAS_LIMIT,
    m.hashLock,
    p.blockNumber,
    p.accountProof,
    p.storageProof,
  ]

  /** A proof of Gateway.outbox[h] at origin block `at` (default: the declaring block), trusted on aux. */
  async function originOutboxProof(m: Declared, at = m.block): Promise<Proof> {
    await trustOriginBlock(at)
    return proofOf(origin, gateway, slotOf(m.hash, 0n), at)
  }

  /** A proof of CoGateway.outbox[h] at aux block `at` (default: the declaring block), committed to Core. */
  async function auxOutboxProof(m: Declared, at = m.block): Promise<Proof> {
    await commitAuxBlock(at)
    return proofOf(aux, CO_GATEWAY_ADDRESS, slotOf(m.hash, 0n), at)
  }

  /**
   * Base token locked on origin == native coin paid out of CoGateway's reserve, plus what is in flight:
   * stakes declared and not yet minted (or refunded), redeems paid in and not yet released (or refunded).
   */
  async function assertBaseConserved(inFlight = 0n): Promise<void> {
    const locked = await balanceOf(origin, baseToken, gateway)
    const reserve = await aux.client.getBalance({ address: CO_GATEWAY_ADDRESS })
    assert.equal(locked, CO_GATEWAY_DEV_RESERVE - reserve + inFlight)
  }

  before(async () => {
    ;[originNode, auxNode] = await Promise.all([startHardhatOrigin(), startHardhatOrigin()])
    origin = side('origin', originNode)
    aux = side('aux', auxNode)
    deployment = await deployOrigin({
      rpcUrl: originNode.url,
      deployerKey: DEV_KEYS[0],
      auxChainId: AUX_CHAIN_ID,
      epochLength: EPOCH,
      minStake: STAKE_UNIT,
      unbondingBlocks: 10n,
      validators: validators.map((v) => ({ address: v.account.address, stake: STAKE_UNIT })),
      fund: [{ address: staker.address, valueTokens: parseEther('1000000') }],
    })
    // deployOrigin's Gateway and base token are the bridge's; another value token is deployed here.
    gateway = getAddress(deployment.gateway)
    baseToken = getAddress(deployment.valueToken)
    committer = new OriginClient(
      {
        rpcUrl: originNode.url,
        core: deployment.core,
        stake: deployment.stake,
        key: Buffer.from(DEV_KEYS[5].slice(2), 'hex'),
      },
      { logger: pino({ level: 'silent' }) },
    )
    const wallet = createWalletClient({ account: deployer, chain: origin.chain, transport: http(origin.url) })
    const deployed = await wallet.deployContract({
      abi: valueTokenAbi,
      bytecode: valueTokenBytecode,
      args: ['Other', 'OTH', parseEther('1000000000')],
    })
    otherToken = getAddress(
      (await origin.client.waitForTransactionReceipt({ hash: deployed })).contractAddress!,
    )
    await send(origin, deployer, {
      address: otherToken,
      abi: valueTokenAbi,
      functionName: 'transfer',
      args: [staker.address, parseEther('1000000')],
    })

    // Genesis' alloc for the predeploys, applied to the aux Hardhat chain.
    const alloc = predeployAlloc({ gateway, baseToken, reserve: CO_GATEWAY_DEV_RESERVE }) as Record<
      string,
      { code: Hex; balance: Hex; storage?: Record<Hex, Hex> }
    >
    for (const [address, account] of Object.entries(alloc)) {
      const at = `0x${address}` as Address
      await aux.test.setCode({ address: at, bytecode: account.code })
      await aux.test.setBalance({ address: at, value: BigInt(account.balance) })
      for (const [index, value] of Object.entries(account.storage ?? {}))
        await aux.test.setStorageAt({ address: at, index: index as Hex, value: value as Hex })
    }
    await aux.test.mine({ blocks: 1 })
  })

  after(async () => {
    await Promise.all([originNode?.stop(), auxNode?.stop()])
    const rows = [...gas].map(([step, used]) => {
      const sorted = [...used].sort((a, b) => (a < b ? -1 : 1))
      const range = sorted[0] === sorted.at(-1) ? `${sorted[0]}` : `${sorted[0]}-${sorted.at(-1)}`
      return `| ${step} | ${range} |`
    })
    console.log(['gas per step (gasUsed):', '| step | gas |', '|---|---|', ...rows].join('\n'))
  })

  it('genesis configures CoGateway: gateway, base token, reserve; no utility token yet', async () => {
    assert.equal(await read<Address>(aux, co('gateway', [])), gateway)
    assert.equal(await read<Address>(aux, co('baseToken', [])), baseToken)
    assert.equal(await aux.client.getBalance({ address: CO_GATEWAY_ADDRESS }), CO_GATEWAY_DEV_RESERVE)
    assert.equal(
      await read<Address>(aux, co('utilityTokenOf', [otherToken])),
      '0x0000000000000000000000000000000000000000',
    )
    assert.equal(await read<Address>(origin, gw('coGateway', [])), CO_GATEWAY_ADDRESS)
    assert.equal((await read<Address>(origin, gw('core', []))).toLowerCase(), deployment.core.toLowerCase())
  })

  it('deposit of the base token: minted as native coin to the beneficiary, fee to the facilitator', async () => {
    const m = await stake(baseToken)
    assert.equal(await read<number>(origin, gw('outbox', [m.hash])), Status.Declared)
    assert.deepEqual(await read<unknown>(origin, gw('messages', [m.hash])), [
      staker.address,
      baseToken,
      m.beneficiary,
      AMOUNT,
      0n,
      ZERO_HASH,
    ])
    const proof = await originOutboxProof(m)
    const before = await aux.client.getBalance({ address: facilitator.address })
    const receipt = await send(
      aux,
      facilitator,
      co('confirmStakeIntent', confirmArgs(m, proof)),
      'aux: CoGateway.confirmStakeIntent + mint (native coin)',
    )
    const events = parseEventLogs({ abi: coGatewayAbi, logs: receipt.logs })
    assert.deepEqual(
      events.map((e) => e.eventName),
      ['StakeConfirmed', 'MintProgressed'],
    )
    assert.deepEqual(events[1]!.args, {
      messageHash: m.hash,
      beneficiary: m.beneficiary,
      minted: AMOUNT - FEE,
      facilitator: facilitator.address,
      fee: FEE,
    })
    assert.equal(await aux.client.getBalance({ address: m.beneficiary }), AMOUNT - FEE)
    assert.equal(
      await aux.client.getBalance({ address: facilitator.address }),
      before + FEE - receipt.gasUsed * receipt.effectiveGasPrice,
    )
    assert.equal(await read<number>(aux, co('inbox', [m.hash])), Status.Progressed)
    await assertBaseConserved()

    // Replayed: the inbox is past Undeclared.
    await revertsWith(
      send(aux, facilitator, co('confirmStakeIntent', confirmArgs(m, proof))),
      'WrongStatus',
      [m.hash, Status.Progressed],
    )

    // The origin side closes once Core holds an aux root at or after the mint.
    const inboxSlot = slotOf(m.hash, 1n)
    await commitAuxBlock(receipt.blockNumber)
    const progressed = await proofOf(aux, CO_GATEWAY_ADDRESS, inboxSlot, receipt.blockNumber)
    await send(
      origin,
      facilitator,
      gw('progressStake', [m.hash, progressed.blockNumber, progressed.accountProof, progressed.storageProof]),
      'origin: Gateway.progressStake',
    )
    assert.equal(await read<number>(origin, gw('outbox', [m.hash])), Status.Progressed)
  })

  it('deposit of another token: a UtilityToken at its CREATE2 address, minted; the supply is conserved', async () => {
    const m = await stake(otherToken)
    const proof = await originOutboxProof(m)
    await send(
      aux,
      facilitator,
      co('confirmStakeIntent', confirmArgs(m, proof)),
      'aux: CoGateway.confirmStakeIntent + mint (first utility token, created)',
    )
    const expected = getContractAddress({
      opcode: 'CREATE2',
      from: CO_GATEWAY_ADDRESS,
      salt: word(BigInt(otherToken)),
      bytecode: concat([utilityTokenBytecode, encodeAbiParameters([{ type: 'address' }], [otherToken])]),
    })
    const utility = await read<Address>(aux, co('utilityTokenOf', [otherToken]))
    assert.equal(utility, expected)
    const ut = (functionName: string, args: readonly unknown[] = []): Omit<Call, 'value'> => ({
      address: utility,
      abi: utilityTokenAbi,
      functionName,
      args,
    })
    assert.equal(await read<Address>(aux, ut('valueToken')), otherToken)
    assert.equal(await read<bigint>(aux, ut('balanceOf', [m.beneficiary])), AMOUNT - FEE)
    assert.equal(await read<bigint>(aux, ut('balanceOf', [facilitator.address])), FEE)

    const again = await stake(otherToken)
    await send(
      aux,
      facilitator,
      co('confirmStakeIntent', confirmArgs(again, await originOutboxProof(again))),
      'aux: CoGateway.confirmStakeIntent + mint (utility token)',
    )
    assert.equal(await read<bigint>(aux, ut('totalSupply')), 2n * AMOUNT)
    assert.equal(await balanceOf(origin, otherToken, gateway), 2n * AMOUNT)
    // Only CoGateway mints.
    await revertsWith(
      send(aux, staker, { ...ut('mint', [staker.address, 1n]), abi: utilityTokenAbi }),
      'OnlyCoGateway',
    )
  })

  it('withdraw of the native coin: released on origin only once Core holds the aux block of the redeem', async () => {
    const before = await aux.client.getBalance({ address: CO_GATEWAY_ADDRESS })
    const m = await redeem(baseToken)
    assert.equal(await aux.client.getBalance({ address: CO_GATEWAY_ADDRESS }), before + AMOUNT)
    await assertBaseConserved(AMOUNT)
    const slot = slotOf(m.hash, 0n)
    const early = await proofOf(aux, CO_GATEWAY_ADDRESS, slot, m.block)
    // Not committed yet: no trusted root for the redeem's block.
    await revertsWith(
      send(origin, facilitator, gw('confirmRedeemIntent', confirmArgs(m, early))),
      'UnknownStateRoot',
      [m.block],
    )
    // The last committed root predates the redeem: the slot is empty there.
    const stale = await proofOf(aux, CO_GATEWAY_ADDRESS, slot, lastCommitted)
    await revertsWith(
      send(origin, facilitator, gw('confirmRedeemIntent', confirmArgs(m, stale))),
      'ProofMismatch',
      [0n, BigInt(Status.Declared)],
    )

    const proof = await auxOutboxProof(m)
    const facilitatorBefore = await balanceOf(origin, baseToken, facilitator.address)
    const receipt = await send(
      origin,
      facilitator,
      gw('confirmRedeemIntent', confirmArgs(m, proof)),
      'origin: Gateway.confirmRedeemIntent + release',
    )
    assert.deepEqual(
      parseEventLogs({ abi: gatewayAbi, logs: receipt.logs }).map((e) => e.eventName),
      ['RedeemConfirmed', 'UnstakeProgressed'],
    )
    assert.equal(await balanceOf(origin, baseToken, m.beneficiary), AMOUNT - FEE)
    assert.equal(await balanceOf(origin, baseToken, facilitator.address), facilitatorBefore + FEE)
    assert.equal(await read<number>(origin, gw('inbox', [m.hash])), Status.Progressed)
    await assertBaseConserved()
    await revertsWith(
      send(origin, facilitator, gw('confirmRedeemIntent', confirmArgs(m, proof))),
      'WrongStatus',
      [m.hash, Status.Progressed],
    )

    // The aux side closes against the origin root of the release.
    await trustOriginBlock(receipt.blockNumber)
    const released = await proofOf(origin, gateway, slotOf(m.hash, 1n), receipt.blockNumber)
    await send(
      aux,
      facilitator,
      co('progressRedeem', [m.hash, released.blockNumber, released.accountProof, released.storageProof]),
      'aux: CoGateway.progressRedeem',
    )
    assert.equal(await read<number>(aux, co('outbox', [m.hash])), Status.Progressed)
  })

  it('withdraw of a utility token: burned on aux, the value token released on origin', async () => {
    const utility = await read<Address>(aux, co('utilityTokenOf', [otherToken]))
    // The staker got utility tokens by depositing to itself.
    const own = await stake(otherToken, { beneficiary: staker.address })
    await send(aux, facilitator, co('confirmStakeIntent', confirmArgs(own, await originOutboxProof(own))))
    const supply = await read<bigint>(aux, {
      address: utility,
      abi: utilityTokenAbi,
      functionName: 'totalSupply',
    })
    const m = await redeem(otherToken, { amount: parseEther('50') })
    assert.equal(
      await read<bigint>(aux, { address: utility, abi: utilityTokenAbi, functionName: 'totalSupply' }),
      supply - parseEther('50'),
    )
    await send(origin, facilitator, gw('confirmRedeemIntent', confirmArgs(m, await auxOutboxProof(m))))
    assert.equal(await balanceOf(origin, otherToken, m.beneficiary), parseEther('50') - FEE)
    assert.equal(
      await balanceOf(origin, otherToken, gateway),
      await read<bigint>(aux, { address: utility, abi: utilityTokenAbi, functionName: 'totalSupply' }),
    )
    // More than the caller holds cannot be burned.
    const nonce = await read<bigint>(aux, co('nonces', [facilitator.address]))
    await revertsWith(
      send(
        aux,
        facilitator,
        co('redeem', [otherToken, AMOUNT * 10n, staker.address, 0n, 0n, nonce, ZERO_HASH]),
      ),
      'InsufficientBalance',
    )
  })

  it('rejects forged and misrooted proofs, unknown roots, wrong nonces and bad terms; nothing is minted', async () => {
    const m = await stake(baseToken)
    const proof = await originOutboxProof(m)
    const confirm = (msg: Declared, p: Proof) =>
      send(aux, facilitator, co('confirmStakeIntent', confirmArgs(msg, p)))

    // A node of the account proof or of the storage proof altered.
    const flip = (nodes: Hex[], i: number): Hex[] =>
      nodes.map((n, j) => (j === i ? (`${n.slice(0, -2)}${n.slice(-2) === '00' ? '01' : '00'}` as Hex) : n))
    await revertsWith(confirm(m, { ...proof, accountProof: flip(proof.accountProof, 0) }), 'RootMismatch')
    await revertsWith(
      confirm(m, { ...proof, accountProof: flip(proof.accountProof, proof.accountProof.length - 1) }),
      'BadProofNode',
    )
    await revertsWith(confirm(m, { ...proof, storageProof: flip(proof.storageProof, 0) }), 'RootMismatch')
    // A message that was never declared (a larger amount): its slot is provably empty, and the proof
    // of the declared message's slot is not a proof of it.
    const inflated = { ...m, amount: AMOUNT * 10n }
    inflated.hash = stakeMessageHash(inflated, gateway)
    await revertsWith(
      confirm(inflated, await proofOf(origin, gateway, slotOf(inflated.hash, 0n), m.block)),
      'ProofMismatch',
      [0n, BigInt(Status.Declared)],
    )
    await assert.rejects(confirm(inflated, proof))
    // The real proof of the real slot, with the account proof of another block's root.
    const otherBlock = await proofOf(origin, gateway, slotOf(m.hash, 0n), m.block - 1n)
    await revertsWith(confirm(m, { ...proof, accountProof: otherBlock.accountProof }), 'RootMismatch')
    // A root the aux chain has not finalised (never written into OriginRoots).
    const unknownBlock = (await origin.client.getBlockNumber()) + 100n
    await revertsWith(confirm(m, { ...proof, blockNumber: unknownBlock }), 'UnknownStateRoot', [unknownBlock])
    // A root that is trusted but predates the stake: outbox[h] is empty there.
    const early = await proofOf(origin, gateway, slotOf(m.hash, 0n), m.block - 1n)
    await trustOriginBlock(m.block - 1n)
    await revertsWith(confirm(m, early), 'ProofMismatch', [0n, BigInt(Status.Declared)])
    const other = await stake(baseToken)
    const otherProof = await originOutboxProof(other)
    assert.equal(await read<number>(aux, co('inbox', [m.hash])), Status.Undeclared)
    assert.equal(await aux.client.getBalance({ address: m.beneficiary }), 0n)

    // Nonces on the sending side: exactly the next one.
    const next = await read<bigint>(origin, gw('nonces', [staker.address]))
    await revertsWith(
      send(origin, staker, gw('stake', [baseToken, AMOUNT, staker.address, 0n, 0n, next + 1n, ZERO_HASH])),
      'WrongNonce',
      [next, next + 1n],
    )
    // On the receiving side: only upwards. `other` (nonce n+1) confirmed first shuts out `m` (nonce n).
    await confirm(other, otherProof)
    await revertsWith(confirm(m, await originOutboxProof(m)), 'WrongNonce', [other.nonce + 1n, m.nonce])
    assert.equal(await aux.client.getBalance({ address: m.beneficiary }), 0n)
    skipped = m

    // Terms refused at declaration.
    await revertsWith(
      send(
        origin,
        staker,
        gw('stake', [baseToken, 1n, staker.address, FEE_GAS_PRICE, FEE_GAS_LIMIT, next, ZERO_HASH]),
      ),
      'FeeExceedsAmount',
      [FEE, 1n],
    )
    await revertsWith(
      send(origin, staker, gw('stake', [baseToken, 0n, staker.address, 0n, 0n, next, ZERO_HASH])),
      'ZeroAmount',
    )
    await revertsWith(
      send(
        origin,
        staker,
        gw('stake', [baseToken, parseEther('1'), staker.address, 0n, 0n, next, ZERO_HASH]),
      ),
      'InsufficientAllowance',
    )
    const redeemNonce = await read<bigint>(aux, co('nonces', [staker.address]))
    await revertsWith(
      send(
        aux,
        staker,
        co('redeem', [baseToken, AMOUNT, staker.address, 0n, 0n, redeemNonce, ZERO_HASH], AMOUNT - 1n),
      ),
      'WrongValue',
    )
    await revertsWith(
      send(
        aux,
        staker,
        co('redeem', [staker.address, AMOUNT, staker.address, 0n, 0n, redeemNonce, ZERO_HASH]),
      ),
      'UnknownValueToken',
      [staker.address],
    )
    await assertBaseConserved(AMOUNT)
  })

  it('a stake skipped over on aux (never confirmable) is revoked and returned to the staker', async () => {
    const m = skipped
    assert.ok(m, 'the previous test left a stake skipped over')
    const balance = await balanceOf(origin, baseToken, staker.address)
    await revertsWith(send(origin, facilitator, gw('revertStake', [m.hash])), 'NotSender')
    const declared = await send(origin, staker, gw('revertStake', [m.hash]), 'origin: Gateway.revertStake')
    assert.equal(await read<number>(origin, gw('outbox', [m.hash])), Status.RevocationDeclared)

    // Once the revocation is confirmed on aux, the declaration (proven at the stake's block) cannot be.
    const confirmable = await originOutboxProof(m)
    const revocation = await originOutboxProof(m, declared.blockNumber)
    const confirmed = await send(
      aux,
      facilitator,
      co('confirmRevertStakeIntent', [
        m.hash,
        revocation.blockNumber,
        revocation.accountProof,
        revocation.storageProof,
      ]),
      'aux: CoGateway.confirmRevertStakeIntent',
    )
    assert.equal(await read<number>(aux, co('inbox', [m.hash])), Status.Revoked)
    await revertsWith(
      send(aux, facilitator, co('confirmStakeIntent', confirmArgs(m, confirmable))),
      'WrongStatus',
      [m.hash, Status.Revoked],
    )

    const revoked = confirmed.blockNumber
    await commitAuxBlock(revoked)
    const proof = await proofOf(aux, CO_GATEWAY_ADDRESS, slotOf(m.hash, 1n), revoked)
    await send(
      origin,
      facilitator,
      gw('progressRevertStake', [m.hash, proof.blockNumber, proof.accountProof, proof.storageProof]),
      'origin: Gateway.progressRevertStake',
    )
    assert.equal(await read<number>(origin, gw('outbox', [m.hash])), Status.Revoked)
    assert.equal(await balanceOf(origin, baseToken, staker.address), balance + AMOUNT)
    await assertBaseConserved()
  })

  it('a redeem the origin never confirmed is revoked and the native coin returned', async () => {
    const m = await redeem(baseToken)
    await revertsWith(send(aux, facilitator, co('revertRedeem', [m.hash])), 'NotSender')
    const declared = await send(aux, staker, co('revertRedeem', [m.hash]), 'aux: CoGateway.revertRedeem')
    const proof = await auxOutboxProof(m, declared.blockNumber)
    const receipt = await send(
      origin,
      facilitator,
      gw('confirmRevertRedeemIntent', [m.hash, proof.blockNumber, proof.accountProof, proof.storageProof]),
      'origin: Gateway.confirmRevertRedeemIntent',
    )
    assert.equal(await read<number>(origin, gw('inbox', [m.hash])), Status.Revoked)
    await trustOriginBlock(receipt.blockNumber)
    const revoked = await proofOf(origin, gateway, slotOf(m.hash, 1n), receipt.blockNumber)
    const before = await aux.client.getBalance({ address: staker.address })
    await send(
      aux,
      facilitator,
      co('progressRevertRedeem', [m.hash, revoked.blockNumber, revoked.accountProof, revoked.storageProof]),
      'aux: CoGateway.progressRevertRedeem',
    )
    assert.equal(await aux.client.getBalance({ address: staker.address }), before + AMOUNT)
    assert.equal(await read<number>(aux, co('outbox', [m.hash])), Status.Revoked)
    await assertBaseConserved()
  })

  it('hash locks: confirmation declares only; the secret mints (stake) and releases (redeem)', async () => {
    const secret = toHex(randomBytes(32))
    const hashLock = keccak256(secret)
    const m = await stake(baseToken, { hashLock })
    await send(
      aux,
      facilitator,
      co('confirmStakeIntent', confirmArgs(m, await originOutboxProof(m))),
      'aux: CoGateway.confirmStakeIntent (hash-locked, no mint)',
    )
    assert.equal(await read<number>(aux, co('inbox', [m.hash])), Status.Declared)
    assert.equal(await aux.client.getBalance({ address: m.beneficiary }), 0n)
    await revertsWith(
      send(aux, staker, co('progressMint', [m.hash, toHex(randomBytes(32))])),
      'InvalidUnlockSecret',
    )
    const receipt = await send(
      aux,
      staker,
      co('progressMint', [m.hash, secret]),
      'aux: CoGateway.progressMint',
    )
    assert.equal(await aux.client.getBalance({ address: m.beneficiary }), AMOUNT - FEE)
    const [minted] = parseEventLogs({ abi: coGatewayAbi, logs: receipt.logs, eventName: 'MintProgressed' })
    assert.equal(minted?.args.facilitator, staker.address)
    await revertsWith(send(aux, staker, co('progressMint', [m.hash, secret])), 'WrongStatus', [
      m.hash,
      Status.Progressed,
    ])

    const r = await redeem(baseToken, { hashLock })
    await send(origin, facilitator, gw('confirmRedeemIntent', confirmArgs(r, await auxOutboxProof(r))))
    assert.equal(await balanceOf(origin, baseToken, r.beneficiary), 0n)
    await send(origin, staker, gw('progressUnstake', [r.hash, secret]), 'origin: Gateway.progressUnstake')
    assert.equal(await balanceOf(origin, baseToken, r.beneficiary), AMOUNT - FEE)
    await assertBaseConserved()
  })

  it('a hash-locked stake waiting for its secret can be revoked; the secret is then refused', async () => {
    const secret = toHex(randomBytes(32))
    const m = await stake(baseToken, { hashLock: keccak256(secret) })
    await send(aux, facilitator, co('confirmStakeIntent', confirmArgs(m, await originOutboxProof(m))))
    const declared = await send(origin, staker, gw('revertStake', [m.hash]))
    const revocation = await originOutboxProof(m, declared.blockNumber)
    const confirmed = await send(
      aux,
      facilitator,
      co('confirmRevertStakeIntent', [
        m.hash,
        revocation.blockNumber,
        revocation.accountProof,
        revocation.storageProof,
      ]),
    )
    await revertsWith(send(aux, staker, co('progressMint', [m.hash, secret])), 'WrongStatus', [
      m.hash,
      Status.Revoked,
    ])
    await commitAuxBlock(confirmed.blockNumber)
    const proof = await proofOf(aux, CO_GATEWAY_ADDRESS, slotOf(m.hash, 1n), confirmed.blockNumber)
    const balance = await balanceOf(origin, baseToken, staker.address)
    await send(
      origin,
      facilitator,
      gw('progressRevertStake', [m.hash, proof.blockNumber, proof.accountProof, proof.storageProof]),
    )
    assert.equal(await balanceOf(origin, baseToken, staker.address), balance + AMOUNT)
    assert.equal(await aux.client.getBalance({ address: m.beneficiary }), 0n)
    await assertBaseConserved()
  })

  it('a revocation declared after the aux chain minted changes nothing: progressStake closes the stake', async () => {
    const m = await stake(baseToken)
    const proof = await originOutboxProof(m)
    const declared = await send(origin, staker, gw('revertStake', [m.hash]))
    // The facilitator confirms with the root of the stake's block, before the revocation.
    const minted = await send(aux, facilitator, co('confirmStakeIntent', confirmArgs(m, proof)))
    assert.equal(await aux.client.getBalance({ address: m.beneficiary }), AMOUNT - FEE)
    // The revocation cannot be confirmed on aux: the inbox is Progressed.
    const revocation = await originOutboxProof(m, declared.blockNumber)
    await revertsWith(
      send(
        aux,
        facilitator,
        co('confirmRevertStakeIntent', [
          m.hash,
          revocation.blockNumber,
          revocation.accountProof,
          revocation.storageProof,
        ]),
      ),
      'WrongStatus',
      [m.hash, Status.Progressed],
    )
    await commitAuxBlock(minted.blockNumber)
    const progressed = await proofOf(aux, CO_GATEWAY_ADDRESS, slotOf(m.hash, 1n), minted.blockNumber)
    await revertsWith(
      send(
        origin,
        facilitator,
        gw('progressRevertStake', [
          m.hash,
          progressed.blockNumber,
          progressed.accountProof,
          progressed.storageProof,
        ]),
      ),
      'ProofMismatch',
      [BigInt(Status.Progressed), BigInt(Status.Revoked)],
    )
    await send(
      origin,
      facilitator,
      gw('progressStake', [m.hash, progressed.blockNumber, progressed.accountProof, progressed.storageProof]),
    )
    assert.equal(await read<number>(origin, gw('outbox', [m.hash])), Status.Progressed)
    await revertsWith(send(origin, staker, gw('revertStake', [m.hash])), 'WrongStatus', [
      m.hash,
      Status.Progressed,
    ])
    await assertBaseConserved()
  })
})
