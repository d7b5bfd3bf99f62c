// The chain store: queued writes are readable at once, land together in later LevelDB batches, and a
// failed write fails every later one.
import assert from 'node:assert/strict'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { after, before, describe, it } from 'node:test'
import { type LevelDb, openLevel } from '../../../../node/chain/db.ts'
import { ChainStore } from '../../../../node/chain/store.ts'

const k = (s: string) => new TextEncoder().encode(s)
const text = (v: Uint8Array | undefined) => (v === undefined ? undefined : new TextDecoder().decode(v))

describe('chain store', () => {
  let dir: string
  let level: LevelDb
  let store: ChainStore
  const batches: number[] = []

  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'mosaic-store-'))
    level = await openLevel(dir)
    const batch = level.batch.bind(level) as (ops: unknown[]) => Promise<void>
    // Counts the LevelDB batches the store makes.
    level.batch = ((ops: unknown[]) => {
      batches.push(ops.length)
      return batch(ops)
    }) as unknown as typeof level.batch
    store = new ChainStore(level)
  })
  after(async () => {
    await store.close()
    await rm(dir, { recursive: true, force: true })
  })

  it('reads queued writes before they are on disk, and from disk after', async () => {
    const written = store.write([{ type: 'put', key: k('a'), value: k('1') }])
    assert.equal(text(await store.get(k('a'))), '1')
    await written
    assert.equal(text((await level.get(k('a'))) ?? undefined), '1')
    assert.equal(text(await store.get(k('a'))), '1')
  })

  it('writes what queued up during a batch as one batch, later values winning', async () => {
    batches.length = 0
    const first = store.write([{ type: 'put', key: k('b'), value: k('1') }])
    // The first batch starts on the next tick; wait until it is in flight.
    await Promise.resolve()
    const rest = [
      store.write([{ type: 'put', key: k('b'), value: k('2') }]),
      store.write([
        { type: 'put', key: k('c'), value: k('3') },
        { type: 'del', key: k('a') },
      ]),
    ]
    assert.equal(text(await store.get(k('b'))), '2')
    assert.equal(await store.get(k('a')), undefined)
    await Promise.all([first, ...rest])
    assert.deepEqual(batches, [1, 3])
    assert.equal(text((await level.get(k('b'))) ?? undefined), '2')
    assert.equal(await level.get(k('a')), undefined)
    assert.equal(text(await store.get(k('c'))), '3')
  })

  it('flush waits for everything queued', async () => {
    void store.write([{ type: 'put', key: k('d'), value: k('4') }])
    await store.flush()
    assert.equal(text((await level.get(k('d'))) ?? undefined), '4')
  })

  it('a failed write fails every later write and flush', async () => {
    const failing = new ChainStore(level)
    const batch = level.batch
    level.batch = (() => Promise.reject(new Error('disk full'))) as unknown as typeof level.batch
    try {
      await assert.rejects(failing.write([{ type: 'put', key: k('e'), value: k('5') }]), /disk full/)
    } finally {
      level.batch = batch
    }
    await assert.rejects(failing.write([{ type: 'put', key: k('f'), value: k('6') }]), /disk full/)
    await assert.rejects(failing.flush(), /disk full/)
  })
})
