// The execution-apis `.io` fixture format and hive rpc-compat's comparison rules.
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'

export interface IoCase {
  /** `<method>/<name>.io`, the key of the allow-list. */
  name: string
  method: string
  request: string
  expected: unknown
  /** The comment says `speconly`: only the shape of the response counts. */
  specOnly: boolean
}

/** Every `.io` file under `dir`, in hive's order (method folders, then files, lexically). */
export function loadIoCases(dir: string): IoCase[] {
  const cases: IoCase[] = []
  const methods = readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name)
    .sort()
  for (const method of methods) {
    for (const file of readdirSync(join(dir, method)).sort()) {
      if (!file.endsWith('.io')) continue
      cases.push(parseIo(`${method}/${file}`, method, readFileSync(join(dir, method, file), 'utf8')))
    }
  }
  return cases
}

export function parseIo(name: string, method: string, text: string): IoCase {
  let request: string | undefined
  let response: string | undefined
  let comments = ''
  for (const line of text.split('\n')) {
    if (line.startsWith('//')) comments += `${line}\n`
    else if (line.startsWith('>> ')) request = line.slice(3)
    else if (line.startsWith('<< ')) response = line.slice(3)
  }
  if (request === undefined || response === undefined)
    throw new Error(`${name}: no >> request or << response`)
  return { name, method, request, expected: JSON.parse(response), specOnly: /speconly/.test(comments) }
}

type Json = null | boolean | number | string | Json[] | { [k: string]: Json }

function isObject(v: unknown): v is Record<string, Json> {
  return typeof v === 'object' && v !== null && !Array.isArray(v)
}

function hasError(v: unknown): boolean {
  return isObject(v) && v['error'] !== undefined
}

/**
 * hive rpc-compat: structural JSON equality (numbers as numbers, key order ignored); when both sides
 * are errors, `error.message` is dropped from both. Returns the first difference, or undefined.
 */
export function compareResponse(actual: unknown, expected: unknown, specOnly: boolean): string | undefined {
  let a = actual
  let e = expected
  if (hasError(a) && hasError(e)) {
    a = withoutErrorMessage(a as Record<string, Json>)
    e = withoutErrorMessage(e as Record<string, Json>)
  }
  if (specOnly && !hasError(e)) return sameShape(a, e, '$')
  return sameValue(a, e, '$')
}

function withoutErrorMessage(r: Record<string, Json>): Record<string, Json> {
  const { message: _, ...error } = r['error'] as Record<string, Json>
  return { ...r, error }
}

function kind(v: unknown): string {
  if (v === null) return 'null'
  if (Array.isArray(v)) return 'array'
  return typeof v
}

function show(v: unknown): string {
  const s = JSON.stringify(v)
  return s === undefined ? 'undefined' : s.length > 120 ? `${s.slice(0, 117)}...` : s
}

function sameValue(a: unknown, e: unknown, path: string): string | undefined {
  if (kind(a) !== kind(e)) return `${path}: got ${show(a)}, want ${show(e)}`
  if (Array.isArray(e)) {
    const arr = a as unknown[]
    if (arr.length !== e.length) return `${path}: got ${arr.length} items, want ${e.length}`
    for (let i = 0; i < e.length; i++) {
      const d = sameValue(arr[i], e[i], `${path}[${i}]`)
      if (d) return d
    }
    return undefined
  }
  if (isObject(e)) return sameKeys(a as Record<string, Json>, e, path, sameValue)
  return a === e ? undefined : `${path}: got ${show(a)}, want ${show(e)}`
}

/** Same keys and JSON kinds all the way down; array items are checked against the first expected one. */
function sameShape(a: unknown, e: unknown, path: string): string | undefined {
  if (kind(a) !== kind(e)) return `${path}: got a ${kind(a)} ${show(a)}, want a ${kind(e)}`
  if (Array.isArray(e)) {
    const first = e[0]
    if (first === undefined) return undefined
    for (const [i, item] of (a as unknown[]).entries()) {
      const d = sameShape(item, first, `${path}[${i}]`)
      if (d) return d
    }
    return undefined
  }
  if (isObject(e)) return sameKeys(a as Record<string, Json>, e, path, sameShape)
  return undefined
}

function sameKeys(
  a: Record<string, Json>,
  e: Record<string, Json>,
  path: string,
  same: (a: unknown, e: unknown, path: string) => string | undefined,
): string | undefined {
  for (const k of Object.keys(e)) {
    if (!(k in a)) return `${path}.${k}: missing, want ${show(e[k])}`
    const d = same(a[k], e[k], `${path}.${k}`)
    if (d) return d
  }
  for (const k of Object.keys(a)) if (!(k in e)) return `${path}.${k}: unexpected field ${show(a[k])}`
  return undefined
}
