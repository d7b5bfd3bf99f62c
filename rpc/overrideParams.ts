// eth_call's state overrides (3rd parameter) and block overrides (4th), in geth's JSON shapes
// (internal/ethapi/override). Unlike geth, unknown fields are rejected: a misspelt `state` silently
// ignored would make a call answer about state the caller did not mean.
import { toChecksumAddress } from '@ethereumjs/util'
import type { AccountOverride, BlockOverrides, CallOverrides, StateOverride } from './backend.ts'
import { invalidArgument } from './errors.ts'
import { address, bytes, hash, type ParamPath as Path, quantity, uint64 } from './params.ts'

function at(p: Path, field: string): Path {
  return { index: p.index, field: p.field === undefined ? field : `${p.field}.${field}` }
}

function fail(p: Path, what: string): never {
  throw invalidArgument(p.index, p.field === undefined ? what : `${p.field}: ${what}`)
}

function object(v: unknown, p: Path, kind: string): Record<string, unknown> {
  if (typeof v !== 'object' || v === null || Array.isArray(v))
    fail(p, `cannot unmarshal non-object into ${kind}`)
  return v as Record<string, unknown>
}

type Parse<T> = (out: T, v: unknown, p: Path) => void

const ACCOUNT_FIELDS: Record<string, Parse<AccountOverride>> = {
  balance: (o, v, p) => {
    o.balance = quantity(v, p)
  },
  nonce: (o, v, p) => {
    o.nonce = uint64(v, p)
  },
  code: (o, v, p) => {
    o.code = bytes(v, p)
  },
  state: (o, v, p) => {
    o.state = slots(v, p)
  },
  stateDiff: (o, v, p) => {
    o.stateDiff = slots(v, p)
  },
  movePrecompileToAddress: (_o, _v, p) => fail(p, 'moving precompiles is not supported'),
}

/** Sets each present field of `o` with its parser, refusing names the table does not know. */
function parseFields<T>(o: Record<string, unknown>, p: Path, table: Record<string, Parse<T>>, out: T): T {
  for (const [k, v] of Object.entries(o)) {
    const parse = Object.hasOwn(table, k) ? table[k] : undefined
    if (!parse) fail(p, `unknown field "${k}"`)
    if (v !== null && v !== undefined) parse(out, v, at(p, k))
  }
  return out
}

function slots(v: unknown, p: Path): [Uint8Array, Uint8Array][] {
  const o = object(v, p, 'map[common.Hash]common.Hash')
  return Object.entries(o).map(([k, x]) => [hash(k, at(p, k)), hash(x, at(p, k))])
}

/** `{ [address]: { balance?, nonce?, code?, state? | stateDiff? } }` */
export function stateOverride(v: unknown, where: number | Path): StateOverride {
  const p: Path = typeof where === 'number' ? { index: where } : where
  const o = object(v, p, 'state override')
  return Object.entries(o).map(([k, x]) => {
    const q = at(p, k)
    const account = parseFields<AccountOverride>(object(x, q, 'account override'), q, ACCOUNT_FIELDS, {})
    if (account.state !== undefined && account.stateDiff !== undefined) {
      // geth names the account checksummed (common.Address.Hex).
      fail(
        { index: p.index },
        `account ${toChecksumAddress(k.toLowerCase())} has both 'state' and 'stateDiff'`,
      )
    }
    return { address: address(k, q), account }
  })
}

const ignore: Parse<BlockOverrides> = (_o, v, p) => {
  // Proof-of-stake blocks have no difficulty; geth accepts the field and ignores it too.
  quantity(v, p)
}
const unsupported: Parse<BlockOverrides> = (_o, _v, p) => {
  // geth refuses these outside eth_simulateV1 with the same words.
  fail(
    { index: p.index },
    `block override "${p.field?.split('.').pop()}" is not supported for this RPC method`,
  )
}
const setCoinbase: Parse<BlockOverrides> = (o, v, p) => {
  o.coinbase = address(v, p)
}
const setPrevRandao: Parse<BlockOverrides> = (o, v, p) => {
  o.prevRandao = hash(v, p)
}
const setBaseFee: Parse<BlockOverrides> = (o, v, p) => {
  o.baseFee = quantity(v, p)
}

// geth's current names, and the names geth used before 1.14 (coinbase, random, baseFee).
const BLOCK_FIELDS: Record<string, Parse<BlockOverrides>> = {
  number: (o, v, p) => {
    o.number = quantity(v, p)
  },
  difficulty: ignore,
  time: (o, v, p) => {
    o.time = uint64(v, p)
  },
  gasLimit: (o, v, p) => {
    o.gasLimit = uint64(v, p)
  },
  feeRecipient: setCoinbase,
  coinbase: setCoinbase,
  prevRandao: setPrevRandao,
  random: setPrevRandao,
  baseFeePerGas: setBaseFee,
  baseFee: setBaseFee,
  blobBaseFee: (o, v, p) => {
    o.blobBaseFee = quantity(v, p)
  },
  beaconRoot: unsupported,
  withdrawals: unsupported,
}

/** `{ number?, time?, gasLimit?, feeRecipient?, prevRandao?, baseFeePerGas?, blobBaseFee? }` */
export function blockOverrides(v: unknown, where: number | Path): BlockOverrides {
  const p: Path = typeof where === 'number' ? { index: where } : where
  return parseFields<BlockOverrides>(object(v, p, 'block overrides'), p, BLOCK_FIELDS, {})
}

/** eth_call's optional 3rd and 4th parameters. */
export function callOverrides(
  state: unknown,
  stateIndex: number,
  block: unknown,
  blockIndex: number,
): CallOverrides {
  const out: CallOverrides = {}
  if (state !== undefined) out.state = stateOverride(state, stateIndex)
  if (block !== undefined) out.block = blockOverrides(block, blockIndex)
  return out
}
