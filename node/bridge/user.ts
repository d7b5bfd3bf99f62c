// What a user does with the bridge (issue 6 part 5): deposit (approve + Gateway.stake), withdraw
// (CoGateway.redeem), unlock a hash-locked message, revoke one the other side never confirmed, and
// wait for each to arrive. Every refused step stops with one line naming why (see explain()).
import { type Hex, keccak256 } from 'viem'
import { coGatewayAbi, erc20Abi, gatewayAbi } from './abi.ts'
import type { Bridge, ChainName } from './bridge.ts'
import {
  feeOf,
  inboxSlot,
  type MessageFields,
  outboxSlot,
  redeemMessageHash,
  Status,
  stakeMessageHash,
  statusName,
  ZERO_HASH,
} from './codec.ts'
import { BridgeError, type Sent, type TxSender } from './sender.ts'

export interface UserContext {
  bridge: Bridge
  /** The user's key on each chain (the same key). */
  origin: TxSender
  aux: TxSender
  /** Progress lines. */
  report: (line: string) => void
  pollMs?: number
  /** Give up waiting after this long (default: never). */
  timeoutMs?: number
}

export interface TransferRequest {
  amount: bigint
  /** Default: the base token. */
  valueToken?: Hex
  /** Default: the sender. */
  beneficiary?: Hex
  feeGasPrice?: bigint
  feeGasLimit?: bigint
  hashLock?: Hex
}

export interface Declared {
  messageHash: Hex
  fields: MessageFields
  sent: Sent
}

function fieldsOf(ctx: UserContext, r: TransferRequest, sender: TxSender, nonce: bigint): MessageFields {
  return {
    sender: sender.address.toLowerCase() as Hex,
    nonce,
    valueToken: (r.valueToken ?? ctx.bridge.addresses.baseToken).toLowerCase() as Hex,
    amount: r.amount,
    beneficiary: (r.beneficiary ?? sender.address).toLowerCase() as Hex,
    feeGasPrice: r.feeGasPrice ?? 0n,
    feeGasLimit: r.feeGasLimit ?? 0n,
    hashLock: r.hashLock ?? ZERO_HASH,
  }
}

function checkFee(m: MessageFields): void {
  if (m.amount === 0n) throw new BridgeError('amount: must be more than 0')
  if (feeOf(m) > m.amount) {
    throw new BridgeError(`fee ${feeOf(m)} (gas price x gas limit) exceeds the amount ${m.amount}`)
  }
}

/** Approves the Gateway when needed, then stakes on the origin with the sender's next nonce. */
export async function deposit(ctx: UserContext, r: TransferRequest): Promise<Declared> {
  const { bridge, origin } = ctx
  const gateway = bridge.addresses.gateway
  const nonce = await bridge.origin.readContract({
    address: gateway,
    abi: gatewayAbi,
    functionName: 'nonces',
    args: [origin.address],
  })
  const m = fieldsOf(ctx, r, origin, nonce)
  checkFee(m)
  const [balance, allowance] = await Promise.all([
    bridge.origin.readContract({
      address: m.valueToken,
      abi: erc20Abi,
      functionName: 'balanceOf',
      args: [origin.address],
    }),
    bridge.origin.readContract({
      address: m.valueToken,
      abi: erc20Abi,
      functionName: 'allowance',
      args: [origin.address, gateway],
    }),
  ])
  if (balance < m.amount) {
    throw new BridgeError(
      `insufficient balance: ${origin.address} holds ${balance} of ${m.valueToken}, needs ${m.amount}`,
    )
  }
  if (allowance < m.amount) {
    const a = await origin.send({
      address: m.valueToken,
      abi: erc20Abi,
      functionName: 'approve',
      args: [gateway, m.amount],
    })
    ctx.report(`approved the Gateway for ${m.amount} (origin block ${a.receipt.blockNumber}, tx ${a.txHash})`)
  }
  const sent = await origin.send({
    address: gateway,
    abi: gatewayAbi,
    functionName: 'stake',
    args: [m.valueToken, m.amount, m.beneficiary, m.feeGasPrice, m.feeGasLimit, m.nonce, m.hashLock],
  })
  const messageHash = stakeMessageHash(m, gateway)
  ctx.report(
    `deposit declared: message ${messageHash} (nonce ${nonce}, origin block ${sent.receipt.blockNumber}, tx ${sent.txHash})`,
  )
  return { messageHash, fields: m, sent }
}

/** Redeems on aux with the sender's next nonce: the native coin for the base token, else burns utility tokens. */
export async function withdraw(ctx: UserContext, r: TransferRequest): Promise<Declared> {
  const { bridge, aux } = ctx
  const coGateway = bridge.addresses.coGateway
  const nonce = await bridge.aux.readContract({
    address: coGateway,
    abi: coGatewayAbi,
    functionName: 'nonces',
    args: [aux.address],
  })
  const m = fieldsOf(ctx, r, aux, nonce)
  checkFee(m)
  const native = m.valueToken === bridge.addresses.baseToken
  if (native) {
    const balance = await bridge.aux.getBalance({ address: aux.address })
    if (balance < m.amount)
      throw new BridgeError(
        `insufficient balance: ${aux.address} holds ${balance} wei on aux, needs ${m.amount} plus gas`,
      )
  } else {
    const utility = await bridge.aux.readContract({
      address: coGateway,
      abi: coGatewayAbi,
      functionName: 'utilityTokenOf',
      args: [m.valueToken],
    })
    const balance =
      BigInt(utility) === 0n
        ? 0n
        : await bridge.aux.readContract({
            address: utility,
            abi: erc20Abi,
            functionName: 'balanceOf',
            args: [aux.address],
          })
    if (balance < m.amount) {
      throw new BridgeError(
        `insufficient balance: ${aux.address} holds ${balance} of the utility token of ${m.valueToken}, needs ${m.amount}`,
      )
    }
  }
  const sent = await aux.send({
    address: coGateway,
    abi: coGatewayAbi,
    functionName: 'redeem',
    args: [m.valueToken, m.amount, m.beneficiary, m.feeGasPrice, m.feeGasLimit, m.nonce, m.hashLock],
    ...(native ? { value: m.amount } : {}),
  })
  const messageHash = redeemMessageHash(m, coGateway)
  ctx.report(
    `withdrawal declared: message ${messageHash} (nonce ${nonce}, aux block ${sent.receipt.blockNumber}, tx ${sent.txHash})`,
  )
  return { messageHash, fields: m, sent }
}

/** Progresses a hash-locked message on its destination with the secret (anyone who knows it may). */
export async function unlock(
  ctx: UserContext,
  messageHash: Hex,
  kind: 'deposit' | 'withdraw',
  secret: Hex,
): Promise<Sent> {
  const sent =
    kind === 'deposit'
      ? await ctx.aux.send({
          address: ctx.bridge.addresses.coGateway,
          abi: coGatewayAbi,
          functionName: 'progressMint',
          args: [messageHash, secret],
        })
      : await ctx.origin.send({
          address: ctx.bridge.addresses.gateway,
          abi: gatewayAbi,
          functionName: 'progressUnstake',
          args: [messageHash, secret],
        })
  ctx.report(`unlocked ${messageHash} (block ${sent.receipt.blockNumber}, tx ${sent.txHash})`)
  return sent
}

const sleep = (ms: number) => new Promise((res) => setTimeout(res, ms))

/** Polls `check` until it returns a value; reports `waiting()` whenever that line changes. */
async function until<T>(
  ctx: UserContext,
  check: () => Promise<T | undefined>,
  waiting: () => Promise<string>,
): Promise<T> {
  const started = Date.now()
  let last = ''
  for (;;) {
    const v = await check()
    if (v !== undefined) return v
    const line = await waiting()
    if (line !== last) ctx.report(line)
    last = line
    if (ctx.timeoutMs !== undefined && Date.now() - started > ctx.timeoutMs) {
      throw new BridgeError(`gave up waiting after ${ctx.timeoutMs} ms: ${line}`)
    }
    await sleep(ctx.pollMs ?? 1000)
  }
}

/**
 * Waits until the message has arrived: progressed on its destination (spendable there); with
 * `closed`, also progressed on its source (the facilitator's last step).
 */
export async function waitArrived(
  ctx: UserContext,
  d: { messageHash: Hex; kind: 'deposit' | 'withdraw'; declaredBlock: bigint },
  o: { closed?: boolean } = {},
): Promise<void> {
  const { bridge } = ctx
  const deposit = d.kind === 'deposit'
  const destination: ChainName = deposit ? 'aux' : 'origin'
  const source: ChainName = deposit ? 'origin' : 'aux'
  const trusted = () => (deposit ? bridge.trustedOriginBlock() : bridge.trustedAuxBlock())
  const what = deposit ? 'the aux chain to finalise an origin root' : 'Core to commit an aux block'
  await until(
    ctx,
    async () => {
      const s = await bridge.status(destination, d.messageHash)
      if (s.inbox === Status.Revoked) throw new BridgeError(`message ${d.messageHash} was revoked`)
      return s.inbox === Status.Progressed ? true : undefined
    },
    async () => {
      const t = await trusted()
      if (t < d.declaredBlock) return `waiting for ${what} at or after block ${d.declaredBlock} (now ${t})`
      const s = await bridge.status(destination, d.messageHash)
      return s.inbox === Status.Declared
        ? `confirmed on ${destination}; waiting for the unlock secret`
        : `a trusted root covers it (block ${t}); waiting for a facilitator to confirm on ${destination}`
    },
  )
  ctx.report(deposit ? `minted on aux: ${d.messageHash}` : `released on origin: ${d.messageHash}`)
  if (!o.closed) return
  await until(
    ctx,
    async () =>
      (await bridge.status(source, d.messageHash)).outbox === Status.Progressed ? true : undefined,
    async () => `waiting for the ${source} side to be progressed`,
  )
  ctx.report(`progressed on ${source}: ${d.messageHash}`)
}

/**
 * Revokes a message the other side never confirmed and returns the funds: revert on its source,
 * confirm the revocation on the destination against a trusted root, then complete it on the source
 * against a root of the destination. Resumable: each step reads the status first.
 */
export async function revoke(
  ctx: UserContext,
  messageHash: Hex,
  kind: 'deposit' | 'withdraw',
): Promise<void> {
  const { bridge } = ctx
  const deposit = kind === 'deposit'
  const source: ChainName = deposit ? 'origin' : 'aux'
  const destination: ChainName = deposit ? 'aux' : 'origin'
  const sourceSender = deposit ? ctx.origin : ctx.aux
  const destinationSender = deposit ? ctx.aux : ctx.origin
  const sourceAddress = deposit ? bridge.addresses.gateway : bridge.addresses.coGateway
  const destinationAddress = deposit ? bridge.addresses.coGateway : bridge.addresses.gateway
  const sourceAbi = deposit ? gatewayAbi : coGatewayAbi
  const destinationAbi = deposit ? coGatewayAbi : gatewayAbi
  const sourceTrusted = () => (deposit ? bridge.trustedOriginBlock() : bridge.trustedAuxBlock())
  const destinationTrusted = () => (deposit ? bridge.trustedAuxBlock() : bridge.trustedOriginBlock())
  const headOf = (chain: ChainName) =>
    (chain === 'origin' ? bridge.origin : bridge.aux).getBlockNumber({ cacheTime: 0 })

  let outbox = (await bridge.status(source, messageHash)).outbox
  if (outbox === Status.Revoked) {
    ctx.report(`already revoked: ${messageHash}`)
    return
  }
  if (outbox === Status.Undeclared || outbox === Status.Progressed) {
    throw new BridgeError(`cannot revoke ${messageHash}: its ${source} outbox is ${statusName(outbox)}`)
  }
  let revokedAt: bigint
  if (outbox === Status.Declared) {
    const sent = await sourceSender.send({
      address: sourceAddress,
      abi: sourceAbi,
      functionName: deposit ? 'revertStake' : 'revertRedeem',
      args: [messageHash],
    })
    revokedAt = sent.receipt.blockNumber
    ctx.report(`revocation declared on ${source} (block ${revokedAt}, tx ${sent.txHash})`)
    outbox = Status.RevocationDeclared
  } else {
    revokedAt = await headOf(source) // Declared earlier: any root from now on covers it.
  }
  let confirmedAt: bigint | undefined
  const inbox = (await bridge.status(destination, messageHash)).inbox
  if (inbox === Status.Undeclared) {
    const root = await until(
      ctx,
      async () => {
        const t = await sourceTrusted()
        if (t < revokedAt) return undefined
        const p = await bridge.prove(source, outboxSlot(messageHash), t)
        return p.value === BigInt(Status.RevocationDeclared) ? p : undefined
      },
      async () =>
        `waiting for a trusted ${source} root at or after block ${revokedAt} (now ${await sourceTrusted()})`,
    )
    const sent = await destinationSender.send({
      address: destinationAddress,
      abi: destinationAbi,
      functionName: deposit ? 'confirmRevertStakeIntent' : 'confirmRevertRedeemIntent',
      args: [messageHash, root.blockNumber, root.accountProof, root.storageProof],
    })
    confirmedAt = sent.receipt.blockNumber
    ctx.report(`revocation confirmed on ${destination} (block ${confirmedAt}, tx ${sent.txHash})`)
  } else if (inbox !== Status.Revoked) {
    throw new BridgeError(`cannot revoke ${messageHash}: ${destination} already ${statusName(inbox)} it`)
  }
  confirmedAt ??= await headOf(destination)
  const root = await until(
    ctx,
    async () => {
      const t = await destinationTrusted()
      if (t < confirmedAt) return undefined
      const p = await bridge.prove(destination, inboxSlot(messageHash), t)
      return p.value === BigInt(Status.Revoked) ? p : undefined
    },
    async () =>
      `waiting for a trusted ${destination} root at or after block ${confirmedAt} (now ${await destinationTrusted()})`,
  )
  const sent = await sourceSender.send({
    address: sourceAddress,
    abi: sourceAbi,
    functionName: deposit ? 'progressRevertStake' : 'progressRevertRedeem',
    args: [messageHash, root.blockNumber, root.accountProof, root.storageProof],
  })
  ctx.report(`revoked on ${source}, funds returned (block ${sent.receipt.blockNumber}, tx ${sent.txHash})`)
}

/** A fresh unlock secret and its hash lock. */
export function newSecret(): { secret: Hex; hashLock: Hex } {
  const bytes = crypto.getRandomValues(new Uint8Array(32))
  const secret = `0x${Buffer.from(bytes).toString('hex')}` as Hex
  return { secret, hashLock: keccak256(secret) }
}
