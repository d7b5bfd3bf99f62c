// The origin of `mosaic-node dev` / `devnet` in one call: Hardhat's node on a free loopback port (unless
// `rpcUrl` names an origin already running), the contracts deployed by the test mnemonic's first
// account, the validators staked and given ETH for origin gas (commits, logouts, withdrawals).

import { type Logger, pino } from 'pino'
import { createPublicClient, type Hex, http, parseEther, toHex } from 'viem'
import { mnemonicToAccount } from 'viem/accounts'
import { devAccounts } from '../../genesis/index.ts'
import { deployOrigin, type OriginDeployment } from './deploy.ts'
import { OriginError } from './errors.ts'
import { startHardhatOrigin } from './hardhatOrigin.ts'

export const DEV_ORIGIN_MNEMONIC = 'test test test test test test test test test test test junk'
/** Value tokens (the bridge's base token on the origin) each dev account gets. */
export const DEV_VALUE_TOKENS = parseEther('1000000')

export interface DevOriginOptions {
  /** An origin that is already running; Hardhat's node is started when omitted. */
  rpcUrl?: string
  /** Pays for everything; default: the dev mnemonic's account 0 (funded on Hardhat and anvil). */
  deployerKey?: Hex
  auxChainId: bigint | number
  epochLength?: bigint | number
  minStake?: bigint
  unbondingBlocks?: bigint | number
  validators: { address: string; stake: bigint }[]
  /** ETH sent to each validator for origin gas. */
  validatorEth?: bigint
  logger?: Logger
}

export const defaultDevOriginOptions = {
  epochLength: 1n,
  minStake: parseEther('1'),
  unbondingBlocks: 10n,
  validatorEth: parseEther('100'),
} as const

export interface DevOrigin {
  url: string
  chainId: number
  /** True when this call started Hardhat's node (and stop() stops it). */
  started: boolean
  deployment: OriginDeployment
  deployerKey: Hex
  /** Stops Hardhat's node if this call started it; an origin given by `rpcUrl` is left running. */
  stop(): Promise<void>
}

export function devDeployerKey(): Hex {
  const key = mnemonicToAccount(DEV_ORIGIN_MNEMONIC, { addressIndex: 0 }).getHdKey().privateKey
  if (!key) throw new OriginError('LAUNCH_FAILED', 'no key for the dev deployer')
  return toHex(key)
}

export async function startDevOrigin(options: DevOriginOptions): Promise<DevOrigin> {
  const o = { ...defaultDevOriginOptions, ...options }
  const logger = (options.logger ?? pino({ level: 'silent' })).child({ module: 'origin-dev' })
  const hardhat = options.rpcUrl === undefined ? await startHardhatOrigin({ logger }) : undefined
  const url = hardhat?.url ?? options.rpcUrl!
  const stop = async (): Promise<void> => {
    await hardhat?.stop()
  }
  try {
    const deployerKey = options.deployerKey ?? devDeployerKey()
    const deployment = await deployOrigin({
      rpcUrl: url,
      deployerKey,
      auxChainId: o.auxChainId,
      epochLength: o.epochLength,
      minStake: o.minStake,
      unbondingBlocks: o.unbondingBlocks,
      validators: o.validators,
      fund: [
        ...(o.validatorEth > 0n
          ? o.validators.map((v) => ({ address: v.address, eth: o.validatorEth }))
          : []),
        // The aux chain's dev accounts (the same mnemonic as Hardhat's: they have origin ETH) get value
        // tokens to bridge.
        ...devAccounts().map((a) => ({ address: a.address, valueTokens: DEV_VALUE_TOKENS })),
      ],
    })
    const chainId = hardhat?.chainId ?? (await createPublicClient({ transport: http(url) }).getChainId())
    logger.info(
      { url, chainId, ...deployment, deployBlock: String(deployment.deployBlock) },
      'origin contracts deployed',
    )
    return { url, chainId, started: hardhat !== undefined, deployment, deployerKey, stop }
  } catch (e) {
    await stop()
    throw e
  }
}
