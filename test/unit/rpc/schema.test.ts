// The generated execution-apis table: up to date with the spec folder, valid JSON Schema once
// patched, and accepting every params example the spec gives.
import assert from 'node:assert/strict'
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { describe, it } from 'node:test'
import { parse } from 'yaml'
import { buildSchemaSet, type Side } from '../../../rpc/schema/compile.ts'
import { specMethods } from '../../../rpc/schema/methods.generated.ts'
import { PARAM_PATCHES, RESULT_PATCHES } from '../../../rpc/schema/patches.ts'
import { checkParams } from '../../../rpc/validate.ts'
import { findFixture, findSpecDir, GENERATED_PATH, generate } from '../../../scripts/gen-rpc-schemas.ts'
import { assertSpecResult } from '../../helpers/rpcSchema.ts'

const specDir = findSpecDir()
const conformanceDir = findFixture('execution-apis', 'chain.rlp')
const NO_SPEC = 'execution-apis-spec not found (MOSAIC_FIXTURES, ../shared/fixtures, /work/shared/fixtures)'

interface SpecExample {
  name: string
  params?: { value: unknown }[]
}

function specExamples(dir: string): { method: string; example: SpecExample }[] {
  const out: { method: string; example: SpecExample }[] = []
  for (const sub of ['eth', 'debug']) {
    for (const file of readdirSync(join(dir, sub)).filter((f) => f.endsWith('.yaml'))) {
      const methods = parse(readFileSync(join(dir, sub, file), 'utf8')) as {
        name: string
        examples?: SpecExample[]
      }[]
      for (const m of methods) for (const example of m.examples ?? []) out.push({ method: m.name, example })
    }
  }
  return out
}

describe('generated execution-apis schemas', () => {
  it('rpc/schema/methods.generated.ts is what the generator makes of the spec folder', (t) => {
    if (specDir === undefined) {
      t.diagnostic(`skipped: ${NO_SPEC}`)
      t.skip(NO_SPEC)
      return
    }
    const current = readFileSync(GENERATED_PATH, 'utf8')
    assert.ok(current === generate(specDir), 'out of date: run `npm run gen:rpc-schemas`')
  })

  it('covers every method of the spec folders eth/ and debug/getters', () => {
    for (const m of ['eth_call', 'eth_getProof', 'eth_feeHistory', 'debug_getRawReceipts', 'eth_getLogs']) {
      assert.ok(specMethods[m], m)
    }
    assert.equal(Object.keys(specMethods).length, 44)
  })

  for (const side of ['params', 'results'] as Side[]) {
    it(`patched ${side} schemas are valid JSON Schema 2020-12 and all compile`, () => {
      const set = buildSchemaSet(side, { validateSchema: true })
      for (const [name, s] of Object.entries(set.side.defs)) {
        assert.ok(set.ajv.validateSchema(s), `${name}: ${set.ajv.errorsText()}`)
      }
      for (const [name, m] of Object.entries(set.side.methods)) {
        if (side === 'params') for (const p of m.params) set.compile(p.schema)
        else set.compile(m.result.schema)
        assert.ok(name)
      }
    })
  }

  it('every patch says why it exists', () => {
    for (const p of [...PARAM_PATCHES, ...RESULT_PATCHES]) {
      assert.ok(p.reason.length > 20, JSON.stringify(p))
      assert.ok(p.defs !== undefined || p.method !== undefined, p.reason)
    }
  })

  it("accepts the params of every example in the spec's method definitions", (t) => {
    if (specDir === undefined) {
      t.skip(NO_SPEC)
      return
    }
    const examples = specExamples(specDir)
    assert.ok(examples.length >= 40)
    for (const { method, example } of examples) {
      const params = (example.params ?? []).map((p) => p.value)
      assert.doesNotThrow(() => checkParams(method, params), `${method}: ${example.name}`)
    }
  })

  // geth's own answers in the conformance fixtures: what geth accepts, the validator must accept;
  // what geth returns, the (patched) result schemas must accept; what geth calls -32602, we refuse.
  it("agrees with geth's exchanges in the execution-apis conformance fixtures", (t) => {
    if (conformanceDir === undefined) {
      t.diagnostic('skipped: execution-apis conformance fixtures not found')
      t.skip('execution-apis fixtures not found')
      return
    }
    let exchanges = 0
    for (const method of readdirSync(conformanceDir)) {
      const folder = join(conformanceDir, method)
      if (!existsSync(folder) || !statSync(folder).isDirectory()) continue
      for (const file of readdirSync(folder).filter((f) => f.endsWith('.io'))) {
        let request: { method: string; params?: unknown[] } | undefined
        for (const line of readFileSync(join(folder, file), 'utf8').split('\n')) {
          if (line.startsWith('>> ')) request = JSON.parse(line.slice(3))
          if (!line.startsWith('<< ') || request === undefined) continue
          const reply = JSON.parse(line.slice(3)) as { result?: unknown; error?: { code: number } }
          const what = `${method}/${file}`
          if ('result' in reply) {
            assert.doesNotThrow(() => checkParams(request!.method, request!.params ?? []), what)
            assertSpecResult(request.method, reply.result)
          } else if (reply.error?.code === -32602 && specMethods[request.method]) {
            assert.throws(() => checkParams(request!.method, request!.params ?? []), what)
          }
          exchanges++
          request = undefined
        }
      }
    }
    assert.ok(exchanges >= 90, `only ${exchanges} exchanges read`)
  })
})
