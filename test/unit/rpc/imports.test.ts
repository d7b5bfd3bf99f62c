import assert from 'node:assert/strict'
import { readdirSync, readFileSync } from 'node:fs'
import { join, relative, resolve } from 'node:path'
import { describe, it } from 'node:test'

const RPC_DIR = resolve(import.meta.dirname, '../../../rpc')
const FORBIDDEN = ['node', 'p2p', 'consensus', 'genesis'].map((d) => resolve(RPC_DIR, '..', d))

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name)
    if (e.isDirectory()) return sources(path)
    return e.name.endsWith('.ts') ? [path] : []
  })
}

describe('rpc import boundary', () => {
  it('imports nothing from node/, p2p/, consensus/ or genesis/', () => {
    const files = sources(RPC_DIR)
    assert.ok(files.length > 5)
    for (const file of files) {
      const text = readFileSync(file, 'utf8')
      for (const m of text.matchAll(/(?:from|import)\s*\(?\s*'(\.[^']+)'/g)) {
        const target = resolve(file, '..', m[1]!)
        for (const dir of FORBIDDEN) {
          assert.ok(!target.startsWith(`${dir}/`), `${relative(RPC_DIR, file)} imports ${m[1]}`)
        }
        assert.ok(
          target.startsWith(`${RPC_DIR}/`),
          `${relative(RPC_DIR, file)} imports outside rpc/: ${m[1]}`,
        )
      }
    }
  })
})
