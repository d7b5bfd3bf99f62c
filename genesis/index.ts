// Genesis: the geth-compatible genesis.json with a `mosaic` section, its validation, the dev chain's genesis
// and keys, and the system contracts Prague needs at genesis. Imports nothing internal.
export {
  DEV_ACCOUNT_BALANCE,
  DEV_CHAIN_ID,
  DEV_GAS_LIMIT,
  DEV_MNEMONIC,
  DEV_VALIDATOR_STAKE,
  type DevGenesisOptions,
  type DevKey,
  devAccounts,
  devGenesisJson,
  devValidatorKeys,
} from './dev.ts'
export {
  DEFAULT_BASE_FEE_PER_GAS,
  DEFAULT_GAS_LIMIT,
  FOREIGN_MOSAIC,
  loadGenesisFile,
  parseGenesis,
} from './parse.ts'
export {
  type BridgeGenesis,
  CO_GATEWAY_ADDRESS,
  CO_GATEWAY_DEV_RESERVE,
  ORIGIN_ROOTS_ADDRESS,
  ORIGIN_ROOTS_LATEST_SLOT,
  ORIGIN_ROOTS_MAP_SLOT,
  predeployAlloc,
} from './predeploys.ts'
export { SYSTEM_CONTRACTS, type SystemContract } from './systemContracts.ts'
export {
  type BlobSchedule,
  type Genesis,
  type GenesisAccount,
  GenesisError,
  type GenesisErrorCode,
  type GenesisJson,
  type Hex,
  type MosaicConfig,
  type MosaicOrigin,
  type MosaicValidator,
  type ParseGenesisOptions,
} from './types.ts'
