// mosaic-node command line: init, start, dev, keys. Errors print one line and exit non-zero.
import { constants, existsSync, rmSync } from 'node:fs'
import { access, mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { createInterface } from 'node:readline'
import { Writable } from 'node:stream'
import { bytesToHex, hexToBytes } from '@ethereumjs/util'
import { Command } from 'commander'
import { type Logger, pino } from 'pino'
import pinoPretty from 'pino-pretty'
import type { DevOrigin } from '../consensus/index.ts'
import {
  CO_GATEWAY_ADDRESS,
  DEV_CHAIN_ID,
  DEV_MNEMONIC,
  devAccounts,
  devGenesisJson,
  devValidatorKeys,
  type Genesis,
  loadGenesisFile,
  parseGenesis,
} from '../genesis/index.ts'
import { bridgeCommand } from './bridgeCli.ts'
import { Chain } from './chain/chain.ts'
import { ChainError } from './chain/errors.ts'
import { exportRlpFile, importRlpFile } from './chain/rlpFile.ts'
import { type ConfigSources, loadConfig, type NodeConfig, type SettingName } from './config.ts'
import { bridgeGenesis, type GenesisOrigin, startDevnetOrigin } from './devnet.ts'
import { runDevnet } from './devnetRunner.ts'
import { importSummaryLine, progressReporter } from './importProgress.ts'
import { createKeystore, listKeystores, loadKeystore } from './keystore.ts'
import { MosaicNode, type NodeModules } from './node.ts'
import { VERSION } from './version.ts'

type Opts = Record<string, string | boolean | undefined>

/**
 * JSON lines for machines (log shippers, the tests, the benchmark); readable lines when a person
 * watches a terminal. `auto` picks by whether stderr is a terminal.
 */
function makeLogger(level: string, format = 'auto'): Logger {
  if (!['auto', 'json', 'pretty'].includes(format)) {
    throw new CliError(`--log.format: expected auto, json or pretty, got ${format}`)
  }
  const options = { level, base: undefined, timestamp: pino.stdTimeFunctions.isoTime }
  if (format === 'pretty' || (format === 'auto' && process.stderr.isTTY)) {
    return pino(
      options,
      pinoPretty({
        destination: 2,
        sync: true,
        translateTime: 'SYS:HH:MM:ss.l',
        ignore: 'module',
        singleLine: true,
      }),
    )
  }
  return pino(options, pino.destination(2))
}

function configFlags(cmd: Command, rpcDefaultPort?: number): Command {
  return cmd
    .option('--config <file>', 'JSON config file (defaults < file < MOSAIC_* env < flags)')
    .option('--log.level <level>', 'trace|debug|info|warn|error', undefined)
    .option('--log.format <format>', 'auto (readable on a terminal, else JSON) | json | pretty')
    .option('--rpc.addr <addr>', 'JSON-RPC listen address (default 127.0.0.1)')
    .option('--rpc.port <port>', `JSON-RPC port (default ${rpcDefaultPort ?? 8545})`)
    .option('--rpc.cors <origins>', 'comma-separated allowed CORS origins, * for any')
    .option('--rpc.maxBodyBytes <n>', 'largest request body')
    .option('--rpc.maxBatch <n>', 'largest JSON-RPC batch')
    .option('--rpc.gasCap <gas>', 'gas cap of eth_call / eth_estimateGas (default 50000000)')
    .option('--rpc.gascap <gas>', "same as --rpc.gasCap (geth's name)")
    .option('--rpc.callTimeoutMs <ms>', 'time limit of eth_call / eth_estimateGas (default 5000)')
    .option('--rpc.evmtimeout <duration>', "same as --rpc.callTimeoutMs, geth's form: 5s, 500ms")
    .option('--rpc.logsBlockRange <n>', 'widest eth_getLogs block range (default 10000)')
    .option('--rpc.logsMaxResults <n>', 'most logs one eth_getLogs returns (default 10000)')
    .option('--rpc.wsMaxConnections <n>', 'open WebSocket connections at most (default 1000)')
    .option('--rpc.wsMaxSubscriptions <n>', 'subscriptions per WebSocket connection (default 1000)')
    .option('--rpc.wsMaxBufferedBytes <n>', 'unread bytes before a WebSocket client is dropped')
    .option('--rpc.wsMaxInFlight <n>', 'requests of one WebSocket connection run at once (default 64)')
    .option('--txpool.maxTotal <n>', 'transactions the pool holds at most')
    .option('--txpool.maxPerSender <n>', 'transactions per sender at most')
    .option('--p2p.port <port>', 'p2p TCP port (default 30303; 0 picks a free one)')
    .option('--p2p.addr <addr>', 'p2p listen address (default 0.0.0.0; 127.0.0.1 in dev)')
    .option('--p2p.maxPeers <n>', 'most connected peers (default 50)')
    .option('--p2p.enabled <bool>', 'join the p2p network (default true; false in dev)')
    .option('--bootnodes <multiaddrs>', 'comma-separated multiaddrs (/ip4/…/tcp/…/p2p/…) to connect to')
    .option(
      '--origin.rpc <url>',
      'origin chain JSON-RPC (default: the genesis; dev: start Hardhat; none: no origin)',
    )
    .option('--origin.key <file>', 'file with the hex key paying for commits and reports, or "validator"')
    .option(
      '--origin.confirmations <n>',
      "origin blocks this deep are final (default 0: the origin's finalized tag)",
    )
    .option(
      '--origin.commitEvery <n>',
      'commit a finalised checkpoint at most every N aux blocks (default 1)',
    )
    .option('--facilitator', 'carry bridge messages across (needs --origin.key and an aux key)')
    .option(
      '--facilitator.key <file>',
      'file with the hex key paying aux bridge transactions, or "validator" (default: the validator key)',
    )
}

/** geth's flag names, accepted beside ours. */
const GETH_FLAGS: Record<string, { setting: SettingName; convert?: (v: string) => string }> = {
  'rpc.gascap': { setting: 'rpc.gasCap' },
  'rpc.evmtimeout': { setting: 'rpc.callTimeoutMs', convert: durationMs },
}

/** A Go-style duration (`5s`, `500ms`, `1m`) or plain milliseconds, as milliseconds. */
function durationMs(v: string): string {
  const m = /^(\d+(?:\.\d+)?)(ms|s|m)?$/.exec(v.trim())
  if (!m) throw new CliError(`--rpc.evmtimeout: expected a duration like 5s or 500ms, got ${v}`)
  const scale = m[2] === 's' ? 1000 : m[2] === 'm' ? 60_000 : 1
  return String(Math.round(Number(m[1]) * scale))
}

function flagsOf(opts: Opts): Partial<Record<SettingName, unknown>> {
  const out: Partial<Record<SettingName, unknown>> = {}
  for (const [k, v] of Object.entries(opts)) {
    if (k === 'config' || k === 'genesis' || v === undefined) continue
    if (k === 'facilitator') {
      out['facilitator.enabled'] = v
      continue
    }
    const alias = GETH_FLAGS[k]
    if (alias) {
      out[alias.setting] = alias.convert && typeof v === 'string' ? alias.convert(v) : v
      continue
    }
    out[(k === 'bootnodes' ? 'p2p.bootnodes' : k) as SettingName] = v
  }
  return out
}

async function readPassword(opts: Opts, prompt: string): Promise<string> {
  const file = opts['passwordFile'] ?? opts['validator.passwordFile']
  if (typeof file === 'string') return (await readFile(file, 'utf8')).replace(/\r?\n$/, '')
  if (process.env['MOSAIC_PASSWORD']) return process.env['MOSAIC_PASSWORD']
  if (!process.stdin.isTTY)
    throw new CliError('no password: pass --password-file FILE or set MOSAIC_PASSWORD')
  let muted = false
  const out = new Writable({
    write(chunk, _enc, cb) {
      if (!muted) process.stderr.write(chunk)
      cb()
    },
  })
  const rl = createInterface({ input: process.stdin, output: out, terminal: true })
  return new Promise((res) => {
    rl.question(prompt, (answer) => {
      rl.close()
      process.stderr.write('\n')
      res(answer)
    })
    muted = true
  })
}

class CliError extends Error {}

/** `--origin.key`: a file holding a hex private key, or `validator` for the validator key. */
function originKeyOf(
  config: NodeConfig,
  validatorKey: Uint8Array | undefined,
): Promise<Uint8Array | undefined> {
  return keyOf('--origin.key', config.origin.key, validatorKey)
}

/** `--facilitator.key`, like --origin.key; the validator key when not given. */
async function facilitatorKeyOf(
  config: NodeConfig,
  validatorKey: Uint8Array | undefined,
): Promise<Uint8Array | undefined> {
  if (!config.facilitator.enabled) return undefined
  const key = await keyOf('--facilitator.key', config.facilitator.key ?? 'validator', validatorKey)
  if (!key)
    throw new CliError('--facilitator: needs --facilitator.key (or a validator key) for aux transactions')
  return key
}

async function keyOf(
  flag: string,
  k: string | undefined,
  validatorKey: Uint8Array | undefined,
): Promise<Uint8Array | undefined> {
  if (k === undefined) return undefined
  if (k === 'validator') {
    if (!validatorKey) throw new CliError(`${flag} validator: this node has no validator key`)
    return validatorKey
  }
  const hex = (
    await readFile(k, 'utf8').catch(() => {
      throw new CliError(`${flag}: cannot read ${k}`)
    })
  ).trim()
  const key = hexToBytes((hex.startsWith('0x') ? hex : `0x${hex}`) as `0x${string}`)
  if (key.length !== 32) throw new CliError(`${flag}: ${k} does not hold a 32-byte hex private key`)
  return key
}

async function runNode(config: NodeConfig, modules: NodeModules, onStarted?: (node: MosaicNode) => void) {
  const node = await MosaicNode.create(config, modules)
  let exiting = false
  const shutdown = (signal: string) => {
    if (exiting) return
    exiting = true
    modules.logger.info({ signal }, 'signal received')
    node.stop().then(
      () => process.exit(0),
      (e: unknown) => {
        modules.logger.error({ err: e }, 'shutdown failed')
        process.exit(1)
      },
    )
  }
  process.on('SIGINT', () => shutdown('SIGINT'))
  process.on('SIGTERM', () => shutdown('SIGTERM'))
  await node.start()
  onStarted?.(node)
}

export function buildCli(): Command {
  const program = new Command('mosaic-node')
    .description('Mosaic auxiliary-chain node: EVM execution, staked finality, Ethereum JSON-RPC')
    .version(VERSION)
    .showHelpAfterError()

  program
    .command('init')
    .description('create a data directory from a genesis file')
    .requiredOption('--genesis <file>', 'geth-style genesis.json with a mosaic section')
    .requiredOption('--datadir <dir>', 'data directory to create')
    .option('--log.level <level>', 'log level', 'info')
    .action(async (opts: Opts) => {
      const genesis = await loadGenesisFile(String(opts['genesis']))
      const logger = makeLogger(String(opts['log.level']))
      const chain = await Chain.open({ datadir: String(opts['datadir']) }, { logger, genesis })
      const hash = bytesToHex(chain.genesisBlock.hash())
      await chain.close()
      process.stdout.write(`initialised ${opts['datadir']} (chain id ${genesis.chainId}, genesis ${hash})\n`)
    })

  configFlags(
    program
      .command('start')
      .description('run a node on an initialised data directory')
      .option('--datadir <dir>', 'data directory (see init)')
      .option(
        '--genesis <file>',
        'genesis file: initialises an empty data directory, checked against a used one',
      )
      .option(
        '--validator.keystore <file>',
        'encrypted key (Web3 Secret Storage) of a validator of this chain',
      )
      .option('--validator.passwordFile <file>', 'file holding the keystore password'),
  ).action(async (opts: Opts) => {
    const config = await loadConfig(sources(opts))
    if (!config.datadir) throw new CliError('--datadir is required')
    const logger = makeLogger(config.log.level, config.log.format)
    const genesis = opts['genesis'] ? await loadGenesisFile(String(opts['genesis'])) : undefined
    let validatorKey: Uint8Array | undefined
    if (config.validator.keystore) {
      const password = await readPassword(
        { passwordFile: config.validator.passwordFile },
        'keystore password: ',
      )
      validatorKey = (await loadKeystore(config.validator.keystore, password)).privateKey
    }
    const originKey = await originKeyOf(config, validatorKey)
    const facilitatorKey = await facilitatorKeyOf(config, validatorKey)
    await runNode(config, {
      logger,
      ...(genesis ? { genesis } : {}),
      ...(validatorKey ? { validatorKey } : {}),
      ...(originKey ? { originKey } : {}),
      ...(facilitatorKey ? { facilitatorKey } : {}),
    })
  })

  configFlags(
    program
      .command('dev')
      .description('run a single-validator development chain with funded, unlocked accounts')
      .option('--datadir <dir>', 'keep the chain here (default: a temporary directory, removed on exit)')
      .option('--dev.blockTime <seconds>', 'seconds between blocks (default 1)')
      .option('--dev.chainId <id>', 'chain id of a new dev chain (default 1515)'),
  ).action(async (opts: Opts) => {
    const { ['dev.blockTime']: blockTime, ['dev.chainId']: chainIdFlag, ...rest } = opts
    const blockTimeMs = blockTime === undefined ? undefined : Math.round(Number(blockTime) * 1000)
    if (blockTimeMs !== undefined && (!Number.isFinite(blockTimeMs) || blockTimeMs <= 0)) {
      throw new CliError(`--dev.blockTime: expected a positive number of seconds, got ${blockTime}`)
    }
    const config = await loadConfig({ ...sources(rest), overrides: DEV_OVERRIDES })
    const temporary = !config.datadir
    if (temporary) config.datadir = await mkdtemp(join(tmpdir(), 'mosaic-dev-'))
    if (blockTimeMs !== undefined) config.blockTimeMs = blockTimeMs
    const logger = makeLogger(config.log.level, config.log.format)
    const validator = devValidatorKeys(1)[0]!
    let genesis: Genesis | undefined
    let origin: DevOrigin | undefined
    if (!existsSync(join(config.datadir, 'chaindata'))) {
      const chainId = chainIdFlag ? BigInt(String(chainIdFlag)) : DEV_CHAIN_ID
      // The stake lives on a real origin chain: Hardhat's node unless --origin.rpc names one (or none).
      let originGenesis: GenesisOrigin | undefined
      if (config.origin.rpc !== 'none') {
        const started = await startDevnetOrigin({
          validators: 1,
          chainId,
          ...(config.origin.rpc ? { rpcUrl: config.origin.rpc } : {}),
          logger,
        })
        origin = started.origin
        originGenesis = started.genesis
        config.origin.rpc = started.genesis.rpc
      }
      const json = devGenesisJson({
        chainId,
        ...(blockTimeMs ? { blockTimeMs } : {}),
        ...(originGenesis ? { bridge: bridgeGenesis(originGenesis) } : {}),
      })
      if (originGenesis) (json.mosaic as Record<string, unknown>)['origin'] = originGenesis
      genesis = parseGenesis(json)
    } else if (config.origin.rpc === undefined) {
      // A kept dev chain's origin was a Hardhat node of an earlier run, gone now.
      config.origin.rpc = 'none'
    }
    if (origin) {
      const stop = origin.stop
      process.on('exit', () => void stop())
    } else config.facilitator.enabled = false
    const accounts = devAccounts(10)
    if (temporary) {
      process.on('exit', () => {
        rmSync(config.datadir, { recursive: true, force: true })
      })
    }
    await runNode(
      config,
      {
        logger,
        ...(genesis ? { genesis } : {}),
        validatorKey: hexToBytes(validator.privateKey),
        ...(origin ? { originKey: hexToBytes(validator.privateKey) } : {}),
        // The dev validator has no coin on aux; the last dev account pays the facilitator's aux gas.
        ...(config.facilitator.enabled
          ? {
              facilitatorKey: config.facilitator.key
                ? (await facilitatorKeyOf(config, hexToBytes(validator.privateKey)))!
                : hexToBytes(accounts[accounts.length - 1]!.privateKey),
            }
          : {}),
        devAccounts: accounts.map((a) => ({
          address: hexToBytes(a.address),
          privateKey: hexToBytes(a.privateKey),
        })),
      },
      (node) => {
        const lines = [
          '',
          'mosaic-node dev chain',
          `  chain id    ${node.chain.chainId}`,
          `  RPC URL     ${node.rpcUrl ?? '(disabled)'}`,
          `  data dir    ${config.datadir}${temporary ? ' (temporary)' : ''}`,
          `  validator   ${validator.address}`,
          ...(origin
            ? [
                `  origin RPC  ${origin.url} (chain id ${origin.chainId}${origin.started ? ", Hardhat's node" : ''})`,
                `  Stake       ${origin.deployment.stake}`,
                `  Core        ${origin.deployment.core}`,
                `  stake token ${origin.deployment.token}`,
                `  Gateway     ${origin.deployment.gateway} (base token MVT ${origin.deployment.valueToken})`,
                `  CoGateway   ${CO_GATEWAY_ADDRESS} on aux${config.facilitator.enabled ? ', facilitator on' : ''}`,
              ]
            : ['  origin      none (--origin.rpc none)']),
          `  mnemonic    ${DEV_MNEMONIC}`,
          '',
          'Accounts (10,000 ETH each):',
          ...accounts.map((a, i) => `  (${i}) ${a.address}  key ${a.privateKey}`),
          '',
        ]
        process.stdout.write(`${lines.join('\n')}\n`)
      },
    )
  })

  program
    .command('import')
    .description('execute and store the blocks of a file of concatenated RLP blocks (geth export format)')
    .argument('<file>', 'file of concatenated RLP blocks')
    .requiredOption('--datadir <dir>', 'data directory (created from --genesis when empty)')
    .option(
      '--genesis <file>',
      'genesis of the chain; a geth genesis without a mosaic section makes a foreign, read-only chain',
    )
    .option(
      '--trusted',
      'skip our seal rules (a chain sealed by another consensus); execution is always checked',
    )
    .option('--log.level <level>', 'log level', 'info')
    .option('--log.format <format>', 'auto (readable on a terminal, else JSON) | json | pretty')
    .action(async (file: string, opts: Opts) => {
      const logger = makeLogger(String(opts['log.level']), opts['log.format'] as string | undefined)
      await access(file, constants.R_OK).catch((e: NodeJS.ErrnoException) => {
        throw new CliError(`cannot read ${file}: ${e.code === 'ENOENT' ? 'no such file' : e.code}`)
      })
      const genesis = opts['genesis']
        ? await loadGenesisFile(String(opts['genesis']), { allowForeign: true })
        : undefined
      const chain = await Chain.open(
        { datadir: String(opts['datadir']) },
        { logger, ...(genesis ? { genesis } : {}) },
      ).catch((e: unknown) => {
        if (e instanceof ChainError && e.code === 'NO_GENESIS') {
          throw new CliError(`data directory ${opts['datadir']} is empty: pass --genesis GENESIS.json`)
        }
        throw e
      })
      // Ctrl-C stops between blocks: everything imported so far stays.
      const abort = new AbortController()
      const onSignal = () => abort.abort()
      process.once('SIGINT', onSignal)
      process.once('SIGTERM', onSignal)
      const progress = progressReporter(logger, process.stderr.isTTY === true)
      try {
        const summary = await importRlpFile(chain, file, {
          trusted: opts['trusted'] === true,
          onProgress: (p) => progress.update(p),
          signal: abort.signal,
        })
        progress.stop()
        process.stdout.write(`${importSummaryLine(summary)}${abort.signal.aborted ? ' (interrupted)' : ''}\n`)
      } finally {
        progress.stop()
        process.off('SIGINT', onSignal)
        process.off('SIGTERM', onSignal)
        await chain.close()
      }
    })

  program
    .command('export')
    .description('write canonical blocks as concatenated RLP (geth export format)')
    .argument('<file>', 'output file')
    .requiredOption('--datadir <dir>', 'data directory (not in use by a running node)')
    .option('--from <n>', 'first block', '1')
    .option('--to <n>', 'last block (default: the head)')
    .option('--log.level <level>', 'log level', 'warn')
    .action(async (file: string, opts: Opts) => {
      const from = blockNumberFlag('--from', opts['from'])
      const to = opts['to'] === undefined ? undefined : blockNumberFlag('--to', opts['to'])
      const logger = makeLogger(String(opts['log.level']))
      const chain = await Chain.open({ datadir: String(opts['datadir']) }, { logger })
      try {
        const r = await exportRlpFile(chain, file, { from, to: to ?? chain.head.header.number })
        process.stdout.write(
          `exported blocks ${r.from}..${r.to} (${r.blocks} blocks, ${r.bytes} bytes) to ${file}\n`,
        )
      } finally {
        await chain.close()
      }
    })

  program
    .command('devnet')
    .description('run N validator processes (and M full nodes) on 127.0.0.1, connected through bootnodes')
    .option('--validators <n>', 'validator processes', '4')
    .option('--full-nodes <n>', 'full nodes (no validator key)', '0')
    .option('--rpc.port <port>', 'node i serves JSON-RPC on BASE+i', '8545')
    .option('--p2p.port <port>', 'node i listens for peers on BASE+i', '30303')
    .option('--dev.blockTime <seconds>', 'seconds between blocks', '1')
    .option('--datadir <dir>', 'keep the network here (default: a temporary directory, removed on exit)')
    .option('--log.level <level>', 'log level of the nodes (logs go to DIR/nodeI/node.log)', 'info')
    .option('--origin.rpc <url>', "origin chain JSON-RPC (default: start Hardhat's node; none: no origin)")
    .action(async (opts: Opts) => {
      const int = (name: string, min: number) => {
        const v = Number(opts[name])
        if (!Number.isSafeInteger(v) || v < min)
          throw new CliError(
            `--${name === 'fullNodes' ? 'full-nodes' : name}: expected an integer >= ${min}, got ${opts[name]}`,
          )
        return v
      }
      const blockTimeMs = Math.round(Number(opts['dev.blockTime']) * 1000)
      if (!(blockTimeMs > 0)) throw new CliError(`--dev.blockTime: expected a positive number of seconds`)
      await runDevnet({
        validators: int('validators', 1),
        fullNodes: int('fullNodes', 0),
        rpcBase: int('rpc.port', 1),
        p2pBase: int('p2p.port', 1),
        blockTimeMs,
        logLevel: String(opts['log.level']),
        ...(typeof opts['datadir'] === 'string' ? { dir: opts['datadir'] } : {}),
        ...(typeof opts['origin.rpc'] === 'string' ? { originRpc: opts['origin.rpc'] } : {}),
      })
    })

  program.addCommand(bridgeCommand())

  const keys = program.command('keys').description('manage encrypted validator keys (Web3 Secret Storage v3)')
  keys
    .command('new')
    .description('create a new key')
    .option('--keystore <dir>', 'keystore directory', 'keystore')
    .option('--password-file <file>', 'file holding the password')
    .action(async (opts: Opts) => {
      const password = await readPassword(opts, 'password for the new key: ')
      const { address, path } = await createKeystore(String(opts['keystore']), password)
      process.stdout.write(`${address} ${path}\n`)
    })
  keys
    .command('import')
    .description('import a private key (hex, from a file) into the keystore')
    .argument('<keyfile>', 'file holding the hex private key')
    .option('--keystore <dir>', 'keystore directory', 'keystore')
    .option('--password-file <file>', 'file holding the password')
    .action(async (keyfile: string, opts: Opts) => {
      const hex = (await readFile(keyfile, 'utf8')).trim()
      const privateKey = hexToBytes((hex.startsWith('0x') ? hex : `0x${hex}`) as `0x${string}`)
      if (privateKey.length !== 32) throw new CliError(`${keyfile}: expected a 32-byte hex private key`)
      const password = await readPassword(opts, 'password for the imported key: ')
      const { address, path } = await createKeystore(String(opts['keystore']), password, { privateKey })
      process.stdout.write(`${address} ${path}\n`)
    })
  keys
    .command('list')
    .description('list keys in the keystore')
    .option('--keystore <dir>', 'keystore directory', 'keystore')
    .action(async (opts: Opts) => {
      for (const k of await listKeystores(String(opts['keystore'])))
        process.stdout.write(`${k.address} ${k.path}\n`)
    })

  program
    .command('genesis')
    .description('print a dev genesis.json to start from')
    .option('--out <file>', 'write to a file instead of stdout')
    .action(async (opts: Opts) => {
      const json = `${JSON.stringify(devGenesisJson(), null, 2)}\n`
      if (opts['out']) {
        await mkdir(resolve(String(opts['out']), '..'), { recursive: true })
        await writeFile(String(opts['out']), json)
      } else process.stdout.write(json)
    })

  return program
}

function blockNumberFlag(flag: string, v: unknown): bigint {
  const s = String(v)
  if (!/^(0x[0-9a-fA-F]+|[0-9]+)$/.test(s)) throw new CliError(`${flag}: expected a block number, got ${s}`)
  return BigInt(s)
}

function sources(opts: Opts): ConfigSources {
  return {
    ...(typeof opts['config'] === 'string' ? { file: opts['config'] } : {}),
    env: process.env,
    flags: flagsOf(opts),
  }
}

/**
 * Dev chains serve scripts that fire thousands of transactions at once (deployments, load tests), as
 * Hardhat and anvil allow; a public node keeps geth-like pool limits against spam.
 */
const DEV_OVERRIDES: Partial<Record<SettingName, unknown>> = {
  'log.level': 'info',
  // A single-validator dev chain needs no peers; devnet turns the network on.
  'p2p.enabled': false,
  'p2p.addr': '127.0.0.1',
  'txpool.maxPerSender': 4096,
  'txpool.maxTotal': 100_000,
  // Deposits and withdrawals just work on a dev chain with its origin (off without one, below).
  'facilitator.enabled': true,
}

export async function main(argv: string[]): Promise<void> {
  try {
    await buildCli().parseAsync(argv)
  } catch (e) {
    const err = e as { message?: string; code?: string }
    process.stderr.write(`error: ${String(err.message ?? e).split('\n')[0]}\n`)
    process.exitCode = 1
  }
}
