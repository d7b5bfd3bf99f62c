// The `mosaic_*` JSON-RPC namespace's backend (rpc/backend.ts MosaicBackend): finality, the kernel and
// the origin chain as operators and gateways read them.
import type { Block } from '@ethereumjs/block'
import { bytesToHex } from '@ethereumjs/util'
import { type Finality, isCheckpoint, type StakedValidator } from '../consensus/index.ts'
import { type MosaicBackend, RpcError } from '../rpc/index.ts'
import { type Bridge, bridgeConnector, messageInfo } from './bridge/index.ts'
import type { Chain } from './chain/chain.ts'
import type { OriginLink } from './consensus.ts'
import { checkpointOf } from './finalityChain.ts'

const hex = (n: bigint) => `0x${n.toString(16)}`
const ref = (c: { number: bigint; hash: string }) => ({ number: hex(c.number), hash: c.hash })

export class MosaicApi implements MosaicBackend {
  private bridge: (() => Promise<Bridge>) | undefined

  constructor(
    private readonly modules: {
      chain: Chain
      finality: Finality
      origin: OriginLink | undefined
      rpcUrl: () => string | undefined
    },
  ) {}

  private validatorList(vs: readonly StakedValidator[]): { address: string; stake: string }[] {
    return vs.map((v) => ({ address: v.address.toLowerCase(), stake: hex(v.stake) }))
  }

  async status(): Promise<Record<string, unknown>> {
    const { chain, finality, origin } = this.modules
    const kernel = await finality.kernel()
    const total = kernel.validators.reduce((s, v) => s + v.stake, 0n)
    return {
      chainId: hex(chain.chainId),
      rpcUrl: this.modules.rpcUrl() ?? null,
      head: ref(checkpointOf(chain.head)),
      safe: ref(finality.justified),
      finalized: ref(finality.finalized),
      epochLength: hex(BigInt(chain.genesis.mosaic.epochLength)),
      kernelHeight: hex(kernel.height),
      totalStake: hex(total),
      validators: this.validatorList(kernel.validators),
      validator: finality.validator
        ? {
            address: finality.validator,
            voting: finality.votingDisabled === undefined,
            ...(finality.votingDisabled ? { reason: finality.votingDisabled } : {}),
          }
        : null,
      origin: origin ? await this.originStatus(origin) : null,
    }
  }

  private async originStatus(origin: OriginLink): Promise<Record<string, unknown>> {
    const genesisOrigin = this.modules.chain.genesis.mosaic.origin
    const reachable = await origin.client.reachable()
    let lastCommitted: Record<string, unknown> | null = null
    if (reachable) {
      const c = await origin.client.latestCommit().catch(() => undefined)
      if (c && c.auxBlockNumber > 0n) {
        lastCommitted = {
          kernelHeight: hex(c.kernelHeight),
          auxBlockNumber: hex(c.auxBlockNumber),
          auxBlockHash: c.auxBlockHash,
          auxStateRoot: c.auxStateRoot,
        }
      }
    }
    const committer = origin.committer?.status()
    return {
      chainId: genesisOrigin ? hex(genesisOrigin.chainId) : null,
      rpcUrl: origin.rpcUrl,
      reachable,
      contracts: { stake: origin.stake, core: origin.core },
      committer: origin.client.sender ?? null,
      lastCommitted,
      pendingCommit: committer?.pending ? ref(committer.pending) : null,
    }
  }

  async validators(block: Block): Promise<{ address: string; stake: string }[]> {
    const kernel = await this.modules.finality.kernelOf(checkpointOf(block))
    return kernel ? this.validatorList(kernel.validators) : []
  }

  async checkpoint(block: Block): Promise<Record<string, unknown>> {
    const { chain, finality } = this.modules
    const cp = checkpointOf(block)
    const canonical = await chain.isCanonical(block)
    const status =
      canonical && cp.number <= finality.finalized.number
        ? 'finalized'
        : finality.isJustified(cp)
          ? 'justified'
          : 'pending'
    const kernel = (await finality.kernelOf(cp)) ?? (await finality.kernel())
    const stakeOf = new Map(kernel.validators.map((v) => [v.address.toLowerCase(), v.stake]))
    return {
      number: hex(cp.number),
      hash: bytesToHex(block.hash()),
      canonical,
      isCheckpoint: isCheckpoint(cp.number, chain.genesis.mosaic.epochLength),
      status,
      links: finality.votesFor(cp).map((l) => ({
        kernelHeight: hex(l.vote.kernelHeight),
        source: ref(l.vote.source),
        voters: l.voters,
        stake: hex(l.voters.reduce((s, v) => s + (stakeOf.get(v) ?? 0n), 0n)),
      })),
    }
  }

  async message(messageHash: `0x${string}`): Promise<Record<string, unknown> | null> {
    const origin = this.modules.origin
    if (!origin) throw new RpcError(-32000, 'this node has no origin chain: no bridge messages')
    this.bridge ??= bridgeConnector({
      originUrl: origin.rpcUrl,
      auxUrl: this.modules.rpcUrl,
      core: origin.core as `0x${string}`,
    })
    try {
      return await messageInfo(await this.bridge(), messageHash)
    } catch (e) {
      // Answer with what went wrong (no bridge in the genesis, origin unreachable), not "internal error".
      throw new RpcError(-32000, `bridge: ${String((e as Error).message ?? e).split('\n')[0]}`)
    }
  }

  async commits(fromBlock: bigint): Promise<Record<string, unknown>[]> {
    const origin = this.modules.origin
    if (!origin) return []
    const list = await origin.client.commits(fromBlock)
    return list.map((c) => ({
      kernelHeight: hex(c.kernelHeight),
      auxBlockNumber: hex(c.auxBlockNumber),
      auxBlockHash: c.auxBlockHash,
      auxStateRoot: c.auxStateRoot,
      originBlock: hex(c.originBlock),
      transactionHash: c.txHash,
    }))
  }
}
