// Composition root: builds every module in order, owns start and stop.
import { Address, bytesToHex, hexToBytes } from '@ethereumjs/util'
import type { Logger } from 'pino'
import { collectDefaultMetrics, Gauge, Registry } from 'prom-client'
import { privateKeyToAccount } from 'viem/accounts'
import { addressOfPrivateKey, type Finality } from '../consensus/index.ts'
import type { Genesis } from '../genesis/index.ts'
import { Network } from '../p2p/index.ts'
import { RpcServer } from '../rpc/index.ts'
import { type DevAccount, defaultBackendOptions, NodeBackend } from './backend.ts'
import { bridgeConnector, defaultFacilitatorOptions, Facilitator, TxSender } from './bridge/index.ts'
import { BlockBuilder, type SealKey } from './chain/builder.ts'
import { Chain } from './chain/chain.ts'
import { ChainError } from './chain/errors.ts'
import { defaultSenderRecoveryOptions, SenderRecovery } from './chain/senders.ts'
import { type PoolChainView, type PoolStateView, TxPool } from './chain/txpool.ts'
import { ConfigError, type NodeConfig } from './config.ts'
import { type Consensus, createConsensus } from './consensus.ts'
import { MosaicApi } from './mosaicApi.ts'
import { NetworkChainAdapter } from './networkChain.ts'
import { Producer } from './producer.ts'
import { CLIENT_VERSION } from './version.ts'

export interface NodeModules {
  logger: Logger
  /** For a new data directory (or to check against the stored genesis). */
  genesis?: Genesis
  /** Sealing key of the local validator; without it the node only follows. */
  validatorKey?: Uint8Array
  /** Unlocked accounts (dev mode). */
  devAccounts?: DevAccount[]
  /** Pays for commits and slashing reports on the origin chain (DESIGN.md §7). */
  originKey?: Uint8Array
  /** Pays for the bridge facilitator's aux transactions (`--facilitator`). */
  facilitatorKey?: Uint8Array
}

export class MosaicNode {
  readonly metrics = new Registry()
  rpcUrl: string | undefined
  network: Network | undefined
  facilitator: Facilitator | undefined
  private stopping: Promise<void> | undefined
  private facilitatorKey: Uint8Array | undefined

  private constructor(
    readonly config: NodeConfig,
    private readonly logger: Logger,
    readonly chain: Chain,
    readonly pool: TxPool,
    private readonly senders: SenderRecovery,
    private readonly producer: Producer | undefined,
    private rpc: RpcServer | undefined,
    readonly consensus: Consensus | undefined,
  ) {}

  get finality(): Finality | undefined {
    return this.consensus?.finality
  }

  static async create(config: NodeConfig, modules: NodeModules): Promise<MosaicNode> {
    const logger = modules.logger
    const chain = await Chain.open(
      { datadir: config.datadir },
      { logger, ...(modules.genesis ? { genesis: modules.genesis } : {}) },
    )
    const senders = new SenderRecovery(defaultSenderRecoveryOptions, { logger })
    try {
      const pool = new TxPool(config.txpool, {
        logger: logger.child({ module: 'txpool' }),
        ...poolViews(chain),
        recoverSender: (tx) => senders.recover(tx),
      })
      if (modules.validatorKey) MosaicNode.checkValidatorKey(chain, modules.validatorKey, logger)
      const consensus = createConsensus(config, chain, logger, {
        ...(modules.validatorKey ? { validator: modules.validatorKey } : {}),
        ...(modules.originKey ? { origin: modules.originKey } : {}),
      })
      const finality = consensus?.finality
      const origin = consensus?.origin
      const node = new MosaicNode(
        config,
        logger,
        chain,
        pool,
        senders,
        modules.validatorKey
          ? MosaicNode.producerFor(config, chain, pool, modules.validatorKey, logger, consensus)
          : undefined,
        undefined,
        consensus,
      )
      node.registerMetrics()
      if (config.facilitator.enabled) {
        if (!origin?.client.sender) {
          throw new ConfigError(
            '--facilitator: needs an origin chain and --origin.key for origin transactions',
          )
        }
        if (!config.rpc.enabled) throw new ConfigError('--facilitator: reads the aux chain through JSON-RPC')
        node.facilitatorKey = modules.facilitatorKey
        if (!node.facilitatorKey) throw new ConfigError('--facilitator: needs a key for aux transactions')
      }
      if (config.rpc.enabled) {
        const backend = new NodeBackend(
          {
            ...defaultBackendOptions,
            clientVersion: CLIENT_VERSION,
            gasCap: config.rpc.gasCap,
            timeoutMs: config.rpc.callTimeoutMs,
          },
          {
            chain,
            pool,
            devAccounts: modules.devAccounts ?? [],
            peerCount: () => node.network?.peerCount ?? 0,
            syncProgress: () => node.network?.syncProgress,
            ...(finality
              ? {
                  mosaic: new MosaicApi({ chain, finality, origin, rpcUrl: () => node.rpcUrl }),
                  finality: () => ({
                    safe: hexToBytes(finality.justified.hash),
                    finalized: hexToBytes(finality.finalized.hash),
                  }),
                }
              : {}),
          },
        )
        node.rpc = new RpcServer(config.rpc, {
          backend,
          // RpcServer binds { module: 'rpc' } itself.
          logger,
          metricsRegistry: node.metrics,
        })
      }
      // After the backend: both listen to the pool's pending transactions, the network last.
      if (config.p2p.enabled) node.network = node.createNetwork()
      return node
    } catch (e) {
      await senders.close()
      await chain.close()
      throw e
    }
  }

  /** A validator key must be one the genesis names (checked before anything is opened with it). */
  private static checkValidatorKey(chain: Chain, privateKey: Uint8Array, logger: Logger): void {
    if (chain.genesis.foreign) {
      throw new ChainError(
        'BAD_SEAL',
        'this chain was imported from another consensus (its genesis has no mosaic section): it is served read-only, without a validator key',
      )
    }
    const validators = chain.genesis.mosaic.validators.map((v) => v.address.toLowerCase())
    const me = bytesToHex(addressOfPrivateKey(privateKey))
    if (validators.includes(me)) return
    // With stake on an origin chain a validator joins by depositing: it starts with the kernel that names it.
    if (chain.genesis.mosaic.origin) {
      logger.info({ validator: me }, 'validator key not in the genesis set: waits for a kernel that names it')
      return
    }
    throw new ChainError(
      'BAD_SEAL',
      `validator key ${me} is not a validator of this chain (genesis lists ${validators.join(', ')})`,
    )
  }

  private static producerFor(
    config: NodeConfig,
    chain: Chain,
    pool: TxPool,
    privateKey: Uint8Array,
    logger: Logger,
    consensus: Consensus | undefined,
  ): Producer {
    const key: SealKey = { privateKey, address: addressOfPrivateKey(privateKey) }
    const blockTimeMs = config.blockTimeMs ?? chain.genesis.mosaic.blockTimeMs
    // Execution gets most of each slot; sealing, the database write (~50-100 ms, off this thread) and
    // the pool update take the rest, and JSON-RPC is served in between (taking a transaction in costs
    // ~0.1 ms, executing a transfer ~0.3 ms). Blocks never start before their slot, so a block that
    // overruns delays the next one rather than moving timestamps ahead of the clock.
    const builder = new BlockBuilder(
      { timeBudgetMs: Math.max(200, blockTimeMs * 0.92), vanity: new TextEncoder().encode(CLIENT_VERSION) },
      { chain, logger: logger.child({ module: 'builder' }) },
    )
    return new Producer(
      { blockTimeMs },
      {
        chain,
        pool,
        builder,
        key,
        logger: logger.child({ module: 'producer' }),
        ...(consensus?.producerHooks ?? {}),
      },
    )
  }

  /** The p2p network: blocks this validator seals and transactions its RPC takes in are gossiped. */
  private createNetwork(): Network {
    const { chain, pool, config } = this
    const adapter = new NetworkChainAdapter(
      chain,
      pool,
      this.logger.child({ module: 'sync' }),
      (tx) => this.senders.recover(tx),
      this.finality,
    )
    const network = new Network(
      {
        port: config.p2p.port,
        addr: config.p2p.addr,
        maxPeers: config.p2p.maxPeers,
        bootnodes: [...new Set([...config.p2p.bootnodes, ...chain.genesis.mosaic.bootnodes])],
      },
      { chain: adapter, logger: this.logger, metrics: this.metrics, datadir: config.datadir },
    )
    // Transactions of blocks a reorg took off the chain go back to the pool (those of the new branch
    // are dropped by the pool's nonce check).
    chain.onReorg(({ added, removed }) => {
      if (removed.length === 0) return
      const kept = new Set(added.flatMap((b) => b.transactions.map((tx) => bytesToHex(tx.hash()))))
      // The pool reads the new head's nonces first: against the old head it would take these
      // transactions for mined ones and drop them, leaving a nonce gap on every node.
      void pool.onNewHead().then(() => {
        for (const b of removed)
          for (const tx of b.transactions) if (!kept.has(bytesToHex(tx.hash()))) pool.add(tx).catch(() => {})
      })
    })
    const previous = pool.onPending
    pool.onPending = (tx) => {
      previous?.(tx)
      if (!adapter.cameFromGossip(tx)) void network.publish('transactions', tx.serialize())
    }
    if (this.finality) this.finality.publish = (raw) => void network.publish('votes', raw)
    if (this.producer) {
      this.producer.onBlock = (block) => void network.publish('blocks', block.serialize())
      this.producer.canPropose = () => !network.syncing
    }
    return network
  }

  /** The bridge facilitator: origin transactions share the committer's queue, aux ones go to our RPC. */
  private createFacilitator(): Facilitator | undefined {
    const origin = this.consensus?.origin
    const key = this.facilitatorKey
    if (!origin || !key || !this.rpcUrl) return undefined
    const bridge = bridgeConnector({
      originUrl: origin.rpcUrl,
      auxUrl: () => this.rpcUrl,
      core: origin.core as `0x${string}`,
    })
    let aux: TxSender | undefined
    const auxSender = async () => {
      aux ??= new TxSender((await bridge()).aux, privateKeyToAccount(bytesToHex(key)), { chain: 'aux' })
      return aux
    }
    return new Facilitator(
      { ...defaultFacilitatorOptions, datadir: this.config.datadir },
      {
        bridge,
        sendOrigin: (call, onSigned) =>
          origin.client.sendCall(call.address, call.abi, call.functionName, call.args, onSigned),
        sendAux: async (call, onSigned) => (await auxSender()).send(call, onSigned),
        logger: this.logger.child({ module: 'facilitator' }),
        metrics: this.metrics,
      },
    )
  }

  private registerMetrics(): void {
    collectDefaultMetrics({ register: this.metrics, prefix: 'mosaic_process_' })
    const chain = this.chain
    new Gauge({
      name: 'mosaic_chain_head_number',
      help: 'Number of the head block',
      registers: [this.metrics],
      collect() {
        this.set(Number(chain.head.header.number))
      },
    })
    const pool = this.pool
    new Gauge({
      name: 'mosaic_txpool_transactions',
      help: 'Transactions in the pool by state',
      labelNames: ['state'],
      registers: [this.metrics],
      collect() {
        const s = pool.status()
        this.set({ state: 'pending' }, s.pending)
        this.set({ state: 'queued' }, s.queued)
      },
    })
  }

  async start(): Promise<void> {
    try {
      if (this.rpc) {
        const { url } = await this.rpc.listen()
        this.rpcUrl = url
      }
      await this.network?.start()
      this.consensus?.start()
      this.producer?.start()
      this.facilitator = this.createFacilitator()
      this.facilitator?.start()
    } catch (e) {
      // Nothing half-started keeps the process alive after the error is reported.
      await this.stop()
      throw e
    }
    if (!this.producer && this.chain.genesis.foreign) {
      const head = this.chain.head
      this.logger.info(
        { number: Number(head.header.number), hash: bytesToHex(head.hash()) },
        'serving an imported chain read-only: head, safe and finalized are its last block',
      )
    }
  }

  stop(): Promise<void> {
    this.stopping ??= (async () => {
      this.logger.info('shutting down')
      await this.facilitator?.stop()
      await this.producer?.stop()
      this.consensus?.stop()
      await this.network?.stop().catch((e: unknown) => this.logger.warn({ err: e }, 'p2p stop failed'))
      await this.rpc?.close().catch((e: unknown) => this.logger.warn({ err: e }, 'rpc close failed'))
      await this.senders.close()
      await this.chain.close()
      this.logger.info('stopped')
    })()
    return this.stopping
  }
}

/** The pool's read-only views of the chain: state and limits at the current head. */
export function poolViews(chain: Chain): { state: PoolStateView; chain: PoolChainView } {
  return {
    state: {
      getAccount: async (address) => {
        const acct = await chain.stateAt(chain.head.header.stateRoot).getAccount(new Address(address))
        return { nonce: acct?.nonce ?? 0n, balance: acct?.balance ?? 0n }
      },
    },
    chain: {
      chainId: chain.chainId,
      blockGasLimit: () => chain.head.header.gasLimit,
      nextBaseFee: () => chain.head.header.calcNextBaseFee(),
    },
  }
}
