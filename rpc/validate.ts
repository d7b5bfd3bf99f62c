// Parameter validation from the execution-apis schemas (rpc/schema), run by the dispatcher before any
// handler: the count (geth's "too many arguments" / "missing value for required argument N"), then
// each param against its compiled ajv validator. Failures are -32602 `invalid argument N: ...`; the
// reason is geth's wording, taken from the strict parsers in params.ts for the definition that
// failed (address, uint, hash32, block number ...), and a short ajv-derived line otherwise.
// Methods without a spec schema (filters' extensions, txpool_*, debug_trace*, dev signing) are left
// to their handlers' own checks.
import type { ErrorObject } from 'ajv/dist/2020.js'
import { invalidArgument, invalidParams, RpcError } from './errors.ts'
import {
  address,
  blockId,
  blockNumberOrTag,
  bytes,
  hash,
  type ParamPath,
  quantity,
  storageSlot,
  uint64,
} from './params.ts'
import { type CompiledParam, paramValidators } from './schema/compile.ts'

/** The parser whose error message says, geth's way, why a value is not a valid `definition`. */
const REASONS: Readonly<Record<string, (v: unknown, p: ParamPath) => unknown>> = {
  address,
  hash32: hash,
  bytes32: hash,
  bytes,
  bytesMax32: storageSlot,
  byte: (v, p) => quantity(v, p, 8),
  uint: (v, p) => quantity(v, p),
  uint256: (v, p) => quantity(v, p),
  uint64,
  BlockTag: blockNumberOrTag,
  BlockNumberOrTag: blockNumberOrTag,
  BlockNumberOrTagOrHash: blockId,
}

/** Keywords that only say "no branch matched"; the branches' own errors say why. */
const COMBINATORS = new Set(['anyOf', 'oneOf', 'allOf', 'if', 'not'])

const GO_TYPES: Readonly<Record<string, string>> = { boolean: 'bool', integer: 'number' }

/** Builds the schema sets now; each method's validators are compiled at its first request. */
export function loadParamSchemas(): void {
  paramValidators()
}

/** Throws an RpcError (-32602) when `params` do not fit the spec schema of `method`, if it has one. */
export function checkParams(method: string, params: unknown[]): void {
  const spec = paramValidators().method(method)
  if (spec === undefined) return
  if (params.length > spec.length) throw invalidParams(`too many arguments, want at most ${spec.length}`)
  for (let i = 0; i < spec.length; i++) {
    const p = spec[i] as CompiledParam
    const v = params[i]
    // An explicit null is an absent value, as for geth's optional (pointer) arguments.
    if (v === undefined || v === null) {
      if (p.required) throw invalidParams(`missing value for required argument ${i}`)
      continue
    }
    if (!p.validate(v)) {
      const explain = p.explain()
      explain(v)
      throw paramError(i, explain.errors ?? [])
    }
  }
}

function depth(instancePath: string): number {
  return instancePath === '' ? 0 : instancePath.split('/').length - 1
}

/** `/topics/0/1` -> `topics.0.1`, the field notation of params.ts. */
function fieldOf(instancePath: string): string | undefined {
  if (instancePath === '') return undefined
  return instancePath
    .slice(1)
    .split('/')
    .map((s) => s.replaceAll('~1', '/').replaceAll('~0', '~'))
    .join('.')
}

function kindOf(v: unknown): string {
  if (v === null) return 'null'
  if (Array.isArray(v)) return 'array'
  return typeof v
}

function describe(e: ErrorObject): string {
  const params = e.params as Record<string, unknown>
  switch (e.keyword) {
    case 'type': {
      const want = String(params['type'])
      return `cannot unmarshal ${kindOf(e.data)} into ${GO_TYPES[want] ?? want}`
    }
    case 'additionalProperties':
      return `unknown field "${String(params['additionalProperty'])}"`
    case 'required':
      return `missing required field "${String(params['missingProperty'])}"`
    case 'enum':
      return `invalid value ${JSON.stringify(e.data)}, want one of ${(params['allowedValues'] as unknown[]).join(', ')}`
    default:
      return e.message ?? `invalid ${e.keyword}`
  }
}

function paramError(index: number, errors: ErrorObject[]): RpcError {
  const defNames = paramValidators().defNames()
  // Most specific first: the deepest value, and at one depth the enclosing definition (listed after
  // its branches), so that a block parameter is judged as a whole, like geth's UnmarshalJSON does.
  const ranked = errors
    .map((e, order) => ({ e, order, depth: depth(e.instancePath) }))
    .sort((a, b) => b.depth - a.depth || b.order - a.order)
    .map((r) => r.e)
  for (const e of ranked) {
    const def = typeof e.parentSchema === 'object' ? defNames.get(e.parentSchema) : undefined
    const parse = def === undefined ? undefined : REASONS[def]
    if (parse === undefined) continue
    const field = fieldOf(e.instancePath)
    try {
      parse(e.data, field === undefined ? { index } : { index, field })
    } catch (x) {
      if (x instanceof RpcError) return x
      throw x
    }
  }
  const e = ranked.find((r) => !COMBINATORS.has(r.keyword)) ?? ranked[0]
  if (e === undefined) return invalidArgument(index, 'invalid value')
  const field = fieldOf(e.instancePath)
  return invalidArgument(index, field === undefined ? describe(e) : `${field}: ${describe(e)}`)
}
