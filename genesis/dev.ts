// The development chain: the well-known Hardhat/anvil mnemonic, its funded accounts, and validator keys on a
// separate derivation branch so block rewards never change the balances the dev accounts start with.
import { mnemonicToSeedSync } from 'ethereum-cryptography/bip39'
import { HDKey } from 'ethereum-cryptography/hdkey'
import { keccak256 } from 'ethereum-cryptography/keccak'
import { secp256k1 } from 'ethereum-cryptography/secp256k1'
import { DEFAULT_BASE_FEE_PER_GAS } from './parse.ts'
import { type BridgeGenesis, predeployAlloc } from './predeploys.ts'
import { SYSTEM_CONTRACTS } from './systemContracts.ts'
import type { GenesisJson, Hex, MosaicValidator } from './types.ts'

export const DEV_MNEMONIC = 'test test test test test test test test test test test junk'
export const DEV_CHAIN_ID = 1515n
/** 10,000 ETH in wei, like Hardhat's and anvil's dev accounts. */
export const DEV_ACCOUNT_BALANCE = 10_000n * 10n ** 18n
export const DEV_GAS_LIMIT = 100_000_000n
/** Stake of the default dev validator: 1,000 tokens of 18 decimals. */
export const DEV_VALIDATOR_STAKE = 10n ** 21n

export interface DevKey {
  /** EIP-55 checksummed. */
  address: Hex
  privateKey: Hex
}

export interface DevGenesisOptions {
  chainId?: bigint
  validators?: MosaicValidator[]
  /** Seconds; default now. */
  timestamp?: bigint
  /** Default 1000. */
  blockTimeMs?: number
  /** How many dev accounts to fund (default 10). */
  accounts?: number
  /** The origin Gateway this chain's CoGateway pairs with; without it, no CoGateway is predeployed. */
  bridge?: BridgeGenesis
}

const ZERO_HASH = `0x${'00'.repeat(32)}`
const ZERO_ADDRESS = `0x${'00'.repeat(20)}`

// The seed costs a 2048-round PBKDF2, and the hardened levels need the private parent: derive them once.
const branches = new Map<number, HDKey>()
const derived = new Map<string, DevKey>()

function branch(change: number): HDKey {
  let key = branches.get(change)
  if (!key) {
    key = HDKey.fromMasterSeed(mnemonicToSeedSync(DEV_MNEMONIC)).derive(`m/44'/60'/0'/${change}`)
    branches.set(change, key)
  }
  return key
}

function toHex(b: Uint8Array): Hex {
  return `0x${Buffer.from(b.buffer, b.byteOffset, b.byteLength).toString('hex')}`
}

function checksum(lower: string): Hex {
  const hash = Buffer.from(keccak256(new TextEncoder().encode(lower))).toString('hex')
  let out = '0x'
  for (let i = 0; i < lower.length; i++) {
    const c = lower[i]!
    out += Number.parseInt(hash[i]!, 16) >= 8 ? c.toUpperCase() : c
  }
  return out as Hex
}

function devKey(change: number, index: number): DevKey {
  const id = `${change}/${index}`
  let key = derived.get(id)
  if (!key) {
    const privateKey = branch(change).deriveChild(index).privateKey
    if (!privateKey) throw new Error(`cannot derive dev key m/44'/60'/0'/${id}`)
    const publicKey = secp256k1.getPublicKey(privateKey, false)
    const lower = Buffer.from(keccak256(publicKey.subarray(1)).subarray(12)).toString('hex')
    key = { address: checksum(lower), privateKey: toHex(privateKey) }
    derived.set(id, key)
  }
  return { ...key }
}

function keys(change: number, count: number): DevKey[] {
  if (!Number.isSafeInteger(count) || count < 0)
    throw new RangeError(`expected a key count >= 0, got ${count}`)
  return Array.from({ length: count }, (_, i) => devKey(change, i))
}

/** Funded dev accounts m/44'/60'/0'/0/i of DEV_MNEMONIC, addresses EIP-55 checksummed. */
export function devAccounts(count = 10): DevKey[] {
  return keys(0, count)
}

/** Dev validator keys m/44'/60'/0'/1/i of DEV_MNEMONIC, addresses EIP-55 checksummed. */
export function devValidatorKeys(count: number): DevKey[] {
  return keys(1, count)
}

function quantity(n: bigint): Hex {
  return `0x${n.toString(16)}`
}

/** A genesis document for a dev chain (Prague from block 0, funded dev accounts, one dev validator). */
export function devGenesisJson(opts: DevGenesisOptions = {}): GenesisJson {
  const chainId = opts.chainId ?? DEV_CHAIN_ID
  const blockTimeMs = opts.blockTimeMs ?? 1000
  if (!(Number.isFinite(blockTimeMs) && blockTimeMs > 0)) {
    throw new RangeError(`blockTimeMs: expected a positive number, got ${blockTimeMs}`)
  }
  const timestamp = opts.timestamp ?? BigInt(Math.floor(Date.now() / 1000))
  const validators = opts.validators ?? [
    { address: devValidatorKeys(1)[0]!.address.toLowerCase() as Hex, stake: DEV_VALIDATOR_STAKE },
  ]

  // geth writes alloc keys as lowercase hex without 0x.
  const alloc: Record<string, unknown> = {}
  for (const sc of SYSTEM_CONTRACTS) {
    alloc[sc.address.slice(2)] = { code: sc.code, nonce: '0x1', balance: '0x0' }
  }
  Object.assign(alloc, predeployAlloc(opts.bridge))
  for (const a of devAccounts(opts.accounts ?? 10)) {
    alloc[a.address.slice(2).toLowerCase()] = { balance: quantity(DEV_ACCOUNT_BALANCE) }
  }

  return {
    config: {
      // A JSON number like geth writes it, unless it would lose precision.
      chainId: chainId <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(chainId) : chainId.toString(),
      homesteadBlock: 0,
      eip150Block: 0,
      eip155Block: 0,
      eip158Block: 0,
      byzantiumBlock: 0,
      constantinopleBlock: 0,
      petersburgBlock: 0,
      istanbulBlock: 0,
      muirGlacierBlock: 0,
      berlinBlock: 0,
      londonBlock: 0,
      arrowGlacierBlock: 0,
      grayGlacierBlock: 0,
      mergeNetsplitBlock: 0,
      shanghaiTime: 0,
      cancunTime: 0,
      pragueTime: 0,
      terminalTotalDifficulty: 0,
      blobSchedule: {
        cancun: { target: 3, max: 6, baseFeeUpdateFraction: 3338477 },
        prague: { target: 6, max: 9, baseFeeUpdateFraction: 5007716 },
      },
    },
    nonce: '0x0',
    timestamp: quantity(timestamp),
    extraData: '0x',
    gasLimit: quantity(DEV_GAS_LIMIT),
    difficulty: '0x0',
    mixHash: ZERO_HASH,
    coinbase: ZERO_ADDRESS,
    alloc,
    number: '0x0',
    gasUsed: '0x0',
    parentHash: ZERO_HASH,
    baseFeePerGas: quantity(DEFAULT_BASE_FEE_PER_GAS),
    mosaic: {
      blockTime: blockTimeMs / 1000,
      epochLength: 1,
      validators: validators.map((v) => ({ address: v.address.toLowerCase(), stake: quantity(v.stake) })),
    },
  }
}
