// The chain core: one LevelDB data directory holding blocks, receipts, indexes and state; the head;
// execution of blocks with @ethereumjs/vm; reads at any stored block.
import { mkdir } from 'node:fs/promises'
import { join } from 'node:path'
import {
  type Block,
  type BlockHeader,
  createBlock,
  createBlockFromRLP,
  createBlockHeaderFromRLP,
  type HeaderData,
} from '@ethereumjs/block'
import type { Common } from '@ethereumjs/common'
import type { MerklePatriciaTrie } from '@ethereumjs/mpt'
import { Caches, MerkleStateManager } from '@ethereumjs/statemanager'
import type { TypedTransaction } from '@ethereumjs/tx'
import {
  Account,
  Address,
  bytesToHex,
  concatBytes,
  createAddressFromString,
  equalsBytes,
  hexToBytes,
  ValueEncoding,
} from '@ethereumjs/util'
import { createVM, type VM } from '@ethereumjs/vm'
import { LRUCache } from 'lru-cache'
import type { Logger } from 'pino'
import {
  ConsensusError,
  checkProposal,
  IN_TURN_WEIGHT,
  OUT_OF_TURN_WEIGHT,
  prefersTip,
  proposerRanking,
  type QuorumCertificate,
  type SlotClock,
  type StakedValidator,
  splitExtra,
  verifyForeignHeader,
  verifyHeader,
} from '../../consensus/index.ts'
import type { Genesis, Hex } from '../../genesis/index.ts'
import { parseGenesis } from '../../genesis/index.ts'
import { type AssemblerOptions, BlockAssembler, replayBlock } from './assembler.ts'
import { CallStateManager, type TrieReads } from './callState.ts'
import { type CommonParams, createChainCommon } from './common.ts'
import {
  getOrUndefined,
  key,
  type LevelDb,
  metaKey,
  openLevel,
  readU64,
  Table,
  TrieDb,
  u64,
  type WriteOp,
} from './db.ts'
import { ChainError } from './errors.ts'
import { executionReceipts } from './execution.ts'
import { finalisedOriginRoots, type OriginRoot } from './originRoots.ts'
import { decodeReceipts, encodeReceipts, type StoredReceipt } from './receipts.ts'
import { ChainStore } from './store.ts'
import { CachedTrie } from './trie.ts'

export interface ChainOptions {
  datadir: string
  /** Blocks kept decoded in memory. */
  blockCacheSize: number
}

// Recent blocks and receipts kept decoded. Full blocks hold a thousand transaction objects each: 512
// of them kept ~700 MB live and made every major GC pause a block.
export const defaultChainOptions: ChainOptions = { datadir: '', blockCacheSize: 64 }

export interface ChainModules {
  logger: Logger
  /** Required for a new data directory; checked against the stored one otherwise. */
  genesis?: Genesis
}

export interface TxLocation {
  blockHash: Uint8Array
  index: number
}

/** Blocks that joined and left the canonical chain in one head change (a reorg removes some). */
export interface ChainEvent {
  /** Oldest first; the last one is the new head. */
  added: Block[]
  /** Oldest first; empty when the head just grew. */
  removed: Block[]
}

export interface ImportResult {
  /** Already stored: nothing was done. */
  known: boolean
  /** The block is on the canonical chain after the import (a reorg may have put it there). */
  canonical: boolean
  receipts: StoredReceipt[]
}

export const BLOCK_OPTS = { skipConsensusFormatValidation: true } as const

export interface ImportOptions {
  /**
   * Skip our seal and proposer rules (a chain sealed by another consensus, read from a file): the
   * block must extend the head, and execution is checked all the same.
   */
  trusted?: boolean
  /** The clock proposals are judged against (tests). */
  nowMs?: number
  /**
   * Return once the block is the head, before it is on disk (sync: the next block executes while
   * this one is written). A crash may then lose it, never half of it; `flush()` waits for the disk.
   */
  deferWrite?: boolean
}

/** ethereumjs's block-execution failures, as one line naming what mismatched. */
const EXECUTION_FAILURES: [RegExp, (m: RegExpMatchArray) => string][] = [
  [
    /invalid block stateRoot, got: (0x[0-9a-f]+), want: (0x[0-9a-f]+)/,
    (m) => `state root mismatch: header ${m[2]}, computed ${m[1]}`,
  ],
  [/invalid receiptTrie/, () => 'receipts root mismatch'],
  [/invalid bloom/, () => 'logs bloom mismatch'],
  [/invalid gasUsed/, () => 'gas used mismatch'],
  [/invalid requestsHash/, () => 'requests hash mismatch'],
  [/invalid transaction trie/, () => 'transactions root mismatch'],
  [/invalid withdrawals trie/, () => 'withdrawals root mismatch'],
  [/invalid uncle hash/, () => 'uncle hash mismatch'],
]

function executionFailure(e: unknown): string {
  const message = String((e as Error).message ?? e)
  for (const [re, describe] of EXECUTION_FAILURES) {
    const m = message.match(re)
    if (m) return describe(m)
  }
  // ethereumjs appends "(vm hf=... -> block number=...)" context: the block is named already.
  return (message.split('\n')[0] ?? message)
    .replace(/ \((vm hf|block number)=.*$/, '')
    .replace(/ - block number=.*$/, '')
}

const SCHEMA_VERSION = '1'

export class Chain {
  readonly common: Common
  readonly genesis: Genesis
  readonly genesisBlock: Block
  /** VM whose state is the head's state; only the block producer/importer touches it. */
  readonly vm: VM
  private _head: Block
  private readonly blockCache = new Map<string, Block>()
  /**
   * Canonical hashes by number: log queries ask for every number of their range. Emptied on a reorg;
   * extended as the head grows.
   */
  private readonly canonicalCache = new LRUCache<bigint, Uint8Array>({ max: 65_536 })
  /** Bumped by every reorg, so a read that began before one does not refill the cache. */
  private reorgs = 0
  private readonly receiptCache = new Map<string, StoredReceipt[]>()
  private readonly headListeners: ((block: Block, receipts: StoredReceipt[]) => void)[] = []
  private readonly reorgListeners: ((ev: ChainEvent) => void)[] = []
  private closed = false
  private headWeight: bigint
  /** Serialises everything that runs blocks on the VM or moves the head (imports, production). */
  private lock: Promise<unknown> = Promise.resolve()
  readonly clock: SlotClock
  /**
   * Consensus checks beyond seal and schedule, set by the composition root (finality, DESIGN.md §6):
   * `checkBlock` vets a block's certificate before execution; `mayBecomeHead` keeps fork choice on
   * the branch holding the highest justified checkpoint (so a finalised block is never reverted).
   */
  consensusHooks: {
    checkBlock?(block: Block, parent: BlockHeader): Promise<void>
    mayBecomeHead?(tip: Block): Promise<boolean>
    /** Validators of the kernel governing block `number` on `parentHash` (default: the genesis set). */
    validatorsFor?(parentHash: Uint8Array, number: bigint): Promise<readonly StakedValidator[] | undefined>
  } = {}

  private async validatorsFor(parentHash: Uint8Array, number: bigint): Promise<readonly StakedValidator[]> {
    return (await this.consensusHooks.validatorsFor?.(parentHash, number)) ?? this.genesis.mosaic.validators
  }

  private constructor(
    private readonly options: ChainOptions,
    private readonly logger: Logger,
    private readonly level: ChainStore,
    private readonly trieDb: TrieDb,
    init: { common: Common; genesis: Genesis; genesisBlock: Block; head: Block; vm: VM; headWeight: bigint },
  ) {
    this.common = init.common
    this.genesis = init.genesis
    this.genesisBlock = init.genesisBlock
    this._head = init.head
    this.vm = init.vm
    this.headWeight = init.headWeight
    this.clock = { genesisTime: init.genesis.timestamp, blockTimeMs: init.genesis.mosaic.blockTimeMs }
  }

  static async open(opts: Partial<ChainOptions>, modules: ChainModules): Promise<Chain> {
    const options = { ...defaultChainOptions, ...opts }
    const logger = modules.logger.child({ module: 'chain' })
    const dir = join(options.datadir, 'chaindata')
    await mkdir(dir, { recursive: true })
    let level: LevelDb
    try {
      level = await openLevel(dir)
    } catch (e) {
      const cause = (e as { cause?: { message?: string } }).cause?.message ?? (e as Error).message
      if (/lock/i.test(cause)) {
        throw new ChainError(
          'DATADIR_LOCKED',
          `data directory ${options.datadir} is in use by another process`,
        )
      }
      throw e
    }
    try {
      return await Chain.load(options, logger, level, modules.genesis)
    } catch (e) {
      await level.close()
      throw e
    }
  }

  private static async load(
    options: ChainOptions,
    logger: Logger,
    db: LevelDb,
    given?: Genesis,
  ): Promise<Chain> {
    const level = new ChainStore(db)
    const storedJson = await getOrUndefined(level, metaKey('genesis'))
    const fresh = storedJson === undefined
    let genesis: Genesis
    if (fresh) {
      if (!given)
        throw new ChainError('NO_GENESIS', `data directory ${options.datadir} is empty: run init first`)
      genesis = given
    } else {
      // The datadir remembers whatever genesis it was made with, a foreign (imported) one included.
      genesis = parseGenesis(JSON.parse(new TextDecoder().decode(storedJson)), { allowForeign: true })
    }
    const common = createChainCommon(commonParams(genesis))
    const trieDb = new TrieDb(level)
    const { block: genesisBlock } = await buildGenesis(genesis, common, trieDb)

    if (given && !fresh) {
      const { block: givenBlock } = await buildGenesis(given, common, new TrieDb(level).scratch())
      if (!equalsBytes(givenBlock.hash(), genesisBlock.hash())) {
        throw new ChainError(
          'GENESIS_MISMATCH',
          `genesis mismatch: data directory has ${bytesToHex(genesisBlock.hash())}, genesis file gives ${bytesToHex(givenBlock.hash())}`,
        )
      }
    }

    let head = genesisBlock
    if (fresh) {
      const ops: WriteOp[] = [
        ...trieDb.drain(),
        ...blockOps(genesisBlock, [], 0n, true),
        {
          type: 'put',
          key: metaKey('genesis'),
          value: new TextEncoder().encode(JSON.stringify(genesis.json)),
        },
        { type: 'put', key: metaKey('schema'), value: new TextEncoder().encode(SCHEMA_VERSION) },
        { type: 'put', key: metaKey('head'), value: genesisBlock.hash() },
        { type: 'put', key: key(Table.weight, genesisBlock.hash()), value: u64(0n) },
      ]
      await level.write(ops)
      logger.info(
        { hash: bytesToHex(genesisBlock.hash()), chainId: genesis.chainId.toString() },
        'initialised chain',
      )
    } else {
      trieDb.discard()
      const stored0 = await getOrUndefined(level, key(Table.canonical, u64(0n)))
      if (!stored0 || !equalsBytes(stored0, genesisBlock.hash())) {
        throw new ChainError(
          'GENESIS_MISMATCH',
          `genesis hash check failed: stored ${stored0 ? bytesToHex(stored0) : 'none'}, computed ${bytesToHex(genesisBlock.hash())}`,
        )
      }
      const headHash = await getOrUndefined(level, metaKey('head'))
      const raw = headHash && (await getOrUndefined(level, key(Table.body, headHash)))
      if (!raw) throw new ChainError('INVALID_BLOCK', 'data directory has no head block record')
      head = createBlockFromRLP(raw, { common, ...BLOCK_OPTS })
    }

    const stateManager = new MerkleStateManager({
      common,
      trie: stateTrie(trieDb, common, head.header.stateRoot),
      caches: new Caches(),
    })
    const chainRef: { chain?: Chain } = {}
    const vm = await createVM({
      common,
      stateManager,
      blockchain: {
        getBlock: async (n: number) => {
          const b = await chainRef.chain?.getBlockByNumber(BigInt(n))
          if (!b) throw new Error(`block ${n} not found`)
          return b
        },
        putBlock: async () => {},
        shallowCopy() {
          return this
        },
      },
    })
    const storedWeight = await getOrUndefined(level, key(Table.weight, head.hash()))
    const headWeight = storedWeight ? readU64(storedWeight) : 0n
    const chain = new Chain(options, logger, level, trieDb, {
      common,
      genesis,
      genesisBlock,
      head,
      vm,
      headWeight,
    })
    chainRef.chain = chain
    if (!fresh)
      logger.info({ number: Number(head.header.number), hash: bytesToHex(head.hash()) }, 'opened chain')
    return chain
  }

  get head(): Block {
    return this._head
  }

  get chainId(): bigint {
    return this.genesis.chainId
  }

  onHead(listener: (block: Block, receipts: StoredReceipt[]) => void): void {
    this.headListeners.push(listener)
  }

  /** Called after every head change with the blocks that joined and left the canonical chain. */
  onReorg(listener: (ev: ChainEvent) => void): void {
    this.reorgListeners.push(listener)
  }

  /** Fork-choice weight of the canonical chain. */
  get weight(): bigint {
    return this.headWeight
  }

  /** Runs `fn` with the VM and the head to itself (block production and imports take turns). */
  exclusive<T>(fn: () => Promise<T>): Promise<T> {
    const run = this.lock.then(fn, fn)
    this.lock = run.catch(() => {})
    return run
  }

  /** Slot a header was proposed for (rules/proposer.ts); genesis is slot 0. */
  slotOf(header: BlockHeader): bigint {
    return header.number === 0n ? 0n : splitExtra(header.extraData).payload.slot
  }

  async hasBlock(hash: Uint8Array): Promise<boolean> {
    if (this.blockCache.has(bytesToHex(hash))) return true
    return (await getOrUndefined(this.level, key(Table.number, hash))) !== undefined
  }

  async getWeight(hash: Uint8Array): Promise<bigint | undefined> {
    const raw = await getOrUndefined(this.level, key(Table.weight, hash))
    return raw ? readU64(raw) : undefined
  }

  async close(): Promise<void> {
    if (this.closed) return
    this.closed = true
    await this.level.close()
  }

  /** Resolves once every imported block is on disk (see ImportOptions.deferWrite). */
  flush(): Promise<void> {
    return this.level.flush()
  }

  // ---- reads ----

  async getBlockByHash(hash: Uint8Array): Promise<Block | undefined> {
    const hex = bytesToHex(hash)
    const cached = this.blockCache.get(hex)
    if (cached) return cached
    const raw = await getOrUndefined(this.level, key(Table.body, hash))
    if (!raw) return undefined
    const block = createBlockFromRLP(raw, { common: this.common, ...BLOCK_OPTS })
    this.cacheBlock(block)
    return block
  }

  async getCanonicalHash(n: bigint): Promise<Uint8Array | undefined> {
    if (n < 0n || n > this._head.header.number) return undefined
    if (n === this._head.header.number) return this._head.hash()
    const cached = this.canonicalCache.get(n)
    if (cached !== undefined) return cached
    const epoch = this.reorgs
    const hash = await getOrUndefined(this.level, key(Table.canonical, u64(n)))
    if (hash !== undefined && epoch === this.reorgs) this.canonicalCache.set(n, hash)
    return hash
  }

  async getBlockByNumber(n: bigint): Promise<Block | undefined> {
    const hash = await this.getCanonicalHash(n)
    return hash ? this.getBlockByHash(hash) : undefined
  }

  async getHeaderByHash(hash: Uint8Array): Promise<BlockHeader | undefined> {
    const cached = this.blockCache.get(bytesToHex(hash))
    if (cached) return cached.header
    const raw = await getOrUndefined(this.level, key(Table.header, hash))
    return raw ? createBlockHeaderFromRLP(raw, { common: this.common, ...BLOCK_OPTS }) : undefined
  }

  async isCanonical(block: Block): Promise<boolean> {
    const h = await this.getCanonicalHash(block.header.number)
    return h !== undefined && equalsBytes(h, block.hash())
  }

  async getReceipts(blockHash: Uint8Array): Promise<StoredReceipt[] | undefined> {
    const hex = bytesToHex(blockHash)
    const cached = this.receiptCache.get(hex)
    if (cached) return cached
    const raw = await getOrUndefined(this.level, key(Table.receipts, blockHash))
    if (!raw) return undefined
    const rs = decodeReceipts(raw)
    this.remember(this.receiptCache, hex, rs)
    return rs
  }

  async getTxLocation(txHash: Uint8Array): Promise<TxLocation | undefined> {
    const raw = await getOrUndefined(this.level, key(Table.txIndex, txHash))
    if (!raw) return undefined
    const loc = { blockHash: raw.subarray(0, 32), index: Number(readU64(raw.subarray(32, 40))) }
    // The index survives a reorg's losing branch; only canonical locations count.
    const num = await getOrUndefined(this.level, key(Table.number, loc.blockHash))
    if (!num) return undefined
    const canon = await this.getCanonicalHash(readU64(num))
    return canon && equalsBytes(canon, loc.blockHash) ? loc : undefined
  }

  /** A throwaway state manager at `stateRoot`: reads stored state, writes vanish with it. */
  /** With `reads`, a cached manager whose trie reads outlive its checkpoints (see callState.ts). */
  stateAt(stateRoot: Uint8Array, opts: { cached?: boolean; reads?: TrieReads } = {}): MerkleStateManager {
    const trie = stateTrie(this.trieDb.scratch(), this.common, stateRoot)
    if (opts.reads)
      return new CallStateManager({ common: this.common, trie, caches: new Caches() }, opts.reads)
    return new MerkleStateManager({
      common: this.common,
      trie,
      ...(opts.cached ? { caches: new Caches() } : {}),
    })
  }

  async hasState(stateRoot: Uint8Array): Promise<boolean> {
    return (await this.trieDb.get(bytesToHex(stateRoot).slice(2))) !== undefined
  }

  // ---- writes ----

  /** Opens a block on the head's state for the local producer; `abandon` it if it is not committed. */
  assemble(opts: Omit<AssemblerOptions, 'blockOpts'>): Promise<BlockAssembler> {
    if (!equalsBytes(opts.parentBlock.hash(), this._head.hash())) {
      throw new ChainError(
        'UNKNOWN_PARENT',
        `block ${opts.parentBlock.header.number + 1n} does not extend the head`,
      )
    }
    return BlockAssembler.open(this.vm, { ...opts, blockOpts: BLOCK_OPTS })
  }

  /** The finalised origin roots a block carrying `qc` writes before its transactions (originRoots.ts). */
  originRootsFor(qc: QuorumCertificate | undefined): Promise<OriginRoot[]> {
    return finalisedOriginRoots(qc, this.genesis.mosaic.epochLength, (h) => this.getHeaderByHash(h))
  }

  /** originRootsFor the certificate in `header`'s consensus payload. */
  originRootsOf(header: BlockHeader): Promise<OriginRoot[]> {
    if (header.number === 0n || this.genesis.foreign) return Promise.resolve([])
    return this.originRootsFor(splitExtra(header.extraData).payload.qc)
  }

  /** Undoes the state changes of an assembled block that will not be committed. */
  async abandon(assembler: BlockAssembler): Promise<void> {
    await assembler.revert()
    await this.resetState()
  }

  /**
   * Puts the VM back on the head's state after a failed block. ethereumjs reverts the block's
   * checkpoint, but flushes its caches into the trie on the way out, so the trie may point at nodes
   * of the failed block: without this reset the next block ran on a broken trie.
   */
  private async resetState(): Promise<void> {
    const sm = this.vm.stateManager as MerkleStateManager
    try {
      await sm.setStateRoot(this._head.header.stateRoot, true)
    } finally {
      this.trieDb.discard()
    }
  }

  /** The stored RLP of the canonical block `n` (for export), without decoding it. */
  async getRawBlockByNumber(n: bigint): Promise<Uint8Array | undefined> {
    const hash = await this.getCanonicalHash(n)
    return hash ? getOrUndefined(this.level, key(Table.body, hash)) : undefined
  }

  /**
   * Verifies, executes and stores a block built elsewhere (a peer's), on any stored parent. The block
   * becomes the head when fork choice prefers it (a reorg when its parent is not the head); otherwise
   * it is kept as a side branch. Bad blocks change nothing. `trusted` (a chain sealed by another
   * consensus, read from a file) takes the seal on trust but never the execution: linkage, base fee,
   * blob gas, transactions, state root, receipts root, logs bloom, gas used and requests hash are
   * always checked.
   */
  importBlock(block: Block, options: ImportOptions = {}): Promise<ImportResult> {
    return this.exclusive(() => this.importUnlocked(block, options))
  }

  private async importUnlocked(block: Block, options: ImportOptions): Promise<ImportResult> {
    const nowMs = options.nowMs ?? Date.now()
    const hash = block.hash()
    const parentIsHead = equalsBytes(block.header.parentHash, this._head.hash())
    // A child of the head is stored only if it is cached: stored, it would outweigh the head and be
    // the head itself. Sparing that LevelDB miss (no bloom filters: the dearest read there is) saved
    // ~6% of a sync.
    const known = parentIsHead ? this.blockCache.has(bytesToHex(hash)) : await this.hasBlock(hash)
    if (known) return { known: true, canonical: await this.isCanonical(block), receipts: [] }
    // A file's chain is imported in order onto the head: no side branches from another consensus.
    if (options.trusted) {
      try {
        verifyForeignHeader(block.header, this._head.header)
      } catch (e) {
        if (e instanceof ConsensusError) throw new ChainError('INVALID_BLOCK', e.message)
        throw e
      }
    }
    const parent = parentIsHead ? this._head.header : await this.getHeaderByHash(block.header.parentHash)
    const parentWeight = parentIsHead ? this.headWeight : parent && (await this.getWeight(parent.hash()))
    if (!parent || parentWeight === undefined) {
      throw new ChainError(
        'UNKNOWN_PARENT',
        `block ${block.header.number}: parent ${bytesToHex(block.header.parentHash)} unknown`,
        {
          parentHash: bytesToHex(block.header.parentHash),
        },
      )
    }
    let weight: bigint
    try {
      if (options.trusted) weight = parentWeight + 1n
      else {
        const validators = await this.validatorsFor(parent.hash(), block.header.number)
        weight = parentWeight + this.verifyProposal(block, parent, nowMs, validators)
        await this.consensusHooks.checkBlock?.(block, parent)
      }
    } catch (e) {
      if (e instanceof ConsensusError) {
        const code =
          e.code === 'BAD_SEAL' || e.code === 'WRONG_SEALER'
            ? 'BAD_SEAL'
            : e.code === 'TOO_EARLY'
              ? 'TOO_EARLY'
              : 'INVALID_BLOCK'
        const n = block.header.number
        throw new ChainError(
          code,
          e.message.startsWith(`block ${n}:`) ? e.message : `block ${n}: ${e.message}`,
        )
      }
      throw e
    }
    const onHead = parentIsHead
    let receipts: StoredReceipt[]
    try {
      block.validateBlobTransactions(parent)
      if (!onHead) await this.vm.stateManager.setStateRoot(parent.stateRoot)
      const roots = options.trusted ? [] : await this.originRootsOf(block.header)
      receipts = executionReceipts(block, await replayBlock(this.vm, block, parent, BLOCK_OPTS, roots))
    } catch (e) {
      await this.resetState().catch((err: unknown) => this.logger.error({ err }, 'state reset failed'))
      throw new ChainError('INVALID_BLOCK', `block ${block.header.number}: ${executionFailure(e)}`)
    }
    const wins =
      prefersTip({ weight, hash }, { weight: this.headWeight, hash: this._head.hash() }) &&
      (onHead || (await this.consensusHooks.mayBecomeHead?.(block)) !== false)
    if (onHead && wins) {
      await this.writeHead(block, receipts, weight, options.deferWrite)
      return { known: false, canonical: true, receipts }
    }
    const ops: WriteOp[] = [...this.trieDb.drain(), ...blockOps(block, receipts, weight, false)]
    if (!wins) {
      await this.level.write(ops)
      this.cacheBlock(block)
      this.remember(this.receiptCache, bytesToHex(hash), receipts)
      await this.vm.stateManager.setStateRoot(this._head.header.stateRoot)
      this.logger.debug({ number: Number(block.header.number), hash: bytesToHex(hash) }, 'stored side block')
      return { known: false, canonical: false, receipts }
    }
    await this.reorgTo(block, receipts, weight, ops)
    return { known: false, canonical: true, receipts }
  }

  /**
   * Makes the stored block `hash` the head even when a heavier branch is canonical: finality
   * justified it (DESIGN.md §5: the chain holding the highest justified checkpoint wins over weight).
   * Its descendants come back through gossip and sync. Returns false when it is unknown or canonical.
   */
  moveHeadTo(hash: Uint8Array): Promise<boolean> {
    return this.exclusive(async () => {
      const block = await this.getBlockByHash(hash)
      const weight = await this.getWeight(hash)
      if (!block || weight === undefined || (await this.isCanonical(block))) return false
      const receipts = (await this.getReceipts(hash)) ?? []
      await this.reorgTo(block, receipts, weight, [])
      await this.resetState()
      return true
    })
  }

  /** Our seal and proposer rules for a block on `parent`; returns the fork-choice weight it adds. */
  private verifyProposal(
    block: Block,
    parent: BlockHeader,
    nowMs: number,
    validators: readonly StakedValidator[],
  ): bigint {
    verifyHeader(
      block.header,
      parent,
      validators.map((v) => v.address.toLowerCase()),
    )
    const check = checkProposal(
      {
        number: block.header.number,
        slot: this.slotOf(block.header),
        parentSlot: this.slotOf(parent),
        timestamp: block.header.timestamp,
        proposer: block.header.coinbase.toString(),
      },
      validators,
      this.clock,
      nowMs,
    )
    return check.weight
  }

  /** Makes `tip` (already executed, its parent stored) the head, rewriting the canonical index in one batch. */
  private async reorgTo(
    tip: Block,
    receipts: StoredReceipt[],
    weight: bigint,
    ops: WriteOp[],
  ): Promise<void> {
    // Walk the new branch back to the canonical chain.
    const added: Block[] = [tip]
    let cursor = tip
    for (;;) {
      const parent = await this.getBlockByHash(cursor.header.parentHash)
      if (!parent)
        throw new ChainError('UNKNOWN_PARENT', `reorg: block ${bytesToHex(cursor.header.parentHash)} missing`)
      if (await this.isCanonical(parent)) break
      added.unshift(parent)
      cursor = parent
    }
    const ancestor = added[0]!.header.number - 1n
    const removed: Block[] = []
    for (let n = this._head.header.number; n > ancestor; n--) {
      const b = await this.getBlockByNumber(n)
      if (b) removed.unshift(b)
    }
    for (const b of added) {
      ops.push({ type: 'put', key: key(Table.canonical, u64(b.header.number)), value: b.hash() })
      ops.push(...txIndexOps(b))
    }
    for (let n = this._head.header.number; n > tip.header.number; n--) {
      ops.push({ type: 'del', key: key(Table.canonical, u64(n)) })
    }
    ops.push({ type: 'put', key: metaKey('head'), value: tip.hash() })
    await this.level.write(ops)
    this._head = tip
    this.reorgs++
    this.canonicalCache.clear()
    this.headWeight = weight
    this.cacheBlock(tip)
    this.remember(this.receiptCache, bytesToHex(tip.hash()), receipts)
    this.logger.info(
      {
        number: Number(tip.header.number),
        hash: bytesToHex(tip.hash()),
        depth: removed.length,
        added: added.length,
      },
      'reorg',
    )
    this.emit(tip, receipts, { added, removed })
  }

  /** Fork-choice weight a block of this chain adds: in-turn blocks weigh more. */
  private async blockWeight(header: BlockHeader): Promise<bigint> {
    const validators = await this.validatorsFor(header.parentHash, header.number)
    const ranking = proposerRanking(validators, this.slotOf(header))
    return ranking[0] === header.coinbase.toString() ? IN_TURN_WEIGHT : OUT_OF_TURN_WEIGHT
  }

  /** Writes `block` (already executed on the head state) and makes it the head, in one batch. */
  commit(block: Block, receipts: StoredReceipt[]): Promise<void> {
    return this.blockWeight(block.header).then((w) => this.writeHead(block, receipts, this.headWeight + w))
  }

  private async writeHead(
    block: Block,
    receipts: StoredReceipt[],
    weight: bigint,
    deferWrite = false,
  ): Promise<void> {
    const ops = [
      ...this.trieDb.drain(),
      ...blockOps(block, receipts, weight, true),
      { type: 'put' as const, key: metaKey('head'), value: block.hash() },
    ]
    const written = this.level.write(ops)
    if (!deferWrite || this.level.backlogged) await written
    // A failed write is kept by the store and fails every later write and flush.
    else written.catch(() => {})
    this._head = block
    this.canonicalCache.set(block.header.number, block.hash())
    this.headWeight = weight
    this.cacheBlock(block)
    this.remember(this.receiptCache, bytesToHex(block.hash()), receipts)
    this.emit(block, receipts, { added: [block], removed: [] })
  }

  private emit(head: Block, receipts: StoredReceipt[], ev: ChainEvent): void {
    for (const l of this.headListeners) {
      try {
        l(head, receipts)
      } catch (e) {
        this.logger.error({ err: e }, 'head listener failed')
      }
    }
    for (const l of this.reorgListeners) {
      try {
        l(ev)
      } catch (e) {
        this.logger.error({ err: e }, 'chain listener failed')
      }
    }
  }

  private cacheBlock(block: Block): void {
    this.remember(this.blockCache, bytesToHex(block.hash()), block)
  }

  private remember<V>(map: Map<string, V>, k: string, v: V): void {
    map.set(k, v)
    if (map.size > this.options.blockCacheSize) {
      const oldest = map.keys().next().value
      if (oldest !== undefined) map.delete(oldest)
    }
  }
}

function blockOps(block: Block, receipts: StoredReceipt[], weight: bigint, canonical: boolean): WriteOp[] {
  const hash = block.hash()
  const num = u64(block.header.number)
  const ops: WriteOp[] = [
    { type: 'put', key: key(Table.header, hash), value: block.header.serialize() },
    { type: 'put', key: key(Table.body, hash), value: block.serialize() },
    { type: 'put', key: key(Table.number, hash), value: num },
    { type: 'put', key: key(Table.receipts, hash), value: encodeReceipts(receipts) },
    { type: 'put', key: key(Table.weight, hash), value: u64(weight) },
  ]
  // A side block's transactions are indexed when (if) a reorg makes it canonical: the same
  // transaction usually sits in the canonical sibling too.
  if (canonical) ops.push({ type: 'put', key: key(Table.canonical, num), value: hash }, ...txIndexOps(block))
  return ops
}

function txIndexOps(block: Block): WriteOp[] {
  const hash = block.hash()
  return block.transactions.map((tx: TypedTransaction, i: number) => ({
    type: 'put' as const,
    key: key(Table.txIndex, tx.hash()),
    value: concatBytes(hash, u64(BigInt(i))),
  }))
}

/** The Common parameters a genesis asks for. */
export function commonParams(genesis: Genesis): CommonParams {
  return {
    chainId: genesis.chainId,
    hardfork: genesis.hardfork,
    ...(genesis.depositContractAddress ? { depositContractAddress: genesis.depositContractAddress } : {}),
    ...(genesis.blobSchedule ? { blobSchedule: genesis.blobSchedule } : {}),
  }
}

export function stateTrie(db: TrieDb, common: Common, root?: Uint8Array): MerklePatriciaTrie {
  return new CachedTrie(
    { db, useKeyHashing: true, valueEncoding: ValueEncoding.Bytes, common, ...(root ? { root } : {}) },
    db.nodes,
  )
}

/** Builds the genesis state into `db` and returns the genesis block. */
export async function buildGenesis(
  genesis: Genesis,
  common: Common,
  db: TrieDb,
): Promise<{ block: Block; stateRoot: Uint8Array }> {
  const sm = new MerkleStateManager({ common, trie: stateTrie(db, common) })
  await sm.checkpoint()
  for (const [addrHex, acct] of genesis.alloc) {
    const address = createAddressFromString(addrHex)
    await sm.putAccount(address, new Account(acct.nonce, acct.balance))
    if (acct.code && acct.code.length > 0) await sm.putCode(address, acct.code)
    for (const [slot, value] of acct.storage) await sm.putStorage(address, slot, value)
  }
  await sm.commit()
  await sm.flush()
  const stateRoot = await sm.getStateRoot()
  const header: HeaderData = {
    number: 0n,
    gasLimit: genesis.gasLimit,
    timestamp: genesis.timestamp,
    extraData: genesis.extraData,
    baseFeePerGas: genesis.baseFeePerGas,
    difficulty: genesis.difficulty,
    mixHash: genesis.mixHash,
    coinbase: new Address(genesis.coinbase),
    nonce: genesis.nonce,
    stateRoot,
  }
  const block = createBlock({ header, withdrawals: [] }, { common, ...BLOCK_OPTS })
  return { block, stateRoot }
}

export function addressHex(a: Uint8Array): Hex {
  return bytesToHex(a) as Hex
}

export function toAddress(a: Uint8Array | Hex): Address {
  return new Address(typeof a === 'string' ? hexToBytes(a as `0x${string}`) : a)
}
