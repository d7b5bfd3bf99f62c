// Block execution gives the event loop back between slices: work queued meanwhile (a gossiped
// transaction, an RPC request) runs within a slice of the execution, not after all of it.
import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { Slicer } from '../../../../node/chain/slicer.ts'

function busy(ms: number): void {
  const end = performance.now() + ms
  while (performance.now() < end) {}
}

describe('Slicer', () => {
  it('does not yield within a slice', async () => {
    const slicer = new Slicer(1_000)
    let ran = false
    setImmediate(() => {
      ran = true
    })
    for (let i = 0; i < 5; i++) await slicer.pause()
    assert.equal(ran, false)
  })

  it('lets queued work run once a slice is spent, then starts a new slice', async () => {
    const slicer = new Slicer(5)
    const events: string[] = []
    setImmediate(() => events.push('queued work'))
    // 20 "transactions" of 1 ms: the queued work runs after about one slice, not after 20 ms.
    for (let i = 0; i < 20; i++) {
      busy(1)
      events.push(`tx ${i}`)
      await slicer.pause()
    }
    const at = events.indexOf('queued work')
    assert.ok(at > 0 && at <= 8, `queued work ran after ${at} transactions: ${events.join(', ')}`)
    // Each later slice holds several transactions again, not one (a slicer that never restarts its
    // clock would yield after every one of the last ~25).
    const yields: number[] = []
    const s2 = new Slicer(5)
    let turns = 0
    const tick = (): void => {
      turns++
      if (turns < 1_000) setImmediate(tick)
    }
    setImmediate(tick)
    for (let i = 0; i < 30; i++) {
      const before = turns
      busy(1)
      await s2.pause()
      if (turns !== before) yields.push(i)
    }
    assert.ok(yields.length >= 2 && yields.length <= 15, `yielded after transactions ${yields.join(', ')}`)
  })
})
