// Finality service (DESIGN.md §6): collects votes from gossip, from this node's validator and from
// quorum certificates in blocks, runs the pure rules (rules/finality.ts) and keeps the justified and
// finalised checkpoints (persisted in the data directory). As a validator it votes for every new
// canonical checkpoint, through its slashing-protection record. Proposers ask it for the next
// certificate to put in their header: the justification chain is carried link by link, so a node
// that syncs rebuilds finality from blocks alone.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { bytesToHex } from '@ethereumjs/util'
import { LRUCache } from 'lru-cache'
import type { Logger } from 'pino'
import type { Hex } from 'viem'
import { AtomicFile } from './atomicFile.ts'
import { ConsensusError } from './errors.ts'
import type { Kernel, KernelHeader, KernelTracker } from './kernels.ts'
import {
  applyLink,
  type FinalityState,
  genesisFinality,
  isCheckpoint,
  linkProblem,
  offence,
  type ValidatorSets,
} from './rules/finality.ts'
import { addressOfPrivateKey } from './rules/keys.ts'
import type { OriginObservation } from './rules/observation.ts'
import { buildQc, linkValidators, verifyQc } from './rules/qc.ts'
import type { QuorumCertificate } from './rules/seal.ts'
import {
  type Checkpoint,
  checkpointKey,
  decodeVote,
  encodeVote,
  linkKey,
  recoverVoter,
  type SignedVote,
  signVote,
  type Vote,
} from './rules/vote.ts'
import { SlashingProtection } from './slashingProtection.ts'

/** What finality needs from the chain (node/ implements it). */
export interface FinalityChain {
  chainId: bigint
  epochLength: number
  genesis: Checkpoint
  head(): Checkpoint
  /** Number, parent and consensus certificate of a stored block. */
  header(hash: Hex): Promise<KernelHeader | undefined>
  canonicalHash(number: bigint): Promise<Hex | undefined>
}

export interface FinalityOptions {
  datadir: string
  /** Justifying links kept for certificates and pending votes kept per link. */
  maxLinks: number
  /**
   * After start, a validator listens this long before its first vote: a vote by its key seen meanwhile
   * means another node signs with it (doppelganger), and this one never signs.
   */
  doppelgangerMs: number
}

export const defaultFinalityOptions: Omit<FinalityOptions, 'datadir'> = {
  maxLinks: 4096,
  doppelgangerMs: 2000,
}

export interface Offence {
  kind: 'double' | 'surround'
  validator: Hex
  a: SignedVote
  b: SignedVote
}

export interface FinalityEvent {
  justified: Checkpoint
  finalized: Checkpoint
  /** The link that justified `justified`, with its signatures by voter. */
  link: Vote
  signatures: ReadonlyMap<string, Uint8Array>
}

interface LinkVotes {
  vote: Vote
  signatures: Map<string, Uint8Array>
  /** Target descends from source (checked once both are stored). */
  linked?: boolean
}

export class Finality {
  private state: FinalityState
  private readonly links: LRUCache<string, LinkVotes>
  /** Justifying links by target key: the path certificates are taken from. */
  private readonly justifying: LRUCache<string, LinkVotes>
  /** Recent votes per validator, to catch offences. */
  private readonly recent = new LRUCache<string, SignedVote[]>({ max: 1024 })
  /** Target of the latest certificate in a block's ancestry (inclusive), by block hash. */
  private readonly lastQcTarget = new LRUCache<string, Checkpoint>({ max: 4096 })
  private readonly protection: SlashingProtection | undefined
  private readonly me: Hex | undefined
  private readonly listeners: ((ev: FinalityEvent) => void)[] = []
  private readonly offenceListeners: ((o: Offence) => void)[] = []
  /** Publishes this node's votes on the votes topic (set by the composition root). */
  publish: ((raw: Uint8Array) => void) | undefined
  private queue: Promise<unknown> = Promise.resolve()
  private disabled: string | undefined
  private readonly startedAt = Date.now()
  private readonly record: AtomicFile

  constructor(
    private readonly options: FinalityOptions,
    private readonly modules: {
      chain: FinalityChain
      kernels: KernelTracker
      logger: Logger
      /** Whether a block's origin observation matches this validator's origin node (votes wait for it). */
      checkObservation?: (o: OriginObservation) => Promise<boolean>
      validatorKey?: Uint8Array
    },
  ) {
    this.links = new LRUCache({ max: options.maxLinks })
    this.justifying = new LRUCache({ max: options.maxLinks })
    this.record = new AtomicFile(join(options.datadir, 'finality.json'))
    this.state = this.load()
    if (modules.validatorKey) {
      this.me = bytesToHex(addressOfPrivateKey(modules.validatorKey)).toLowerCase() as Hex
      this.protection = SlashingProtection.open(join(options.datadir, 'slashing-protection.json'), this.me)
    }
  }

  get justified(): Checkpoint {
    return this.state.justified
  }

  get finalized(): Checkpoint {
    return this.state.finalized
  }

  isJustified(c: Checkpoint): boolean {
    return this.state.justifiedSet.has(checkpointKey(c))
  }

  /** The kernel governing the next block on the head. */
  kernel(): Promise<Kernel> {
    return this.kernelAfter(this.modules.chain.head())
  }

  /** The kernel governing the block after the stored block `c` (kernel 1 while `c` is unknown). */
  async kernelAfter(c: Checkpoint): Promise<Kernel> {
    return (await this.modules.kernels.governing(c.hash, c.number + 1n)) ?? this.genesisKernel()
  }

  private genesisKernel(): Kernel {
    return this.modules.kernels.kernel(1n)!
  }

  /** The kernel governing the stored block `c` (genesis: kernel 1). */
  async kernelOf(c: Checkpoint): Promise<Kernel | undefined> {
    if (c.number === 0n) return this.genesisKernel()
    const h = await this.modules.chain.header(c.hash)
    return h && this.modules.kernels.governing(h.parentHash, c.number)
  }

  /** Rear and forward validator sets of a link (DESIGN.md §6); undefined while a block is unknown. */
  private async setsFor(link: Vote): Promise<ValidatorSets | undefined> {
    const [rear, forward] = await Promise.all([this.kernelOf(link.source), this.kernelOf(link.target)])
    if (!rear || !forward) return undefined
    return rear.height === forward.height
      ? { rear: rear.validators }
      : { rear: rear.validators, forward: forward.validators }
  }

  onFinality(listener: (ev: FinalityEvent) => void): void {
    this.listeners.push(listener)
  }

  onOffence(listener: (o: Offence) => void): void {
    this.offenceListeners.push(listener)
  }

  /** Signatures collected for a link, by voter (for mosaic_getCheckpoint). */
  votesFor(target: Checkpoint): { vote: Vote; voters: string[] }[] {
    const out: { vote: Vote; voters: string[] }[] = []
    for (const [, l] of this.links.entries()) {
      if (l.vote.target.hash === target.hash) out.push({ vote: l.vote, voters: [...l.signatures.keys()] })
    }
    return out
  }

  /** Runs `fn` after every earlier state change: votes and blocks are applied one at a time. */
  private serial<T>(fn: () => Promise<T>): Promise<T> {
    const run = this.queue.then(fn, fn)
    this.queue = run.catch(() => {})
    return run
  }

  /** A vote from the network: throws ConsensusError (BAD_VOTE, UNKNOWN_VOTER) for bad ones. */
  onGossipVote(raw: Uint8Array): Promise<void> {
    const vote = decodeVote(raw)
    const { kernels } = this.modules
    const kernel = kernels.kernel(vote.kernelHeight)
    if (!kernel)
      throw new ConsensusError('UNKNOWN_KERNEL', `vote for kernel ${vote.kernelHeight}, not announced here`)
    const voter = recoverVoter(vote, this.modules.chain.chainId)
    // Validators leaving with this kernel (the previous one's) vote on the links that hand over.
    const rear = kernels.kernel(vote.kernelHeight - 1n)
    const member = (k: Kernel | undefined) =>
      k?.validators.some((v) => v.address.toLowerCase() === voter) === true
    if (!member(kernel) && !member(rear)) {
      throw new ConsensusError(
        'UNKNOWN_VOTER',
        `vote signed by ${voter}, not a validator of kernel ${kernel.height}`,
      )
    }
    if (voter === this.me) this.onOwnKeyVote(vote)
    return this.serial(() => this.addVote(vote, voter))
  }

  private async addVote(vote: SignedVote, voter: string): Promise<void> {
    this.checkOffence(vote, voter)
    if (vote.target.number <= this.state.finalized.number) return
    const key = linkKey(vote)
    let entry = this.links.get(key)
    if (!entry) {
      entry = {
        vote: { kernelHeight: vote.kernelHeight, source: vote.source, target: vote.target },
        signatures: new Map(),
      }
      this.links.set(key, entry)
    }
    if (entry.signatures.has(voter)) return
    entry.signatures.set(voter, vote.signature)
    await this.evaluate(entry)
  }

  private checkOffence(vote: SignedVote, voter: string): void {
    const seen = this.recent.get(voter) ?? []
    for (const other of seen) {
      const kind = offence(other, vote)
      if (kind) {
        this.modules.logger.warn(
          { validator: voter, kind, a: describe(other), b: describe(vote) },
          'validator signed an offence',
        )
        for (const l of this.offenceListeners) l({ kind, validator: voter as Hex, a: other, b: vote })
        break
      }
    }
    seen.push(vote)
    if (seen.length > 64) seen.shift()
    this.recent.set(voter, seen)
  }

  /** Applies a link once it has a supermajority, then any links waiting for their source. */
  private async evaluate(entry: LinkVotes): Promise<void> {
    const epoch = this.modules.chain.epochLength
    if (linkProblem(this.state, entry.vote, epoch) !== undefined) return
    const sets = await this.setsFor(entry.vote)
    if (!sets) return
    const before = this.state
    const outcome = applyLink(this.state, entry.vote, new Set(entry.signatures.keys()), sets, epoch)
    if (outcome.state === before) return
    if (!entry.linked) {
      entry.linked = await this.isAncestor(entry.vote.source, entry.vote.target)
      if (!entry.linked) return
    }
    this.state = outcome.state
    this.justifying.set(checkpointKey(entry.vote.target), entry)
    this.persist()
    const ev: FinalityEvent = {
      justified: entry.vote.target,
      finalized: this.state.finalized,
      link: entry.vote,
      signatures: entry.signatures,
    }
    this.modules.logger.debug(
      { justified: Number(ev.justified.number), finalized: Number(ev.finalized.number) },
      'checkpoint justified',
    )
    for (const l of this.listeners) l(ev)
    // Links whose source was just justified may now count.
    for (const [, other] of this.links.entries()) {
      if (other !== entry && other.vote.source.hash === entry.vote.target.hash) await this.evaluate(other)
    }
  }

  /** True when `desc` is `anc` or descends from it. */
  async isAncestor(anc: Checkpoint, desc: Checkpoint): Promise<boolean> {
    const { chain } = this.modules
    if (desc.number < anc.number) return false
    const [a, d] = await Promise.all([chain.canonicalHash(anc.number), chain.canonicalHash(desc.number)])
    if (a === anc.hash && d === desc.hash) return true
    let cursor: Hex = desc.hash
    for (let n = desc.number; n > anc.number; n--) {
      const h = await chain.header(cursor)
      if (!h) return false
      cursor = h.parentHash
    }
    return cursor === anc.hash
  }

  /**
   * A new canonical head: applies its certificate, then votes for it when this node is a validator
   * and the head is a checkpoint.
   */
  onHead(head: Checkpoint): Promise<void> {
    return this.serial(async () => {
      const h = await this.modules.chain.header(head.hash)
      if (h?.qc) await this.applyQc(h.qc)
      for (const [, l] of this.links.entries()) if (l.vote.target.hash === head.hash) await this.evaluate(l)
      if (h?.origin && this.modules.validatorKey && this.modules.checkObservation) {
        if (!(await this.modules.checkObservation(h.origin))) {
          this.modules.logger.warn(
            { block: Number(head.number), originBlock: Number(h.origin.number) },
            "not voting: the block's origin observation does not match this validator's origin node",
          )
          return
        }
      }
      await this.vote(head)
    })
  }

  private async applyQc(qc: QuorumCertificate): Promise<void> {
    const key = linkKey(qc.vote)
    let entry = this.links.get(key)
    if (!entry) {
      entry = { vote: qc.vote, signatures: new Map() }
      this.links.set(key, entry)
    }
    const sets = await this.setsFor(qc.vote)
    if (!sets) return
    const voters = [...verifyQc(qc, sets, this.modules.chain.chainId)]
    voters.forEach((v, i) => {
      if (!entry.signatures.has(v)) entry.signatures.set(v, qc.signatures[i]!)
    })
    await this.evaluate(entry)
  }

  /** This node's validator address, if it has a key. */
  get validator(): Hex | undefined {
    return this.me
  }

  /** Why this validator stopped signing (another node uses its key), if it did. */
  get votingDisabled(): string | undefined {
    return this.disabled
  }

  /**
   * A vote by this validator's key from the network: this node never receives its own messages back,
   * so another node signs with the key. The record takes the vote in, and this node stops signing:
   * two signers of one key will sooner or later sign an offence.
   */
  private onOwnKeyVote(vote: Vote): void {
    const mine = this.protection?.signed
    this.protection?.observe(vote).catch((err: unknown) => {
      this.modules.logger.error({ err }, 'slashing-protection record not written')
    })
    // Gossip can hand a restarted node its own recent votes (IHAVE/IWANT): what the record holds, or
    // anything older, proves nothing; a newer target or another block at the recorded height does.
    if (
      mine &&
      (vote.target.number < mine.targetNumber ||
        (vote.target.number === mine.targetNumber && vote.target.hash === mine.targetHash))
    )
      return
    if (this.disabled) return
    this.disabled = `another node signs votes with validator key ${this.me} (seen: target ${vote.target.number})`
    this.modules.logger.error(
      { validator: this.me, target: Number(vote.target.number) },
      `${this.disabled}: this node stops voting`,
    )
  }

  private async vote(head: Checkpoint): Promise<void> {
    const key = this.modules.validatorKey
    const { chain, logger } = this.modules
    if (!key || !this.protection || !isCheckpoint(head.number, chain.epochLength)) return
    if (this.disabled || Date.now() - this.startedAt < this.options.doppelgangerMs) return
    const source = await this.justifiedAncestor(head)
    if (!source || source.number >= head.number) return
    const [rear, forward] = await Promise.all([this.kernelOf(source), this.kernelOf(head)])
    if (!rear || !forward) return
    const member = (k: Kernel) => k.validators.some((v) => v.address.toLowerCase() === this.me)
    if (!member(rear) && !member(forward)) return
    const vote: Vote = { kernelHeight: forward.height, source, target: head }
    const verdict = await this.protection.claim(vote)
    if (verdict === 'repeat') return
    if (verdict !== 'sign') {
      logger.warn({ vote: describe(vote), reason: verdict }, 'refused to sign a vote (slashing protection)')
      return
    }
    const signed = signVote(vote, chain.chainId, key)
    this.publish?.(encodeVote(signed))
    await this.addVote(signed, this.me!)
  }

  /** The highest justified checkpoint `head` descends from. */
  private async justifiedAncestor(head: Checkpoint): Promise<Checkpoint | undefined> {
    const candidates = [...this.state.justifiedSet.values()].sort((a, b) => (a.number > b.number ? -1 : 1))
    for (const c of candidates) if (await this.isAncestor(c, head)) return c
    return undefined
  }

  /**
   * Fork choice guard: a branch that leaves the highest justified checkpoint never becomes canonical.
   * `tip` may be a block being imported (not stored yet): its parent is walked from.
   */
  async keepsJustified(tip: Checkpoint, parentHash: Hex): Promise<boolean> {
    const j = this.state.justified
    if (tip.hash === j.hash) return true
    if (tip.number <= j.number) return false
    return this.isAncestor(j, { hash: parentHash, number: tip.number - 1n })
  }

  /** Checks a block's certificate before import: valid signatures, target within the block's ancestry. */
  async verifyCertificate(qc: QuorumCertificate, parent: Checkpoint): Promise<void> {
    if (!(await this.isAncestor(qc.vote.target, parent))) {
      throw new ConsensusError(
        'BAD_QC',
        `certificate target ${qc.vote.target.number} is not an ancestor of the block`,
      )
    }
    if (!(await this.isAncestor(qc.vote.source, qc.vote.target))) {
      throw new ConsensusError('BAD_QC', 'certificate target does not descend from its source')
    }
    const sets = await this.setsFor(qc.vote)
    const forward = await this.kernelOf(qc.vote.target)
    if (!sets || !forward) throw new ConsensusError('BAD_QC', 'certificate blocks are not stored')
    if (qc.vote.kernelHeight !== forward.height) {
      throw new ConsensusError(
        'BAD_QC',
        `certificate names kernel ${qc.vote.kernelHeight}, its target is governed by ${forward.height}`,
      )
    }
    verifyQc(qc, sets, this.modules.chain.chainId)
  }

  /**
   * The certificate a block on `parent` should carry: the next link of the justification path after
   * the last one in the parent's ancestry.
   */
  async certificateFor(parent: Checkpoint): Promise<QuorumCertificate | undefined> {
    const included = await this.lastIncluded(parent)
    const top = await this.justifiedAncestor(parent)
    if (!top) return undefined
    let link = this.justifying.get(checkpointKey(top))
    while (link && link.vote.source.number > included.number) {
      const prev = this.justifying.get(checkpointKey(link.vote.source))
      if (!prev) break
      link = prev
    }
    if (!link || link.vote.target.number <= included.number) return undefined
    const sets = await this.setsFor(link.vote)
    return sets && buildQc(link.vote, link.signatures, linkValidators(sets))
  }

  private async lastIncluded(block: Checkpoint): Promise<Checkpoint> {
    const { chain } = this.modules
    const walked: Hex[] = []
    let cursor: Hex = block.hash
    let found: Checkpoint = chain.genesis
    for (let i = 0; i < 1024; i++) {
      const cached = this.lastQcTarget.get(cursor)
      if (cached) {
        found = cached
        break
      }
      const h = await chain.header(cursor)
      if (!h || h.number === 0n) break
      walked.push(cursor)
      if (h.qc) {
        found = h.qc.vote.target
        break
      }
      cursor = h.parentHash
    }
    for (const w of walked) this.lastQcTarget.set(w, found)
    return found
  }

  private load(): FinalityState {
    const genesis = genesisFinality(this.modules.chain.genesis)
    let text: string
    try {
      text = readFileSync(this.record.path, 'utf8')
    } catch {
      return genesis
    }
    try {
      const j = JSON.parse(text) as Record<'justified' | 'finalized', { hash: Hex; number: string }>
      const justified = { hash: j.justified.hash, number: BigInt(j.justified.number) }
      const finalized = { hash: j.finalized.hash, number: BigInt(j.finalized.number) }
      return {
        justified,
        finalized,
        justifiedSet: new Map([
          [checkpointKey(finalized), finalized],
          [checkpointKey(justified), justified],
        ]),
      }
    } catch (e) {
      this.modules.logger.warn({ err: e }, 'finality record unreadable: starting from genesis')
      return genesis
    }
  }

  private persist(): void {
    const s = this.state
    const json = JSON.stringify({
      justified: { hash: s.justified.hash, number: s.justified.number.toString() },
      finalized: { hash: s.finalized.hash, number: s.finalized.number.toString() },
    })
    // Not awaited: the record only saves a restart from rebuilding finality out of certificates, and
    // writes stay in order, so the file ends with the latest state.
    this.record.write(json).catch((err: unknown) => {
      this.modules.logger.warn({ err }, 'finality record not written')
    })
  }
}

function describe(v: Vote): string {
  return `${v.source.number}:${v.source.hash.slice(0, 10)}->${v.target.number}:${v.target.hash.slice(0, 10)}`
}
