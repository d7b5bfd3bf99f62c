import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { createFeeMarket1559Tx, createLegacyTx, createTxFromRLP } from '@ethereumjs/tx'
import { bytesToHex, hexToBytes } from '@ethereumjs/util'
import { pino } from 'pino'
import { createChainCommon } from '../../../../node/chain/common.ts'
import { SenderRecovery } from '../../../../node/chain/senders.ts'

const common = createChainCommon({ chainId: 1515n, hardfork: 'prague' })
const key = hexToBytes('0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80')
const logger = pino({ level: 'silent' })

// A fresh copy without cached sender, as it arrives from the network.
function received<T extends { serialize(): Uint8Array }>(tx: T) {
  return createTxFromRLP(tx.serialize(), { common })
}

describe('SenderRecovery', () => {
  it('caches the same sender as ethereumjs for typed and legacy (EIP-155) transactions', async () => {
    const recovery = new SenderRecovery({ workers: 1, maxBatch: 2, minBatch: 1 }, { logger })
    try {
      const signed = [
        createFeeMarket1559Tx({ chainId: 1515n, nonce: 1n, gasLimit: 21000n, maxFeePerGas: 9n }, { common }),
        createLegacyTx({ nonce: 2n, gasLimit: 21000n, gasPrice: 9n }, { common }),
        createLegacyTx({ nonce: 3n, gasLimit: 21000n, gasPrice: 9n }, { common }),
      ].map((t) => t.sign(key))
      const txs = signed.map(received)
      await Promise.all(txs.map((t) => recovery.recover(t)))
      for (const [i, tx] of txs.entries()) {
        assert.ok(tx.cache.senderPubKey, `tx ${i} recovered on the worker`)
        assert.equal(tx.getSenderAddress().toString(), signed[i]!.getSenderAddress().toString())
      }
    } finally {
      await recovery.close()
    }
  })

  it('leaves fewer signatures than minBatch to the caller, and recovers as many on the worker', async () => {
    const recovery = new SenderRecovery({ workers: 1, maxBatch: 16, minBatch: 2 }, { logger })
    try {
      const one = received(
        createFeeMarket1559Tx(
          { chainId: 1515n, nonce: 1n, gasLimit: 21000n, maxFeePerGas: 9n },
          { common },
        ).sign(key),
      )
      await recovery.recover(one)
      assert.equal(one.cache.senderPubKey, undefined)
      const two = [2n, 3n].map((nonce) =>
        received(
          createFeeMarket1559Tx(
            { chainId: 1515n, nonce, gasLimit: 21000n, maxFeePerGas: 9n },
            { common },
          ).sign(key),
        ),
      )
      await Promise.all(two.map((t) => recovery.recover(t)))
      for (const tx of two) assert.ok(tx.cache.senderPubKey)
    } finally {
      await recovery.close()
    }
  })

  it('leaves an unrecoverable signature to the caller, which then fails as before', async () => {
    const recovery = new SenderRecovery({ workers: 1, maxBatch: 16, minBatch: 1 }, { logger })
    try {
      // r = 0 recovers nothing.
      const fields = { chainId: 1515n, gasLimit: 21000n, maxFeePerGas: 9n }
      const bad = createFeeMarket1559Tx({ ...fields, v: 0n, r: 0n, s: 1n }, { common })
      await recovery.recover(bad)
      assert.equal(bad.cache.senderPubKey, undefined)
      assert.throws(() => bad.getSenderAddress())
    } finally {
      await recovery.close()
    }
  })

  it('without workers, or after close, resolves at once and leaves recovery to the caller', async () => {
    const tx = received(createLegacyTx({ gasLimit: 21000n, gasPrice: 9n }, { common }).sign(key))
    const none = new SenderRecovery({ workers: 0, maxBatch: 16 }, { logger })
    await none.recover(tx)
    assert.equal(tx.cache.senderPubKey, undefined)
    const closed = new SenderRecovery({ workers: 1, maxBatch: 16, minBatch: 1 }, { logger })
    await closed.close()
    await closed.recover(tx)
    assert.equal(tx.cache.senderPubKey, undefined)
    assert.equal(bytesToHex(tx.getSenderAddress().bytes).length, 42)
  })
})
