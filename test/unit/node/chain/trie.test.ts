import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { MerklePatriciaTrie } from '@ethereumjs/mpt'
import { RLP } from '@ethereumjs/rlp'
import { bytesToHex, MapDB } from '@ethereumjs/util'
import { keccak256 } from 'ethereum-cryptography/keccak.js'
import { CachedTrie, encodeBranch, orderedTrieRoot, trieNodeCache } from '../../../../node/chain/trie.ts'

// Deterministic pseudo-random bytes, so a failure reproduces.
function bytes(seed: number, len: number): Uint8Array {
  const out = new Uint8Array(len)
  let x = seed * 2654435761 + 1
  for (let i = 0; i < len; i++) {
    x = (x * 1103515245 + 12345) >>> 0
    out[i] = x >>> 24
  }
  return out
}

async function referenceOrderedRoot(values: Uint8Array[]): Promise<Uint8Array> {
  const trie = new MerklePatriciaTrie()
  for (const [i, v] of values.entries()) await trie.put(RLP.encode(i), v)
  return trie.root()
}

describe('orderedTrieRoot', () => {
  for (const n of [0, 1, 2, 3, 16, 127, 128, 129, 200, 255, 256, 257, 600]) {
    it(`matches @ethereumjs/mpt for ${n} items of mixed sizes`, async () => {
      // 1- and 3-byte values give nodes under 32 bytes, which are embedded rather than hashed.
      const values = Array.from({ length: n }, (_, i) => bytes(i + n, [1, 3, 31, 33, 120][i % 5] as number))
      assert.equal(
        bytesToHex(orderedTrieRoot(values, keccak256)),
        bytesToHex(await referenceOrderedRoot(values)),
      )
    })
  }
})

describe('encodeBranch', () => {
  it('equals the generic RLP encoding for empty, hash, short and embedded children and a value', () => {
    const embedded = [Uint8Array.from([0x20]), Uint8Array.from([1, 2])]
    const raw = [
      null,
      bytes(1, 32),
      new Uint8Array(0),
      Uint8Array.from([5]),
      bytes(2, 20),
      embedded,
      ...Array.from({ length: 10 }, (_, i) => (i % 2 ? bytes(i + 3, 32) : null)),
      bytes(9, 60),
    ]
    const generic = RLP.encode(raw.map((x) => x ?? new Uint8Array(0)) as Uint8Array[])
    assert.equal(bytesToHex(encodeBranch(raw)), bytesToHex(generic))
  })
})

describe('CachedTrie', () => {
  it('computes the same roots and reads as @ethereumjs/mpt through puts, deletes and copies', async () => {
    const nodes = trieNodeCache(1000)
    const cached = new CachedTrie({ db: new MapDB(), useKeyHashing: true }, nodes)
    const plain = new MerklePatriciaTrie({ db: new MapDB(), useKeyHashing: true })
    for (let round = 0; round < 4; round++) {
      for (let i = 0; i < 300; i++) {
        const k = bytes(i % 170, 20)
        const v = bytes(round * 1000 + i, i % 7 === 0 ? 2 : 40)
        if (round > 0 && i % 11 === 0) {
          await cached.del(k)
          await plain.del(k)
        } else {
          await cached.put(k, v)
          await plain.put(k, v)
        }
      }
      assert.equal(bytesToHex(cached.root()), bytesToHex(plain.root()), `root after round ${round}`)
    }
    const copy = cached.shallowCopy(false)
    assert.ok(copy instanceof CachedTrie)
    for (let i = 0; i < 170; i += 13) {
      const k = bytes(i, 20)
      assert.deepEqual(await copy.get(k), await plain.get(k))
    }
    assert.ok(nodes.size > 0)
  })
})
