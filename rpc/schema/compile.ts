// Builds ajv validators from the generated execution-apis table with the patches applied. One ajv
// instance per side (params, results); the component definitions are registered once per side and
// every param or result schema refers to them, so each definition is compiled once.
import { Ajv2020, type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js'
import { specMethods } from './methods.generated.ts'
import { PARAM_PATCHES, RESULT_PATCHES, type SchemaPatch } from './patches.ts'
import type { JsonSchema, SpecMethod, SpecMethods } from './types.ts'

export type Side = 'params' | 'results'

export interface CompiledParam {
  name: string
  required: boolean
  /** The hot path: plain ajv errors. */
  validate: ValidateFunction
  /** For a value `validate` refused: the same schema with verbose errors (compiled on first use). */
  explain(): ValidateFunction
}

function isObject(v: unknown): v is JsonSchema {
  return typeof v === 'object' && v !== null && !Array.isArray(v)
}

function clone<T>(v: T): T {
  return structuredClone(v)
}

/** Every component definition the generated table uses (each method carries copies of its own). */
function allDefs(methods: SpecMethods): Record<string, JsonSchema> {
  const defs: Record<string, JsonSchema> = {}
  const take = (schema: JsonSchema) => {
    const d = schema['$defs']
    if (isObject(d)) for (const [name, s] of Object.entries(d)) defs[name] ??= s as JsonSchema
  }
  for (const m of Object.values(methods)) {
    for (const p of m.params) take(p.schema)
    take(m.result.schema)
  }
  return defs
}

function withoutDefs(schema: JsonSchema): JsonSchema {
  const { $defs: _, ...rest } = schema
  return rest
}

/** Points `#/$defs/X` at the side's shared definitions. */
function rebase(v: unknown, id: string): unknown {
  if (Array.isArray(v)) return v.map((x) => rebase(x, id))
  if (!isObject(v)) return v
  const out: JsonSchema = {}
  for (const [k, x] of Object.entries(v)) {
    out[k] = k === '$ref' && typeof x === 'string' && x.startsWith('#/$defs/') ? `${id}${x}` : rebase(x, id)
  }
  return out
}

export interface PatchedSide {
  defs: Record<string, JsonSchema>
  methods: Record<string, SpecMethod>
}

/** The spec with one side's patches applied: shared definitions and per-method schemas without $defs. */
export function patchedSide(
  patches: readonly SchemaPatch[],
  methods: SpecMethods = specMethods,
): PatchedSide {
  const defs = clone(allDefs(methods))
  const out: Record<string, SpecMethod> = {}
  for (const [name, m] of Object.entries(methods)) {
    out[name] = {
      params: m.params.map((p) => ({ ...p, schema: withoutDefs(clone(p.schema)) })),
      result: { name: m.result.name, schema: withoutDefs(clone(m.result.schema)) },
    }
  }
  for (const patch of patches) {
    for (const [name, d] of Object.entries(patch.defs ?? {})) {
      const spec = defs[name]
      if (spec === undefined) throw new Error(`patch "${patch.reason}": no definition ${name}`)
      defs[name] = typeof d === 'function' ? d(spec) : d
    }
    if (patch.method === undefined) continue
    const m = out[patch.method]
    if (m === undefined) throw new Error(`patch "${patch.reason}": no method ${patch.method}`)
    for (const [i, schema] of Object.entries(patch.params ?? {})) {
      const p = m.params[Number(i)]
      if (p === undefined) throw new Error(`patch "${patch.reason}": ${patch.method} has no param ${i}`)
      p.schema = schema
    }
    m.params.push(...(patch.extraParams ?? []))
    if (patch.result !== undefined) {
      m.result.schema = typeof patch.result === 'function' ? patch.result(m.result.schema) : patch.result
    }
  }
  return { defs, methods: out }
}

export interface SchemaSet {
  ajv: Ajv2020
  side: PatchedSide
  /** The definition each shared schema object is, to name what an ajv error failed against. */
  defNames: Map<object, string>
  /** Compiles a param or result schema of this side against its shared definitions. */
  compile(schema: JsonSchema): ValidateFunction
}

export function buildSchemaSet(
  which: Side,
  opts: { validateSchema?: boolean; verbose?: boolean } = {},
): SchemaSet {
  const id = `mosaic-${which}.json`
  const side = patchedSide(which === 'params' ? PARAM_PATCHES : RESULT_PATCHES)
  // ajv 8's 2020-12 class: the spec uses unevaluatedProperties and $defs. It uses no `format`, so
  // ajv-formats is not loaded; strict mode would refuse an unknown format when compiling.
  const ajv = new Ajv2020({
    strict: true,
    // Errors carry the failing schema object and value, so a message can name the definition
    // (address, uint ...) and parse the value; it makes every failing branch costlier, so the
    // request path validates without it and asks again verbosely only for a refused value.
    verbose: opts.verbose ?? true,
    // Definitions are compiled once as functions of their own instead of inlined into every user.
    inlineRefs: false,
    // The meta-schema check costs more than compiling the method schemas; a unit test runs it.
    validateSchema: opts.validateSchema ?? false,
    meta: opts.validateSchema ?? false,
  })
  ajv.addSchema({ $id: id, $defs: side.defs })
  const defNames = new Map<object, string>()
  for (const [name, s] of Object.entries(side.defs)) defNames.set(s, name)
  return {
    ajv,
    side,
    defNames,
    compile: (schema) => ajv.compile(rebase(schema, id) as JsonSchema),
  }
}

export interface ParamTable {
  /** The compiled params of a spec method (compiled at its first request), or undefined for others. */
  method(name: string): CompiledParam[] | undefined
  /** Names of the shared definitions of the verbose set, for `explain()` errors' parentSchema. */
  defNames(): Map<object, string>
}

/** Parameter validators of the spec methods, built once per process. */
let paramTable: ParamTable | undefined

export function paramValidators(): ParamTable {
  if (paramTable !== undefined) return paramTable
  const fast = buildSchemaSet('params', { verbose: false })
  let verbose: SchemaSet | undefined
  const verboseSet = () => {
    verbose ??= buildSchemaSet('params', { verbose: true })
    return verbose
  }
  // Compiling all ~60 methods took ~250 ms of every node start; a node serves a handful of them, and
  // a method's first request pays only its own schemas (shared definitions compile once, on demand).
  const methods = new Map<string, CompiledParam[]>()
  const compileMethod = (name: string): CompiledParam[] | undefined => {
    const m = Object.hasOwn(fast.side.methods, name) ? fast.side.methods[name] : undefined
    if (m === undefined) return undefined
    const compiled = m.params.map((p, i): CompiledParam => {
      let explain: ValidateFunction | undefined
      return {
        name: p.name,
        required: p.required,
        validate: fast.compile(p.schema),
        explain: () => {
          const set = verboseSet()
          explain ??= set.compile(set.side.methods[name]!.params[i]!.schema)
          return explain
        },
      }
    })
    methods.set(name, compiled)
    return compiled
  }
  paramTable = {
    method: (name) => methods.get(name) ?? compileMethod(name),
    defNames: () => verboseSet().defNames,
  }
  return paramTable
}

let resultSet: SchemaSet | undefined
const resultValidators = new Map<string, ValidateFunction>()

/** The result validator of a spec method (compiled on first use), or undefined for other methods. */
export function resultValidator(method: string): ValidateFunction | undefined {
  resultSet ??= buildSchemaSet('results')
  const known = resultValidators.get(method)
  if (known !== undefined) return known
  const m = resultSet.side.methods[method]
  if (m === undefined) return undefined
  const v = resultSet.compile(m.result.schema)
  resultValidators.set(method, v)
  return v
}

/** ajv errors as short lines, for test failures. */
export function describeErrors(errors: ErrorObject[] | null | undefined): string {
  return (errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message ?? e.keyword}`).join('; ')
}
