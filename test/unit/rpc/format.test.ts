import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { createAccessList2930Tx, createEOACode7702Tx, createLegacyTx } from '@ethereumjs/tx'
import { bytesToHex, eoaCode7702SignAuthorization, hexToBytes } from '@ethereumjs/util'
import { formatReceipt, formatTransaction, quantityHex } from '../../../rpc/format.ts'
import type { ReceiptView } from '../../../rpc/index.ts'
import {
  block1,
  common,
  contract,
  GWEI,
  genesis,
  recipient,
  sender,
  senderKey,
  txPending,
} from './fixture.ts'

const KEY: `0x${string}` = `0x${'cd'.repeat(32)}`

describe('format', () => {
  it('writes minimal hex quantities', () => {
    assert.equal(quantityHex(0n), '0x0')
    assert.equal(quantityHex(255), '0xff')
    assert.equal(quantityHex(2n ** 64n), '0x10000000000000000')
  })

  it('leaves chainId out of pre-EIP-155 legacy transactions', () => {
    const signed = createLegacyTx(
      { nonce: 0n, gasPrice: GWEI, gasLimit: 21_000n, to: recipient },
      { common },
    ).sign(senderKey)
    const unprotected = createLegacyTx(
      { nonce: 0n, gasPrice: GWEI, gasLimit: 21_000n, to: recipient, v: 27n, r: signed.r, s: signed.s },
      { common },
    )
    const out = formatTransaction(unprotected)
    assert.equal(out.v, '0x1b')
    assert.equal(out.chainId, undefined)
    assert.equal(out.gasPrice, quantityHex(GWEI))
    assert.equal(out.type, '0x0')
    assert.equal(formatTransaction(signed).chainId, '0x5eb')
  })

  it('formats access-list transactions with their own gas price', () => {
    const tx = createAccessList2930Tx(
      {
        chainId: 1515n,
        nonce: 4n,
        gasPrice: 3n * GWEI,
        gasLimit: 30_000n,
        to: contract,
        accessList: [{ address: bytesToHex(contract), storageKeys: [KEY] }],
      },
      { common },
    ).sign(senderKey)
    const out = formatTransaction(tx, {
      blockHash: block1.hash(),
      blockNumber: 1n,
      index: 3,
      baseFeePerGas: GWEI,
    })
    assert.equal(out.type, '0x1')
    assert.equal(out.gasPrice, quantityHex(3n * GWEI))
    assert.equal(out.maxFeePerGas, undefined)
    assert.deepEqual(out.accessList, [{ address: bytesToHex(contract), storageKeys: [KEY] }])
    assert.equal(out.transactionIndex, '0x3')
    assert.equal(out.yParity, out.v)
    assert.equal(out.from, sender.toString())
  })

  it('caps a mined 1559 gas price at maxFeePerGas and uses maxFeePerGas when pending', () => {
    // maxFee 7 gwei, tip 1 gwei: under base fee 6.5 gwei the effective price is the fee cap.
    const mined = formatTransaction(txPending, {
      blockHash: genesis.hash(),
      blockNumber: 0n,
      index: 0,
      baseFeePerGas: 6_500_000_000n,
    })
    assert.equal(mined.gasPrice, quantityHex(7n * GWEI))
    const cheap = formatTransaction(txPending, {
      blockHash: genesis.hash(),
      blockNumber: 0n,
      index: 0,
      baseFeePerGas: 1n,
    })
    assert.equal(cheap.gasPrice, quantityHex(GWEI + 1n))
    const pending = formatTransaction(txPending)
    assert.equal(pending.gasPrice, quantityHex(7n * GWEI))
    assert.equal(pending.blockHash, null)
  })

  it('formats EIP-7702 authorization lists', () => {
    const auth = eoaCode7702SignAuthorization(
      { chainId: '0x5eb', address: bytesToHex(contract), nonce: '0x7' },
      hexToBytes(KEY),
    )
    const tx = createEOACode7702Tx(
      {
        chainId: 1515n,
        nonce: 0n,
        maxFeePerGas: 2n * GWEI,
        maxPriorityFeePerGas: GWEI,
        gasLimit: 100_000n,
        to: recipient,
        authorizationList: [auth],
      },
      { common },
    ).sign(senderKey)
    const out = formatTransaction(tx)
    assert.equal(out.type, '0x4')
    assert.equal(out.authorizationList?.length, 1)
    const a = out.authorizationList![0]!
    assert.equal(a.chainId, '0x5eb')
    assert.equal(a.address, bytesToHex(contract))
    assert.equal(a.nonce, '0x7')
    assert.match(a.yParity, /^0x[01]$/)
    assert.match(a.r, /^0x[1-9a-f][0-9a-f]*$/)
  })

  it('formats a contract-creation receipt', () => {
    const view: ReceiptView = {
      transactionHash: txPending.hash(),
      transactionIndex: 0,
      blockHash: block1.hash(),
      blockNumber: 1n,
      from: sender.bytes,
      to: null,
      contractAddress: contract,
      cumulativeGasUsed: 100n,
      gasUsed: 100n,
      effectiveGasPrice: GWEI,
      status: 0,
      logsBloom: new Uint8Array(256),
      logs: [],
      type: 2,
    }
    const out = formatReceipt(view)
    assert.equal(out.to, null)
    assert.equal(out.contractAddress, bytesToHex(contract))
    assert.equal(out.status, '0x0')
    assert.equal(out.type, '0x2')
    assert.deepEqual(out.logs, [])
    assert.equal(out.logsBloom.length, 2 + 512)
    assert.equal(out.blobGasUsed, undefined)
  })
})
