import assert from 'node:assert/strict'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, it } from 'node:test'
import { bytesToHex } from '@ethereumjs/util'
import { privateKeyToAccount } from 'viem/accounts'
import {
  addressOfPrivateKey,
  applyLink,
  buildQc,
  type Checkpoint,
  ConsensusError,
  decodePayload,
  decodeVote,
  encodeVote,
  genesisFinality,
  offence,
  recoverVoter,
  SlashingProtection,
  signVote,
  tally,
  unsealedExtra,
  VOTE_TYPES,
  type Vote,
  verifyQc,
  voteDigest,
} from '../../../consensus/index.ts'

const cp = (n: number, tag = 'a'): Checkpoint => ({
  number: BigInt(n),
  hash: `0x${Buffer.from(`${tag}${n}`.padEnd(32, '.')).toString('hex')}` as `0x${string}`,
})
const V = (i: number, stake = 100n) => ({ address: `0x${String(i).padStart(40, '0')}`, stake })
const voters = (...is: number[]) => new Set(is.map((i) => V(i).address))
const link = (s: Checkpoint, t: Checkpoint): Vote => ({ kernelHeight: 1n, source: s, target: t })
const G = cp(0)
const four = [V(1), V(2), V(3), V(4)]

describe('finality rules', () => {
  it('justifies with ⌈2/3⌉ of the stake and not one unit less', () => {
    // Stakes 3 + 3 + 3 = 9: 6 is exactly 2/3.
    const set = [V(1, 3n), V(2, 3n), V(3, 3n)]
    assert.equal(tally(voters(1, 2), set).ok, true)
    const less = [V(1, 3n), V(2, 3n), V(3, 3n), V(4, 1n)]
    // 6 of 10 < 2/3; 7 of 10 >= 2/3.
    assert.equal(tally(voters(1, 2), less).ok, false)
    assert.equal(tally(voters(1, 2, 4), less).ok, true)
    // Exactly at the boundary with a total not divisible by 3: 2/3 of 100 is 66.67, so 67 passes, 66 fails.
    assert.equal(tally(voters(1), [V(1, 67n), V(2, 33n)]).ok, true)
    assert.equal(tally(voters(1), [V(1, 66n), V(2, 34n)]).ok, false)
    // Votes of outsiders count for nothing.
    assert.equal(tally(new Set(['0xdead']), four).ok, false)
  })

  it('justifies a target from a justified source and finalises on a direct-child link', () => {
    let s = genesisFinality(G)
    let r = applyLink(s, link(G, cp(1)), voters(1, 2, 3), { rear: four }, 1)
    assert.equal(r.justified, true)
    // Genesis is already final: the G -> 1 link justifies 1 but finalises nothing new.
    assert.equal(r.finalized, undefined)
    s = r.state
    assert.equal(s.justified.number, 1n)
    r = applyLink(s, link(cp(1), cp(2)), voters(2, 3, 4), { rear: four }, 1)
    assert.deepEqual(r.finalized, cp(1))
    assert.equal(r.state.finalized.number, 1n)
    assert.equal(r.state.justified.number, 2n)
  })

  it('ignores links without a supermajority, from an unjustified source, or to a non-checkpoint', () => {
    const s = genesisFinality(G)
    assert.equal(applyLink(s, link(G, cp(1)), voters(1, 2), { rear: four }, 1).state, s)
    assert.equal(applyLink(s, link(cp(1), cp(2)), voters(1, 2, 3, 4), { rear: four }, 1).state, s)
    assert.equal(applyLink(s, link(G, cp(3)), voters(1, 2, 3), { rear: four }, 2).state, s)
    // A skipped link (source 0, target 2 with epoch 1) justifies but does not finalise.
    const r = applyLink(s, link(G, cp(2)), voters(1, 2, 3), { rear: four }, 1)
    assert.equal(r.state.justified.number, 2n)
    assert.equal(r.state.finalized.number, 0n)
  })

  it('with epoch length 4 only multiples of 4 are checkpoints; 0 -> 4 -> 8 finalises 4', () => {
    let s = genesisFinality(G)
    s = applyLink(s, link(G, cp(4)), voters(1, 2, 3), { rear: four }, 4).state
    const r = applyLink(s, link(cp(4), cp(8)), voters(1, 2, 3), { rear: four }, 4)
    assert.equal(r.state.finalized.number, 4n)
  })

  it('a set change needs ⌈2/3⌉ of both the rear and the forward set', () => {
    const rear = [V(1), V(2), V(3), V(4)]
    const forward = [V(3), V(4), V(5), V(6)]
    const s = genesisFinality(G)
    // 1,2,3 hold 3/4 of the rear set but only 1/4 of the forward set.
    assert.equal(applyLink(s, link(G, cp(1)), voters(1, 2, 3), { rear, forward }, 1).justified, false)
    // 3,4,5 hold 2/4 of the rear set.
    assert.equal(applyLink(s, link(G, cp(1)), voters(3, 4, 5), { rear, forward }, 1).justified, false)
    // 1,3,4,5 hold 3/4 of both.
    assert.equal(applyLink(s, link(G, cp(1)), voters(1, 3, 4, 5), { rear, forward }, 1).justified, true)
  })

  it('never finalises two conflicting checkpoints from one state', () => {
    let s = genesisFinality(G)
    s = applyLink(s, link(G, cp(1)), voters(1, 2, 3), { rear: four }, 1).state
    s = applyLink(s, link(cp(1), cp(2)), voters(1, 2, 3), { rear: four }, 1).state
    assert.equal(s.finalized.number, 1n)
    // A competing block 1' on another branch cannot be a source any more.
    const r = applyLink(s, link(cp(1, 'b'), cp(2, 'b')), voters(1, 2, 3, 4), { rear: four }, 1)
    assert.equal(r.state, s)
  })

  it('detects double and surround votes', () => {
    assert.equal(offence(link(G, cp(3)), link(G, cp(3, 'b'))), 'double')
    assert.equal(offence(link(cp(1), cp(5)), link(cp(2), cp(4))), 'surround')
    assert.equal(offence(link(cp(2), cp(4)), link(cp(1), cp(5))), 'surround')
    assert.equal(offence(link(cp(1), cp(2)), link(cp(2), cp(3))), undefined)
    assert.equal(offence(link(G, cp(3)), link(G, cp(3))), undefined)
  })
})

const KEYS = [1, 2, 3, 4].map((i) => Uint8Array.from(Buffer.from(String(i).padStart(64, '0'), 'hex')))
const ADDRS = KEYS.map((k) => bytesToHex(addressOfPrivateKey(k)))
const keyed = ADDRS.map((address) => ({ address, stake: 100n }))

describe('votes and certificates', () => {
  it('signs EIP-712 votes that viem recovers the same way', async () => {
    const v = link(cp(3), cp(4))
    const signed = signVote(v, 1515n, KEYS[0]!)
    assert.equal(recoverVoter(signed, 1515n), ADDRS[0])
    assert.deepEqual(decodeVote(encodeVote(signed)), signed)
    const account = privateKeyToAccount(bytesToHex(KEYS[0]!) as `0x${string}`)
    const viemSig = await account.signTypedData({
      domain: { name: 'Mosaic', version: '1', chainId: 1515n },
      types: VOTE_TYPES,
      primaryType: 'Vote',
      message: {
        kernelHeight: 1n,
        sourceHash: v.source.hash,
        sourceNumber: 3n,
        targetHash: v.target.hash,
        targetNumber: 4n,
      },
    })
    assert.equal(bytesToHex(signed.signature), viemSig)
    // Another aux chain id gives another digest: votes do not replay across chains.
    assert.notEqual(bytesToHex(voteDigest(v, 1515n)), bytesToHex(voteDigest(v, 1516n)))
    assert.notEqual(recoverVoter(signed, 1516n), ADDRS[0])
  })

  it('rejects malformed votes with BAD_VOTE', () => {
    const signed = signVote(link(cp(3), cp(4)), 1515n, KEYS[0]!)
    const bad = { ...signed, signature: Uint8Array.from(signed.signature) }
    bad.signature[64] = 5
    assert.throws(
      () => recoverVoter(bad, 1515n),
      (e: unknown) => e instanceof ConsensusError && e.code === 'BAD_VOTE',
    )
    assert.throws(() => decodeVote(new Uint8Array([1, 2, 3])), ConsensusError)
  })

  it('packs a certificate into the header payload and verifies it', () => {
    const v = link(cp(3), cp(4))
    const sigs = new Map(KEYS.slice(0, 3).map((k, i) => [ADDRS[i]!, signVote(v, 1515n, k).signature]))
    const qc = buildQc(v, sigs, keyed)
    const extra = unsealedExtra(new Uint8Array(32), { version: 0, slot: 9n, qc })
    const decoded = decodePayload(extra.subarray(32))
    assert.deepEqual(decoded.qc, qc)
    assert.equal(verifyQc(decoded.qc!, { rear: keyed }, 1515n).size, 3)
    // Two of four signers: not enough.
    const two = buildQc(v, new Map([...sigs].slice(0, 2)), keyed)
    assert.throws(() => verifyQc(two, { rear: keyed }, 1515n), /less than 2\/3/)
    // A signature under the wrong bit.
    const swapped = { ...qc, signatures: [qc.signatures[1]!, qc.signatures[0]!, qc.signatures[2]!] }
    assert.throws(() => verifyQc(swapped, { rear: keyed }, 1515n), /is not by/)
  })
})

describe('slashing protection', () => {
  it('refuses double and surround votes, also after a restart and for votes made elsewhere', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'mosaic-protect-'))
    try {
      const file = join(dir, 'p.json')
      let p = SlashingProtection.open(file, ADDRS[0]!)
      assert.equal(await p.claim(link(cp(1), cp(2))), 'sign')
      assert.equal(await p.claim(link(cp(1), cp(2))), 'repeat')
      assert.match(await p.claim(link(cp(1), cp(2, 'b'))), /double vote/)
      p = SlashingProtection.open(file, ADDRS[0]!)
      assert.match(await p.claim(link(cp(1), cp(2, 'b'))), /double vote/)
      assert.match(await p.claim(link(G, cp(3))), /surround vote/)
      // Two claims in flight at once: the second is judged against the first, not the file.
      const [a, b] = await Promise.all([p.claim(link(cp(2), cp(3))), p.claim(link(cp(2), cp(3, 'b')))])
      assert.equal(a, 'sign')
      assert.match(b, /double vote/)
      // Another node with this key signed target 10.
      await p.observe(link(cp(9), cp(10)))
      assert.match(await p.claim(link(cp(3), cp(10, 'b'))), /double vote/)
      assert.equal(JSON.parse(readFileSync(file, 'utf8')).targetNumber, '10')
      assert.throws(() => SlashingProtection.open(file, ADDRS[1]!), /belongs to/)
      writeFileSync(file, '{broken')
      assert.throws(() => SlashingProtection.open(file, ADDRS[0]!), /unreadable/)
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })
})
