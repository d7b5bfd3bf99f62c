// Block production: execute the pool's best transactions one by one on the chain's state until the
// slot's time budget is spent (assembler.ts), then seal the header from the resulting roots.
import { Block, createBlockHeader, type HeaderData } from '@ethereumjs/block'
import { type Blob4844Tx, TransactionType, type TypedTransaction } from '@ethereumjs/tx'
import { Address, bytesToHex } from '@ethereumjs/util'
import { keccak256 } from 'ethereum-cryptography/keccak.js'
import type { Logger } from 'pino'
import {
  type ConsensusPayload,
  type OriginObservation,
  type QuorumCertificate,
  sealHash,
  signSeal,
  slotTimestamp,
  unsealedExtra,
} from '../../consensus/index.ts'
import { BLOCK_OPTS, type Chain } from './chain.ts'
import { executionReceipts } from './execution.ts'
import type { StoredReceipt } from './receipts.ts'
import { Slicer } from './slicer.ts'
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
  constructor(
    private readonly options: BuilderOptions,
    private readonly modules: { chain: Chain; logger: Logger },
  ) {}

  async build(
    cursorFor: (baseFee: bigint) => TxCursor,
    key: SealKey,
    /** Slot of the block (consensus/rules/proposer.ts); its timestamp follows from it. */
    slot: bigint,
    /** Finality certificate and origin observation for the header (consensus/finality.ts, DESIGN.md §7). */
    consensus: { qc?: QuorumCertificate | undefined; origin?: OriginObservation | undefined } = {},
  ): Promise<BuiltBlock> {
    const { chain } = this.modules
    const parent = chain.head
    const common = chain.common
    const baseFee = parent.header.calcNextBaseFee()
    const gasLimit = parent.header.gasLimit
    const payload: ConsensusPayload = {
      version: 0,
      slot,
      ...(consensus.qc ? { qc: consensus.qc } : {}),
      ...(consensus.origin ? { origin: consensus.origin } : {}),
    }
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

    const blobs: BlobBudget = {
      maxGas: BigInt(common.getBlobGasSchedule().maxBlobGasPerBlock),
      price: parent.header.calcNextBlobGasPrice(common),
    }
    let blobGasUsed = 0n
    const started = performance.now()
    const dropped: TypedTransaction[] = []
    const assembler = await chain.assemble({
      parentBlock: parent,
      headerData: headerBase,
      originRoots: await chain.originRootsFor(consensus.qc),
    })
    try {
      const cursor = cursorFor(baseFee)
      // Yields within the chain's exclusive section: the pool may take transactions meanwhile, which
      // the cursor sees or not; it never yields one the pool has not validated.
      const slicer = new Slicer()
      let count = 0
      // Transactions go in until the time budget is spent, so a slow block shrinks rather than
      // delaying the next slot; the clock is read per transaction, which costs nanoseconds.
      for (let tx = cursor.peek(); tx !== undefined; tx = cursor.peek()) {
        if (count > 0 && performance.now() - started > this.options.timeBudgetMs) break
        const txBlobGas = blobGas(tx)
        // Blob transactions that cannot pay the blob base fee wait in the pool.
        if (
          tx.gasLimit > gasLimit - assembler.gasUsed ||
          (txBlobGas > 0n &&
            (blobGasUsed + txBlobGas > blobs.maxGas || (tx as Blob4844Tx).maxFeePerBlobGas < blobs.price))
        ) {
          cursor.pop()
          continue
        }
        try {
          await slicer.pause()
          // The pool keeps blob transactions without their blobs (proofs checked on entry).
          await assembler.addTransaction(tx, { skipHardForkValidation: true, allowNoBlobs: true })
          cursor.shift()
          blobGasUsed += txBlobGas
          count++
        } catch (e) {
          // Valid against the head but not inside this block (its sender spent the balance earlier
          // in the block, say): the sender's later nonces cannot follow it either.
          this.modules.logger.debug(
            { tx: bytesToHex(tx.hash()), err: (e as Error).message },
            'dropping transaction',
          )
          dropped.push(tx)
          cursor.pop()
        }
      }
      const { block: draft } = await assembler.build()
      const executionMs = performance.now() - started
      const fields: HeaderData = {
        ...headerBase,
        transactionsTrie: draft.header.transactionsTrie,
        stateRoot: draft.header.stateRoot,
        receiptTrie: draft.header.receiptTrie,
        logsBloom: draft.header.logsBloom,
        gasUsed: draft.header.gasUsed,
        blobGasUsed: draft.header.blobGasUsed,
        requestsHash: draft.header.requestsHash,
      }
      const extra = unsealedExtra(this.options.vanity, payload)
      const unsealed = createBlockHeader({ ...fields, extraData: extra }, { common, ...BLOCK_OPTS })
      const seal = signSeal(sealHash(unsealed.raw() as Uint8Array[], extra), key.privateKey)
      const sealedExtra = new Uint8Array(extra.length + seal.length)
      sealedExtra.set(extra)
      sealedExtra.set(seal, extra.length)
      // The executed transaction objects, not the copies in `draft`: they carry their recovered senders.
      const { transactions, results } = assembler.executed()
      const block = new Block(
        createBlockHeader({ ...fields, extraData: sealedExtra }, { common, ...BLOCK_OPTS }),
        transactions,
        [],
        [],
        { common, ...BLOCK_OPTS },
      )
      const receipts = executionReceipts(block, { receipts: results.map((r) => r.receipt), results })
      return { block, receipts, dropped, executionMs }
    } catch (e) {
      await chain.abandon(assembler)
      throw e
    }
  }
}

/** The block's room for blob gas (EIP-4844) and the blob base fee its blob transactions pay. */
interface BlobBudget {
  maxGas: bigint
  price: bigint
}

function blobGas(tx: TypedTransaction): bigint {
  return tx.type === TransactionType.BlobEIP4844
    ? BigInt((tx as Blob4844Tx).blobVersionedHashes.length) * tx.common.param('blobGasPerBlob')
    : 0n
}

export function blockSummary(b: Block): Record<string, unknown> {
  return { number: Number(b.header.number), hash: bytesToHex(b.hash()), txs: b.transactions.length }
}
