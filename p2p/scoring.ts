// Our own peer score, beside gossipsub's: every misbehaviour costs points by reason, scores decay
// back towards zero, and a peer at or below the disconnect threshold is dropped and banned for a time.

export interface PeerScoreOptions {
  disconnectScore: number
  banMs: number
  /** Share of a negative score forgiven per minute. */
  decayPerMinute: number
}

/** Points lost per offence. Wrong-chain peers cost the whole budget at once. */
export const PENALTIES: Record<string, number> = {
  wrong_chain: -1000,
  bad_status: -100,
  invalid_block: -50,
  bad_seal: -50,
  garbage: -40,
  oversized: -40,
  invalid_transaction: -10,
  invalid_vote: -10,
  bad_request: -20,
  too_early: -5,
  rate_limited: -5,
  timeout: -2,
}

export type ScoreVerdict = 'ok' | 'disconnect'

export class PeerScores {
  private readonly scores = new Map<string, { score: number; at: number }>()
  private readonly bans = new Map<string, number>()

  constructor(private readonly options: PeerScoreOptions) {}

  score(peer: string, now = Date.now()): number {
    const e = this.scores.get(peer)
    if (!e) return 0
    const minutes = (now - e.at) / 60_000
    return e.score * (1 - this.options.decayPerMinute) ** minutes
  }

  /** Records an offence; says whether the peer has to go (it is banned from then on). */
  penalize(peer: string, reason: string, now = Date.now()): ScoreVerdict {
    const score = this.score(peer, now) + (PENALTIES[reason] ?? -10)
    this.scores.set(peer, { score, at: now })
    if (score <= this.options.disconnectScore) {
      this.bans.set(peer, now + this.options.banMs)
      return 'disconnect'
    }
    return 'ok'
  }

  ban(peer: string, now = Date.now()): void {
    this.bans.set(peer, now + this.options.banMs)
  }

  isBanned(peer: string, now = Date.now()): boolean {
    const until = this.bans.get(peer)
    if (until === undefined) return false
    if (until > now) return true
    this.bans.delete(peer)
    // Back on probation, close enough to the threshold that one more serious offence bans it again.
    this.scores.set(peer, { score: this.options.disconnectScore * 0.6, at: now })
    return false
  }
}

/** A token bucket per (peer, protocol). */
export class RateLimiter {
  private readonly buckets = new Map<string, { tokens: number; at: number }>()

  constructor(
    private readonly perSecond: number,
    private readonly burst = perSecond * 4,
  ) {}

  take(key: string, now = Date.now()): boolean {
    const b = this.buckets.get(key) ?? { tokens: this.burst, at: now }
    b.tokens = Math.min(this.burst, b.tokens + ((now - b.at) / 1000) * this.perSecond)
    b.at = now
    this.buckets.set(key, b)
    if (b.tokens < 1) return false
    b.tokens -= 1
    return true
  }

  forget(prefix: string): void {
    for (const k of this.buckets.keys()) if (k.startsWith(prefix)) this.buckets.delete(k)
  }
}
