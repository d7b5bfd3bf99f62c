// The execution-apis conformance suite, run as hive's rpc-compat simulator does: the fixture chain is
// imported with the real CLI (`mosaic-node import --trusted`), a real `mosaic-node start` serves it
// read-only, and every `.io` request is replayed in order and compared with the recorded response.
// Files that cannot pass for a stated reason are listed in allowlist.json; a listed file that passes
// fails the run, so the list only shrinks.
import assert from 'node:assert/strict'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { after, before, describe, it } from 'node:test'
import { describeErrors, resultValidator } from '../../rpc/index.ts'
import { executionApis } from '../helpers/fixtures.ts'
import { type DevNode, runCli, startNode } from '../helpers/node.ts'
import { compareResponse, type IoCase, loadIoCases } from './rpcCompat.ts'

const fixtures = executionApis()
const cases = loadIoCases(fixtures.dir)
const allowlist = JSON.parse(readFileSync(join(import.meta.dirname, 'allowlist.json'), 'utf8')) as Record<
  string,
  string
>

type Outcome = 'passed' | 'failed' | 'allowed'
const outcomes = new Map<string, Outcome>()

async function send(url: string, body: string): Promise<unknown> {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body,
    signal: AbortSignal.timeout(30_000),
  })
  return res.json()
}

function table(): string {
  const rows = new Map<string, Record<Outcome | 'files', number>>()
  for (const c of cases) {
    const row = rows.get(c.method) ?? { files: 0, passed: 0, failed: 0, allowed: 0 }
    row.files++
    const o = outcomes.get(c.name)
    if (o) row[o]++
    rows.set(c.method, row)
  }
  const total = { files: 0, passed: 0, failed: 0, allowed: 0 }
  const width = Math.max(...[...rows.keys()].map((k) => k.length), 'total'.length)
  const line = (name: string, r: typeof total) =>
    `${name.padEnd(width)}  ${[r.files, r.passed, r.failed, r.allowed].map((n) => String(n).padStart(6)).join('  ')}`
  const out = [
    `${'method'.padEnd(width)}  ${['files', 'passed', 'failed', 'allowed'].map((h) => h.padStart(6)).join('  ')}`,
  ]
  for (const [name, r] of rows) {
    out.push(line(name, r))
    for (const k of Object.keys(total) as (keyof typeof total)[]) total[k] += r[k]
  }
  out.push(line('total', total))
  return out.join('\n')
}

describe('execution-apis conformance (hive rpc-compat rules)', () => {
  let datadir = ''
  let node: DevNode | undefined

  before(async () => {
    datadir = mkdtempSync(join(tmpdir(), 'mosaic-spec-'))
    const imported = await runCli(
      ['import', '--trusted', '--genesis', fixtures.genesis, fixtures.chain, '--datadir', datadir],
      { timeoutMs: 120_000 },
    )
    assert.equal(imported.code, 0, `import failed: ${imported.stderr}`)
    node = await startNode(datadir, [])
  })

  after(async () => {
    await node?.stop()
    if (datadir) rmSync(datadir, { recursive: true, force: true })
    process.stdout.write(`\nexecution-apis conformance\n${table()}\n`)
  })

  it('has an allow-list naming only existing files', () => {
    const names = new Set(cases.map((c) => c.name))
    for (const listed of Object.keys(allowlist))
      assert.ok(names.has(listed), `allowlist.json: no such file ${listed}`)
  })

  for (const c of cases) {
    it(c.name, async () => run(c))
  }

  async function run(c: IoCase): Promise<void> {
    if (!node) throw new Error('node not started')
    const actual = await send(node.url, c.request)
    // hive checks `speconly` results against the spec's schema; every other result must fit it too.
    const diff = compareResponse(actual, c.expected, c.specOnly) ?? schemaDiff(c.method, actual)
    const reason = allowlist[c.name]
    if (reason !== undefined) {
      outcomes.set(c.name, diff ? 'allowed' : 'passed')
      assert.ok(diff, `${c.name} is in allowlist.json (${reason}) but passes now: remove it from the list`)
      return
    }
    outcomes.set(c.name, diff ? 'failed' : 'passed')
    if (diff)
      assert.fail(
        `${c.name}: ${diff}\n  request:  ${c.request.slice(0, 300)}\n  response: ${JSON.stringify(actual).slice(0, 2000)}`,
      )
  }
})

function schemaDiff(method: string, response: unknown): string | undefined {
  if (typeof response !== 'object' || response === null || !('result' in response)) return undefined
  const validate = resultValidator(method)
  if (validate === undefined || validate((response as { result: unknown }).result)) return undefined
  return `result does not fit the execution-apis schema: ${describeErrors(validate.errors)}`
}
