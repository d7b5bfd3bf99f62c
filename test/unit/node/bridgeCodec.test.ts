// The bridge codec against the spec's formulas computed a second way (ethers' ABI coder and keccak),
// so a slip in either encoder shows.
import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { AbiCoder, keccak256 as ethersKeccak, toUtf8Bytes } from 'ethers'
import {
  feeOf,
  hashLockOf,
  inboxSlot,
  MESSAGE_TYPEHASH,
  type MessageFields,
  outboxSlot,
  REDEEM_INTENT_TYPEHASH,
  redeemIntentHash,
  redeemMessageHash,
  STAKE_INTENT_TYPEHASH,
  stakeIntentHash,
  stakeMessageHash,
  statusName,
} from '../../../node/bridge/codec.ts'

const coder = AbiCoder.defaultAbiCoder()
const k = (types: string[], values: unknown[]) => ethersKeccak(coder.encode(types, values))

const msg: MessageFields = {
  sender: '0xf39fd6e51aad88f6f4ce6ab8827279cfffb92266',
  nonce: 7n,
  valueToken: '0x5fbdb2315678afecb367f032d93f642f64180aa3',
  amount: 100n * 10n ** 18n,
  beneficiary: '0x70997970c51812dc3a010c7d01b50e0d17dc79c8',
  feeGasPrice: 10n ** 9n,
  feeGasLimit: 200_000n,
  hashLock: `0x${'00'.repeat(32)}`,
}
const gateway = '0xe7f1725e7734ce288f8367e1bb143e90bb3f0512'
const coGateway = '0x0000000000000000000000000000000000001001'

describe('bridge codec (GATEWAY-SPEC.md formulas)', () => {
  it('type hashes are keccak256 of the type strings', () => {
    assert.equal(
      MESSAGE_TYPEHASH,
      ethersKeccak(
        toUtf8Bytes(
          'Message(bytes32 intentHash,uint256 nonce,uint256 feeGasPrice,uint256 feeGasLimit,address sender,bytes32 hashLock)',
        ),
      ),
    )
    assert.equal(
      STAKE_INTENT_TYPEHASH,
      ethersKeccak(
        toUtf8Bytes('StakeIntent(address valueToken,uint256 amount,address beneficiary,address gateway)'),
      ),
    )
    assert.equal(
      REDEEM_INTENT_TYPEHASH,
      ethersKeccak(
        toUtf8Bytes('RedeemIntent(address valueToken,uint256 amount,address beneficiary,address cogateway)'),
      ),
    )
  })

  it('stake and redeem message hashes', () => {
    const stakeIntent = k(
      ['bytes32', 'address', 'uint256', 'address', 'address'],
      [STAKE_INTENT_TYPEHASH, msg.valueToken, msg.amount, msg.beneficiary, gateway],
    )
    assert.equal(stakeIntentHash(msg.valueToken, msg.amount, msg.beneficiary, gateway), stakeIntent)
    const messageTypes = ['bytes32', 'bytes32', 'uint256', 'uint256', 'uint256', 'address', 'bytes32']
    const expected = k(messageTypes, [
      MESSAGE_TYPEHASH,
      stakeIntent,
      msg.nonce,
      msg.feeGasPrice,
      msg.feeGasLimit,
      msg.sender,
      msg.hashLock,
    ])
    assert.equal(stakeMessageHash(msg, gateway), expected)

    const redeemIntent = k(
      ['bytes32', 'address', 'uint256', 'address', 'address'],
      [REDEEM_INTENT_TYPEHASH, msg.valueToken, msg.amount, msg.beneficiary, coGateway],
    )
    assert.equal(redeemIntentHash(msg.valueToken, msg.amount, msg.beneficiary, coGateway), redeemIntent)
    assert.equal(
      redeemMessageHash(msg, coGateway),
      k(messageTypes, [
        MESSAGE_TYPEHASH,
        redeemIntent,
        msg.nonce,
        msg.feeGasPrice,
        msg.feeGasLimit,
        msg.sender,
        msg.hashLock,
      ]),
    )
    // Every field is in the hash.
    assert.notEqual(stakeMessageHash({ ...msg, nonce: 8n }, gateway), expected)
    assert.notEqual(stakeMessageHash({ ...msg, feeGasLimit: 1n }, gateway), expected)
    assert.notEqual(stakeMessageHash(msg, coGateway), expected)
  })

  it('outbox and inbox slot keys are mapping slots 0 and 1', () => {
    const h = stakeMessageHash(msg, gateway)
    assert.equal(outboxSlot(h), k(['bytes32', 'uint256'], [h, 0]))
    assert.equal(inboxSlot(h), k(['bytes32', 'uint256'], [h, 1]))
    // A well-known value: keccak256(abi.encode(bytes32(0), uint256(0))).
    assert.equal(
      outboxSlot(`0x${'00'.repeat(32)}`),
      '0xad3228b676f7d3cd4284a5443f17f1962b36e491b30a40b2405849e597ba5fb5',
    )
  })

  it('fee, hash lock and status names', () => {
    assert.equal(feeOf(msg), 2n * 10n ** 14n)
    const secret = `0x${'ab'.repeat(32)}` as const
    assert.equal(hashLockOf(secret), ethersKeccak(secret))
    assert.equal(statusName(0), 'undeclared')
    assert.equal(statusName(2), 'progressed')
    assert.equal(statusName(4), 'revoked')
    assert.equal(statusName(9), 'unknown(9)')
  })
})
