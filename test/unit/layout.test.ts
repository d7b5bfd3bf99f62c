// Enforces the import arrows of STYLE.md: node/ wires everything; rpc, consensus, p2p and genesis
// never reach into node/ or into each other except where allowed.
import assert from 'node:assert/strict'
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join, relative, resolve } from 'node:path'
import { describe, it } from 'node:test'

const root = resolve(import.meta.dirname, '..', '..')
const FOLDERS = ['node', 'consensus', 'p2p', 'rpc', 'genesis'] as const
type Folder = (typeof FOLDERS)[number]

const ALLOWED: Record<Folder, readonly Folder[]> = {
  node: ['node', 'consensus', 'p2p', 'rpc', 'genesis'],
  consensus: ['consensus', 'genesis'],
  rpc: ['rpc'],
  p2p: ['p2p'],
  genesis: ['genesis'],
}

function files(dir: string): string[] {
  let out: string[] = []
  let entries: string[] = []
  try {
    entries = readdirSync(dir)
  } catch {
    return out
  }
  for (const e of entries) {
    const p = join(dir, e)
    if (statSync(p).isDirectory()) out = out.concat(files(p))
    else if (p.endsWith('.ts')) out.push(p)
  }
  return out
}

describe('layout: import direction', () => {
  for (const folder of FOLDERS) {
    it(`${folder}/ imports only ${ALLOWED[folder].join(', ')}`, () => {
      const bad: string[] = []
      for (const file of files(join(root, folder))) {
        const src = readFileSync(file, 'utf8')
        for (const m of src.matchAll(/from\s+'(\.{1,2}\/[^']+)'/g)) {
          const target = relative(root, resolve(file, '..', m[1]!))
          const top = target.split('/')[0] as Folder
          if (!(FOLDERS as readonly string[]).includes(top) || top === folder) continue
          if (!ALLOWED[folder].includes(top)) bad.push(`${relative(root, file)} -> ${target}`)
          // Another folder is used through its index.ts only.
          else if (target !== `${top}/index.ts`)
            bad.push(`${relative(root, file)} -> ${target} (use ${top}/index.ts)`)
        }
      }
      assert.deepEqual(bad, [])
    })
  }
})
