// Watches the head of a node and records every new block: how many transactions it holds and when the
// client first saw it. The benchmark chain carries no other traffic, so the transactions in blocks after
// the start block are the workload's.
import type { RpcClient } from './rpc.ts'

export interface SeenBlock {
  number: number
  txs: number
  gasUsed: bigint
  /** Header timestamp, seconds. */
  timestamp: number
  /** performance.now() when the client saw the block. */
  seenAt: number
}

interface RpcBlock {
  number: string
  gasUsed: string
  timestamp: string
  transactions: string[]
}

export class BlockWatcher {
  readonly blocks: SeenBlock[] = []
  included = 0
  private last: number

  constructor(
    private readonly client: RpcClient,
    fromBlock: number,
  ) {
    this.last = fromBlock
  }

  /** Fetches the blocks after the last one seen; returns how many transactions they added. */
  async poll(): Promise<number> {
    const head = Number(await this.client.call<string>('eth_blockNumber'))
    const seenAt = performance.now()
    if (head <= this.last) return 0
    const numbers = Array.from({ length: head - this.last }, (_, i) => this.last + 1 + i)
    const blocks = await this.client.batchResults<RpcBlock | null>(
      numbers.map((n) => ({ method: 'eth_getBlockByNumber', params: [`0x${n.toString(16)}`, false] })),
    )
    let added = 0
    for (const [i, b] of blocks.entries()) {
      if (b === null) throw new Error(`block ${numbers[i]} missing below head ${head}`)
      const seen: SeenBlock = {
        number: Number(b.number),
        txs: b.transactions.length,
        gasUsed: BigInt(b.gasUsed),
        timestamp: Number(b.timestamp),
        seenAt,
      }
      this.blocks.push(seen)
      added += seen.txs
    }
    this.included += added
    this.last = head
    return added
  }
}
