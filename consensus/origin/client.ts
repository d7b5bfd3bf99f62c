// JSON-RPC client of the origin chain (DESIGN.md section 7): reads kernels at origin blocks that are
// final there, and sends commits, slashing evidence and stake operations. Network failures are retried
// with bounded exponential backoff and then surface as OriginError UNREACHABLE, so callers (the
// committer) can keep the aux chain running and try again later. Reverts are never retried: they
// surface as OriginError REVERTED naming the contract's custom error.
import type { Logger } from 'pino'
import {
  type Abi,
  BaseError,
  createPublicClient,
  createWalletClient,
  encodeFunctionData,
  type Hex,
  http,
  keccak256,
  type PublicClient,
  type TransactionReceipt,
  toHex,
  WaitForTransactionReceiptTimeoutError,
  type WalletClient,
} from 'viem'
import { type PrivateKeyAccount, privateKeyToAccount } from 'viem/accounts'
import { coreAbi, type OriginVote, originErrorsAbi, stakeAbi, stakeTokenAbi } from './contracts.ts'
import { OriginError } from './errors.ts'
import { isNetworkError, revertOf } from './viemErrors.ts'

export interface OriginRetryOptions {
  /** Tries per request, the first included. */
  attempts: number
  baseDelayMs: number
  maxDelayMs: number
}

export interface OriginClientOptions {
  rpcUrl: string
  /** Core and Stake contract addresses. */
  core: string
  stake: string
  /**
   * Depth at which an origin block counts as final for reads of kernels. 0: the `finalized` tag when the
   * origin serves it (Ethereum's finality), else `latest` (a dev chain without finality).
   */
  confirmations?: number
  /** Private key that signs transactions; reads work without it. */
  key?: Uint8Array
  retry?: Partial<OriginRetryOptions>
  /** Timeout of one JSON-RPC request. */
  requestTimeoutMs?: number
  /** How often a sent transaction's receipt is polled. */
  pollingIntervalMs?: number
  /** How long a sent transaction may take to be mined. */
  receiptTimeoutMs?: number
}

export const defaultOriginClientOptions = {
  confirmations: 0,
  retry: { attempts: 5, baseDelayMs: 200, maxDelayMs: 5000 },
  requestTimeoutMs: 10_000,
  pollingIntervalMs: 500,
  receiptTimeoutMs: 120_000,
} satisfies Partial<OriginClientOptions>

export interface OriginValidator {
  /** Lowercase 0x address. */
  address: string
  stake: bigint
}

export interface OriginKernel {
  height: bigint
  /** Ascending by address. */
  validators: OriginValidator[]
  totalStake: bigint
  openedAtOriginBlock: bigint
}

export interface OriginCommit {
  /** 0 before the first commit. */
  kernelHeight: bigint
  auxBlockNumber: bigint
  auxBlockHash: Hex
  auxStateRoot: Hex
}

/** An origin block as an aux proposer observes it (DESIGN.md section 7). */
export interface OriginBlock {
  number: bigint
  hash: Hex
  stateRoot: Hex
}

/** A MetaBlockCommitted event with where it landed on the origin. */
export interface OriginCommitRecord extends OriginCommit {
  originBlock: bigint
  txHash: Hex
}

export interface SentTransaction {
  txHash: Hex
  receipt: TransactionReceipt
}

export type CommitResult =
  | ({ alreadyCommitted: false } & SentTransaction)
  | { alreadyCommitted: true /** The aux block Core has committed up to. */; lastCommitted: bigint }

export interface MetaBlockCommit {
  kernelHeight: bigint
  /** RLP of the source checkpoint's header: Core hashes it and reads its number and state root. */
  sourceHeaderRlp: Uint8Array | Hex
  targetHash: Hex
  targetNumber: bigint
  /** 65-byte signatures of the vote, ordered by ascending signer address, all of kernel members. */
  signatures: (Hex | Uint8Array)[]
}

type ReadAt = { blockNumber: bigint } | { blockTag: 'finalized' | 'latest' }

/** Gas estimates get this margin (percent): state can change between estimate and inclusion. */
const GAS_MARGIN_PERCENT = 20n

export class OriginClient {
  private readonly options: Omit<OriginClientOptions & typeof defaultOriginClientOptions, 'retry'>
  private readonly retryOptions: OriginRetryOptions
  private readonly logger: Logger
  private readonly public: PublicClient
  private readonly wallet: WalletClient | undefined
  private readonly account: PrivateKeyAccount | undefined
  private readonly core: Hex
  private readonly stake: Hex
  private finalizedTag: Promise<'finalized' | 'latest'> | undefined
  private token: Promise<Hex> | undefined
  /** Sends one transaction at a time, so nonces never collide. */
  private sending: Promise<unknown> = Promise.resolve()

  constructor(options: OriginClientOptions, modules: { logger: Logger }) {
    this.options = { ...defaultOriginClientOptions, ...options }
    this.retryOptions = { ...defaultOriginClientOptions.retry, ...options.retry }
    this.logger = modules.logger.child({ module: 'origin' })
    this.core = options.core.toLowerCase() as Hex
    this.stake = options.stake.toLowerCase() as Hex
    // Retries are ours (bounded, logged); viem's own would multiply them.
    const transport = http(options.rpcUrl, { retryCount: 0, timeout: this.options.requestTimeoutMs })
    this.public = createPublicClient({ transport, pollingInterval: this.options.pollingIntervalMs })
    if (options.key !== undefined) {
      this.account = privateKeyToAccount(toHex(options.key))
      this.wallet = createWalletClient({ account: this.account, transport })
    }
  }

  /** The address transactions are sent from, lowercase; undefined without a key. */
  get sender(): string | undefined {
    return this.account?.address.toLowerCase()
  }

  /** One request, no retry: whether the origin answers now. */
  async reachable(): Promise<boolean> {
    try {
      await this.public.getChainId()
      return true
    } catch {
      return false
    }
  }

  async chainId(): Promise<number> {
    return this.withRetry('eth_chainId', () => this.public.getChainId())
  }

  /** The latest kernel height at the final origin block. */
  async kernelHeight(): Promise<bigint> {
    const at = await this.finalBlock()
    return this.withRetry('kernelHeight', () =>
      this.public.readContract({ address: this.core, abi: coreAbi, functionName: 'kernelHeight', ...at }),
    )
  }

  /** Kernel `height` as of the final origin block; undefined when it is not open there (yet). */
  async kernel(height: bigint): Promise<OriginKernel | undefined> {
    const at = await this.finalBlock()
    const [addresses, stakes, openedAtOriginBlock] = await this.withRetry('kernel', () =>
      this.public.readContract({
        address: this.core,
        abi: coreAbi,
        functionName: 'kernel',
        args: [height],
        ...at,
      }),
    )
    if (addresses.length === 0) return undefined
    const validators = addresses.map((a, i) => ({ address: a.toLowerCase(), stake: stakes[i] ?? 0n }))
    const totalStake = validators.reduce((sum, v) => sum + v.stake, 0n)
    return { height, validators, totalStake, openedAtOriginBlock }
  }

  /** The last meta-block committed to Core, at the latest origin block (commits are idempotent). */
  async latestCommit(): Promise<OriginCommit> {
    const [kernelHeight, auxBlockNumber, auxBlockHash, auxStateRoot] = await this.withRetry(
      'latestCommit',
      () => this.public.readContract({ address: this.core, abi: coreAbi, functionName: 'latestCommit' }),
    )
    return { kernelHeight, auxBlockNumber, auxBlockHash, auxStateRoot }
  }

  /** The final origin block (see `confirmations`): what a proposer puts in its origin observation. */
  async finalOriginBlock(): Promise<OriginBlock> {
    const at = await this.finalBlock()
    const block = await this.withRetry('eth_getBlockByNumber', () => this.public.getBlock(at))
    return { number: block.number, hash: block.hash, stateRoot: block.stateRoot }
  }

  /** Origin block `number`, to check another node's observation; undefined when the origin has none. */
  async originBlock(number: bigint): Promise<OriginBlock | undefined> {
    try {
      const block = await this.withRetry('eth_getBlockByNumber', () =>
        this.public.getBlock({ blockNumber: number }),
      )
      return { number: block.number, hash: block.hash, stateRoot: block.stateRoot }
    } catch (e) {
      if (e instanceof OriginError && e.code === 'RPC_ERROR') return undefined // BlockNotFoundError
      throw e
    }
  }

  /** MetaBlockCommitted events in origin blocks [fromBlock, toBlock] (default: to the latest). */
  async commits(fromBlock: bigint, toBlock?: bigint): Promise<OriginCommitRecord[]> {
    const logs = await this.withRetry('eth_getLogs', () =>
      this.public.getContractEvents({
        address: this.core,
        abi: coreAbi,
        eventName: 'MetaBlockCommitted',
        fromBlock,
        ...(toBlock === undefined ? {} : { toBlock }),
        strict: true,
      }),
    )
    return logs.map((l) => ({ ...l.args, originBlock: l.blockNumber, txHash: l.transactionHash }))
  }

  /** Commits a finalised checkpoint; a source already committed (by anyone) is `alreadyCommitted`. */
  async commitMetaBlock(commit: MetaBlockCommit): Promise<CommitResult> {
    const args = [
      commit.kernelHeight,
      hex(commit.sourceHeaderRlp),
      commit.targetHash,
      commit.targetNumber,
      commit.signatures.map(hex),
    ] as const
    try {
      const sent = await this.send(this.core, coreAbi, 'commitMetaBlock', args)
      return { alreadyCommitted: false, ...sent }
    } catch (e) {
      if (e instanceof OriginError && e.revert?.errorName === 'AlreadyCommitted') {
        return { alreadyCommitted: true, lastCommitted: e.revert.args[0] as bigint }
      }
      throw e
    }
  }

  /** Submits evidence of an offence: two conflicting votes of one validator. */
  async slash(
    a: OriginVote,
    sigA: Hex | Uint8Array,
    b: OriginVote,
    sigB: Hex | Uint8Array,
  ): Promise<SentTransaction> {
    return this.send(this.stake, stakeAbi, 'slash', [a, hex(sigA), b, hex(sigB)])
  }

  /** Approves the Stake contract for `amount` stake tokens, then deposits them for `validator`. */
  async deposit(validator: string, amount: bigint): Promise<SentTransaction> {
    const token = await this.stakeToken()
    await this.send(token, stakeTokenAbi, 'approve', [this.stake, amount])
    return this.send(this.stake, stakeAbi, 'deposit', [validator as Hex, amount])
  }

  async logout(): Promise<SentTransaction> {
    return this.send(this.stake, stakeAbi, 'logout', [])
  }

  async withdraw(): Promise<SentTransaction> {
    return this.send(this.stake, stakeAbi, 'withdraw', [])
  }

  private stakeToken(): Promise<Hex> {
    this.token ??= this.withRetry('token', () =>
      this.public.readContract({ address: this.stake, abi: stakeAbi, functionName: 'token' }),
    ).then(
      (a) => a.toLowerCase() as Hex,
      (e: unknown) => {
        this.token = undefined // Ask again next time.
        throw e
      },
    )
    return this.token
  }

  /** Where reads that must not be reorganised away look. */
  private async finalBlock(): Promise<ReadAt> {
    const depth = BigInt(this.options.confirmations)
    if (depth > 0n) {
      const latest = await this.withRetry('eth_blockNumber', () =>
        this.public.getBlockNumber({ cacheTime: 0 }),
      )
      return { blockNumber: latest > depth ? latest - depth : 0n }
    }
    this.finalizedTag ??= this.withRetry('eth_getBlockByNumber(finalized)', () =>
      this.public.getBlock({ blockTag: 'finalized' }),
    ).then(
      () => 'finalized' as const,
      (e: unknown) => {
        if (e instanceof OriginError && e.code === 'UNREACHABLE') {
          this.finalizedTag = undefined // Ask again once the origin answers.
          throw e
        }
        this.logger.info('origin serves no finalized tag: reading at latest')
        return 'latest' as const
      },
    )
    return { blockTag: await this.finalizedTag }
  }

  /**
   * A call to any origin contract (the bridge's Gateway), in the same queue as commits so one key
   * never has two transactions racing for a nonce. `onSigned` sees the signed bytes before they are
   * broadcast: a caller that persists them can re-broadcast the same transaction after a restart.
   */
  sendCall(
    to: Hex,
    abi: Abi,
    functionName: string,
    args: readonly unknown[],
    onSigned?: (serializedTransaction: Hex, txHash: Hex) => void | Promise<void>,
  ): Promise<SentTransaction> {
    return this.send(to, abi, functionName, args, onSigned)
  }

  /**
   * Estimates (which reveals a revert with its reason), signs once, sends the same signed bytes until
   * the origin has them (a retry never makes a second transaction) and waits for the receipt. When
   * another sender with the same key (the validator's own CLI, say) took the nonce first, the signed
   * transaction can never be mined: it is prepared and signed again, which spends nothing twice.
   */
  private send(
    to: Hex,
    abi: Abi,
    functionName: string,
    args: readonly unknown[],
    onSigned?: (serializedTransaction: Hex, txHash: Hex) => void | Promise<void>,
  ): Promise<SentTransaction> {
    const run = async (): Promise<SentTransaction> => {
      const wallet = this.wallet
      const account = this.account
      if (wallet === undefined || account === undefined) {
        throw new OriginError('NO_KEY', `${functionName}: the origin client has no key to send with`)
      }
      const withErrors = [...abi, ...originErrorsAbi]
      const call = { address: to, abi: withErrors, functionName, args, account }
      const gas = await this.withRetry(functionName, () => this.public.estimateContractGas(call))
      const data = encodeFunctionData({ abi: withErrors, functionName, args })
      let txHash: Hex
      for (let attempt = 1; ; attempt++) {
        const request = await this.withRetry(functionName, () =>
          wallet.prepareTransactionRequest({
            account,
            chain: null,
            to,
            data,
            gas: gas + (gas * GAS_MARGIN_PERCENT) / 100n,
          }),
        )
        const serializedTransaction = await wallet.signTransaction({ ...request, chain: null })
        const hash = keccak256(serializedTransaction)
        await onSigned?.(serializedTransaction, hash)
        let nonceTaken = false
        await this.withRetry(functionName, async () => {
          try {
            await this.public.sendRawTransaction({ serializedTransaction })
          } catch (e) {
            // An earlier attempt may have arrived even though its answer did not.
            if (!isNetworkError(e) && (await this.knows(hash))) return
            if (attempt < NONCE_ATTEMPTS && isNonceTaken(e)) {
              nonceTaken = true
              return
            }
            throw e
          }
        })
        txHash = hash
        if (!nonceTaken) break
        this.logger.info(
          { functionName, nonce: request.nonce },
          'origin nonce taken by another sender: signing again',
        )
      }
      this.logger.debug({ functionName, txHash }, 'origin transaction sent')
      const receipt = await this.withRetry(functionName, () =>
        this.public.waitForTransactionReceipt({ hash: txHash, timeout: this.options.receiptTimeoutMs }),
      )
      if (receipt.status === 'reverted') {
        // Reverted on inclusion (state changed since the estimate): replay to name the reason.
        await this.withRetry(functionName, () => this.public.estimateContractGas(call))
        throw new OriginError('REVERTED', `${functionName} reverted in origin block ${receipt.blockNumber}`)
      }
      return { txHash, receipt }
    }
    const result = this.sending.then(run, run)
    this.sending = result.catch(() => undefined)
    return result
  }

  private async knows(hash: Hex): Promise<boolean> {
    try {
      await this.public.getTransaction({ hash })
      return true
    } catch {
      return false
    }
  }

  /** Runs `fn`, retrying network failures with exponential backoff; maps every failure to OriginError. */
  private async withRetry<T>(what: string, fn: () => Promise<T>): Promise<T> {
    const { attempts, baseDelayMs, maxDelayMs } = this.retryOptions
    for (let attempt = 1; ; attempt++) {
      try {
        return await fn()
      } catch (e) {
        if (!isNetworkError(e)) throw toOriginError(what, e)
        const message = e instanceof BaseError ? e.shortMessage : String(e)
        if (attempt >= attempts) {
          throw new OriginError(
            'UNREACHABLE',
            `${what}: origin ${this.options.rpcUrl} unreachable after ${attempts} attempts: ${message}`,
          )
        }
        const delayMs = Math.min(maxDelayMs, baseDelayMs * 2 ** (attempt - 1))
        // Debug only: the caller reports the UNREACHABLE that ends the retries.
        this.logger.debug({ what, attempt, delayMs, err: message }, 'origin unreachable, retrying')
        await new Promise((res) => setTimeout(res, delayMs))
      }
    }
  }
}

function hex(b: Hex | Uint8Array): Hex {
  return typeof b === 'string' ? b : toHex(b)
}

/** Tries at signing a transaction whose nonce another sender with the same key keeps taking. */
const NONCE_ATTEMPTS = 3

/** The origin refused a transaction because its nonce is already used (geth, Hardhat and anvil wordings). */
function isNonceTaken(e: unknown): boolean {
  if (!(e instanceof BaseError)) return false
  return /nonce too low|nonce has already been used/i.test(`${e.details} ${e.message}`)
}

/** One line naming the custom error, e.g. `commitMetaBlock reverted: NoSupermajority(2, 4)`. */
function toOriginError(what: string, e: unknown): OriginError {
  if (e instanceof OriginError) return e
  const revert = revertOf(e)
  if (revert) return new OriginError('REVERTED', `${what} reverted: ${revert.shown}`, revert.decoded)
  if (e instanceof BaseError) {
    if (e.walk((x) => x instanceof WaitForTransactionReceiptTimeoutError) !== null) {
      return new OriginError('TX_TIMEOUT', `${what}: ${e.shortMessage}`)
    }
    return new OriginError('RPC_ERROR', `${what}: ${e.shortMessage}`)
  }
  return new OriginError('RPC_ERROR', `${what}: ${e instanceof Error ? e.message : String(e)}`)
}
