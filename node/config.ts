// Node configuration: defaults < config file (JSON) < environment (MOSAIC_RPC_PORT for --rpc.port)
// < command-line flags. Validated once at start; errors name the setting and where it came from.
import { readFile } from 'node:fs/promises'
import { defaultP2POptions } from '../p2p/index.ts'
import { defaultRpcOptions, type RpcOptions } from '../rpc/index.ts'
import { defaultTxPoolOptions, type TxPoolOptions } from './chain/txpool.ts'

export interface NodeConfig {
  datadir: string
  log: { level: string; format: string }
  rpc: RpcOptions & { enabled: boolean; callTimeoutMs: number }
  txpool: TxPoolOptions
  validator: { keystore?: string; passwordFile?: string }
  p2p: { enabled: boolean; port: number; addr: string; maxPeers: number; bootnodes: string[] }
  /**
   * The origin chain (DESIGN.md §7). `rpc` overrides the genesis' `mosaic.origin.rpc`; `key` is a file
   * holding the hex private key that pays for commits and slashing reports, or `validator` to use the
   * validator key; `confirmations` is the depth at which origin blocks count as final (0: the origin's
   * `finalized` tag); `commitEvery` the cadence of commits in finalised aux blocks.
   */
  origin: { rpc?: string; key?: string; confirmations: number; commitEvery: number }
  /**
   * The bridge facilitator (issue 6): carries gateway messages across once a trusted root covers them.
   * Origin transactions are paid with `origin.key`; aux ones with `key` (a hex key file, or
   * `validator`; default: the validator key).
   */
  facilitator: { enabled: boolean; key?: string }
  /** Overrides the genesis block time (dev chains). */
  blockTimeMs?: number
}

export class ConfigError extends Error {
  override readonly name = 'ConfigError'
  readonly code = 'INVALID_CONFIG'
}

/** Every setting with its type; flag `--rpc.port` = path ['rpc','port']. */
const SETTINGS = {
  datadir: 'string',
  'log.level': 'string',
  'log.format': 'string',
  'rpc.enabled': 'boolean',
  'rpc.addr': 'string',
  'rpc.port': 'port',
  'rpc.cors': 'list',
  'rpc.maxBodyBytes': 'int',
  'rpc.maxBatch': 'int',
  'rpc.logsBlockRange': 'int',
  'rpc.logsMaxResults': 'int',
  'rpc.gasCap': 'bigint',
  'rpc.callTimeoutMs': 'int',
  'rpc.wsMaxConnections': 'int',
  'rpc.wsMaxSubscriptions': 'int',
  'rpc.wsMaxBufferedBytes': 'int',
  'rpc.wsMaxInFlight': 'int',
  'txpool.maxPerSender': 'int',
  'txpool.maxTotal': 'int',
  'txpool.maxTxBytes': 'int',
  'txpool.priceBumpPercent': 'int',
  'txpool.minTip': 'bigint',
  'validator.keystore': 'string',
  'validator.passwordFile': 'string',
  'p2p.enabled': 'boolean',
  'p2p.port': 'port',
  'p2p.addr': 'string',
  'p2p.maxPeers': 'int',
  'p2p.bootnodes': 'list',
  'origin.rpc': 'string',
  'origin.key': 'string',
  'origin.confirmations': 'int',
  'origin.commitEvery': 'int',
  'facilitator.enabled': 'boolean',
  'facilitator.key': 'string',
  blockTimeMs: 'int',
} as const
export type SettingName = keyof typeof SETTINGS
export const SETTING_NAMES = Object.keys(SETTINGS) as SettingName[]

export function defaultConfig(): NodeConfig {
  return {
    datadir: '',
    log: { level: 'info', format: 'auto' },
    rpc: { ...defaultRpcOptions, enabled: true, callTimeoutMs: 5000 },
    txpool: { ...defaultTxPoolOptions },
    validator: {},
    p2p: {
      enabled: true,
      port: defaultP2POptions.port,
      addr: defaultP2POptions.addr,
      maxPeers: defaultP2POptions.maxPeers,
      bootnodes: [],
    },
    origin: { confirmations: 0, commitEvery: 1 },
    facilitator: { enabled: false },
  }
}

export function envName(setting: string): string {
  return `MOSAIC_${setting
    .replace(/([a-z])([A-Z])/g, '$1_$2')
    .replace(/\./g, '_')
    .toUpperCase()}`
}

function coerce(name: SettingName, raw: unknown, source: string): unknown {
  const kind = SETTINGS[name]
  const fail = (want: string) =>
    new ConfigError(`${source} ${name}: expected ${want}, got ${JSON.stringify(raw)}`)
  switch (kind) {
    case 'string':
      if (typeof raw !== 'string' || raw === '') throw fail('a non-empty string')
      return raw
    case 'boolean':
      if (typeof raw === 'boolean') return raw
      if (raw === 'true' || raw === '1') return true
      if (raw === 'false' || raw === '0') return false
      throw fail('true or false')
    case 'int':
    case 'port': {
      const n =
        typeof raw === 'number'
          ? raw
          : typeof raw === 'string' && /^\d+$/.test(raw)
            ? Number(raw)
            : Number.NaN
      if (!Number.isSafeInteger(n) || n < 0) throw fail('a non-negative integer')
      if (kind === 'port' && n > 65535) throw fail('a port number 0-65535')
      return n
    }
    case 'bigint':
      if (typeof raw === 'number' && Number.isSafeInteger(raw) && raw >= 0) return BigInt(raw)
      if (typeof raw === 'string' && /^(0x[0-9a-fA-F]+|\d+)$/.test(raw)) return BigInt(raw)
      throw fail('a non-negative integer')
    case 'list':
      if (Array.isArray(raw) && raw.every((x) => typeof x === 'string')) return raw
      if (typeof raw === 'string')
        return raw
          .split(',')
          .map((s) => s.trim())
          .filter(Boolean)
      throw fail('a comma-separated list')
  }
}

function set(config: NodeConfig, name: SettingName, value: unknown): void {
  const parts = name.split('.')
  let obj = config as unknown as Record<string, unknown>
  for (const p of parts.slice(0, -1)) obj = obj[p] as Record<string, unknown>
  obj[parts[parts.length - 1]!] = value
}

function flatten(obj: Record<string, unknown>, prefix = ''): [string, unknown][] {
  const out: [string, unknown][] = []
  for (const [k, v] of Object.entries(obj)) {
    const name = prefix ? `${prefix}.${k}` : k
    if (v !== null && typeof v === 'object' && !Array.isArray(v))
      out.push(...flatten(v as Record<string, unknown>, name))
    else out.push([name, v])
  }
  return out
}

export interface ConfigSources {
  file?: string
  env?: NodeJS.ProcessEnv
  /** Flag values keyed by setting name (`rpc.port`); undefined = not given. */
  flags?: Partial<Record<SettingName, unknown>>
  /** Defaults of the command (dev mode differs from start). */
  overrides?: Partial<Record<SettingName, unknown>>
}

export async function loadConfig(src: ConfigSources): Promise<NodeConfig> {
  const config = defaultConfig()
  for (const [name, v] of Object.entries(src.overrides ?? {}))
    if (v !== undefined) set(config, name as SettingName, v)
  if (src.file) {
    let parsed: unknown
    try {
      parsed = JSON.parse(await readFile(src.file, 'utf8'))
    } catch (e) {
      throw new ConfigError(`config file ${src.file}: ${(e as Error).message.split('\n')[0]}`)
    }
    if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
      throw new ConfigError(`config file ${src.file}: expected a JSON object`)
    }
    for (const [name, v] of flatten(parsed as Record<string, unknown>)) {
      if (!(name in SETTINGS)) throw new ConfigError(`config file ${src.file}: unknown setting ${name}`)
      set(config, name as SettingName, coerce(name as SettingName, v, `config file ${src.file}:`))
    }
  }
  const env = src.env ?? {}
  for (const name of SETTING_NAMES) {
    const v = env[envName(name)]
    if (v !== undefined && v !== '') set(config, name, coerce(name, v, `environment ${envName(name)}:`))
  }
  for (const [name, v] of Object.entries(src.flags ?? {})) {
    if (v !== undefined) set(config, name as SettingName, coerce(name as SettingName, v, `flag --${name}:`))
  }
  return config
}
