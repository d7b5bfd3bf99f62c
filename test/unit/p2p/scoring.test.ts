import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { PENALTIES, PeerScores, RateLimiter } from '../../../p2p/index.ts'

const opts = { disconnectScore: -100, banMs: 60_000, decayPerMinute: 0.5 }

describe('peer scores', () => {
  it('offences add up to a disconnect and a ban', () => {
    const s = new PeerScores(opts)
    const t = 1_000_000
    assert.equal(s.penalize('p', 'garbage', t), 'ok')
    assert.equal(s.penalize('p', 'invalid_block', t), 'ok')
    assert.equal(s.isBanned('p', t), false)
    assert.equal(s.penalize('p', 'bad_seal', t), 'disconnect')
    assert.equal(s.isBanned('p', t + 1), true)
    // Others are not affected.
    assert.equal(s.score('q', t), 0)
    assert.equal(s.isBanned('q', t), false)
  })

  it('a ban ends after banMs, on probation: one more serious offence bans again', () => {
    const s = new PeerScores(opts)
    s.penalize('p', 'wrong_chain', 0)
    assert.equal(s.isBanned('p', 59_999), true)
    assert.equal(s.isBanned('p', 60_001), false)
    assert.equal(s.penalize('p', 'invalid_block', 60_002), 'disconnect')
  })

  it('scores decay back towards zero, so rare honest mistakes never add up', () => {
    const s = new PeerScores(opts)
    s.penalize('p', 'timeout', 0)
    assert.equal(s.score('p', 0), PENALTIES['timeout'])
    assert.ok(Math.abs(s.score('p', 10 * 60_000)) < 0.01)
    for (let i = 0; i < 100; i++) assert.equal(s.penalize('p', 'timeout', i * 60_000), 'ok')
  })

  it('unknown reasons still cost something', () => {
    const s = new PeerScores(opts)
    s.penalize('p', 'something_new', 0)
    assert.ok(s.score('p', 0) < 0)
  })
})

describe('rate limiter', () => {
  it('allows a burst, then the steady rate, per key', () => {
    const r = new RateLimiter(2, 4)
    for (let i = 0; i < 4; i++) assert.equal(r.take('a', 0), true)
    assert.equal(r.take('a', 0), false)
    assert.equal(r.take('b', 0), true)
    assert.equal(r.take('a', 500), true)
    assert.equal(r.take('a', 500), false)
  })
})
