// The state manager of kept call VMs. A call runs inside a checkpoint that is reverted afterwards,
// and ethereumjs's caches forget on revert everything first read inside the checkpoint: a kept VM
// read the token's balance slot (a storage-trie walk and a trie copy), the coinbase account and the
// code of every inner callee again on every eth_call. Here what the tries hold is remembered by
// content (state root and address, storage root and slot, code hash), which no revert or reorg can
// make stale, so only values first seen go to the tries.
import type { MerklePatriciaTrie } from '@ethereumjs/mpt'
import { RLP } from '@ethereumjs/rlp'
import { type Caches, CODEHASH_PREFIX, MerkleStateManager } from '@ethereumjs/statemanager'
import { type Account, type Address, concatBytes, createAccountFromRLP } from '@ethereumjs/util'
import { LRUCache } from 'lru-cache'

/** Trie reads kept (accounts and slots; a few hundred bytes each at most). */
const MAX_READS = 100_000
/** Bytes of contract code kept. */
const MAX_CODE_BYTES = 32 * 1024 * 1024
const EMPTY = new Uint8Array(0)
/** An absent account or slot (the LRU cannot hold undefined). */
const NONE = 0

/** What the tries hold, by content: shared by every call VM of a chain. */
export class TrieReads {
  /** An account's RLP by state root + address; a slot's RLP by storage root + slot. */
  readonly values = new LRUCache<string, Uint8Array | typeof NONE>({ max: MAX_READS })
  readonly code = new LRUCache<string, Uint8Array>({
    maxSize: MAX_CODE_BYTES,
    sizeCalculation: (c) => Math.max(1, c.length),
  })
}

function latin1(b: Uint8Array): string {
  return Buffer.from(b.buffer, b.byteOffset, b.byteLength).toString('latin1')
}

function key(a: Uint8Array, b: Uint8Array): string {
  return latin1(a) + latin1(b)
}

export class CallStateManager extends MerkleStateManager {
  private readonly reads: TrieReads

  constructor(
    opts: { common: MerkleStateManager['common']; trie: MerklePatriciaTrie; caches: Caches },
    reads: TrieReads,
  ) {
    super(opts)
    this.reads = reads
  }

  override async getAccount(address: Address): Promise<Account | undefined> {
    const elem = this._caches?.account?.get(address)
    if (elem !== undefined) {
      return elem.accountRLP !== undefined ? createAccountFromRLP(elem.accountRLP) : undefined
    }
    const k = key(this._trie.root(), address.bytes)
    let rlp = this.reads.values.get(k)
    if (rlp === undefined) {
      rlp = (await this._trie.get(address.bytes)) ?? NONE
      this.reads.values.set(k, rlp)
    }
    const account = rlp === NONE ? undefined : createAccountFromRLP(rlp)
    this._caches?.account?.put(address, account)
    return account
  }

  override async getStorage(address: Address, slot: Uint8Array): Promise<Uint8Array> {
    if (slot.length !== 32) return super.getStorage(address, slot)
    const cached = this._caches?.storage?.get(address, slot)
    if (cached !== undefined) return RLP.decode(cached) as Uint8Array
    const account = await this.getAccount(address)
    if (!account) return new Uint8Array()
    // A storage root names its trie's content: whatever address holds it, the slot reads the same.
    const k = key(account.storageRoot, slot)
    let value = this.reads.values.get(k)
    if (value === undefined) {
      value = (await this._getStorageTrie(address, account).get(slot)) ?? NONE
      this.reads.values.set(k, value)
    }
    const encoded = value === NONE ? Uint8Array.of(0x80) : value
    this._caches?.storage?.put(address, slot, encoded)
    return RLP.decode(encoded) as Uint8Array
  }

  override async getCode(address: Address): Promise<Uint8Array> {
    const elem = this._caches?.code?.get(address)
    if (elem !== undefined) return elem.code ?? new Uint8Array(0)
    const account = await this.getAccount(address)
    if (!account?.isContract()) return new Uint8Array(0)
    const k = latin1(account.codeHash)
    let code = this.reads.code.get(k)
    if (code === undefined) {
      code = (await this._trie.database().get(concatBytes(CODEHASH_PREFIX, account.codeHash))) ?? EMPTY
      this.reads.code.set(k, code)
    }
    this._caches?.code?.put(address, code)
    return code
  }
}
