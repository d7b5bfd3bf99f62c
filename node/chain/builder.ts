// Block production: pick pool transactions, execute them in one runBlock (assembling the block up
// front avoids ethereumjs BlockBuilder's per-transaction re-creation, PERF-NOTES.md), then seal the
// header from the resulting roots.
import { Block, createBlockHeader, genTransactionsTrieRoot, type HeaderData } from '@ethereumjs/block'
import { MerklePatriciaTrie } from '@ethereumjs/mpt'
import type { TypedTransaction } from '@ethereumjs/tx'
import { Address, bytesToHex } from '@ethereumjs/util'
import { runTx } from '@ethereumjs/vm'
import { keccak256 } from 'ethereum-cryptography/keccak.js'
import type { Logger } from 'pino'
import {
  type ConsensusPayload,
  sealHash,
  signSeal,
  slotTimestamp,
  unsealedExtra,
} from '../../consensus/index.ts'
import { BLOCK_OPTS, type Chain } from './chain.ts'
import { executionReceipts } from './execution.ts'
import type { StoredReceipt } from './receipts.ts'
import type { TxCursor } from './txpool.ts'

export interface BuilderOptions {
  /** Share of the slot the builder may spend executing, so slow execution shrinks blocks, never delays them. */
  timeBudgetMs: number
  vanity: Uint8Array
}

export interface SealKey {
  address: Uint8Array
  privateKey: Uint8Array
}

export interface BuiltBlock {
  block: Block
  receipts: StoredReceipt[]
  /** Transactions dropped because they failed against the block's state. */
  dropped: TypedTransaction[]
  executionMs: number
}

export class BlockBuilder {
  /**
   * Moving estimate of execution time per unit of declared gas, to size blocks to the time budget.
   * Per gas rather than per transaction, so a switch from transfers to contract calls does not
   * build a block several slots long before the estimate catches up.
   */
  private msPerGas = 1 / 21_000

  constructor(
    private readonly options: BuilderOptions,
    private readonly modules: { chain: Chain; logger: Logger },
  ) {}

  async build(
    cursorFor: (baseFee: bigint) => TxCursor,
    key: SealKey,
    /** Slot of the block (consensus/rules/proposer.ts); its timestamp follows from it. */
    slot: bigint,
  ): Promise<BuiltBlock> {
    const { chain } = this.modules
    const parent = chain.head
    const common = chain.common
    const baseFee = parent.header.calcNextBaseFee()
    const gasLimit = parent.header.gasLimit
    const timeGas = BigInt(Math.floor(this.options.timeBudgetMs / this.msPerGas))

    let txs = selectTransactions(cursorFor(baseFee), gasLimit, timeGas)
    const payload: ConsensusPayload = { version: 0, slot }
    const timestamp = slotTimestamp(chain.clock, slot)
    const headerBase: HeaderData = {
      parentHash: parent.hash(),
      number: parent.header.number + 1n,
      timestamp,
      gasLimit,
      baseFeePerGas: baseFee,
      coinbase: new Address(key.address),
      excessBlobGas: parent.header.calcNextExcessBlobGas(common),
      blobGasUsed: 0n,
      parentBeaconBlockRoot: new Uint8Array(32),
      // prevRandao: unpredictable enough for a dev chain, deterministic for verification.
      mixHash: keccak256(parent.hash()),
      // The seal goes in after execution; execution never reads extraData.
      extraData: this.options.vanity.subarray(0, 32),
    }

    const dropped: TypedTransaction[] = []
    const started = performance.now()
    for (let attempt = 0; ; attempt++) {
      // The Block constructor, unlike createBlock, keeps the pool's transaction objects and with
      // them their recovered senders.
      const unsealed = new Block(
        createBlockHeader(
          {
            ...headerBase,
            transactionsTrie: await genTransactionsTrieRoot(txs, new MerklePatriciaTrie({ common })),
          },
          { common, ...BLOCK_OPTS },
        ),
        txs,
        [],
        [],
        { common, ...BLOCK_OPTS },
      )
      try {
        const result = await chain.execute(unsealed, true)
        const executionMs = performance.now() - started
        // Weighted by block size: a block of a few transactions (or the first, with a cold JIT) says
        // little about the cost of a full one, a block of hundreds nearly all.
        if (txs.length > 0) {
          const declared = Number(txs.reduce((sum, tx) => sum + tx.gasLimit, 0n))
          const w = Math.min(0.8, txs.length / 250)
          this.msPerGas = (1 - w) * this.msPerGas + (w * executionMs) / declared
        }
        const fields: HeaderData = {
          ...headerBase,
          transactionsTrie: unsealed.header.transactionsTrie,
          stateRoot: result.stateRoot,
          receiptTrie: result.receiptsRoot,
          logsBloom: result.logsBloom,
          gasUsed: result.gasUsed,
          requestsHash: result.requestsHash,
        }
        const extra = unsealedExtra(this.options.vanity, payload)
        const draft = createBlockHeader({ ...fields, extraData: extra }, { common, ...BLOCK_OPTS })
        const seal = signSeal(sealHash(draft.raw() as Uint8Array[], extra), key.privateKey)
        const sealedExtra = new Uint8Array(extra.length + seal.length)
        sealedExtra.set(extra)
        sealedExtra.set(seal, extra.length)
        const block = new Block(
          createBlockHeader({ ...fields, extraData: sealedExtra }, { common, ...BLOCK_OPTS }),
          txs,
          [],
          [],
          { common, ...BLOCK_OPTS },
        )
        return { block, receipts: executionReceipts(block, result), dropped, executionMs }
      } catch (e) {
        if (txs.length === 0 || attempt > 3) throw e
        // A transaction that was valid against the head failed inside the block (a sender spent its
        // balance earlier in the block, say). Find the failing ones and build without them.
        const bad = await findFailing(chain, unsealed)
        if (bad.size === 0) throw e
        this.modules.logger.debug(
          { dropped: bad.size, err: (e as Error).message },
          'dropping failing transactions',
        )
        const badSenders = new Set<string>()
        txs = txs.filter((tx) => {
          const sender = tx.getSenderAddress().toString()
          if (bad.has(bytesToHex(tx.hash())) || badSenders.has(sender)) {
            badSenders.add(sender)
            dropped.push(tx)
            return false
          }
          return true
        })
      }
    }
  }
}

/** Best transactions that fit the block gas limit, until their declared gas reaches `timeGas`. */
function selectTransactions(cursor: TxCursor, gasLimit: bigint, timeGas: bigint): TypedTransaction[] {
  const out: TypedTransaction[] = []
  let gas = 0n
  for (let tx = cursor.peek(); tx !== undefined && (out.length === 0 || gas < timeGas); tx = cursor.peek()) {
    if (gas + tx.gasLimit > gasLimit) {
      cursor.pop()
      continue
    }
    gas += tx.gasLimit
    out.push(tx)
    cursor.shift()
  }
  return out
}

/** Runs the block's transactions one by one on a reverted checkpoint to find those that fail. */
async function findFailing(chain: Chain, block: Block): Promise<Set<string>> {
  // By hash: createBlock copies the transactions, so identity does not survive.
  const bad = new Set<string>()
  const sm = chain.vm.stateManager
  await sm.checkpoint()
  try {
    let gasUsed = 0n
    for (const tx of block.transactions) {
      try {
        const r = await runTx(chain.vm, { tx, block, blockGasUsed: gasUsed, skipHardForkValidation: true })
        gasUsed += r.totalGasSpent
      } catch {
        bad.add(bytesToHex(tx.hash()))
      }
    }
  } finally {
    await sm.revert()
  }
  return bad
}

export function blockSummary(b: Block): Record<string, unknown> {
  return { number: Number(b.header.number), hash: bytesToHex(b.hash()), txs: b.transactions.length }
}
