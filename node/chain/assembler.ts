// ethereumjs's BlockBuilder with its three per-block costs that grow with block size taken out:
// `addTransaction` re-creates the whole block (every transaction object) before each transaction,
// and the transaction and receipt tries are built with one generic trie insert per item. In a block
// of 800 transfers the two tries alone took a third of production time (runBlock, used before,
// builds both too). The system calls before and after the transactions (EIP-2935, EIP-4788, EIP-7685
// requests) stay ethereumjs's.
import { Block, type BlockHeader, createBlock, type HeaderData } from '@ethereumjs/block'
import { Blob4844Tx, type TypedTransaction } from '@ethereumjs/tx'
import { bytesToHex, equalsBytes, KECCAK256_RLP_ARRAY, type WithdrawalData } from '@ethereumjs/util'
import {
  encodeReceipt,
  type RunTxResult,
  runTx,
  type VM,
  BlockBuilder as VmBlockBuilder,
} from '@ethereumjs/vm'
import { fastKeccak256 } from './common.ts'
import { type OriginRoot, writeOriginRoots } from './originRoots.ts'
import { Slicer } from './slicer.ts'
import { orderedTrieRoot } from './trie.ts'

/** Fields BlockBuilder keeps private in its typings; the subclass maintains them as the base does. */
interface BuilderInternals {
  transactions: TypedTransaction[]
  transactionResults: RunTxResult[]
  checkpointed: boolean
  _minerValue: bigint
}

export interface AssemblerOptions {
  parentBlock: Block
  headerData: HeaderData
  blockOpts: { skipConsensusFormatValidation?: boolean }
  withdrawals?: WithdrawalData[]
  /** Finalised origin roots written before the transactions (originRoots.ts). */
  originRoots?: readonly OriginRoot[]
}

export class BlockAssembler extends VmBlockBuilder {
  /** The header transactions execute under; runTx reads only header fields from its block. */
  private readonly context: Block
  private readonly engine: VM

  private constructor(vm: VM, opts: AssemblerOptions) {
    super(vm, {
      parentBlock: opts.parentBlock,
      headerData: opts.headerData,
      blockOpts: { ...opts.blockOpts, putBlockIntoBlockchain: false },
      ...(opts.withdrawals ? { withdrawals: opts.withdrawals } : {}),
    })
    this.engine = vm
    this.context = createBlock({ header: opts.headerData }, { ...opts.blockOpts, common: vm.common })
  }

  /** Opens the block on `vm`'s state: the system calls that precede its transactions. */
  static async open(vm: VM, opts: AssemblerOptions): Promise<BlockAssembler> {
    const assembler = new BlockAssembler(vm, opts)
    await assembler.initState()
    if (opts.originRoots?.length) {
      const self = assembler.internals()
      if (!self.checkpointed) {
        await vm.evm.journal.checkpoint()
        self.checkpointed = true
      }
      await writeOriginRoots(vm, opts.originRoots)
    }
    return assembler
  }

  /** The transactions executed so far with their results, in block order. */
  executed(): { transactions: TypedTransaction[]; results: RunTxResult[] } {
    const self = this.internals()
    return { transactions: self.transactions, results: self.transactionResults }
  }

  override async addTransaction(
    tx: TypedTransaction,
    opts: { skipHardForkValidation?: boolean; allowNoBlobs?: boolean } = {},
  ): Promise<RunTxResult> {
    // Blob transactions need the base class's blob accounting; they are rare enough to pay its cost.
    if (tx instanceof Blob4844Tx) return super.addTransaction(tx, opts)
    const self = this.internals()
    if (tx.gasLimit > this.context.header.gasLimit - this.gasUsed) {
      throw new Error('tx has a higher gas limit than the remaining gas in the block')
    }
    if (!self.checkpointed) {
      await this.engine.evm.journal.checkpoint()
      self.checkpointed = true
    }
    const result = await runTx(this.engine, {
      tx,
      block: this.context,
      blockGasUsed: this.gasUsed,
      skipHardForkValidation: opts.skipHardForkValidation ?? false,
    })
    self.transactions.push(tx)
    self.transactionResults.push(result)
    this.gasUsed += result.blockGasSpent
    self._minerValue += result.minerValue
    return result
  }

  override async transactionsTrie(): Promise<Uint8Array> {
    return orderedTrieRoot(
      this.internals().transactions.map((tx) => tx.serialize()),
      fastKeccak256,
    )
  }

  override async receiptTrie(): Promise<Uint8Array> {
    const { transactions, transactionResults } = this.internals()
    return orderedTrieRoot(
      transactionResults.map((r, i) => encodeReceipt(r.receipt, (transactions[i] as TypedTransaction).type)),
      fastKeccak256,
    )
  }

  private internals(): BuilderInternals {
    return this as unknown as BuilderInternals
  }
}

/**
 * Re-executes a block received from elsewhere on `vm`'s state (its parent's) and checks every root
 * and total its header claims, as runBlock does, but through the assembler's one-pass tries. Throws
 * with runBlock's wording (`invalid receiptTrie`, ...) on a mismatch; the caller reverts the state.
 */
export async function replayBlock(
  vm: VM,
  block: Block,
  parent: BlockHeader,
  blockOpts: AssemblerOptions['blockOpts'],
  originRoots: readonly OriginRoot[] = [],
): Promise<{ results: RunTxResult[]; receipts: RunTxResult['receipt'][] }> {
  const header = block.header
  if (block.uncleHeaders.length > 0 || !equalsBytes(header.uncleHash, KECCAK256_RLP_ARRAY)) {
    throw new Error('invalid uncle hash')
  }
  const assembler = await BlockAssembler.open(vm, {
    parentBlock: new Block(parent, [], [], [], { ...blockOpts, common: vm.common }),
    headerData: header.toJSON(),
    blockOpts,
    originRoots,
    ...(block.withdrawals ? { withdrawals: block.withdrawals.map((w) => w.toJSON()) } : {}),
  })
  try {
    // The state is the importer's alone while it yields (Chain.exclusive).
    const slicer = new Slicer()
    for (const tx of block.transactions) {
      await slicer.pause()
      await assembler.addTransaction(tx, { skipHardForkValidation: true, allowNoBlobs: true })
    }
    const { block: computed } = await assembler.build()
    const got = computed.header
    const same = (a: Uint8Array | undefined, b: Uint8Array | undefined) =>
      a === undefined || b === undefined ? a === b : equalsBytes(a, b)
    if (!same(got.transactionsTrie, header.transactionsTrie)) throw new Error('invalid transaction trie')
    if (!same(got.withdrawalsRoot, header.withdrawalsRoot)) throw new Error('invalid withdrawals trie')
    if (!same(got.requestsHash, header.requestsHash)) throw new Error('invalid requestsHash')
    if (!same(got.receiptTrie, header.receiptTrie)) throw new Error('invalid receiptTrie')
    if (!same(got.logsBloom, header.logsBloom)) throw new Error('invalid bloom')
    if (got.gasUsed !== header.gasUsed) throw new Error('invalid gasUsed')
    if (got.blobGasUsed !== header.blobGasUsed) throw new Error('invalid blobGasUsed')
    if (!same(got.stateRoot, header.stateRoot)) {
      throw new Error(
        `invalid block stateRoot, got: ${bytesToHex(got.stateRoot)}, want: ${bytesToHex(header.stateRoot)}`,
      )
    }
  } catch (e) {
    await assembler.revert()
    throw e
  }
  const { results } = assembler.executed()
  return { results, receipts: results.map((r) => r.receipt) }
}
