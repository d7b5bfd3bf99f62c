// The facilitator (issue 6 part 4): carries every declared message across once a root the other side
// trusts covers it. Deposits: Gateway.stake on the origin -> CoGateway.confirmStakeIntent on aux
// against the newest origin root in OriginRoots (mints when there is no hash lock) -> Gateway.progressStake
// against the newest aux root in Core. Withdrawals mirror it. Idempotent across restarts: each step reads
// the status it would change before sending; the scan cursors, the pending messages and the signed bytes
// of a transaction in flight are written to the datadir before they are broadcast, so a restarted
// facilitator re-broadcasts the same transaction instead of signing a second one.
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Logger } from 'pino'
import { Counter, Gauge, type Registry } from 'prom-client'
import { type Hex, type PublicClient, type TransactionReceipt, TransactionReceiptNotFoundError } from 'viem'
import { AtomicFile, isNetworkError } from '../../consensus/index.ts'
import { coGatewayAbi, gatewayAbi } from './abi.ts'
import type { Bridge, ChainName, DeclaredMessage } from './bridge.ts'
import { inboxSlot, outboxSlot, Status } from './codec.ts'
import type { ContractCall, OnSigned, Sent } from './sender.ts'

export interface FacilitatorOptions {
  datadir: string
  pollMs: number
  /** Longest wait between retries of a failing step. */
  maxBackoffMs: number
  receiptTimeoutMs: number
}

export const defaultFacilitatorOptions: Omit<FacilitatorOptions, 'datadir'> = {
  pollMs: 1000,
  maxBackoffMs: 30_000,
  receiptTimeoutMs: 60_000,
}

type Step = 'confirm' | 'close'

interface InFlight {
  step: Step
  chain: ChainName
  raw: Hex
  hash: Hex
}

interface Pending extends DeclaredMessage {
  step: Step
  tx?: InFlight
}

interface State {
  /** Next block to scan on each chain. */
  originCursor: bigint
  auxCursor: bigint
  pending: Map<Hex, Pending>
}

export interface FacilitatorModules {
  /** Connects lazily: the chains may not answer yet when the node starts. */
  bridge: () => Promise<Bridge>
  /** Sends on the origin (the node's origin client: one queue with commits). */
  sendOrigin: (call: ContractCall, onSigned: OnSigned) => Promise<Sent>
  sendAux: (call: ContractCall, onSigned: OnSigned) => Promise<Sent>
  logger: Logger
  metrics?: Registry
}

const FILE = 'facilitator.json'

export class Facilitator {
  private state: State
  private readonly file: AtomicFile
  private timer: NodeJS.Timeout | undefined
  private running: Promise<void> | undefined
  private stopped = false
  private readonly retryAt = new Map<Hex, { at: number; failures: number }>()
  private readonly sent: Counter<'chain' | 'step'> | undefined
  private readonly done: Counter<'kind'> | undefined

  constructor(
    private readonly options: FacilitatorOptions,
    private readonly modules: FacilitatorModules,
  ) {
    this.file = new AtomicFile(join(options.datadir, FILE))
    this.state = this.load()
    const registers = modules.metrics ? [modules.metrics] : []
    if (modules.metrics) {
      this.sent = new Counter({
        name: 'mosaic_facilitator_transactions_total',
        help: 'Bridge transactions the facilitator sent, by chain and step',
        labelNames: ['chain', 'step'],
        registers,
      })
      this.done = new Counter({
        name: 'mosaic_facilitator_messages_done_total',
        help: 'Messages the facilitator saw through to the end, by kind',
        labelNames: ['kind'],
        registers,
      })
      const pending = this.state.pending
      new Gauge({
        name: 'mosaic_facilitator_pending_messages',
        help: 'Declared messages not yet closed on their source side',
        registers,
        collect() {
          this.set(pending.size)
        },
      })
    }
  }

  start(): void {
    this.schedule(0)
  }

  async stop(): Promise<void> {
    this.stopped = true
    if (this.timer) clearTimeout(this.timer)
    // A step waiting for a receipt is not waited for long: its signed bytes are on disk and the next
    // run re-broadcasts them.
    await Promise.race([this.running, new Promise((res) => setTimeout(res, 2000).unref())])
  }

  /** Pending messages (hash, kind, step), for status and tests. */
  pending(): { messageHash: Hex; kind: string; step: Step }[] {
    return [...this.state.pending.values()].map((p) => ({
      messageHash: p.messageHash,
      kind: p.kind,
      step: p.step,
    }))
  }

  private schedule(ms: number): void {
    if (this.stopped) return
    this.timer = setTimeout(() => {
      this.running = this.tick().finally(() => this.schedule(this.options.pollMs))
    }, ms)
  }

  private async tick(): Promise<void> {
    const log = this.modules.logger
    let bridge: Bridge
    try {
      bridge = await this.modules.bridge()
      await this.scan(bridge)
    } catch (e) {
      log.warn({ err: oneLine(e) }, 'facilitator scan failed; retrying')
      return
    }
    for (const m of [...this.state.pending.values()]) {
      if (this.stopped) return
      const retry = this.retryAt.get(m.messageHash)
      if (retry && retry.at > Date.now()) continue
      try {
        await this.advance(bridge, m)
        this.retryAt.delete(m.messageHash)
      } catch (e) {
        const failures = (retry?.failures ?? 0) + 1
        const delayMs = Math.min(this.options.maxBackoffMs, this.options.pollMs * 2 ** (failures - 1))
        this.retryAt.set(m.messageHash, { at: Date.now() + delayMs, failures })
        log.warn(
          {
            messageHash: m.messageHash,
            kind: m.kind,
            step: m.step,
            failures,
            retryMs: delayMs,
            err: oneLine(e),
          },
          'bridge step failed; retrying',
        )
      }
    }
  }

  /**
   * New StakeDeclared / RedeemDeclared events join the pending set; the cursors move past them. Each
   * chain is scanned only up to the block the other side trusts (OriginRoots' latest origin block,
   * Core's latest aux block): a message is confirmable from then on and not before, and a declaration
   * a reorg drops never enters the set (it would wait forever for a proof).
   */
  private async scan(bridge: Bridge): Promise<void> {
    // A first run starts at the Gateway's deployment rather than the origin's genesis.
    if (this.state.originCursor === 0n) this.state.originCursor = await bridge.gatewayDeployBlock()
    const [originUpTo, auxUpTo] = await Promise.all([bridge.trustedOriginBlock(), bridge.trustedAuxBlock()])
    const found: DeclaredMessage[] = []
    let moved = false
    if (originUpTo >= this.state.originCursor) {
      found.push(...(await bridge.declared('origin', this.state.originCursor, originUpTo)))
      this.state.originCursor = originUpTo + 1n
      moved = true
    }
    if (auxUpTo >= this.state.auxCursor) {
      found.push(...(await bridge.declared('aux', this.state.auxCursor, auxUpTo)))
      this.state.auxCursor = auxUpTo + 1n
      moved = true
    }
    for (const m of found) {
      if (this.state.pending.has(m.messageHash)) continue
      this.state.pending.set(m.messageHash, { ...m, step: 'confirm' })
      this.modules.logger.info(
        { messageHash: m.messageHash, kind: m.kind, amount: String(m.amount), block: Number(m.blockNumber) },
        'message declared',
      )
    }
    if (moved) await this.save()
  }

  /** One step of one message: settle a transaction in flight, else read the status and send what is due. */
  private async advance(bridge: Bridge, m: Pending): Promise<void> {
    if (m.tx) await this.settle(bridge, m, m.tx)
    const deposit = m.kind === 'deposit'
    // Deposits are declared on the origin and received on aux; withdrawals the other way round.
    const source: ChainName = deposit ? 'origin' : 'aux'
    const destination: ChainName = deposit ? 'aux' : 'origin'
    const h = m.messageHash
    if (m.step === 'confirm') {
      const { inbox } = await bridge.status(destination, h)
      if (inbox === Status.Undeclared) {
        const trusted = deposit ? await bridge.trustedOriginBlock() : await bridge.trustedAuxBlock()
        if (trusted < m.blockNumber) return // No root covers the declaration yet.
        const proof = await bridge.prove(source, outboxSlot(h), trusted)
        if (proof.value === BigInt(Status.RevocationDeclared) || proof.value === BigInt(Status.Revoked)) {
          return this.finish(m, 'revoked by its sender before confirmation')
        }
        if (proof.value !== BigInt(Status.Declared)) return // The trusted root does not hold it yet.
        const call: ContractCall = deposit
          ? {
              address: bridge.addresses.coGateway,
              abi: coGatewayAbi,
              functionName: 'confirmStakeIntent',
              args: [...this.confirmArgs(m), trusted, proof.accountProof, proof.storageProof],
            }
          : {
              address: bridge.addresses.gateway,
              abi: gatewayAbi,
              functionName: 'confirmRedeemIntent',
              args: [...this.confirmArgs(m), trusted, proof.accountProof, proof.storageProof],
            }
        await this.send(m, 'confirm', destination, call)
        return
      }
      if (inbox === Status.Revoked) return this.finish(m, 'revoked')
      // Declared (a hash lock waits for its secret) or progressed: the source side is next.
      m.step = 'close'
      await this.save()
    }
    const { outbox } = await bridge.status(source, h)
    if (outbox !== Status.Declared) {
      return this.finish(
        m,
        outbox === Status.Progressed ? 'progressed on both sides' : 'revocation by its sender',
      )
    }
    const trusted = deposit ? await bridge.trustedAuxBlock() : await bridge.trustedOriginBlock()
    if (trusted === 0n) return
    const proof = await bridge.prove(destination, inboxSlot(h), trusted)
    if (proof.value !== BigInt(Status.Progressed)) return // Not progressed there, or not under a trusted root yet.
    const call: ContractCall = deposit
      ? {
          address: bridge.addresses.gateway,
          abi: gatewayAbi,
          functionName: 'progressStake',
          args: [h, trusted, proof.accountProof, proof.storageProof],
        }
      : {
          address: bridge.addresses.coGateway,
          abi: coGatewayAbi,
          functionName: 'progressRedeem',
          args: [h, trusted, proof.accountProof, proof.storageProof],
        }
    await this.send(m, 'close', source, call)
  }

  private confirmArgs(m: Pending): readonly unknown[] {
    return [
      m.sender,
      m.nonce,
      m.valueToken,
      m.amount,
      m.beneficiary,
      m.feeGasPrice,
      m.feeGasLimit,
      m.hashLock,
    ]
  }

  /** Signs, records the signed bytes with the message, then broadcasts and waits. */
  private async send(m: Pending, step: Step, chain: ChainName, call: ContractCall): Promise<void> {
    const send = chain === 'origin' ? this.modules.sendOrigin : this.modules.sendAux
    let sent: Sent
    try {
      // On disk before the bytes are broadcast: a restart re-broadcasts them, never signs again.
      sent = await send(call, (raw, hash) => {
        m.tx = { step, chain, raw, hash }
        return this.save()
      })
    } catch (e) {
      // Refused before signing: nothing to keep. Signed but not known to be mined (no answer, no
      // receipt yet): kept, and the next tick re-broadcasts those bytes rather than signing again.
      if (m.tx?.step === step && (await this.minedOrRefused(m.tx))) await this.clearTx(m)
      throw e
    }
    await this.clearTx(m)
    this.sent?.inc({ chain, step })
    this.modules.logger.info(
      {
        messageHash: m.messageHash,
        kind: m.kind,
        step: call.functionName,
        chain,
        block: Number(sent.receipt.blockNumber),
        tx: sent.txHash,
        gasUsed: Number(sent.receipt.gasUsed),
      },
      'bridge step done',
    )
  }

  /** Whether a signed transaction has a receipt (reverted ones included), i.e. may be forgotten. */
  private async minedOrRefused(tx: InFlight): Promise<boolean> {
    const bridge = await this.modules.bridge()
    const client = tx.chain === 'origin' ? bridge.origin : bridge.aux
    return (await receiptOf(client, tx.hash).catch(() => undefined)) !== undefined
  }

  private clearTx(m: Pending): Promise<void> {
    delete m.tx
    return this.save()
  }

  /**
   * A transaction signed earlier (this run or the last): re-broadcast the same bytes and wait for the
   * receipt. It is forgotten only once mined, or once the chain refuses the bytes and does not know the
   * transaction (its nonce went to another one): then the status read decides what is next. No answer
   * or no receipt yet keeps it for the next tick.
   */
  private async settle(bridge: Bridge, m: Pending, tx: InFlight): Promise<void> {
    const client: PublicClient = tx.chain === 'origin' ? bridge.origin : bridge.aux
    const log = { messageHash: m.messageHash, step: tx.step, chain: tx.chain, tx: tx.hash }
    let receipt = await receiptOf(client, tx.hash)
    if (!receipt) {
      try {
        await client.sendRawTransaction({ serializedTransaction: tx.raw })
      } catch (e) {
        if (isNetworkError(e)) throw e
        const known = await client.getTransaction({ hash: tx.hash }).then(
          () => true,
          () => false,
        )
        if (!known && !(await receiptOf(client, tx.hash))) {
          this.modules.logger.info(
            { ...log, err: oneLine(e) },
            'signed transaction refused; reading the status again',
          )
          await this.clearTx(m)
          return
        }
      }
      receipt = await client.waitForTransactionReceipt({
        hash: tx.hash,
        timeout: this.options.receiptTimeoutMs,
      })
    }
    this.modules.logger.info({ ...log, status: receipt.status }, 'signed transaction mined')
    await this.clearTx(m)
  }

  private async finish(m: Pending, why: string): Promise<void> {
    this.state.pending.delete(m.messageHash)
    this.retryAt.delete(m.messageHash)
    this.done?.inc({ kind: m.kind })
    await this.save()
    this.modules.logger.info({ messageHash: m.messageHash, kind: m.kind, why }, 'message done')
  }

  private load(): State {
    const empty: State = { originCursor: 0n, auxCursor: 0n, pending: new Map() }
    if (!existsSync(this.file.path)) return empty
    const json = JSON.parse(readFileSync(this.file.path, 'utf8'), (_k, v: unknown) =>
      typeof v === 'string' && /^\d+n$/.test(v) ? BigInt(v.slice(0, -1)) : v,
    ) as { originCursor: bigint; auxCursor: bigint; pending: Pending[] }
    return {
      originCursor: json.originCursor,
      auxCursor: json.auxCursor,
      pending: new Map(json.pending.map((p) => [p.messageHash, p])),
    }
  }

  /**
   * Off the event loop (an fsync a second stalled gossip and RPC for its length), in call order so the
   * file ends with the latest state.
   */
  private save(): Promise<void> {
    const json = JSON.stringify(
      {
        originCursor: this.state.originCursor,
        auxCursor: this.state.auxCursor,
        pending: [...this.state.pending.values()],
      },
      (_k, v: unknown) => (typeof v === 'bigint' ? `${v}n` : v),
      1,
    )
    return this.file.write(json)
  }
}

/** The receipt of `hash`; undefined while the chain has none. */
async function receiptOf(client: PublicClient, hash: Hex): Promise<TransactionReceipt | undefined> {
  try {
    return await client.getTransactionReceipt({ hash })
  } catch (e) {
    if (e instanceof TransactionReceiptNotFoundError) return undefined
    throw e
  }
}

function oneLine(e: unknown): string {
  return String(e instanceof Error ? e.message : e).split('\n')[0] ?? ''
}
