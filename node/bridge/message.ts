// mosaic_getMessage: one message's journey from both gateways' events (each step with its chain, block
// and transaction) and its outbox / inbox status on both sides now.
import type { Hex } from 'viem'
import type { Bridge, BridgeEvent } from './bridge.ts'
import { statusName } from './codec.ts'

/** Each event as a step of the message's life; the order is the protocol's. */
const STEPS: Record<string, { step: string; rank: number }> = {
  StakeDeclared: { step: 'declared', rank: 0 },
  RedeemDeclared: { step: 'declared', rank: 0 },
  StakeConfirmed: { step: 'confirmed', rank: 1 },
  RedeemConfirmed: { step: 'confirmed', rank: 1 },
  MintProgressed: { step: 'progressed', rank: 2 },
  UnstakeProgressed: { step: 'progressed', rank: 2 },
  StakeProgressed: { step: 'sourceProgressed', rank: 3 },
  RedeemProgressed: { step: 'sourceProgressed', rank: 3 },
  StakeRevocationDeclared: { step: 'revocationDeclared', rank: 4 },
  RedeemRevocationDeclared: { step: 'revocationDeclared', rank: 4 },
  StakeRevocationConfirmed: { step: 'revocationConfirmed', rank: 5 },
  RedeemRevocationConfirmed: { step: 'revocationConfirmed', rank: 5 },
  StakeReverted: { step: 'revoked', rank: 6 },
  RedeemReverted: { step: 'revoked', rank: 6 },
}

const hex = (n: bigint) => `0x${n.toString(16)}`

function jsonArgs(args: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {}
  for (const [k, v] of Object.entries(args)) {
    if (k === 'messageHash') continue
    out[k] = typeof v === 'bigint' ? hex(v) : typeof v === 'string' ? v.toLowerCase() : v
  }
  return out
}

/** The message's steps and status; null when neither gateway has an event naming it. */
export async function messageInfo(bridge: Bridge, messageHash: Hex): Promise<Record<string, unknown> | null> {
  const [originEvents, auxEvents, originStatus, auxStatus, trustedOrigin, trustedAux] = await Promise.all([
    bridge.events('origin', messageHash),
    bridge.events('aux', messageHash),
    bridge.status('origin', messageHash),
    bridge.status('aux', messageHash),
    bridge.trustedOriginBlock(),
    bridge.trustedAuxBlock(),
  ])
  const events: BridgeEvent[] = [...originEvents, ...auxEvents].filter((e) => STEPS[e.event])
  const declared = events.find((e) => e.event === 'StakeDeclared' || e.event === 'RedeemDeclared')
  if (!declared) return null
  const deposit = declared.event === 'StakeDeclared'
  events.sort((a, b) => STEPS[a.event]!.rank - STEPS[b.event]!.rank || Number(a.blockNumber - b.blockNumber))
  const a = declared.args
  return {
    messageHash,
    kind: deposit ? 'deposit' : 'withdraw',
    sender: String(deposit ? a['staker'] : a['redeemer']).toLowerCase(),
    ...jsonArgs({
      nonce: a['nonce'],
      valueToken: a['valueToken'],
      amount: a['amount'],
      beneficiary: a['beneficiary'],
      feeGasPrice: a['feeGasPrice'],
      feeGasLimit: a['feeGasLimit'],
      hashLock: a['hashLock'],
    }),
    steps: events.map((e) => ({
      step: STEPS[e.event]!.step,
      event: e.event,
      chain: e.chain,
      blockNumber: hex(e.blockNumber),
      transactionHash: e.transactionHash,
      ...(e.event.endsWith('Declared') && STEPS[e.event]!.rank === 0 ? {} : { args: jsonArgs(e.args) }),
    })),
    status: {
      origin: { outbox: statusName(originStatus.outbox), inbox: statusName(originStatus.inbox) },
      aux: { outbox: statusName(auxStatus.outbox), inbox: statusName(auxStatus.inbox) },
    },
    trusted: { originBlock: hex(trustedOrigin), auxBlock: hex(trustedAux) },
  }
}
