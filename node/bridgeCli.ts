// `mosaic-node bridge deposit|withdraw|status|unlock|revert`: the user's side of the gateways (issue 6).
// Talks to an aux node's JSON-RPC (`--rpc`) and the origin (`--origin.rpc`, default: the one that
// node uses), signing with the user's key on both chains. Errors print one line (cli.ts main()).
import { readFile } from 'node:fs/promises'
import { Command } from 'commander'
import { type Hex, isAddress, isHex, parseUnits } from 'viem'
import { privateKeyToAccount } from 'viem/accounts'
import { Bridge, BridgeError, hashLockOf, publicClient, TxSender } from './bridge/index.ts'
import { deposit, newSecret, revoke, type UserContext, unlock, waitArrived, withdraw } from './bridge/user.ts'
import { loadKeystore } from './keystore.ts'

type Opts = Record<string, string | boolean | undefined>

const out = (line: string) => process.stdout.write(`${line}\n`)

function common(cmd: Command): Command {
  return cmd
    .option('--rpc <url>', 'aux node JSON-RPC', 'http://127.0.0.1:8545')
    .option('--origin.rpc <url>', "origin JSON-RPC (default: the aux node's, from mosaic_status)")
    .option('--key <file>', 'file with the hex private key (dev), or the 0x key itself')
    .option('--keystore <file>', 'encrypted key (Web3 Secret Storage)')
    .option('--password-file <file>', 'file holding the keystore password (or MOSAIC_PASSWORD)')
    .option('--timeout <seconds>', 'give up waiting after this long')
}

function transferFlags(cmd: Command): Command {
  return common(cmd)
    .argument('<amount>', 'amount in tokens (18 decimals), e.g. 100 or 0.5')
    .option('--token <address>', 'origin value token (default: the base token)')
    .option('--beneficiary <address>', 'who receives it on the other chain (default: the sender)')
    .option('--fee-gas-price <wei>', "facilitator's fee: price per gas (default 0)")
    .option(
      '--fee-gas-limit <gas>',
      "facilitator's fee: gas (default 0); fee = price x gas, taken from the amount",
    )
    .option('--hash-lock [secret]', 'lock the message with a secret (given, or made and printed)')
    .option('--wait', 'wait until the amount is spendable on the other chain')
}

async function rpcCall<T>(url: string, method: string, params: unknown[]): Promise<T> {
  let res: Response
  try {
    res = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ jsonrpc: '2.0', id: 1, method, params }),
    })
  } catch {
    throw new BridgeError(`${method}: aux node ${url} unreachable`)
  }
  const body = (await res.json()) as { result?: T; error?: { message: string } }
  if (body.error) throw new BridgeError(`${method}: ${body.error.message}`)
  return body.result as T
}

async function keyOf(opts: Opts): Promise<Hex> {
  if (typeof opts['keystore'] === 'string') {
    const file = opts['passwordFile']
    const password =
      typeof file === 'string'
        ? (await readFile(file, 'utf8')).replace(/\r?\n$/, '')
        : process.env['MOSAIC_PASSWORD']
    if (password === undefined)
      throw new BridgeError('no password: pass --password-file FILE or set MOSAIC_PASSWORD')
    const { privateKey } = await loadKeystore(opts['keystore'], password)
    return `0x${Buffer.from(privateKey).toString('hex')}`
  }
  const k = opts['key']
  if (typeof k !== 'string') throw new BridgeError('no key: pass --keystore FILE or --key FILE')
  const text = /^(0x)?[0-9a-fA-F]{64}$/.test(k)
    ? k
    : (
        await readFile(k, 'utf8').catch(() => {
          throw new BridgeError(`--key: cannot read ${k}`)
        })
      ).trim()
  const hex = (text.startsWith('0x') ? text : `0x${text}`) as Hex
  if (!/^0x[0-9a-fA-F]{64}$/.test(hex)) throw new BridgeError('--key: expected a 32-byte hex private key')
  return hex
}

async function contextOf(opts: Opts, withKey: boolean): Promise<UserContext & { auxUrl: string }> {
  const auxUrl = String(opts['rpc'])
  let originUrl = typeof opts['origin.rpc'] === 'string' ? opts['origin.rpc'] : undefined
  const status = await rpcCall<{ origin?: { rpcUrl?: string; contracts?: { core?: string } } | null }>(
    auxUrl,
    'mosaic_status',
    [],
  )
  originUrl ??= status.origin?.rpcUrl
  if (!originUrl) throw new BridgeError('the aux node has no origin chain: pass --origin.rpc')
  const core = status.origin?.contracts?.core as Hex | undefined
  const bridge = await Bridge.connect(publicClient(originUrl), publicClient(auxUrl), core)
  const account = privateKeyToAccount(withKey ? await keyOf(opts) : `0x${'11'.repeat(32)}`)
  const timeout = opts['timeout'] === undefined ? undefined : Number(opts['timeout']) * 1000
  return {
    auxUrl,
    bridge,
    origin: new TxSender(bridge.origin, account, { chain: 'origin' }),
    aux: new TxSender(bridge.aux, account, { chain: 'aux' }),
    report: out,
    ...(timeout !== undefined && Number.isFinite(timeout) ? { timeoutMs: timeout } : {}),
  }
}

function address(flag: string, v: unknown): Hex | undefined {
  if (v === undefined) return undefined
  if (typeof v !== 'string' || !isAddress(v, { strict: false }))
    throw new BridgeError(`${flag}: expected an address, got ${String(v)}`)
  return v.toLowerCase() as Hex
}

function integer(flag: string, v: unknown): bigint | undefined {
  if (v === undefined) return undefined
  if (typeof v !== 'string' || !/^(0x[0-9a-fA-F]+|\d+)$/.test(v))
    throw new BridgeError(`${flag}: expected an integer, got ${String(v)}`)
  return BigInt(v)
}

function messageHashArg(v: string): Hex {
  if (!isHex(v) || v.length !== 66) throw new BridgeError(`expected a 32-byte message hash, got ${v}`)
  return v.toLowerCase() as Hex
}

/** The transfer flags as a request; a hash lock made here prints its secret. */
function requestOf(amount: string, opts: Opts) {
  let value: bigint
  try {
    value = parseUnits(amount, 18)
  } catch {
    throw new BridgeError(`amount: expected a number of tokens, got ${amount}`)
  }
  let hashLock: Hex | undefined
  const lock = opts['hashLock']
  if (lock === true) {
    const s = newSecret()
    out(`unlock secret ${s.secret} (keep it: the message waits for it on the other chain)`)
    hashLock = s.hashLock
  } else if (typeof lock === 'string') {
    if (!isHex(lock) || lock.length !== 66)
      throw new BridgeError('--hash-lock: expected a 32-byte hex secret')
    hashLock = hashLockOf(lock)
  }
  const token = address('--token', opts['token'])
  const beneficiary = address('--beneficiary', opts['beneficiary'])
  const feeGasPrice = integer('--fee-gas-price', opts['feeGasPrice'])
  const feeGasLimit = integer('--fee-gas-limit', opts['feeGasLimit'])
  return {
    amount: value,
    ...(token ? { valueToken: token } : {}),
    ...(beneficiary ? { beneficiary } : {}),
    ...(feeGasPrice !== undefined ? { feeGasPrice } : {}),
    ...(feeGasLimit !== undefined ? { feeGasLimit } : {}),
    ...(hashLock ? { hashLock } : {}),
  }
}

async function kindOf(auxUrl: string, h: Hex): Promise<'deposit' | 'withdraw'> {
  const m = await rpcCall<{ kind: 'deposit' | 'withdraw' } | null>(auxUrl, 'mosaic_getMessage', [h])
  if (!m) throw new BridgeError(`unknown message ${h}: neither gateway declared it`)
  return m.kind
}

export function bridgeCommand(): Command {
  const bridge = new Command('bridge').description(
    'move tokens between the origin and this aux chain (gateways)',
  )

  transferFlags(
    bridge.command('deposit').description('lock tokens on the origin, minted on aux (Gateway.stake)'),
  ).action(async (amount: string, opts: Opts) => {
    const ctx = await contextOf(opts, true)
    const d = await deposit(ctx, requestOf(amount, opts))
    if (opts['wait']) {
      await waitArrived(ctx, {
        messageHash: d.messageHash,
        kind: 'deposit',
        declaredBlock: d.sent.receipt.blockNumber,
      })
    }
  })

  transferFlags(
    bridge.command('withdraw').description('burn on aux, released on the origin (CoGateway.redeem)'),
  ).action(async (amount: string, opts: Opts) => {
    const ctx = await contextOf(opts, true)
    const d = await withdraw(ctx, requestOf(amount, opts))
    if (opts['wait']) {
      await waitArrived(ctx, {
        messageHash: d.messageHash,
        kind: 'withdraw',
        declaredBlock: d.sent.receipt.blockNumber,
      })
    }
  })

  bridge
    .command('status')
    .description("a message's steps on both chains and its status (mosaic_getMessage)")
    .argument('<messageHash>')
    .option('--rpc <url>', 'aux node JSON-RPC', 'http://127.0.0.1:8545')
    .action(async (h: string, opts: Opts) => {
      const m = await rpcCall<unknown>(String(opts['rpc']), 'mosaic_getMessage', [messageHashArg(h)])
      if (m === null) throw new BridgeError(`unknown message ${h}: neither gateway declared it`)
      out(JSON.stringify(m, null, 2))
    })

  common(bridge.command('unlock').description('progress a hash-locked message with its secret'))
    .argument('<messageHash>')
    .requiredOption('--secret <hex>', 'the unlock secret')
    .action(async (h: string, opts: Opts) => {
      const ctx = await contextOf(opts, true)
      const hash = messageHashArg(h)
      const secret = String(opts['secret'])
      if (!isHex(secret) || secret.length !== 66) throw new BridgeError('--secret: expected 32 bytes of hex')
      await unlock(ctx, hash, await kindOf(ctx.auxUrl, hash), secret)
    })

  common(
    bridge.command('revert').description('revoke a message the other side never confirmed; funds return'),
  )
    .argument('<messageHash>')
    .action(async (h: string, opts: Opts) => {
      const ctx = await contextOf(opts, true)
      const hash = messageHashArg(h)
      await revoke(ctx, hash, await kindOf(ctx.auxUrl, hash))
    })

  return bridge
}
