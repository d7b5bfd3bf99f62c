export type Hex = `0x${string}`

export interface GenesisAccount {
  balance: bigint
  nonce: bigint
  code?: Uint8Array
  /** [slot, value], both 32 bytes, left-padded. */
  storage: [Uint8Array, Uint8Array][]
}

export interface MosaicValidator {
  /** Lowercase 0x-prefixed address. */
  address: Hex
  stake: bigint
}

export interface MosaicOrigin {
  chainId: bigint
  /** Address of the Stake contract on the origin chain. */
  stake?: Hex
  /** Address of the Core contract on the origin chain. */
  core?: Hex
  /** The origin end of the token bridge (DESIGN.md §8), and its base token (the aux coin's counterpart). */
  gateway?: Hex
  baseToken?: Hex
  rpc?: string
}

export interface MosaicConfig {
  blockTimeMs: number
  epochLength: number
  validators: MosaicValidator[]
  origin?: MosaicOrigin
  bootnodes: string[]
}

/** EIP-7840 blob parameters of one fork, as geth's `config.blobSchedule` writes them. */
export interface BlobSchedule {
  target: number
  max: number
  baseFeeUpdateFraction: number
}

export interface GenesisJson {
  config: Record<string, unknown>
  alloc: Record<string, unknown>
  mosaic?: Record<string, unknown>
  [k: string]: unknown
}

export interface Genesis {
  chainId: bigint
  hardfork: 'prague' | 'osaka'
  /** Keyed by lowercase 0x-prefixed address. */
  alloc: Map<Hex, GenesisAccount>
  gasLimit: bigint
  timestamp: bigint
  extraData: Uint8Array
  baseFeePerGas: bigint
  difficulty: bigint
  mixHash: Uint8Array
  coinbase: Uint8Array
  /** 8 bytes. */
  nonce: Uint8Array
  mosaic: MosaicConfig
  /**
   * True for a plain geth genesis without a `mosaic` section: a chain sealed by another consensus
   * (imported with `--trusted`, served read-only). Its `mosaic` section is FOREIGN_MOSAIC: no validators,
   * so no block passes our seal rules.
   */
  foreign: boolean
  /** geth's `config.depositContractAddress` (EIP-6110 deposit requests), when the file gives one. */
  depositContractAddress?: Hex
  /** geth's `config.blobSchedule` entry of the active hardfork (blobs per block), when the file gives one. */
  blobSchedule?: BlobSchedule
  /** The original document, to be written into a data directory. */
  json: GenesisJson
}

/** Options of parseGenesis / loadGenesisFile. */
export interface ParseGenesisOptions {
  /**
   * Accept a geth genesis without a `mosaic` section (a foreign chain to import). Off by default: a
   * chain we seal needs its validators.
   */
  allowForeign?: boolean
}

export type GenesisErrorCode = 'INVALID_GENESIS' | 'GENESIS_NOT_FOUND'

export class GenesisError extends Error {
  override readonly name = 'GenesisError'
  readonly code: GenesisErrorCode
  /** Path of the offending field, e.g. `genesis.config.chainId`, when there is one. */
  readonly field?: string

  constructor(code: GenesisErrorCode, message: string, field?: string) {
    super(message)
    this.code = code
    if (field !== undefined) this.field = field
  }
}
