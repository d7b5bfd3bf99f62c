// The message bus's hashes and storage keys (GATEWAY-SPEC.md), computed off-chain exactly as the
// contracts do, so the facilitator and the CLI can name a message and prove its slot before any
// contract tells them.
import { encodeAbiParameters, type Hex, keccak256, toBytes } from 'viem'

/** Outbox / inbox status of a message, as the contracts' `Status` enum numbers it. */
export const Status = {
  Undeclared: 0,
  Declared: 1,
  Progressed: 2,
  RevocationDeclared: 3,
  Revoked: 4,
} as const
export type Status = (typeof Status)[keyof typeof Status]

const STATUS_NAMES = ['undeclared', 'declared', 'progressed', 'revocationDeclared', 'revoked'] as const
export type StatusName = (typeof STATUS_NAMES)[number]

export function statusName(s: number): StatusName | `unknown(${number})` {
  return STATUS_NAMES[s] ?? `unknown(${s})`
}

const typehash = (s: string): Hex => keccak256(toBytes(s))

export const MESSAGE_TYPEHASH = typehash(
  'Message(bytes32 intentHash,uint256 nonce,uint256 feeGasPrice,uint256 feeGasLimit,address sender,bytes32 hashLock)',
)
export const STAKE_INTENT_TYPEHASH = typehash(
  'StakeIntent(address valueToken,uint256 amount,address beneficiary,address gateway)',
)
export const REDEEM_INTENT_TYPEHASH = typehash(
  'RedeemIntent(address valueToken,uint256 amount,address beneficiary,address cogateway)',
)

export const ZERO_HASH: Hex = `0x${'00'.repeat(32)}`

/** What a sender declares: the fields both sides hash into the message. */
export interface MessageFields {
  /** The staker (deposit) or the redeemer (withdraw). */
  sender: Hex
  nonce: bigint
  valueToken: Hex
  amount: bigint
  beneficiary: Hex
  feeGasPrice: bigint
  feeGasLimit: bigint
  hashLock: Hex
}

export function stakeIntentHash(valueToken: Hex, amount: bigint, beneficiary: Hex, gateway: Hex): Hex {
  return keccak256(
    encodeAbiParameters(
      [
        { type: 'bytes32' },
        { type: 'address' },
        { type: 'uint256' },
        { type: 'address' },
        { type: 'address' },
      ],
      [STAKE_INTENT_TYPEHASH, valueToken, amount, beneficiary, gateway],
    ),
  )
}

export function redeemIntentHash(valueToken: Hex, amount: bigint, beneficiary: Hex, coGateway: Hex): Hex {
  return keccak256(
    encodeAbiParameters(
      [
        { type: 'bytes32' },
        { type: 'address' },
        { type: 'uint256' },
        { type: 'address' },
        { type: 'address' },
      ],
      [REDEEM_INTENT_TYPEHASH, valueToken, amount, beneficiary, coGateway],
    ),
  )
}

export function messageHashOf(
  intentHash: Hex,
  m: Omit<MessageFields, 'valueToken' | 'amount' | 'beneficiary'>,
): Hex {
  return keccak256(
    encodeAbiParameters(
      [
        { type: 'bytes32' },
        { type: 'bytes32' },
        { type: 'uint256' },
        { type: 'uint256' },
        { type: 'uint256' },
        { type: 'address' },
        { type: 'bytes32' },
      ],
      [MESSAGE_TYPEHASH, intentHash, m.nonce, m.feeGasPrice, m.feeGasLimit, m.sender, m.hashLock],
    ),
  )
}

/** A deposit's message hash; `gateway` is the origin Gateway that declares it. */
export function stakeMessageHash(m: MessageFields, gateway: Hex): Hex {
  return messageHashOf(stakeIntentHash(m.valueToken, m.amount, m.beneficiary, gateway), m)
}

/** A withdrawal's message hash; `coGateway` is the aux CoGateway that declares it. */
export function redeemMessageHash(m: MessageFields, coGateway: Hex): Hex {
  return messageHashOf(redeemIntentHash(m.valueToken, m.amount, m.beneficiary, coGateway), m)
}

function mappingSlot(key: Hex, slot: bigint): Hex {
  return keccak256(encodeAbiParameters([{ type: 'bytes32' }, { type: 'uint256' }], [key, slot]))
}

/** Storage key of `outbox[messageHash]` (slot 0 of both gateways). */
export const outboxSlot = (messageHash: Hex): Hex => mappingSlot(messageHash, 0n)
/** Storage key of `inbox[messageHash]` (slot 1 of both gateways). */
export const inboxSlot = (messageHash: Hex): Hex => mappingSlot(messageHash, 1n)

/** What the destination side pays whoever progresses the message there. */
export const feeOf = (m: Pick<MessageFields, 'feeGasPrice' | 'feeGasLimit'>): bigint =>
  m.feeGasPrice * m.feeGasLimit

/** The hash lock of an unlock secret: keccak256(abi.encodePacked(bytes32 secret)). */
export const hashLockOf = (unlockSecret: Hex): Hex => keccak256(unlockSecret)
