// Both ends of the bridge as the facilitator, the CLI and mosaic_getMessage read them: the Gateway on
// the origin, the CoGateway on the aux chain, which block each side trusts of the other, and storage
// proofs taken at exactly those blocks (DESIGN.md §8, GATEWAY-SPEC.md).
import { decodeEventLog, type Hex, type Log, type PublicClient } from 'viem'
import {
  CO_GATEWAY_ADDRESS,
  coGatewayAbi,
  coreRootsAbi,
  gatewayAbi,
  ORIGIN_ROOTS_ADDRESS,
  originRootsAbi,
} from './abi.ts'
import type { MessageFields } from './codec.ts'
import { BridgeError } from './sender.ts'

export type ChainName = 'origin' | 'aux'

export interface BridgeAddresses {
  gateway: Hex
  coGateway: Hex
  core: Hex
  originRoots: Hex
  /** The origin ERC-20 whose aux counterpart is the native coin. */
  baseToken: Hex
}

/** Proof calldata for a gateway's `bytes[] accountProof, bytes[] storageProof`, and the proven value. */
export interface SlotProof {
  blockNumber: bigint
  accountProof: Hex[]
  storageProof: Hex[]
  value: bigint
}

export interface DeclaredMessage extends MessageFields {
  kind: 'deposit' | 'withdraw'
  messageHash: Hex
  /** Block of the declaring chain (origin for a deposit, aux for a withdrawal). */
  blockNumber: bigint
  transactionHash: Hex
}

/** eth_getLogs ranges are capped (our node: 10000 blocks); scans go in windows this wide. */
export const LOG_WINDOW = 5000n

export class Bridge {
  constructor(
    readonly origin: PublicClient,
    readonly aux: PublicClient,
    readonly addresses: BridgeAddresses,
  ) {}

  /** Reads the Gateway and base token from the CoGateway's storage, Core from the Gateway. */
  static async connect(origin: PublicClient, aux: PublicClient, core?: Hex): Promise<Bridge> {
    const code = await aux.getCode({ address: CO_GATEWAY_ADDRESS })
    if (!code || code === '0x') {
      throw new BridgeError(`no CoGateway at ${CO_GATEWAY_ADDRESS}: this aux chain's genesis has no bridge`)
    }
    const [gateway, baseToken] = await Promise.all([
      aux.readContract({ address: CO_GATEWAY_ADDRESS, abi: coGatewayAbi, functionName: 'gateway' }),
      aux.readContract({ address: CO_GATEWAY_ADDRESS, abi: coGatewayAbi, functionName: 'baseToken' }),
    ])
    const coreAddress =
      core ?? (await origin.readContract({ address: gateway, abi: gatewayAbi, functionName: 'core' }))
    return new Bridge(origin, aux, {
      gateway: lower(gateway),
      coGateway: CO_GATEWAY_ADDRESS,
      core: lower(coreAddress),
      originRoots: ORIGIN_ROOTS_ADDRESS,
      baseToken: lower(baseToken),
    })
  }

  private gatewayFrom: Promise<bigint> | undefined

  /**
   * The first origin block with the Gateway's code: where scans of its logs start (a binary search of
   * eth_getCode; 0 when the origin does not serve old state).
   */
  gatewayDeployBlock(): Promise<bigint> {
    this.gatewayFrom ??= (async () => {
      const address = this.addresses.gateway
      const hasCode = async (blockNumber: bigint) =>
        ((await this.origin.getCode({ address, blockNumber })) ?? '0x') !== '0x'
      let hi = await this.origin.getBlockNumber({ cacheTime: 0 })
      let lo = 0n
      if (!(await hasCode(hi))) return 0n
      while (lo < hi) {
        const mid = (lo + hi) / 2n
        if (await hasCode(mid)) hi = mid
        else lo = mid + 1n
      }
      return lo
    })().catch(() => 0n)
    return this.gatewayFrom
  }

  /** The newest origin block whose state root the aux chain has finalised (0: none yet). */
  trustedOriginBlock(): Promise<bigint> {
    return this.aux.readContract({
      address: this.addresses.originRoots,
      abi: originRootsAbi,
      functionName: 'latestBlockNumber',
    })
  }

  /** The newest aux block whose state root Core holds (0: none committed yet). */
  async trustedAuxBlock(): Promise<bigint> {
    const [, auxBlockNumber] = await this.origin.readContract({
      address: this.addresses.core,
      abi: coreRootsAbi,
      functionName: 'latestCommit',
    })
    return auxBlockNumber
  }

  /** Outbox and inbox status of `messageHash` on one side, at its latest block. */
  async status(chain: ChainName, messageHash: Hex): Promise<{ outbox: number; inbox: number }> {
    const client = chain === 'origin' ? this.origin : this.aux
    const address = chain === 'origin' ? this.addresses.gateway : this.addresses.coGateway
    const abi = chain === 'origin' ? gatewayAbi : coGatewayAbi
    const [outbox, inbox] = await Promise.all([
      client.readContract({ address, abi, functionName: 'outbox', args: [messageHash] }),
      client.readContract({ address, abi, functionName: 'inbox', args: [messageHash] }),
    ])
    return { outbox, inbox }
  }

  /**
   * A proof of one slot of `chain`'s gateway at `blockNumber` (the other side's trusted block), as
   * eth_getProof gives it: account proof, then the slot's storage proof.
   */
  async prove(chain: ChainName, slot: Hex, blockNumber: bigint): Promise<SlotProof> {
    const client = chain === 'origin' ? this.origin : this.aux
    const address = chain === 'origin' ? this.addresses.gateway : this.addresses.coGateway
    const p = await client.getProof({ address, storageKeys: [slot], blockNumber })
    const s = p.storageProof[0]
    return {
      blockNumber,
      accountProof: p.accountProof,
      storageProof: s?.proof ?? [],
      value: s?.value ?? 0n,
    }
  }

  /** StakeDeclared (origin) or RedeemDeclared (aux) events in [from, to]. */
  async declared(chain: ChainName, from: bigint, to: bigint): Promise<DeclaredMessage[]> {
    const out: DeclaredMessage[] = []
    for (let start = from; start <= to; start += LOG_WINDOW) {
      const end = start + LOG_WINDOW - 1n < to ? start + LOG_WINDOW - 1n : to
      if (chain === 'origin') {
        const logs = await this.origin.getContractEvents({
          address: this.addresses.gateway,
          abi: gatewayAbi,
          eventName: 'StakeDeclared',
          fromBlock: start,
          toBlock: end,
          strict: true,
        })
        for (const l of logs) {
          out.push({ kind: 'deposit', ...fieldsOf({ ...l.args, sender: l.args.staker }), ...where(l) })
        }
      } else {
        const logs = await this.aux.getContractEvents({
          address: this.addresses.coGateway,
          abi: coGatewayAbi,
          eventName: 'RedeemDeclared',
          fromBlock: start,
          toBlock: end,
          strict: true,
        })
        for (const l of logs) {
          out.push({ kind: 'withdraw', ...fieldsOf({ ...l.args, sender: l.args.redeemer }), ...where(l) })
        }
      }
    }
    return out
  }

  /** Every gateway event naming `messageHash` on one chain, oldest first. */
  async events(chain: ChainName, messageHash: Hex): Promise<BridgeEvent[]> {
    const from = chain === 'origin' ? await this.gatewayDeployBlock() : 0n
    const client = chain === 'origin' ? this.origin : this.aux
    const address = chain === 'origin' ? this.addresses.gateway : this.addresses.coGateway
    const abi = chain === 'origin' ? gatewayAbi : coGatewayAbi
    const head = await client.getBlockNumber({ cacheTime: 0 })
    const out: BridgeEvent[] = []
    for (let start = from; start <= head; start += LOG_WINDOW) {
      const end = start + LOG_WINDOW - 1n < head ? start + LOG_WINDOW - 1n : head
      const logs = await client.request({
        method: 'eth_getLogs',
        params: [{ address, topics: [null, messageHash], fromBlock: hexOf(start), toBlock: hexOf(end) }],
      })
      for (const raw of logs) {
        const decoded = decodeEventLog({ abi, data: raw.data, topics: raw.topics, strict: false })
        out.push({
          chain,
          event: decoded.eventName,
          args: (decoded.args ?? {}) as Record<string, unknown>,
          blockNumber: BigInt(raw.blockNumber ?? 0),
          transactionHash: raw.transactionHash ?? '0x',
          logIndex: Number(raw.logIndex ?? 0),
        })
      }
    }
    return out
  }
}

export interface BridgeEvent {
  chain: ChainName
  event: string
  args: Record<string, unknown>
  blockNumber: bigint
  transactionHash: Hex
  logIndex: number
}

const lower = (a: string): Hex => a.toLowerCase() as Hex
const hexOf = (n: bigint): Hex => `0x${n.toString(16)}`

function fieldsOf(a: {
  messageHash: Hex
  sender: Hex
  nonce: bigint
  valueToken: Hex
  amount: bigint
  beneficiary: Hex
  feeGasPrice: bigint
  feeGasLimit: bigint
  hashLock: Hex
}): MessageFields & { messageHash: Hex } {
  return {
    messageHash: a.messageHash,
    sender: lower(a.sender),
    nonce: a.nonce,
    valueToken: lower(a.valueToken),
    amount: a.amount,
    beneficiary: lower(a.beneficiary),
    feeGasPrice: a.feeGasPrice,
    feeGasLimit: a.feeGasLimit,
    hashLock: a.hashLock,
  }
}

function where(l: Log<bigint, number, false>): { blockNumber: bigint; transactionHash: Hex } {
  if (l.blockNumber === null || l.transactionHash === null)
    throw new BridgeError('pending log in a block range')
  return { blockNumber: l.blockNumber, transactionHash: l.transactionHash }
}
