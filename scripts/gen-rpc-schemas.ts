// Generates rpc/schema/methods.generated.ts from the execution-apis OpenRPC definitions (the YAML
// in <fixtures>/execution-apis-spec): per method, its params in order (name, required, schema) and
// its result, each schema self-contained (every `$ref` points into its own `$defs`), so the node
// never reads the spec folder at run time.
//
//   npm run gen:rpc-schemas            writes the module
//   npm run gen:rpc-schemas -- --check exits 1 when the module is out of date
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parse } from 'yaml'

export const REPO_ROOT = resolve(import.meta.dirname, '..')
export const GENERATED_PATH = join(REPO_ROOT, 'rpc', 'schema', 'methods.generated.ts')
const SPEC_FOLDER = 'execution-apis-spec'
const SPEC_COMMIT = 'd08382ae5c808680e976fce4b73f4ba91647199b'
const REF_PREFIX = '#/components/schemas/'
/** Documentation keys dropped from the output: they do not validate anything. */
const DROPPED_KEYS = new Set(['description', 'examples', 'summary'])

type Json = null | boolean | number | string | Json[] | { [k: string]: Json }
type JsonObject = { [k: string]: Json }

/**
 * A fixtures folder (`name`, holding `marker`) in $MOSAIC_FIXTURES, else <repo>/../shared/fixtures,
 * else /work/shared/fixtures; undefined when none holds it.
 */
export function findFixture(name: string, marker: string): string | undefined {
  const candidates = [
    process.env['MOSAIC_FIXTURES'],
    join(REPO_ROOT, '..', 'shared', 'fixtures'),
    '/work/shared/fixtures',
  ]
  for (const c of candidates) {
    if (c === undefined || c === '') continue
    const dir = join(c, name)
    if (existsSync(join(dir, marker))) return dir
  }
  return undefined
}

/** The execution-apis-spec folder, or undefined. */
export function findSpecDir(): string | undefined {
  return findFixture(SPEC_FOLDER, 'schemas')
}

function isObject(v: unknown): v is JsonObject {
  return typeof v === 'object' && v !== null && !Array.isArray(v)
}

function yamlFiles(dir: string): string[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.yaml'))
    .sort()
    .map((f) => join(dir, f))
}

/** Copies a schema without documentation keys, with `#/components/schemas/X` rewritten to `#/$defs/X`. */
function clean(v: Json, used: Set<string>): Json {
  if (Array.isArray(v)) return v.map((x) => clean(x, used))
  if (!isObject(v)) return v
  const out: JsonObject = {}
  for (const [k, x] of Object.entries(v)) {
    if (DROPPED_KEYS.has(k)) continue
    if (k === '$ref' && typeof x === 'string') {
      if (!x.startsWith(REF_PREFIX)) throw new Error(`unsupported $ref ${x}`)
      const name = x.slice(REF_PREFIX.length)
      used.add(name)
      out[k] = `#/$defs/${name}`
    } else {
      out[k] = clean(x, used)
    }
  }
  return out
}

/** `schema` with a `$defs` of every component it reaches, transitively. */
function selfContained(schema: Json, components: Record<string, Json>): JsonObject {
  const used = new Set<string>()
  const root = clean(schema, used)
  const defs: Record<string, Json> = {}
  const queue = [...used]
  while (queue.length > 0) {
    const name = queue.pop()!
    if (name in defs) continue
    const def = components[name]
    if (def === undefined) throw new Error(`unknown component ${name}`)
    const reached = new Set<string>()
    defs[name] = clean(def, reached)
    for (const r of reached) if (!(r in defs)) queue.push(r)
  }
  if (!isObject(root)) throw new Error('a schema must be an object')
  if (used.size === 0) return root
  const sorted: JsonObject = {}
  for (const name of Object.keys(defs).sort()) sorted[name] = defs[name]!
  return { ...root, $defs: sorted }
}

interface GenParam {
  name: string
  required: boolean
  schema: JsonObject
}

interface GenMethod {
  params: GenParam[]
  result: { name: string; schema: JsonObject }
}

export function buildMethods(specDir: string): Record<string, GenMethod> {
  const components: Record<string, Json> = {}
  for (const file of yamlFiles(join(specDir, 'schemas'))) {
    const doc = parse(readFileSync(file, 'utf8')) as unknown
    if (!isObject(doc)) throw new Error(`${file}: expected a map of schemas`)
    for (const [name, schema] of Object.entries(doc)) {
      if (name in components) throw new Error(`${file}: duplicate schema ${name}`)
      components[name] = schema
    }
  }
  const methods: Record<string, GenMethod> = {}
  for (const dir of ['eth', 'debug']) {
    for (const file of yamlFiles(join(specDir, dir))) {
      const doc = parse(readFileSync(file, 'utf8')) as unknown
      if (!Array.isArray(doc)) throw new Error(`${file}: expected a list of methods`)
      for (const m of doc as JsonObject[]) {
        const name = m['name']
        if (typeof name !== 'string') throw new Error(`${file}: a method without a name`)
        const params = (m['params'] ?? []) as JsonObject[]
        const result = m['result'] as JsonObject
        methods[name] = {
          params: params.map((p) => ({
            name: String(p['name']),
            required: p['required'] === true,
            schema: selfContained(p['schema'] ?? {}, components),
          })),
          result: { name: String(result['name']), schema: selfContained(result['schema'] ?? {}, components) },
        }
      }
    }
  }
  const sorted: Record<string, GenMethod> = {}
  for (const name of Object.keys(methods).sort()) sorted[name] = methods[name]!
  return sorted
}

/** The text of the generated module. */
export function generate(specDir: string): string {
  const body = JSON.stringify(buildMethods(specDir), null, 2)
  return `// GENERATED FILE, do not edit: run \`npm run gen:rpc-schemas\` to regenerate.
// Source: ethereum/execution-apis at commit ${SPEC_COMMIT.slice(0, 7)} (${SPEC_COMMIT}),
// folders src/eth, src/debug and src/schemas (CC0 1.0 Universal), read from the fixtures folder
// ${SPEC_FOLDER}/ by scripts/gen-rpc-schemas.ts. Documentation keys are dropped; every \`$ref\`
// points into the schema's own \`$defs\`. Where geth accepts more than the spec, rpc/schema/patches.ts
// relaxes these schemas at load time; this file stays exactly the spec.
import type { SpecMethods } from './types.ts'

export const SPEC_COMMIT = '${SPEC_COMMIT}'

export const specMethods: SpecMethods = ${body}
`
}

function main(): void {
  const specDir = findSpecDir()
  if (specDir === undefined) {
    process.stderr.write(`${SPEC_FOLDER} not found: set MOSAIC_FIXTURES to the fixtures folder\n`)
    process.exit(2)
  }
  const text = generate(specDir)
  if (process.argv.includes('--check')) {
    const current = existsSync(GENERATED_PATH) ? readFileSync(GENERATED_PATH, 'utf8') : ''
    if (current !== text) {
      process.stderr.write(`${GENERATED_PATH} is out of date: run npm run gen:rpc-schemas\n`)
      process.exit(1)
    }
    process.stdout.write(`${GENERATED_PATH} is up to date\n`)
    return
  }
  writeFileSync(GENERATED_PATH, text)
  process.stdout.write(`wrote ${GENERATED_PATH} from ${specDir}\n`)
}

if (process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main()
