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
import { createVM, type RunBlockResult, runBlock, type VM } from '@ethereumjs/vm'
import type { Logger } from 'pino'
import { ConsensusError, verifyForeignHeader, verifyHeader } from '../../consensus/index.ts'
import type { Genesis, Hex } from '../../genesis/index.ts'
import { parseGenesis } from '../../genesis/index.ts'
import { type AssemblerOptions, BlockAssembler } from './assembler.ts'
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
import { decodeReceipts, encodeReceipts, type StoredReceipt } from './receipts.ts'
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

export const BLOCK_OPTS = { skipConsensusFormatValidation: true } as const

export interface ImportOptions {
  /** Skip our seal rules (a chain sealed by another consensus); execution is checked all the same. */
  trusted?: boolean
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
  private readonly receiptCache = new Map<string, StoredReceipt[]>()
  private readonly headListeners: ((block: Block, receipts: StoredReceipt[]) => void)[] = []
  private closed = false

  private constructor(
    private readonly options: ChainOptions,
    private readonly logger: Logger,
    private readonly level: LevelDb,
    private readonly trieDb: TrieDb,
    init: { common: Common; genesis: Genesis; genesisBlock: Block; head: Block; vm: VM },
  ) {
    this.common = init.common
    this.genesis = init.genesis
    this.genesisBlock = init.genesisBlock
    this._head = init.head
    this.vm = init.vm
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
    level: LevelDb,
    given?: Genesis,
  ): Promise<Chain> {
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
        ...blockOps(genesisBlock, []),
        {
          type: 'put',
          key: metaKey('genesis'),
          value: new TextEncoder().encode(JSON.stringify(genesis.json)),
        },
        { type: 'put', key: metaKey('schema'), value: new TextEncoder().encode(SCHEMA_VERSION) },
        { type: 'put', key: metaKey('head'), value: genesisBlock.hash() },
      ]
      await level.batch(ops.map(toLevelOp))
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
    const chain = new Chain(options, logger, level, trieDb, { common, genesis, genesisBlock, head, vm })
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

  async close(): Promise<void> {
    if (this.closed) return
    this.closed = true
    await this.level.close()
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
    return getOrUndefined(this.level, key(Table.canonical, u64(n)))
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

  /**
   * A throwaway state manager at `stateRoot`: reads stored state, writes vanish with it. With
   * `cached`, accounts and slots read or written stay in memory caches (for a whole execution, whose
   * writes then never reach the trie).
   */
  stateAt(stateRoot: Uint8Array, opts: { cached?: boolean } = {}): MerkleStateManager {
    return new MerkleStateManager({
      common: this.common,
      trie: stateTrie(this.trieDb.scratch(), this.common, stateRoot),
      ...(opts.cached ? { caches: new Caches() } : {}),
    })
  }

  async hasState(stateRoot: Uint8Array): Promise<boolean> {
    return (await this.trieDb.get(bytesToHex(stateRoot).slice(2))) !== undefined
  }

  // ---- writes ----

  /**
   * Executes `block` on the head state and returns the execution result without committing.
   * With `generate`, roots are computed rather than checked (block production).
   */
  async execute(block: Block, generate: boolean): Promise<RunBlockResult> {
    if (!equalsBytes(block.header.parentHash, this._head.hash())) {
      throw new ChainError('UNKNOWN_PARENT', `block ${block.header.number} does not extend the head`)
    }
    try {
      return await runBlock(this.vm, {
        block,
        generate,
        skipHeaderValidation: true,
        skipBlockValidation: generate,
      })
    } catch (e) {
      await this.resetState().catch((err: unknown) => this.logger.error({ err }, 'state reset failed'))
      throw e
    }
  }

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

  /**
   * Verifies, executes and stores a block built elsewhere (a peer's, or one read from a file). Bad
   * blocks change nothing. `trusted` takes the seal on trust (a chain sealed by another consensus)
   * but never the execution: linkage, base fee, blob gas, transactions, state root, receipts root,
   * logs bloom, gas used and requests hash are always checked.
   */
  async importBlock(block: Block, options: ImportOptions = {}): Promise<StoredReceipt[]> {
    const parent = this._head.header
    try {
      if (options.trusted) verifyForeignHeader(block.header, parent)
      else {
        const validators = this.genesis.mosaic.validators.map((v) => v.address.toLowerCase())
        verifyHeader(block.header, parent, validators)
      }
    } catch (e) {
      if (e instanceof ConsensusError) {
        const n = block.header.number
        throw new ChainError(
          e.code === 'BAD_SEAL' || e.code === 'WRONG_SEALER' ? 'BAD_SEAL' : 'INVALID_BLOCK',
          e.message.startsWith(`block ${n}:`) ? e.message : `block ${n}: ${e.message}`,
        )
      }
      throw e
    }
    let result: RunBlockResult
    try {
      block.validateBlobTransactions(parent)
      result = await this.execute(block, false)
    } catch (e) {
      if (e instanceof ChainError) throw e
      throw new ChainError('INVALID_BLOCK', `block ${block.header.number}: ${executionFailure(e)}`)
    }
    const receipts = executionReceipts(block, result)
    await this.commit(block, receipts)
    return receipts
  }

  /** The stored RLP of the canonical block `n` (for export), without decoding it. */
  async getRawBlockByNumber(n: bigint): Promise<Uint8Array | undefined> {
    const hash = await this.getCanonicalHash(n)
    return hash ? getOrUndefined(this.level, key(Table.body, hash)) : undefined
  }

  /** Writes `block` (already executed on the head state) and makes it the head, in one batch. */
  async commit(block: Block, receipts: StoredReceipt[]): Promise<void> {
    const ops = [
      ...this.trieDb.drain(),
      ...blockOps(block, receipts),
      { type: 'put' as const, key: metaKey('head'), value: block.hash() },
    ]
    await this.level.batch(ops.map(toLevelOp))
    this._head = block
    this.cacheBlock(block)
    this.remember(this.receiptCache, bytesToHex(block.hash()), receipts)
    for (const l of this.headListeners) {
      try {
        l(block, receipts)
      } catch (e) {
        this.logger.error({ err: e }, 'head listener failed')
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

function toLevelOp(op: WriteOp) {
  return op.type === 'put'
    ? { type: 'put' as const, key: op.key, value: op.value as Uint8Array }
    : { type: 'del' as const, key: op.key }
}

function blockOps(block: Block, receipts: StoredReceipt[]): WriteOp[] {
  const hash = block.hash()
  const num = u64(block.header.number)
  const ops: WriteOp[] = [
    { type: 'put', key: key(Table.header, hash), value: block.header.serialize() },
    { type: 'put', key: key(Table.body, hash), value: block.serialize() },
    { type: 'put', key: key(Table.number, hash), value: num },
    { type: 'put', key: key(Table.canonical, num), value: hash },
    { type: 'put', key: key(Table.receipts, hash), value: encodeReceipts(receipts) },
  ]
  block.transactions.forEach((tx: TypedTransaction, i: number) => {
    ops.push({ type: 'put', key: key(Table.txIndex, tx.hash()), value: concatBytes(hash, u64(BigInt(i))) })
  })
  return ops
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
