// Where geth accepts or returns more than the execution-apis schemas allow. The generated table
// stays exactly the spec; these entries are applied on top when the validators are built, each with
// the reason it exists. Keep every entry small and name the geth behaviour it follows.
import type { JsonSchema, SpecParam } from './types.ts'

/** A component definition: a replacement, or a function of the spec's definition. */
export type DefPatch = JsonSchema | ((spec: JsonSchema) => JsonSchema)

export interface SchemaPatch {
  reason: string
  /** Component definitions (by name) replaced wherever they are used on this side. */
  defs?: Record<string, DefPatch>
  /** The method that `params` and `extraParams` apply to. */
  method?: string
  /** Param schemas replaced by position. */
  params?: Record<number, JsonSchema>
  /** The result schema, replaced or rewritten. */
  result?: DefPatch
  /** Optional params geth takes after the spec's. */
  extraParams?: SpecParam[]
}

const ref = (name: string): JsonSchema => ({ $ref: `#/$defs/${name}` })

/** geth's hexutil accepts `0x` or `0X` and digits in either case; the spec's patterns are lower case. */
function anyCaseHex(spec: JsonSchema): JsonSchema {
  const pattern = spec['pattern']
  if (typeof pattern !== 'string') throw new Error('anyCaseHex: a pattern is needed')
  return { ...spec, pattern: pattern.replace('^0x', '^0[xX]').replaceAll('0-9a-f]', '0-9a-fA-F]') }
}

/**
 * Go's JSON decoding: unknown fields are ignored and `null` leaves an optional (pointer) field
 * unset. So objects lose `additionalProperties: false` and optional properties also take null.
 */
function goObject(spec: JsonSchema): JsonSchema {
  const { additionalProperties: _, properties, required, ...rest } = spec
  const req = new Set(Array.isArray(required) ? (required as string[]) : [])
  const props: Record<string, JsonSchema> = {}
  for (const [k, v] of Object.entries((properties ?? {}) as Record<string, JsonSchema>)) {
    // The spec's schema first: a present value then matches without a failed branch to record.
    props[k] = req.has(k) ? v : { anyOf: [v, { type: 'null' }] }
  }
  return required === undefined ? { ...rest, properties: props } : { ...rest, properties: props, required }
}

/** geth's override params: any JSON here, checked by the method's own parser. */
const STATE_OVERRIDES: SpecParam = { name: 'State overrides', required: false, schema: {} }
const BLOCK_OVERRIDES: SpecParam = { name: 'Block overrides', required: false, schema: {} }

export const PARAM_PATCHES: readonly SchemaPatch[] = [
  {
    reason: 'geth (hexutil) accepts a 0X prefix and upper-case hex digits',
    defs: Object.fromEntries(
      ['byte', 'bytes', 'bytes8', 'bytes32', 'hash32', 'uint', 'uint64', 'uint256'].map((d) => [
        d,
        anyCaseHex,
      ]),
    ),
  },
  {
    reason:
      'storage keys (eth_getStorageAt, eth_getProof) are decoded by the method (geth decodeHash), which ' +
      'answers a malformed one with -32000 "unable to decode storage key: ..." (execution-apis ' +
      'get-storage-invalid-key*.io), not with a parameter error',
    defs: { bytesMax32: { type: 'string' } },
  },
  {
    reason:
      'geth rpc.BlockNumberOrHash also takes an EIP-1898 object { blockNumber } or { blockHash, requireCanonical }',
    defs: {
      BlockNumberOrTagOrHash: (spec) => ({
        anyOf: [
          ...(spec['anyOf'] as JsonSchema[]),
          {
            title: 'EIP-1898 block',
            type: 'object',
            properties: {
              blockNumber: { anyOf: [{ type: 'null' }, ref('BlockNumberOrTag')] },
              blockHash: { anyOf: [{ type: 'null' }, ref('hash32')] },
              requireCanonical: { anyOf: [{ type: 'null' }, { type: 'boolean' }] },
            },
          },
        ],
      }),
    },
  },
  {
    reason:
      'geth TransactionArgs also takes `data` (the older name of `input`), ignores unknown fields and ' +
      'treats null fields as unset',
    defs: {
      GenericTransaction: (spec) =>
        goObject({
          ...spec,
          properties: {
            ...(spec['properties'] as object),
            data: { title: 'input data (legacy name)', ...ref('bytes') },
          },
        }),
      AccessListEntry: goObject,
    },
  },
  {
    reason:
      'geth FilterCriteria: fromBlock/toBlock take tags as well as numbers, `blockHash` (EIP-234) is ' +
      'accepted, null topics are wildcards at any depth, unknown fields are ignored',
    defs: {
      Filter: (spec) => {
        const properties = spec['properties'] as Record<string, JsonSchema>
        return goObject({
          ...spec,
          properties: {
            ...properties,
            fromBlock: ref('BlockNumberOrTag'),
            toBlock: ref('BlockNumberOrTag'),
            blockHash: ref('hash32'),
          },
        })
      },
      FilterTopic: {
        anyOf: [
          { type: 'null' },
          ref('bytes32'),
          { type: 'array', items: { anyOf: [{ type: 'null' }, ref('bytes32')] } },
        ],
      },
    },
  },
  {
    reason: 'geth eth_call takes state overrides and block overrides as 3rd and 4th params',
    method: 'eth_call',
    extraParams: [STATE_OVERRIDES, BLOCK_OVERRIDES],
  },
  {
    reason: 'geth eth_estimateGas takes a block hash or EIP-1898 object, state overrides and block overrides',
    method: 'eth_estimateGas',
    params: { 1: ref('BlockNumberOrTagOrHash') },
    extraParams: [STATE_OVERRIDES, BLOCK_OVERRIDES],
  },
  {
    reason: 'geth eth_createAccessList takes a block hash or EIP-1898 object, and state overrides',
    method: 'eth_createAccessList',
    params: { 1: ref('BlockNumberOrTagOrHash') },
    extraParams: [STATE_OVERRIDES],
  },
  {
    reason: 'geth eth_feeHistory block count is a HexOrDecimal64: hex, a decimal string or a JSON number',
    method: 'eth_feeHistory',
    params: {
      0: {
        anyOf: [ref('uint'), { type: 'integer', minimum: 0 }, { type: 'string', pattern: '^[0-9]+$' }],
      },
    },
  },
  {
    reason: 'geth eth_newPendingTransactionFilter takes an optional fullTx flag',
    method: 'eth_newPendingTransactionFilter',
    extraParams: [{ name: 'Full transactions', required: false, schema: { type: 'boolean' } }],
  },
  ...['debug_getRawHeader', 'debug_getRawBlock', 'debug_getRawReceipts'].map(
    (method): SchemaPatch => ({
      reason: 'geth debug_getRaw* take an rpc.BlockNumberOrHash: a block hash or EIP-1898 object too',
      method,
      params: { 0: ref('BlockNumberOrTagOrHash') },
    }),
  ),
  ...['eth_uninstallFilter', 'eth_getFilterChanges', 'eth_getFilterLogs'].map(
    (method): SchemaPatch => ({
      reason: 'geth filter ids (rpc.ID) are any string; an unknown or ill-formed one is "filter not found"',
      method,
      params: { 0: { type: 'string' } },
    }),
  ),
]

const nullable = (s: unknown): JsonSchema => ({ anyOf: [{ type: 'null' }, s] })

export const RESULT_PATCHES: readonly SchemaPatch[] = [
  {
    reason:
      'spec bug: `unevaluatedProperties: false` inside the first allOf branch of TransactionInfo cannot ' +
      'see the properties of its sibling branch (JSON Schema 2019-09+), so it rejects every ' +
      'transaction; on the enclosing schema it means what the spec intends',
    defs: {
      TransactionInfo: (spec) => {
        const [context, ...others] = spec['allOf'] as JsonSchema[]
        const { unevaluatedProperties: _, ...rest } = context as JsonSchema
        return { ...spec, allOf: [rest, ...others], unevaluatedProperties: false }
      },
    },
  },
  {
    reason: 'geth returns a pending transaction with null blockHash, blockNumber and transactionIndex',
    defs: {
      TransactionInfo: (spec) => {
        const [context, ...others] = spec['allOf'] as JsonSchema[]
        const props = (context as JsonSchema)['properties'] as Record<string, JsonSchema>
        const properties = {
          ...props,
          blockHash: nullable(props['blockHash']),
          blockNumber: nullable(props['blockNumber']),
          transactionIndex: nullable(props['transactionIndex']),
        }
        return { ...spec, allOf: [{ ...context, properties }, ...others] }
      },
    },
  },
  {
    reason:
      'spec bug: FilterResults is a oneOf of "array of hashes" and "array of logs", which an empty ' +
      'array matches both of, so every empty result fails; anyOf says what is meant',
    defs: {
      FilterResults: ({ oneOf, ...rest }) => ({ ...rest, anyOf: oneOf }),
    },
  },
  {
    reason: 'geth debug_getRawReceipts returns null for an unknown block number',
    method: 'debug_getRawReceipts',
    result: nullable,
  },
  {
    reason: 'geth (since 1.16) adds `blockTimestamp` to every log',
    defs: {
      Log: (spec) => ({
        ...spec,
        properties: { ...(spec['properties'] as object), blockTimestamp: ref('uint') },
      }),
    },
  },
]
