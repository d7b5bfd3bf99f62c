// The state trie with two costs of @ethereumjs/mpt taken out of block production.
// Every `put` walks from the root and re-encodes and re-hashes the whole path, so a block touching
// 1,600 accounts decoded and encoded the same upper nodes 1,600 times: node RLP decoding was 13% and
// branch encoding 10% of block production for plain transfers. Here decoded nodes are kept by hash
// (content-addressed, so never stale) and branch nodes are encoded in one pass into one buffer.

import {
  decodeRawMPTNode,
  MerklePatriciaTrie,
  type MPTNode,
  type MPTOpts,
  type TrieShallowCopyOpts,
} from '@ethereumjs/mpt'
import { RLP } from '@ethereumjs/rlp'
import type { BatchDBOp } from '@ethereumjs/util'
import { LRUCache } from 'lru-cache'

/** A node as RLP-decoded: 17 items for a branch, 2 for a leaf or extension. */
type RawNode = (Uint8Array | RawNode | null)[]

/** Decoded nodes by hash, shared by a chain's state trie and every storage trie copied from it. */
export type TrieNodeCache = LRUCache<string, RawNode>

export function trieNodeCache(max = 100_000): TrieNodeCache {
  return new LRUCache({ max })
}

function cacheKey(hash: Uint8Array): string {
  return Buffer.from(hash.buffer, hash.byteOffset, hash.byteLength).toString('latin1')
}

export class CachedTrie extends MerklePatriciaTrie {
  constructor(
    opts: MPTOpts,
    private readonly nodes: TrieNodeCache,
  ) {
    super(opts)
  }

  override async lookupNode(node: Uint8Array | Uint8Array[]): Promise<MPTNode> {
    if (!(node instanceof Uint8Array)) return super.lookupNode(node)
    const key = cacheKey(node)
    const raw = this.nodes.get(key)
    // decodeRawMPTNode copies the branch array and the parent mutates only its own copy.
    if (raw !== undefined) return decodeRawMPTNode(raw as Uint8Array[])
    const found = await super.lookupNode(node)
    this.nodes.set(key, found.raw() as RawNode)
    return found
  }

  override _formatNode(
    node: MPTNode,
    topLevel: boolean,
    opStack: BatchDBOp[],
    remove = false,
  ): ReturnType<MerklePatriciaTrie['_formatNode']> {
    const raw = node.raw() as RawNode
    const encoded = encodeNode(raw)
    if (encoded.length < 32 && !topLevel) return raw as Uint8Array[]
    const hash = this.hash(encoded)
    if (!remove) {
      opStack.push({ type: 'put', key: this._getDbKey(hash), value: encoded })
      this.nodes.set(cacheKey(hash), raw)
    } else if (this._opts.useNodePruning) {
      opStack.push({ type: 'del', key: this._getDbKey(hash) })
    }
    return hash
  }

  override shallowCopy(includeCheckpoints = true, opts?: TrieShallowCopyOpts): CachedTrie {
    const trie = new CachedTrie(
      { ...this._opts, db: this._db.db.shallowCopy(), root: this.root(), cacheSize: 0, ...(opts ?? {}) },
      this.nodes,
    )
    if (includeCheckpoints && this.hasCheckpoints()) trie._db.setCheckpoints(this._db.checkpoints)
    return trie
  }
}

/** RLP of a branch node; children are mostly empty or 32-byte hashes, so those skip the generic encoder. */
export function encodeBranch(raw: RawNode): Uint8Array {
  const parts: (Uint8Array | null)[] = new Array(17)
  let payload = 0
  for (let i = 0; i < 17; i++) {
    const item = raw[i]
    if (item === null || item === undefined || (item instanceof Uint8Array && item.length === 0)) {
      parts[i] = null
      payload += 1
    } else if (item instanceof Uint8Array && item.length === 32) {
      parts[i] = item
      payload += 33
    } else {
      const enc = RLP.encode(item as Uint8Array)
      parts[i] = enc
      payload += enc.length
    }
  }
  const header = payload < 56 ? 1 : 1 + byteLength(payload)
  const out = new Uint8Array(header + payload)
  if (payload < 56) out[0] = 0xc0 + payload
  else {
    const n = header - 1
    out[0] = 0xf7 + n
    for (let i = n, v = payload; i >= 1; i--, v = Math.floor(v / 256)) out[i] = v & 0xff
  }
  let at = header
  for (let i = 0; i < 17; i++) {
    const part = parts[i]
    if (part === null || part === undefined) {
      out[at++] = 0x80
    } else if (part === raw[i] && part.length === 32) {
      out[at++] = 0xa0
      out.set(part, at)
      at += 32
    } else {
      out.set(part, at)
      at += part.length
    }
  }
  return out
}

function byteLength(n: number): number {
  let len = 0
  for (let v = n; v > 0; v = Math.floor(v / 256)) len++
  return len
}

/**
 * Root of the trie keyed by RLP(index) that transactions, receipts and withdrawals go into, built in
 * one pass: putting the items one by one re-encodes and re-hashes every node on the path each time.
 */
export function orderedTrieRoot(values: Uint8Array[], hash: (b: Uint8Array) => Uint8Array): Uint8Array {
  if (values.length === 0) return hash(RLP.encode(Uint8Array.from([])))
  const entries = values
    .map((value, i) => ({ nibbles: toNibbles(RLP.encode(i)), value }))
    .sort((a, b) => compareNibbles(a.nibbles, b.nibbles))
  return hash(encodeNode(buildNode(entries, 0, entries.length, 0, hash)))
}

interface Entry {
  nibbles: number[]
  value: Uint8Array
}

function buildNode(es: Entry[], from: number, to: number, depth: number, hash: Hasher): RawNode {
  const first = es[from] as Entry
  if (to - from === 1) return [hexPrefix(first.nibbles.slice(depth), true), first.value]
  // Sorted, so the common prefix of the range is that of its first and last entries.
  const last = es[to - 1] as Entry
  let shared = 0
  while (
    depth + shared < first.nibbles.length &&
    depth + shared < last.nibbles.length &&
    first.nibbles[depth + shared] === last.nibbles[depth + shared]
  )
    shared++
  if (shared > 0) {
    const child = buildNode(es, from, to, depth + shared, hash)
    return [hexPrefix(first.nibbles.slice(depth, depth + shared), false), ref(child, hash)]
  }
  const branch: RawNode = new Array(17).fill(null)
  let i = from
  if (first.nibbles.length === depth) {
    branch[16] = first.value
    i++
  }
  while (i < to) {
    const nibble = (es[i] as Entry).nibbles[depth] as number
    let j = i + 1
    while (j < to && (es[j] as Entry).nibbles[depth] === nibble) j++
    branch[nibble] = ref(buildNode(es, i, j, depth + 1, hash), hash)
    i = j
  }
  return branch
}

type Hasher = (b: Uint8Array) => Uint8Array

/** A child as its parent holds it: the node itself when its encoding is under 32 bytes, else its hash. */
function ref(node: RawNode, hash: Hasher): Uint8Array | RawNode {
  const encoded = encodeNode(node)
  return encoded.length < 32 ? node : hash(encoded)
}

function encodeNode(node: RawNode): Uint8Array {
  return node.length === 17 ? encodeBranch(node) : RLP.encode(node as Uint8Array[])
}

function toNibbles(bytes: Uint8Array): number[] {
  const out = new Array<number>(bytes.length * 2)
  for (let i = 0; i < bytes.length; i++) {
    out[2 * i] = (bytes[i] as number) >> 4
    out[2 * i + 1] = (bytes[i] as number) & 0x0f
  }
  return out
}

function compareNibbles(a: number[], b: number[]): number {
  const n = Math.min(a.length, b.length)
  for (let i = 0; i < n; i++) if (a[i] !== b[i]) return (a[i] as number) - (b[i] as number)
  return a.length - b.length
}

/** Hex-prefix encoding of a key fragment (Yellow Paper appendix C). */
function hexPrefix(nibbles: number[], leaf: boolean): Uint8Array {
  const odd = nibbles.length % 2
  const out = new Uint8Array(Math.floor(nibbles.length / 2) + 1)
  const flag = (leaf ? 2 : 0) + odd
  out[0] = odd ? (flag << 4) | (nibbles[0] as number) : flag << 4
  for (let i = odd, o = 1; i < nibbles.length; i += 2, o++) {
    out[o] = ((nibbles[i] as number) << 4) | (nibbles[i + 1] as number)
  }
  return out
}
