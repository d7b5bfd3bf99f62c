// Deploys the origin contracts for one aux chain and stakes its first validators: StakeToken (whole
// supply to the deployer), Stake, Core; Stake.setCore(core); one approve and a deposit per validator,
// paid by the deployer; Core.start() opens kernel 1 with them. Used by `mosaic-node dev` / `devnet`
// on a fresh local origin and by the tests.
import {
  createPublicClient,
  createWalletClient,
  type Hex,
  http,
  type PublicClient,
  parseEther,
  type TransactionReceipt,
} from 'viem'
import { privateKeyToAccount } from 'viem/accounts'
import { CO_GATEWAY_ADDRESS } from '../../genesis/index.ts'
import {
  coreAbi,
  coreBytecode,
  gatewayAbi,
  gatewayBytecode,
  stakeAbi,
  stakeBytecode,
  stakeTokenAbi,
  stakeTokenBytecode,
  valueTokenAbi,
  valueTokenBytecode,
} from './contracts.ts'
import { OriginError } from './errors.ts'

export interface DeployOriginOptions {
  rpcUrl: string
  /** 0x private key of an account with ETH on the origin; it receives the whole token supply. */
  deployerKey: Hex
  auxChainId: bigint | number
  /** Aux blocks between checkpoints (DESIGN.md section 6). */
  epochLength: bigint | number
  minStake: bigint
  /** Origin blocks a validator's stake stays slashable after it left. */
  unbondingBlocks: bigint | number
  /** The first kernel; each stake (>= minStake) is paid by the deployer. */
  validators: { address: string; stake: bigint }[]
  /** Stake tokens minted to the deployer (default 1e9 tokens). */
  tokenSupply?: bigint
  /** Extra transfers after the deployment: ETH (to pay origin gas), stake tokens and value tokens. */
  fund?: { address: string; eth?: bigint; tokens?: bigint; valueTokens?: bigint }[]
  /** Value tokens (the bridge's base token) minted to the deployer (default 1e9 tokens). */
  valueTokenSupply?: bigint
  /** The CoGateway on the aux chain the Gateway pairs with (default: the genesis predeploy's address). */
  coGateway?: string
}

export interface OriginDeployment {
  /** Lowercase 0x addresses. */
  token: string
  stake: string
  core: string
  /** The bridge (DESIGN.md §8): the Gateway and its base token, whose aux counterpart is the coin. */
  gateway: string
  valueToken: string
  /** Origin block of the first deployment transaction: where log scans can start. */
  deployBlock: bigint
}

export async function deployOrigin(options: DeployOriginOptions): Promise<OriginDeployment> {
  const account = privateKeyToAccount(options.deployerKey)
  const transport = http(options.rpcUrl, { retryCount: 2 })
  const publicClient = createPublicClient({ transport, pollingInterval: 100 })
  const wallet = createWalletClient({ account, transport })
  const mined = (label: string) => (hash: Hex) => receiptOf(publicClient, label, hash)

  const totalStake = options.validators.reduce((sum, v) => sum + v.stake, 0n)
  const supply = options.tokenSupply ?? parseEther('1000000000')
  const tokenReceipt = await wallet
    .deployContract({ abi: stakeTokenAbi, bytecode: stakeTokenBytecode, args: [supply], chain: null })
    .then(mined('deploy StakeToken'))
  const token = contractAddress(tokenReceipt, 'StakeToken')
  const stake = await wallet
    .deployContract({
      abi: stakeAbi,
      bytecode: stakeBytecode,
      args: [token, options.minStake, BigInt(options.unbondingBlocks), BigInt(options.auxChainId)],
      chain: null,
    })
    .then(mined('deploy Stake'))
    .then((r) => contractAddress(r, 'Stake'))
  const core = await wallet
    .deployContract({
      abi: coreAbi,
      bytecode: coreBytecode,
      args: [stake, BigInt(options.auxChainId), BigInt(options.epochLength)],
      chain: null,
    })
    .then(mined('deploy Core'))
    .then((r) => contractAddress(r, 'Core'))

  await wallet
    .writeContract({ address: stake, abi: stakeAbi, functionName: 'setCore', args: [core], chain: null })
    .then(mined('Stake.setCore'))
  await wallet
    .writeContract({
      address: token,
      abi: stakeTokenAbi,
      functionName: 'approve',
      args: [stake, totalStake],
      chain: null,
    })
    .then(mined('StakeToken.approve'))
  for (const v of options.validators) {
    await wallet
      .writeContract({
        address: stake,
        abi: stakeAbi,
        functionName: 'deposit',
        args: [v.address as Hex, v.stake],
        chain: null,
      })
      .then(mined(`Stake.deposit(${v.address})`))
  }
  await wallet
    .writeContract({ address: core, abi: coreAbi, functionName: 'start', chain: null })
    .then(mined('Core.start'))

  const valueToken = await wallet
    .deployContract({
      abi: valueTokenAbi,
      bytecode: valueTokenBytecode,
      args: ['Mosaic Value Token', 'MVT', options.valueTokenSupply ?? parseEther('1000000000')],
      chain: null,
    })
    .then(mined('deploy ValueToken'))
    .then((r) => contractAddress(r, 'ValueToken'))
  const gateway = await wallet
    .deployContract({
      abi: gatewayAbi,
      bytecode: gatewayBytecode,
      args: [valueToken, core, (options.coGateway ?? CO_GATEWAY_ADDRESS) as Hex],
      chain: null,
    })
    .then(mined('deploy Gateway'))
    .then((r) => contractAddress(r, 'Gateway'))

  for (const f of options.fund ?? []) {
    const to = f.address as Hex
    if (f.eth !== undefined && f.eth > 0n) {
      await wallet
        .sendTransaction({ to, value: f.eth, chain: null })
        .then(mined(`fund ${f.address} with ETH`))
    }
    if (f.tokens !== undefined && f.tokens > 0n) {
      await wallet
        .writeContract({
          address: token,
          abi: stakeTokenAbi,
          functionName: 'transfer',
          args: [to, f.tokens],
          chain: null,
        })
        .then(mined(`fund ${f.address} with stake tokens`))
    }
    if (f.valueTokens !== undefined && f.valueTokens > 0n) {
      await wallet
        .writeContract({
          address: valueToken,
          abi: valueTokenAbi,
          functionName: 'transfer',
          args: [to, f.valueTokens],
          chain: null,
        })
        .then(mined(`fund ${f.address} with value tokens`))
    }
  }
  return { token, stake, core, gateway, valueToken, deployBlock: tokenReceipt.blockNumber }
}

async function receiptOf(client: PublicClient, label: string, hash: Hex): Promise<TransactionReceipt> {
  const receipt = await client.waitForTransactionReceipt({ hash })
  if (receipt.status !== 'success') {
    throw new OriginError('REVERTED', `deploy: ${label} reverted in origin block ${receipt.blockNumber}`)
  }
  return receipt
}

function contractAddress(receipt: TransactionReceipt, name: string): Hex {
  if (!receipt.contractAddress) throw new OriginError('REVERTED', `deploy: ${name} created no contract`)
  return receipt.contractAddress.toLowerCase() as Hex
}
