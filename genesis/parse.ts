// Parses and validates a geth-style genesis.json with a `mosaic` section. Every problem is reported as one
// line that starts with the path of the offending field, so an operator can fix the file without reading code.
import { readFile } from 'node:fs/promises'
import { SYSTEM_CONTRACTS } from './systemContracts.ts'
import {
  type BlobSchedule,
  type Genesis,
  type GenesisAccount,
  GenesisError,
  type GenesisJson,
  type Hex,
  type MosaicConfig,
  type MosaicOrigin,
  type MosaicValidator,
  type ParseGenesisOptions,
} from './types.ts'

/** geth's params.InitialBaseFee: the base fee of a London-from-genesis chain when the file gives none. */
export const DEFAULT_BASE_FEE_PER_GAS = 1_000_000_000n
/** geth's params.GenesisGasLimit, used when the file gives no gasLimit. */
export const DEFAULT_GAS_LIMIT = 4_712_388n
/** ethereumjs's minGasLimit: a lower limit could never carry a transaction. */
const MIN_GAS_LIMIT = 5000n

// Forks before Prague: we only run Prague (or Osaka) rules, so each of them must be active from genesis.
const EARLIER_FORKS = [
  'homesteadBlock',
  'eip150Block',
  'eip155Block',
  'eip158Block',
  'byzantiumBlock',
  'constantinopleBlock',
  'petersburgBlock',
  'istanbulBlock',
  'muirGlacierBlock',
  'berlinBlock',
  'londonBlock',
  'arrowGlacierBlock',
  'grayGlacierBlock',
  'mergeNetsplitBlock',
  'shanghaiTime',
  'cancunTime',
] as const

// Forks after Osaka that geth knows of; we cannot run them, so a file that schedules one is refused.
const LATER_FORKS = [
  'bpo1Time',
  'bpo2Time',
  'bpo3Time',
  'bpo4Time',
  'bpo5Time',
  'amsterdamTime',
  'verkleTime',
]

const MOSAIC_KEYS = new Set(['blockTime', 'epochLength', 'validators', 'origin', 'bootnodes'])
const ORIGIN_KEYS = new Set(['chainId', 'stake', 'core', 'gateway', 'baseToken', 'rpc'])

const QUANTITY = 'expected a hex or decimal quantity'
const ADDRESS = 'expected a 20-byte hex address'

function fail(field: string, problem: string): never {
  throw new GenesisError('INVALID_GENESIS', `${field}: ${problem}`, field)
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v)
}

/** `.key` for plain keys, `["key"]` for anything that could break the one-line message or read ambiguously. */
function prop(key: string): string {
  return /^[A-Za-z0-9_$]+$/.test(key) ? `.${key}` : `[${JSON.stringify(key)}]`
}

/**
 * A non-negative integer given as a JSON number, a "0x" hex string or a decimal string (the forms found in
 * geth genesis files). Returns the value, or the problem as a string.
 */
function quantity(v: unknown, bits: number): bigint | string {
  let n: bigint
  if (typeof v === 'number') {
    // JSON.parse has already rounded larger numbers, so the value in the file is unknowable.
    if (Number.isInteger(v) && v >= 0 && !Number.isSafeInteger(v)) {
      return `${QUANTITY} (write numbers above 2^53 as strings)`
    }
    if (!Number.isSafeInteger(v) || v < 0) return QUANTITY
    n = BigInt(v)
  } else if (typeof v === 'string' && (/^0[xX][0-9a-fA-F]+$/.test(v) || /^[0-9]+$/.test(v))) {
    n = BigInt(v)
  } else {
    return QUANTITY
  }
  if (n >= 1n << BigInt(bits)) return `${QUANTITY} below 2^${bits}`
  return n
}

/** A chain id: quantity syntax, above 0, below 2^64. */
function positiveInteger(v: unknown, field: string): bigint {
  const q = quantity(v, 64)
  if (q === 0n || typeof q === 'string') {
    fail(
      field,
      typeof q === 'string' && q.endsWith('below 2^64')
        ? 'expected a positive integer below 2^64'
        : 'expected a positive integer',
    )
  }
  return q
}

function requireQuantity(v: unknown, bits: number, field: string, prefix = ''): bigint {
  const q = quantity(v, bits)
  if (typeof q === 'string') fail(field, prefix + q)
  return q
}

/** Hex bytes, with or without 0x. */
function bytes(v: unknown): Uint8Array | undefined {
  if (typeof v !== 'string') return undefined
  const h = v.startsWith('0x') || v.startsWith('0X') ? v.slice(2) : v
  if (h.length % 2 !== 0 || !/^[0-9a-fA-F]*$/.test(h)) return undefined
  return new Uint8Array(Buffer.from(h, 'hex'))
}

function fixedBytes(v: unknown, length: number): Uint8Array | undefined {
  const b = bytes(v)
  return b?.length === length ? b : undefined
}

/** Lowercase 0x-prefixed address from a hex string with or without 0x. */
function address(v: unknown): Hex | undefined {
  if (typeof v !== 'string' || !/^(0[xX])?[0-9a-fA-F]{40}$/.test(v)) return undefined
  return `0x${v.slice(v.length - 40).toLowerCase()}`
}

/** A storage key or value: up to 32 bytes of hex, left-padded like geth's storageJSON (odd lengths allowed). */
function word(v: unknown): Uint8Array | undefined {
  if (typeof v !== 'string') return undefined
  const h = v.startsWith('0x') || v.startsWith('0X') ? v.slice(2) : v
  if (h.length > 64 || !/^[0-9a-fA-F]*$/.test(h)) return undefined
  return new Uint8Array(Buffer.from(h.padStart(64, '0'), 'hex'))
}

function toHex(b: Uint8Array): Hex {
  return `0x${Buffer.from(b.buffer, b.byteOffset, b.byteLength).toString('hex')}`
}

function parseConfig(config: unknown): { chainId: bigint; hardfork: Genesis['hardfork'] } {
  if (!isObject(config)) fail('genesis.config', 'expected an object')
  const chainId = positiveInteger(config['chainId'], 'genesis.config.chainId')

  // Only block-0 activation is supported: null counts as absent, as in geth.
  const isZero = (key: string): boolean => {
    const q = quantity(config[key], 64)
    return q === 0n
  }
  for (const key of EARLIER_FORKS) {
    if (config[key] != null && !isZero(key)) {
      fail(`genesis.config.${key}`, 'expected 0 (mosaic-node runs Prague rules from block 0)')
    }
  }
  if (config['pragueTime'] == null || !isZero('pragueTime')) {
    fail('genesis.config.pragueTime', 'expected 0 (mosaic-node runs Prague rules from block 0)')
  }
  let hardfork: Genesis['hardfork'] = 'prague'
  if (config['osakaTime'] != null) {
    if (!isZero('osakaTime')) {
      fail(
        'genesis.config.osakaTime',
        'expected 0 or absent (forks scheduled after genesis are not supported)',
      )
    }
    hardfork = 'osaka'
  }
  for (const key of LATER_FORKS) {
    if (config[key] != null)
      fail(`genesis.config.${key}`, 'expected to be absent (forks after Osaka are not supported)')
  }
  return { chainId, hardfork }
}

function parseAccount(field: string, raw: unknown): GenesisAccount {
  if (!isObject(raw)) fail(field, 'expected an object with a balance')
  const account: GenesisAccount = {
    balance: requireQuantity(raw['balance'], 256, field, 'balance: '),
    nonce: raw['nonce'] == null ? 0n : requireQuantity(raw['nonce'], 64, field, 'nonce: '),
    storage: [],
  }
  if (raw['code'] != null) {
    const code = bytes(raw['code'])
    if (!code) fail(field, 'code: expected hex bytes')
    if (code.length > 0) account.code = code
  }
  if (raw['storage'] != null) {
    const storage = raw['storage']
    if (!isObject(storage)) fail(field, 'storage: expected an object of slot -> value')
    for (const [k, v] of Object.entries(storage)) {
      const slot = word(k)
      if (!slot) fail(field, `storage${prop(k)}: expected a hex storage slot of at most 32 bytes`)
      const value = word(v)
      if (!value) fail(field, `storage${prop(k)}: expected a hex value of at most 32 bytes`)
      account.storage.push([slot, value])
    }
  }
  return account
}

function parseAlloc(alloc: unknown): Map<Hex, GenesisAccount> {
  if (!isObject(alloc)) fail('genesis.alloc', 'expected an object of address -> account')
  const accounts = new Map<Hex, GenesisAccount>()
  const keys = new Map<Hex, string>()
  for (const [key, raw] of Object.entries(alloc)) {
    const field = `genesis.alloc${prop(key)}`
    const addr = address(key)
    if (!addr) fail(field, ADDRESS)
    const earlier = keys.get(addr)
    if (earlier !== undefined) fail(field, `same address as genesis.alloc${prop(earlier)}`)
    keys.set(addr, key)
    accounts.set(addr, parseAccount(field, raw))
  }
  for (const sc of SYSTEM_CONTRACTS) {
    const label = `EIP-${sc.eip} ${sc.name}`
    const code = accounts.get(sc.address)?.code
    if (!code) fail('genesis.alloc', `missing system contract ${sc.address} (${label})`)
    if (toHex(code) !== sc.code) {
      fail(
        `genesis.alloc${prop(keys.get(sc.address)!)}`,
        `code: expected the runtime code of the ${label} contract`,
      )
    }
  }
  return accounts
}

function parseOrigin(raw: unknown): MosaicOrigin {
  const field = 'genesis.mosaic.origin'
  if (!isObject(raw)) fail(field, 'expected an object')
  for (const key of Object.keys(raw)) {
    if (!ORIGIN_KEYS.has(key))
      fail(`${field}${prop(key)}`, `unknown field (expected one of ${[...ORIGIN_KEYS].join(', ')})`)
  }
  const origin: MosaicOrigin = { chainId: positiveInteger(raw['chainId'], `${field}.chainId`) }
  for (const key of ['stake', 'core', 'gateway', 'baseToken'] as const) {
    if (raw[key] == null) continue
    const addr = address(raw[key])
    if (!addr) fail(`${field}.${key}`, ADDRESS)
    origin[key] = addr
  }
  if (raw['rpc'] != null) {
    const rpc = raw['rpc']
    let ok = false
    if (typeof rpc === 'string') {
      try {
        ok = ['http:', 'https:', 'ws:', 'wss:'].includes(new URL(rpc).protocol)
      } catch {
        ok = false
      }
    }
    if (!ok || typeof rpc !== 'string') fail(`${field}.rpc`, 'expected an http(s) or ws(s) URL')
    origin.rpc = rpc
  }
  return origin
}

function parseMosaic(raw: unknown): MosaicConfig {
  const field = 'genesis.mosaic'
  if (!isObject(raw))
    fail(field, 'expected an object (the mosaic section: blockTime, epochLength, validators)')
  for (const key of Object.keys(raw)) {
    if (!MOSAIC_KEYS.has(key))
      fail(`${field}${prop(key)}`, `unknown field (expected one of ${[...MOSAIC_KEYS].join(', ')})`)
  }

  const blockTime = raw['blockTime']
  const blockTimeMs =
    typeof blockTime === 'number' && Number.isFinite(blockTime) ? Math.round(blockTime * 1000) : 0
  if (!(blockTimeMs >= 1))
    fail(`${field}.blockTime`, 'expected a positive number of seconds (at least 0.001)')

  const epochLength = raw['epochLength'] ?? 1
  if (typeof epochLength !== 'number' || !Number.isSafeInteger(epochLength) || epochLength < 1) {
    fail(`${field}.epochLength`, 'expected a positive integer')
  }

  const list = raw['validators']
  if (!Array.isArray(list) || list.length === 0) fail(`${field}.validators`, 'expected a non-empty array')
  const validators: MosaicValidator[] = []
  const seen = new Set<Hex>()
  list.forEach((v: unknown, i) => {
    const vf = `${field}.validators[${i}]`
    if (!isObject(v)) fail(vf, 'expected an object with address and stake')
    const addr = address(v['address'])
    if (!addr) fail(`${vf}.address`, ADDRESS)
    if (seen.has(addr)) fail(`${vf}.address`, `duplicate validator ${addr}`)
    seen.add(addr)
    const stake = quantity(v['stake'], 256)
    if (typeof stake === 'string') fail(`${vf}.stake`, stake)
    if (stake === 0n) fail(`${vf}.stake`, 'expected a quantity above 0')
    validators.push({ address: addr, stake })
  })

  const bootnodes: string[] = []
  if (raw['bootnodes'] != null) {
    const b = raw['bootnodes']
    if (!Array.isArray(b)) fail(`${field}.bootnodes`, 'expected an array of strings')
    b.forEach((s: unknown, i) => {
      if (typeof s !== 'string' || s.length === 0)
        fail(`${field}.bootnodes[${i}]`, 'expected a non-empty string')
      // The full multiaddr check is the network's; here the shape, so a typo fails at init.
      if (!/^\/(ip4|ip6|dns|dns4|dns6)\/[^/]+\/tcp\/\d+\/p2p\/[1-9A-HJ-NP-Za-km-z]+$/.test(s))
        fail(`${field}.bootnodes[${i}]`, 'expected a multiaddr like /ip4/HOST/tcp/PORT/p2p/PEER_ID')
      bootnodes.push(s)
    })
  }

  const mosaic: MosaicConfig = { blockTimeMs, epochLength, validators, bootnodes }
  if (raw['origin'] != null) mosaic.origin = parseOrigin(raw['origin'])
  return mosaic
}

function header<T>(
  json: Record<string, unknown>,
  key: string,
  fallback: T,
  read: (v: unknown, field: string) => T,
): T {
  const v = json[key]
  return v == null ? fallback : read(v, `genesis.${key}`)
}

/** geth's `config.blobSchedule.<hardfork>`: small positive integers. */
function parseBlobSchedule(config: Record<string, unknown>, hardfork: string): BlobSchedule | undefined {
  const all = config['blobSchedule']
  if (all == null) return undefined
  if (!isObject(all)) fail('genesis.config.blobSchedule', 'expected an object of fork -> schedule')
  const raw = all[hardfork]
  if (raw == null) return undefined
  const field = `genesis.config.blobSchedule.${hardfork}`
  if (!isObject(raw)) fail(field, 'expected an object with target, max and baseFeeUpdateFraction')
  const read = (key: string): number => {
    const q = quantity(raw[key], 32)
    if (typeof q === 'string' || q === 0n) fail(`${field}.${key}`, 'expected a positive integer')
    return Number(q)
  }
  const schedule = {
    target: read('target'),
    max: read('max'),
    baseFeeUpdateFraction: read('baseFeeUpdateFraction'),
  }
  if (schedule.target > schedule.max) fail(`${field}.target`, 'expected at most max')
  return schedule
}

/** The mosaic section of a foreign chain: nobody seals it under our rules. */
export const FOREIGN_MOSAIC: Readonly<MosaicConfig> = Object.freeze({
  blockTimeMs: 12_000,
  epochLength: 1,
  validators: [],
  bootnodes: [],
})

/** Validates a parsed genesis.json document. Throws GenesisError (INVALID_GENESIS) naming the field. */
export function parseGenesis(json: unknown, options: ParseGenesisOptions = {}): Genesis {
  if (!isObject(json)) fail('genesis', 'expected a JSON object')
  const { chainId, hardfork } = parseConfig(json['config'])
  const config = json['config'] as Record<string, unknown>
  let depositContractAddress: Hex | undefined
  if (config['depositContractAddress'] != null) {
    depositContractAddress = address(config['depositContractAddress'])
    if (!depositContractAddress) fail('genesis.config.depositContractAddress', ADDRESS)
  }
  const alloc = parseAlloc(json['alloc'])

  const gasLimit = header(json, 'gasLimit', DEFAULT_GAS_LIMIT, (v, f) => {
    const q = requireQuantity(v, 64, f)
    if (q < MIN_GAS_LIMIT) fail(f, `expected at least ${MIN_GAS_LIMIT}`)
    return q
  })
  const timestamp = header(json, 'timestamp', 0n, (v, f) => requireQuantity(v, 64, f))
  const extraData = header(
    json,
    'extraData',
    new Uint8Array(0),
    (v, f) => bytes(v) ?? fail(f, 'expected hex bytes'),
  )
  const baseFeePerGas = header(json, 'baseFeePerGas', DEFAULT_BASE_FEE_PER_GAS, (v, f) =>
    requireQuantity(v, 256, f),
  )
  const difficulty = header(json, 'difficulty', 0n, (v, f) => requireQuantity(v, 256, f))
  const mixHash = header(
    json,
    'mixHash',
    new Uint8Array(32),
    (v, f) => fixedBytes(v, 32) ?? fail(f, 'expected a 32-byte hex value'),
  )
  const coinbase = header(
    json,
    'coinbase',
    new Uint8Array(20),
    (v, f) => fixedBytes(v, 20) ?? fail(f, ADDRESS),
  )
  // geth stores the header nonce as a uint64 quantity; the header wants its 8 big-endian bytes.
  const nonceValue = header(json, 'nonce', 0n, (v, f) => requireQuantity(v, 64, f))
  const nonce = new Uint8Array(8)
  new DataView(nonce.buffer).setBigUint64(0, nonceValue)
  header(json, 'number', 0n, (v, f) => (requireQuantity(v, 64, f) === 0n ? 0n : fail(f, 'expected 0')))

  const blobSchedule = parseBlobSchedule(config, hardfork)
  const foreign = json['mosaic'] == null && options.allowForeign === true
  const mosaic = foreign ? { ...FOREIGN_MOSAIC, validators: [], bootnodes: [] } : parseMosaic(json['mosaic'])

  return {
    chainId,
    hardfork,
    alloc,
    gasLimit,
    timestamp,
    extraData,
    baseFeePerGas,
    difficulty,
    mixHash,
    coinbase,
    nonce,
    mosaic,
    foreign,
    ...(depositContractAddress ? { depositContractAddress } : {}),
    ...(blobSchedule ? { blobSchedule } : {}),
    json: structuredClone(json) as GenesisJson,
  }
}

/** Reads and validates a genesis file. A missing file is GENESIS_NOT_FOUND; bad JSON names the file. */
export async function loadGenesisFile(path: string, options: ParseGenesisOptions = {}): Promise<Genesis> {
  let text: string
  try {
    text = await readFile(path, 'utf8')
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code
    if (code === 'ENOENT') throw new GenesisError('GENESIS_NOT_FOUND', `genesis file not found: ${path}`)
    if (code === 'EISDIR') throw new GenesisError('GENESIS_NOT_FOUND', `genesis file ${path} is a directory`)
    throw new GenesisError('GENESIS_NOT_FOUND', `cannot read genesis file ${path}: ${code ?? oneLine(e)}`)
  }
  let json: unknown
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ''))
  } catch (e) {
    throw new GenesisError('INVALID_GENESIS', `${path}: invalid JSON: ${oneLine(e)}`)
  }
  return parseGenesis(json, options)
}

function oneLine(e: unknown): string {
  return (e instanceof Error ? e.message : String(e)).replace(/\s*\n\s*/g, ' ')
}
