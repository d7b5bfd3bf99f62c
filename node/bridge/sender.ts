// Sends bridge transactions on one chain with one key: estimates first (a refused step reverts there
// and is named by its custom error), signs once, broadcasts the same bytes until the chain has them and
// waits for the receipt. A retry never signs a second transaction; a caller that persists the signed
// bytes (`onSigned`) can re-broadcast them after a restart with `rebroadcast`.
import {
  type Abi,
  BaseError,
  createWalletClient,
  custom,
  encodeFunctionData,
  type Hex,
  keccak256,
  type PublicClient,
  type TransactionReceipt,
  type Transport,
  type WalletClient,
} from 'viem'
import type { PrivateKeyAccount } from 'viem/accounts'
import { isNetworkError, revertOf } from '../../consensus/index.ts'
import { bridgeErrorsAbi } from './abi.ts'

export class BridgeError extends Error {
  override readonly name = 'BridgeError'
  constructor(
    message: string,
    /** The decoded custom error of a refused step. */
    readonly revert?: { errorName: string; args: readonly unknown[] },
  ) {
    super(message)
  }
}

export interface ContractCall {
  address: Hex
  abi: Abi
  functionName: string
  args: readonly unknown[]
  value?: bigint
}

export type OnSigned = (serializedTransaction: Hex, txHash: Hex) => void | Promise<void>

export interface Sent {
  txHash: Hex
  receipt: TransactionReceipt
}

/** Gas estimates get this margin (percent): state can change between estimate and inclusion. */
const GAS_MARGIN_PERCENT = 20n

type EstimateRequest = Parameters<PublicClient['estimateContractGas']>[0]

export class TxSender {
  private queue: Promise<unknown> = Promise.resolve()
  private readonly wallet: WalletClient<Transport, undefined, PrivateKeyAccount>

  constructor(
    readonly client: PublicClient,
    readonly account: PrivateKeyAccount,
    private readonly options: { chain: string; receiptTimeoutMs?: number; attempts?: number } = {
      chain: 'chain',
    },
  ) {
    this.wallet = createWalletClient({ account, transport: custom(client) })
  }

  get address(): Hex {
    return this.account.address
  }

  /** One transaction at a time per key, so nonces never collide. */
  send(call: ContractCall, onSigned?: OnSigned): Promise<Sent> {
    const run = () => this.sendNow(call, onSigned)
    const result = this.queue.then(run, run)
    this.queue = result.catch(() => undefined)
    return result
  }

  private async sendNow(call: ContractCall, onSigned?: OnSigned): Promise<Sent> {
    const { client, account } = this
    const abi = [...call.abi, ...bridgeErrorsAbi]
    const what = `${call.functionName} on ${this.options.chain}`
    const request = {
      address: call.address,
      abi,
      functionName: call.functionName,
      args: call.args,
      account,
      ...(call.value ? { value: call.value } : {}),
    }
    const gas = await this.retry(what, () => client.estimateContractGas(request as EstimateRequest))
    const data = encodeFunctionData({ abi, functionName: call.functionName, args: call.args })
    const prepared = await this.retry(what, () =>
      client.prepareTransactionRequest({
        account,
        chain: null,
        to: call.address,
        data,
        gas: gas + (gas * GAS_MARGIN_PERCENT) / 100n,
        ...(call.value ? { value: call.value } : {}),
      }),
    )
    const serializedTransaction = await this.wallet.signTransaction({ ...prepared, chain: null })
    const txHash = keccak256(serializedTransaction)
    await onSigned?.(serializedTransaction, txHash)
    const receipt = await this.rebroadcast(serializedTransaction, what)
    if (receipt.status === 'reverted') {
      // Reverted on inclusion (state changed since the estimate): replay it to name the reason.
      await this.retry(what, () => client.estimateContractGas(request as EstimateRequest))
      throw new BridgeError(`${what} reverted in block ${receipt.blockNumber} (tx ${txHash})`)
    }
    return { txHash, receipt }
  }

  /** Sends signed bytes (again) and waits for their receipt: safe to repeat, the hash is the same. */
  rebroadcast(serializedTransaction: Hex, what = `transaction on ${this.options.chain}`) {
    return rebroadcast(this.client, serializedTransaction, {
      what,
      receiptTimeoutMs: this.options.receiptTimeoutMs ?? 120_000,
      retry: (fn) => this.retry(what, fn),
    })
  }

  private async retry<T>(what: string, fn: () => Promise<T>): Promise<T> {
    const attempts = this.options.attempts ?? 5
    for (let attempt = 1; ; attempt++) {
      try {
        return await fn()
      } catch (e) {
        if (!isNetworkError(e) || attempt >= attempts) throw toBridgeError(what, e)
        await new Promise((res) => setTimeout(res, Math.min(5000, 200 * 2 ** (attempt - 1))))
      }
    }
  }
}

/**
 * Sends signed bytes and waits for the receipt. A node that answers with an error but knows the
 * transaction got it from an earlier attempt; one that does not know it refused it (BridgeError).
 */
export async function rebroadcast(
  client: PublicClient,
  serializedTransaction: Hex,
  o: { what: string; receiptTimeoutMs: number; retry?: <T>(fn: () => Promise<T>) => Promise<T> },
): Promise<TransactionReceipt> {
  const retry =
    o.retry ??
    (<T>(fn: () => Promise<T>) => fn().catch((e: unknown) => Promise.reject(toBridgeError(o.what, e))))
  const txHash = keccak256(serializedTransaction)
  const known = () =>
    client.getTransaction({ hash: txHash }).then(
      () => true,
      () => false,
    )
  await retry(async () => {
    try {
      await client.sendRawTransaction({ serializedTransaction })
    } catch (e) {
      if (!isNetworkError(e) && (await known())) return
      throw e
    }
  })
  return retry(() => client.waitForTransactionReceipt({ hash: txHash, timeout: o.receiptTimeoutMs }))
}

const STATUS = ['undeclared', 'declared', 'progressed', 'revocation declared', 'revoked']

/** What a refused step means for the user, by the contracts' custom error. */
function explain(name: string, args: readonly unknown[]): string | undefined {
  const [a, b] = args
  switch (name) {
    case 'UnknownStateRoot':
      return `no trusted state root for block ${a} yet`
    case 'WrongNonce':
      return `wrong nonce: expected ${a}, got ${b}`
    case 'WrongStatus':
      return `the message is already ${STATUS[Number(b)] ?? b} there`
    case 'ProofMismatch':
      return `the proof shows status ${STATUS[Number(a)] ?? a}, this step needs ${STATUS[Number(b)] ?? b}`
    case 'RootMismatch':
    case 'BadProofNode':
    case 'MissingProofNode':
    case 'UnusedProofNode':
      return 'the proof does not match the trusted state root'
    case 'InsufficientAllowance':
    case 'ERC20InsufficientAllowance':
      return 'insufficient allowance for the gateway'
    case 'InsufficientBalance':
    case 'ERC20InsufficientBalance':
      return 'insufficient token balance'
    case 'FeeExceedsAmount':
      return `fee ${a} exceeds the amount ${b}`
    case 'NotSender':
      return "only the message's sender may do this"
    case 'WrongValue':
      return 'the value sent must equal the amount for the base token, and be 0 for other tokens'
    case 'InvalidUnlockSecret':
      return 'the secret does not match the hash lock'
    default:
      return undefined
  }
}

/** One line naming the custom error, e.g. `stake on origin refused: WrongNonce(3, 2)`. */
export function toBridgeError(what: string, e: unknown): BridgeError {
  if (e instanceof BridgeError) return e
  const revert = revertOf(e)
  if (revert) {
    const why = revert.decoded && explain(revert.decoded.errorName, revert.decoded.args)
    return new BridgeError(`${what} refused: ${revert.shown}${why ? `: ${why}` : ''}`, revert.decoded)
  }
  if (e instanceof BaseError) return new BridgeError(`${what}: ${e.shortMessage}`)
  return new BridgeError(`${what}: ${e instanceof Error ? e.message : String(e)}`)
}
