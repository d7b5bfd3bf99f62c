// The network: libp2p host, gossip topics (transactions, blocks, votes) with validation before
// relay, req/resp protocols, status handshakes, range and by-hash sync, peer scoring and bans,
// bootnode reconnection. Chain access goes through the NetworkChain interface (types.ts).
import { createHash } from 'node:crypto'
import { join } from 'node:path'
import { TopicValidatorResult } from '@libp2p/gossipsub'
import type { PeerId } from '@libp2p/interface'
import { peerIdFromString } from '@libp2p/peer-id'
import { multiaddr } from '@multiformats/multiaddr'
import type { Logger } from 'pino'
import type { Registry } from 'prom-client'
import { P2PError } from './errors.ts'
import { createHost, type Host, loadPeerKey } from './host.ts'
import { createP2PMetrics, type P2PMetrics } from './metrics.ts'
import { defaultP2POptions, type P2POptions } from './options.ts'
import { ReqResp } from './reqresp.ts'
import { PeerScores, RateLimiter } from './scoring.ts'
import { RangeSync } from './sync.ts'
import type { ChainStatus, NetworkChain } from './types.ts'

export interface NetworkModules {
  chain: NetworkChain
  logger: Logger
  metrics: Registry
  /** Data directory: the peer key lives in DIR/p2p/peer.key unless options.keyFile says otherwise. */
  datadir: string
}

export type TopicName = 'blocks' | 'transactions' | 'votes'

export function topicsFor(chainId: bigint): Record<TopicName, string> {
  return {
    blocks: `/mosaic/${chainId}/blocks/1`,
    transactions: `/mosaic/${chainId}/transactions/1`,
    votes: `/mosaic/${chainId}/votes/1`,
  }
}

/** Gossip message id: sha256 of the content, so a block relayed by many peers is one message. */
export function messageId(data: Uint8Array): Uint8Array {
  return createHash('sha256').update(data).digest().subarray(0, 20)
}

/** A bootnode must be a multiaddr that names the peer: /ip4/HOST/tcp/PORT/p2p/PEER_ID. */
export function checkBootnode(addr: string): void {
  let id: string | undefined
  try {
    id = multiaddr(addr)
      .getComponents()
      .find((c) => c.name === 'p2p')?.value
  } catch (e) {
    throw new P2PError('BAD_BOOTNODE', `bootnode ${addr}: not a multiaddr (${(e as Error).message})`)
  }
  if (!id) throw new P2PError('BAD_BOOTNODE', `bootnode ${addr}: expected a /p2p/<peer id> part`)
  try {
    peerIdFromString(id)
  } catch {
    throw new P2PError('BAD_BOOTNODE', `bootnode ${addr}: ${id} is not a peer id`)
  }
}

const hex = (b: Uint8Array) => `0x${Buffer.from(b).toString('hex')}`

export class Network {
  readonly options: P2POptions
  private host: Host | undefined
  private reqresp: ReqResp | undefined
  private sync: RangeSync | undefined
  private readonly logger: Logger
  private readonly metrics: P2PMetrics
  private readonly scores: PeerScores
  private readonly limiter: RateLimiter
  private readonly topics: Record<TopicName, string>
  private readonly peers = new Map<string, { id: PeerId; status: ChainStatus }>()
  private timers: NodeJS.Timeout[] = []
  private stopped = false
  private readonly lookups = new Set<string>()

  constructor(
    options: Partial<P2POptions>,
    private readonly modules: NetworkModules,
  ) {
    this.options = { ...defaultP2POptions, ...options }
    this.logger = modules.logger.child({ module: 'p2p' })
    this.metrics = createP2PMetrics(modules.metrics, () => this.peerCount)
    this.scores = new PeerScores({
      disconnectScore: this.options.disconnectScore,
      banMs: this.options.banMs,
      decayPerMinute: 0.5,
    })
    this.limiter = new RateLimiter(this.options.requestsPerSecond)
    this.topics = topicsFor(modules.chain.status().chainId)
    for (const addr of this.options.bootnodes) checkBootnode(addr)
  }

  get peerId(): string {
    return this.host?.peerId.toString() ?? ''
  }

  /** Listen addresses with the peer id: what other nodes put in --bootnodes. */
  get addresses(): string[] {
    return this.host?.getMultiaddrs().map((m) => m.toString()) ?? []
  }

  get peerCount(): number {
    return this.peers.size
  }

  get syncing(): boolean {
    return this.sync?.syncing ?? false
  }

  /** Block numbers of the running sync (eth_syncing), undefined when following the head. */
  get syncProgress(): { starting: bigint; current: bigint; highest: bigint } | undefined {
    return this.sync?.progress
  }

  async start(): Promise<void> {
    const keyFile = this.options.keyFile || join(this.modules.datadir, 'p2p', 'peer.key')
    const key = await loadPeerKey(keyFile)
    const host = await createHost(this.options, key, {
      isBanned: (peer) => this.scores.isBanned(peer.toString()),
      msgId: messageId,
      topics: Object.values(this.topics),
    })
    this.host = host
    const common = {
      host,
      chain: this.modules.chain,
      logger: this.logger,
      metrics: this.metrics,
      onPeerError: (peer: PeerId, source: string, err: P2PError) => this.peerError(peer, source, err),
    }
    this.reqresp = new ReqResp(this.options, {
      ...common,
      limiter: this.limiter,
      onStatus: (peer, status) => this.onStatus(peer, status),
    })
    this.sync = new RangeSync(this.options, {
      ...common,
      reqresp: this.reqresp,
      peers: () => this.peers,
    })
    await this.reqresp.start()
    host.addEventListener('peer:connect', (ev) => {
      void this.handshake(ev.detail)
    })
    host.addEventListener('peer:disconnect', (ev) => {
      const id = ev.detail.toString()
      this.limiter.forget(`${id}/`)
      if (this.peers.delete(id)) this.logger.info({ peer: id, peers: this.peers.size }, 'peer disconnected')
    })
    try {
      await host.start()
    } catch {
      await Promise.resolve(host.stop()).catch(() => {})
      throw new P2PError(
        'LISTEN_FAILED',
        `p2p: cannot listen on ${this.options.addr}:${this.options.port} (in use? choose another with --p2p.port)`,
      )
    }
    this.setupGossip(host)
    this.logger.info(
      { peerId: host.peerId.toString(), addrs: this.addresses, bootnodes: this.options.bootnodes.length },
      'p2p listening',
    )
    this.dialBootnodes()
    this.timers.push(setInterval(() => this.dialBootnodes(), this.options.reconnectMs))
    this.timers.push(setInterval(() => this.pollStatus(), this.options.statusPollMs))
  }

  async stop(): Promise<void> {
    this.stopped = true
    for (const t of this.timers) clearInterval(t)
    await this.sync?.stop()
    await this.host?.stop()
  }

  // ---- peers ----

  private dialBootnodes(): void {
    const host = this.host
    if (!host || this.stopped) return
    const connected = new Set(host.getPeers().map((p) => p.toString()))
    for (const addr of this.options.bootnodes) {
      let ma: ReturnType<typeof multiaddr>
      try {
        ma = multiaddr(addr)
      } catch {
        continue
      }
      const id = ma.getComponents().find((c) => c.name === 'p2p')?.value
      if (id === host.peerId.toString() || (id && connected.has(id))) continue
      if (id && this.scores.isBanned(id)) continue
      host.dial(ma, { signal: AbortSignal.timeout(5000) }).catch((e: unknown) => {
        this.logger.debug({ addr, err: (e as Error).message }, 'bootnode dial failed')
      })
    }
  }

  private async handshake(peer: PeerId): Promise<void> {
    if (!this.reqresp || this.stopped) return
    try {
      const status = await this.reqresp.status(peer)
      this.onStatus(peer, status)
    } catch (e) {
      const err = e instanceof P2PError ? e : new P2PError('BAD_STATUS', (e as Error).message, 'ignore')
      this.logger.debug({ peer: peer.toString(), err: err.message }, 'status handshake failed')
      if (err.code === 'GARBAGE' || err.code === 'WRONG_CHAIN') this.peerError(peer, 'req/status', err)
    }
  }

  private onStatus(peer: PeerId, status: ChainStatus): void {
    const ours = this.modules.chain.status()
    const id = peer.toString()
    if (status.chainId !== ours.chainId || hex(status.genesisHash) !== hex(ours.genesisHash)) {
      this.peerError(
        peer,
        'req/status',
        new P2PError(
          'WRONG_CHAIN',
          `peer is on chain ${status.chainId} genesis ${hex(status.genesisHash)}, we are on chain ${ours.chainId} genesis ${hex(ours.genesisHash)}`,
        ),
      )
      return
    }
    const known = this.peers.has(id)
    this.peers.set(id, { id: peer, status })
    if (!known)
      this.logger.info(
        { peer: id, head: Number(status.headNumber), peers: this.peers.size },
        'peer connected',
      )
    if (status.headWeight > ours.headWeight) this.sync?.trigger()
  }

  private pollStatus(): void {
    for (const { id } of this.peers.values()) void this.handshake(id)
  }

  /** Logs and counts a peer's offence, lowers its score, and drops and bans it below the threshold. */
  private peerError(peer: PeerId, source: string, err: P2PError): void {
    const id = peer.toString()
    // What an honest peer can cause (a race, a closed stream, a block we have) is only debug noise;
    // rate and time abuse costs a little although the data itself was not bad.
    const costs = err.action === 'reject' || err.code === 'RATE_LIMITED' || err.code === 'TIMEOUT'
    if (!costs) {
      this.logger.debug(
        { peer: id, source, reason: err.reason, err: err.message.slice(0, 300) },
        'peer data ignored',
      )
      return
    }
    this.metrics.rejected.inc({ source, reason: err.reason })
    // Data from the network is logged without payloads.
    this.logger.warn(
      { peer: id, source, reason: err.reason, err: err.message.slice(0, 300) },
      'peer data rejected',
    )
    const verdict = err.code === 'WRONG_CHAIN' ? 'disconnect' : this.scores.penalize(id, err.reason)
    if (verdict === 'disconnect') {
      this.scores.ban(id)
      this.metrics.banned.inc()
      this.peers.delete(id)
      this.logger.warn(
        { peer: id, reason: err.reason, banMs: this.options.banMs },
        'peer disconnected and banned',
      )
      // A peer of another chain gets a moment to read our status (and send its own), so both sides
      // know why; the ban already keeps it from coming back.
      const grace = err.code === 'WRONG_CHAIN' ? 1000 : 0
      setTimeout(() => void this.host?.hangUp(peer).catch(() => {}), grace).unref()
    }
  }

  // ---- gossip ----

  private setupGossip(host: Host): void {
    const pubsub = host.services.pubsub
    const limits: Record<TopicName, number> = {
      blocks: this.options.maxBlockBytes,
      transactions: this.options.maxTxBytes,
      votes: this.options.maxVoteBytes,
    }
    for (const [name, topic] of Object.entries(this.topics) as [TopicName, string][]) {
      pubsub.subscribe(topic)
      pubsub.topicValidators.set(topic, async (peer, msg) => {
        this.metrics.gossipReceived.inc({ topic: name })
        try {
          if (msg.data.length > limits[name])
            throw new P2PError('OVERSIZED', `${name}: ${msg.data.length} bytes above ${limits[name]}`)
          await this.validate(name, peer, msg.data)
          return TopicValidatorResult.Accept
        } catch (e) {
          const err = e instanceof P2PError ? e : new P2PError('GARBAGE', (e as Error).message)
          this.peerError(peer, `gossip/${name}`, err)
          return err.action === 'reject' ? TopicValidatorResult.Reject : TopicValidatorResult.Ignore
        }
      })
    }
  }

  private async validate(name: TopicName, peer: PeerId, data: Uint8Array): Promise<void> {
    const { chain } = this.modules
    switch (name) {
      case 'transactions':
        return chain.addTransaction(data)
      case 'votes':
        // Unchecked data is never relayed: until the node checks votes (finality), it drops them.
        if (!chain.validateVote)
          throw new P2PError('INVALID_VOTE', 'votes are not checked by this node', 'ignore')
        return chain.validateVote(data)
      case 'blocks': {
        // Relayed once executed and verified, not once on disk: the write overlaps the relay.
        const out = await chain.importBlock(data, { deferWrite: true })
        if (out.kind === 'unknownParent') {
          void this.lookup(peer, data, out.parentHash, out.number)
          // Not relayed until we can check it; the sender is not at fault.
          throw new P2PError(
            'UNKNOWN_PARENT',
            `block ${out.number}: parent ${hex(out.parentHash)} unknown`,
            'ignore',
          )
        }
        if (out.kind === 'known') throw new P2PError('INVALID_BLOCK', 'already known', 'ignore')
        return
      }
    }
  }

  /** Unknown parent from gossip: fetch ancestors by hash from the sender, or range-sync when far behind. */
  private async lookup(
    peer: PeerId,
    block: Uint8Array,
    parentHash: Uint8Array,
    number: bigint,
  ): Promise<void> {
    const key = hex(parentHash)
    if (!this.reqresp || this.lookups.has(key)) return
    if (number > this.modules.chain.status().headNumber + 32n) {
      this.sync?.trigger()
      return
    }
    this.lookups.add(key)
    try {
      // Descendants waiting for their parent, oldest first.
      const waiting: Uint8Array[] = [block]
      let want = parentHash
      for (let i = 0; i < 32; i++) {
        const [raw] = await this.reqresp.blocksByHash(peer, [want])
        if (!raw) return
        const out = await this.modules.chain.importBlock(raw)
        if (out.kind !== 'unknownParent') {
          for (const w of waiting) await this.modules.chain.importBlock(w)
          return
        }
        waiting.unshift(raw)
        want = out.parentHash
      }
      this.sync?.trigger()
    } catch (e) {
      const err = e instanceof P2PError ? e : new P2PError('INVALID_BLOCK', (e as Error).message)
      this.peerError(peer, 'lookup', err)
    } finally {
      this.lookups.delete(key)
    }
  }

  async publish(name: TopicName, data: Uint8Array): Promise<void> {
    const pubsub = this.host?.services.pubsub
    if (!pubsub) return
    try {
      await pubsub.publish(this.topics[name], data)
      this.metrics.gossipPublished.inc({ topic: name })
    } catch (e) {
      // Duplicates (a relayed message we publish again) and no peers yet are not errors.
      this.logger.debug({ topic: name, err: (e as Error).message }, 'publish skipped')
    }
  }
}
