// The chain and the pool as the network sees them (p2p/types.ts NetworkChain): status, stored
// blocks as raw RLP, and imports of peers' blocks and transactions with our errors turned into the
// network's (reject = the sender is at fault, ignore = it may not be).
import { type Block, createBlockFromRLP } from '@ethereumjs/block'
import type { TypedTransaction } from '@ethereumjs/tx'
import { bytesToHex, hexToBytes } from '@ethereumjs/util'
import { LRUCache } from 'lru-cache'
import type { Logger } from 'pino'
import { ConsensusError, type Finality } from '../consensus/index.ts'
import { type ChainStatus, type ImportOutcome, type NetworkChain, P2PError } from '../p2p/index.ts'
import { BLOCK_OPTS, type Chain } from './chain/chain.ts'
import { ChainError } from './chain/errors.ts'
import { decodeRawTransaction } from './chain/rawTx.ts'
import { type TxPool, TxPoolError } from './chain/txpool.ts'

/** Pool refusals that an honest peer can cause (races, a fuller pool here): not the sender's fault. */
const HONEST_POOL_ERRORS = new Set([
  'ALREADY_KNOWN',
  'NONCE_TOO_LOW',
  'NONCE_TOO_HIGH',
  'INSUFFICIENT_FUNDS',
  'FEE_CAP_BELOW_BASE_FEE',
  'UNDERPRICED',
  'REPLACEMENT_UNDERPRICED',
  'SENDER_LIMIT',
  'POOL_FULL',
])

export class NetworkChainAdapter implements NetworkChain {
  /** Transactions that arrived by gossip: gossipsub relays them, the node must not publish them again. */
  private readonly fromGossip = new LRUCache<string, true>({ max: 50_000 })

  /** Decoded blocks of fetched sync batches, with their senders being recovered on the worker. */
  private readonly prepared = new WeakMap<Uint8Array, { block: Block; ready: Promise<unknown> }>()

  constructor(
    private readonly chain: Chain,
    private readonly pool: TxPool,
    private readonly logger: Logger,
    /** Caches a transaction's sender off the main thread (node/chain/senders.ts). */
    private readonly recoverSender?: (tx: TypedTransaction) => Promise<void>,
    /** Checks and counts votes; without it the node does not relay votes. */
    private readonly finality?: Finality,
  ) {
    if (finality) {
      this.validateVote = async (raw) => {
        try {
          await finality.onGossipVote(raw)
        } catch (e) {
          // A vote for a kernel this node has not seen announced may come from a peer further ahead
          // (its blocks not here yet): not the sender's fault.
          if (e instanceof ConsensusError) {
            throw new P2PError('INVALID_VOTE', e.message, e.code === 'UNKNOWN_KERNEL' ? 'ignore' : 'reject')
          }
          throw e
        }
      }
    }
  }

  validateVote?: (raw: Uint8Array) => Promise<void>

  prepareBlocks(raws: Uint8Array[]): void {
    const recover = this.recoverSender
    if (!recover) return
    for (const raw of raws) {
      try {
        const block = this.decodeBlock(raw)
        this.prepared.set(raw, { block, ready: Promise.all(block.transactions.map((tx) => recover(tx))) })
      } catch {
        // importBlock decodes it again and reports it.
      }
    }
  }

  status(): ChainStatus {
    const { chain } = this
    return {
      chainId: chain.chainId,
      genesisHash: chain.genesisBlock.hash(),
      headNumber: chain.head.header.number,
      headHash: chain.head.hash(),
      headWeight: chain.weight,
      finalizedNumber: this.finality?.finalized.number ?? 0n,
      finalizedHash: this.finality ? hexToBytes(this.finality.finalized.hash) : chain.genesisBlock.hash(),
    }
  }

  async blocksByRange(start: bigint, count: number): Promise<Uint8Array[]> {
    const out: Uint8Array[] = []
    // Stored bytes as they are: decoding and re-encoding each block cost the serving peer more than the read.
    for (let n = start; n < start + BigInt(count); n++) {
      const raw = await this.chain.getRawBlockByNumber(n)
      if (!raw) break
      out.push(raw)
    }
    return out
  }

  async blockByHash(hash: Uint8Array): Promise<Uint8Array | undefined> {
    return (await this.chain.getBlockByHash(hash))?.serialize()
  }

  private decodeBlock(raw: Uint8Array): Block {
    try {
      return createBlockFromRLP(raw, { common: this.chain.common, ...BLOCK_OPTS })
    } catch (e) {
      throw new P2PError('GARBAGE', `block does not decode: ${(e as Error).message.split('\n')[0]}`)
    }
  }

  flush(): Promise<void> {
    return this.chain.flush()
  }

  async importBlock(raw: Uint8Array, options: { deferWrite?: boolean } = {}): Promise<ImportOutcome> {
    const prepared = this.prepared.get(raw)
    this.prepared.delete(raw)
    await prepared?.ready
    const block = prepared?.block ?? this.decodeBlock(raw)
    const number = block.header.number
    const hash = block.hash()
    try {
      const r = await this.chain.importBlock(block, options.deferWrite ? { deferWrite: true } : {})
      if (r.known) return { kind: 'known', number, hash }
      if (r.canonical) {
        this.logger.debug({ number: Number(number), hash: bytesToHex(hash) }, 'imported block')
        void this.pool.onNewHead()
      }
      return { kind: 'imported', number, hash, canonical: r.canonical }
    } catch (e) {
      if (!(e instanceof ChainError)) throw e
      switch (e.code) {
        case 'UNKNOWN_PARENT':
          return { kind: 'unknownParent', number, hash, parentHash: block.header.parentHash }
        case 'TOO_EARLY':
          throw new P2PError('TOO_EARLY', e.message, 'ignore')
        case 'BAD_SEAL':
          throw new P2PError('BAD_SEAL', e.message)
        default:
          throw new P2PError('INVALID_BLOCK', e.message)
      }
    }
  }

  async addTransaction(raw: Uint8Array): Promise<void> {
    let tx: TypedTransaction
    try {
      tx = decodeRawTransaction(raw, this.chain.common)
    } catch (e) {
      throw new P2PError('INVALID_TRANSACTION', (e as Error).message)
    }
    const hash = bytesToHex(tx.hash())
    this.fromGossip.set(hash, true)
    try {
      await this.pool.add(tx)
    } catch (e) {
      const code = e instanceof TxPoolError ? e.code : 'INVALID'
      throw new P2PError(
        'INVALID_TRANSACTION',
        (e as Error).message,
        HONEST_POOL_ERRORS.has(code) ? 'ignore' : 'reject',
      )
    }
  }

  /** True for a transaction that came from gossip (so it is not published again). */
  cameFromGossip(tx: TypedTransaction): boolean {
    return this.fromGossip.has(bytesToHex(tx.hash()))
  }
}
