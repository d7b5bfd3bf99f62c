// The consensus side of the composition root: finality (votes, certificates, fork-choice guard), the
// kernel of every block, and the origin chain (observations, commits, slashing reports), hooked into
// the chain and handed to the producer. None of it for a chain imported from another consensus.
import type { Block } from '@ethereumjs/block'
import { bytesToHex, hexToBytes } from '@ethereumjs/util'
import type { Logger } from 'pino'
import {
  announcementProblem,
  Committer,
  ConsensusError,
  defaultCommitterOptions,
  defaultFinalityOptions,
  defaultOriginWatcherOptions,
  Finality,
  governingKernel,
  type Kernel,
  KernelTracker,
  OriginClient,
  type OriginObservation,
  OriginWatcher,
  type QuorumCertificate,
  Reporter,
  type StakedValidator,
  sortedValidators,
  splitExtra,
} from '../consensus/index.ts'
import type { Chain } from './chain/chain.ts'
import type { NodeConfig } from './config.ts'
import { checkpointOf, finalityChain } from './finalityChain.ts'

/** The node's link to the origin chain: reads, commits of finalised checkpoints, slashing reports. */
export interface OriginLink {
  client: OriginClient
  rpcUrl: string
  core: string
  stake: string
  watcher: OriginWatcher
  committer?: Committer
}

export interface Consensus {
  finality: Finality
  kernels: KernelTracker
  origin: OriginLink | undefined
  /** What the local proposer puts in and reads for its blocks. */
  producerHooks: {
    certificateFor: (parent: Block) => Promise<QuorumCertificate | undefined>
    observationFor: (parent: Block) => Promise<OriginObservation | undefined>
    validatorsFor: (head: Block) => Promise<readonly StakedValidator[]>
  }
  start(): void
  stop(): void
}

export function createConsensus(
  config: NodeConfig,
  chain: Chain,
  logger: Logger,
  keys: { validator?: Uint8Array; origin?: Uint8Array },
): Consensus | undefined {
  if (chain.genesis.foreign) return undefined
  const fchain = finalityChain(chain)
  const genesisKernel = { height: 1n, validators: sortedValidators(chain.genesis.mosaic.validators) }
  const kernels = new KernelTracker(
    { checkpoint: fchain.genesis, kernel: genesisKernel, epochLength: fchain.epochLength },
    (hash) => fchain.header(hash),
  )
  const origin = originLink(config, chain, logger, keys.origin)
  const finality = new Finality(
    { ...defaultFinalityOptions, datadir: config.datadir },
    {
      chain: fchain,
      kernels,
      logger: logger.child({ module: 'finality' }),
      ...(keys.validator ? { validatorKey: keys.validator } : {}),
      ...(origin ? { checkObservation: (o: OriginObservation) => origin.watcher.check(o) } : {}),
    },
  )
  hookChain(chain, finality, kernels, logger)
  if (origin && keys.origin) {
    const committer = new Committer(
      { ...defaultCommitterOptions, commitEvery: config.origin.commitEvery },
      {
        client: origin.client,
        headerRlp: async (hash) => (await chain.getHeaderByHash(hexToBytes(hash)))?.serialize(),
        logger: logger.child({ module: 'committer' }),
      },
    )
    finality.onFinality((ev) => {
      const kernel = kernels.kernel(ev.link.kernelHeight)
      if (kernel) committer.onFinality({ ...ev, signatures: commitSignatures(ev.signatures, kernel) })
    })
    const reporter = new Reporter({ client: origin.client, logger: logger.child({ module: 'reporter' }) })
    finality.onOffence((offence) => reporter.onOffence(offence))
    origin.committer = committer
  }
  let lastObserved = -1n
  return {
    finality,
    kernels,
    origin,
    producerHooks: {
      certificateFor: (parent) => finality.certificateFor(checkpointOf(parent)),
      validatorsFor: async (head) => (await finality.kernelAfter(checkpointOf(head))).validators,
      async observationFor(parent) {
        const seen = origin?.watcher.latest
        if (!seen) return undefined
        const state = await kernels.stateAfter(bytesToHex(parent.hash()))
        if (!state) return undefined
        const governing = governingKernel(state, parent.header.number + 1n)
        const waiting = state.pending !== undefined && governing === state.active
        const next = waiting ? undefined : origin.watcher.kernel(governing.height + 1n)
        // Anchor each new origin block once; announce a kernel as soon as Core has opened it.
        if (seen.number <= lastObserved && !next) return undefined
        lastObserved = seen.number
        return {
          number: seen.number,
          hash: seen.hash,
          stateRoot: seen.stateRoot,
          ...(next ? { kernel: next } : {}),
        }
      },
    },
    start() {
      origin?.watcher.start()
    },
    stop() {
      origin?.watcher.stop()
      origin?.committer?.stop()
    },
  }
}

function originLink(
  config: NodeConfig,
  chain: Chain,
  logger: Logger,
  key: Uint8Array | undefined,
): OriginLink | undefined {
  const o = chain.genesis.mosaic.origin
  const rpcUrl = config.origin.rpc ?? o?.rpc
  if (!o?.core || !o.stake || !rpcUrl || rpcUrl === 'none') return undefined
  const client = new OriginClient(
    {
      rpcUrl,
      core: o.core,
      stake: o.stake,
      confirmations: config.origin.confirmations,
      ...(key ? { key } : {}),
    },
    { logger },
  )
  const watcher = new OriginWatcher(defaultOriginWatcherOptions, {
    client,
    logger: logger.child({ module: 'origin-watch' }),
  })
  return { client, rpcUrl, core: o.core, stake: o.stake, watcher }
}

/** Certificates and kernel announcements checked on import; fork choice kept on the justified branch. */
function hookChain(chain: Chain, finality: Finality, kernels: KernelTracker, logger: Logger): void {
  chain.consensusHooks = {
    async checkBlock(block, parent) {
      const payload = splitExtra(block.header.extraData).payload
      if (payload.qc) {
        await finality.verifyCertificate(payload.qc, {
          hash: bytesToHex(parent.hash()),
          number: parent.number,
        })
      }
      if (payload.origin?.kernel) {
        const state = await kernels.stateAfter(bytesToHex(parent.hash()))
        const problem =
          state &&
          announcementProblem(state, {
            number: block.header.number,
            parentHash: bytesToHex(parent.hash()),
            origin: payload.origin,
          })
        if (problem) throw new ConsensusError('BAD_PAYLOAD', problem)
      }
    },
    // A branch without the highest justified checkpoint never replaces one that has it.
    mayBecomeHead: async (tip) =>
      (await finality.keepsJustified(checkpointOf(tip), bytesToHex(tip.header.parentHash))) ||
      !(await finality.keepsJustified(checkpointOf(chain.head), bytesToHex(chain.head.header.parentHash))),
    validatorsFor: async (parentHash, number) =>
      (await kernels.governing(bytesToHex(parentHash), number))?.validators,
  }
  // Justified on a branch that is not ours (votes arrived after a lighter block won here): move to it.
  finality.onFinality(({ justified }) => {
    void (async () => {
      if (await finality.isAncestor(justified, checkpointOf(chain.head))) return
      if (await chain.moveHeadTo(hexToBytes(justified.hash))) {
        logger.info(
          { number: Number(justified.number), hash: justified.hash },
          'moved head to the justified branch',
        )
      }
    })().catch((err: unknown) => logger.warn({ err }, 'move to the justified branch failed'))
  })
  chain.onHead((block) => {
    finality
      .onHead(checkpointOf(block))
      .catch((err: unknown) => logger.warn({ err }, 'finality update failed'))
  })
}

/**
 * The signatures a commit sends: Core checks them against the kernel the vote names (votes of
 * validators leaving with the previous kernel stay here), and each costs ~9k gas, so the largest
 * stakes first, only until ⌈2/3⌉ of the kernel's stake.
 */
export function commitSignatures(
  signatures: ReadonlyMap<string, Uint8Array>,
  kernel: Kernel,
): Map<string, Uint8Array> {
  const total = kernel.validators.reduce((sum, v) => sum + v.stake, 0n)
  const byStake = kernel.validators
    .filter((v) => signatures.has(v.address.toLowerCase()))
    .sort((a, b) => (a.stake > b.stake ? -1 : a.stake < b.stake ? 1 : 0))
  const out = new Map<string, Uint8Array>()
  let signed = 0n
  for (const v of byStake) {
    if (signed * 3n >= total * 2n) break
    const address = v.address.toLowerCase()
    out.set(address, signatures.get(address)!)
    signed += v.stake
  }
  return out
}
