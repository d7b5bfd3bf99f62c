import assert from 'node:assert/strict'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { after, before, describe, it } from 'node:test'
import { type Block, createBlock } from '@ethereumjs/block'
import { createFeeMarket1559Tx, type TypedTransaction } from '@ethereumjs/tx'
import { Address, bytesToHex, hexToBytes } from '@ethereumjs/util'
import { pino } from 'pino'
import { addressOfPrivateKey, recoverSealer } from '../../../../consensus/rules/seal.ts'
import { devAccounts, devGenesisJson, devValidatorKeys, parseGenesis } from '../../../../genesis/index.ts'
import { BlockBuilder, type SealKey } from '../../../../node/chain/builder.ts'
import { BLOCK_OPTS, Chain } from '../../../../node/chain/chain.ts'
import type { TxCursor } from '../../../../node/chain/txpool.ts'

const logger = pino({ level: 'silent' })
const accounts = devAccounts(3)
const validator = devValidatorKeys(1)[0]!
const sealKey: SealKey = {
  address: hexToBytes(validator.address),
  privateKey: hexToBytes(validator.privateKey),
}
const genesisJson = devGenesisJson({ timestamp: 1_700_000_000n })

function arrayCursor(txs: TypedTransaction[]): TxCursor {
  let i = 0
  return {
    peek: () => txs[i],
    shift: () => {
      i++
    },
    pop: () => {
      i++
    },
  }
}

function transfer(chain: Chain, from: number, nonce: bigint, value: bigint, to = accounts[2]!.address) {
  return createFeeMarket1559Tx(
    {
      chainId: chain.chainId,
      nonce,
      gasLimit: 21000n,
      maxFeePerGas: 10_000_000_000n,
      maxPriorityFeePerGas: 1_000_000_000n,
      to: new Address(hexToBytes(to)),
      value,
    },
    { common: chain.common },
  ).sign(hexToBytes(accounts[from]!.privateKey))
}

describe('chain: execution, sealing, persistence', () => {
  let dirA: string
  let dirB: string
  let a: Chain
  let b: Chain
  let block1: Block

  before(async () => {
    dirA = await mkdtemp(join(tmpdir(), 'mosaic-chain-a-'))
    dirB = await mkdtemp(join(tmpdir(), 'mosaic-chain-b-'))
    a = await Chain.open({ datadir: dirA }, { logger, genesis: parseGenesis(genesisJson) })
    b = await Chain.open({ datadir: dirB }, { logger, genesis: parseGenesis(genesisJson) })
  })

  after(async () => {
    await a.close()
    await b.close()
    await rm(dirA, { recursive: true, force: true })
    await rm(dirB, { recursive: true, force: true })
  })

  it('builds the same genesis from the same file', () => {
    assert.equal(bytesToHex(a.genesisBlock.hash()), bytesToHex(b.genesisBlock.hash()))
    assert.equal(a.head.header.number, 0n)
  })

  it('executes a block: receipts, balances, seal', async () => {
    const builder = new BlockBuilder({ timeBudgetMs: 500, vanity: new Uint8Array(0) }, { chain: a, logger })
    const txs = [transfer(a, 0, 0n, 1000n), transfer(a, 0, 1n, 2000n), transfer(a, 1, 0n, 3000n)]
    const before = await a
      .stateAt(a.head.header.stateRoot)
      .getAccount(new Address(hexToBytes(accounts[2]!.address)))
    const built = await builder.build(() => arrayCursor(txs), sealKey, a.slotOf(a.head.header) + 1n)
    await a.commit(built.block, built.receipts)
    block1 = built.block
    assert.equal(a.head.header.number, 1n)
    assert.equal(built.block.transactions.length, 3)
    assert.equal(built.receipts.length, 3)
    assert.deepEqual(
      built.receipts.map((r) => [r.status, r.gasUsed]),
      [
        [1, 21000n],
        [1, 21000n],
        [1, 21000n],
      ],
    )
    assert.equal(built.receipts[2]!.cumulativeGasUsed, 63000n)
    assert.equal(built.block.header.gasUsed, 63000n)
    const after = await a
      .stateAt(a.head.header.stateRoot)
      .getAccount(new Address(hexToBytes(accounts[2]!.address)))
    assert.equal(after!.balance - before!.balance, 6000n)
    assert.equal(bytesToHex(recoverSealer(built.block.header)), bytesToHex(sealKey.address))
    assert.equal(built.block.header.coinbase.toString(), bytesToHex(sealKey.address))
    const stored = await a.getReceipts(built.block.hash())
    assert.equal(stored?.length, 3)
    const loc = await a.getTxLocation(txs[1]!.hash())
    assert.equal(loc?.index, 1)
  })

  it('drops a transaction that fails inside the block and keeps the rest', async () => {
    const builder = new BlockBuilder({ timeBudgetMs: 500, vanity: new Uint8Array(0) }, { chain: a, logger })
    // Nonce 5 is not next for account 1: the block must still be built with the valid transfer.
    const txs = [transfer(a, 1, 1n, 1n), transfer(a, 0, 5n, 1n)]
    const built = await builder.build(() => arrayCursor(txs), sealKey, a.slotOf(a.head.header) + 1n)
    assert.equal(built.block.transactions.length, 1)
    assert.equal(built.dropped.length, 1)
    await a.commit(built.block, built.receipts)
  })

  it('imports a valid sealed block and rejects a bad seal without changing anything', async () => {
    const forged = createBlock(
      {
        header: { ...block1.header.toJSON(), extraData: tamper(block1.header.extraData) },
        transactions: block1.transactions,
        withdrawals: [],
      },
      { common: b.common, ...BLOCK_OPTS },
    )
    await assert.rejects(b.importBlock(forged), (e: Error & { code?: string }) => e.code === 'BAD_SEAL')
    assert.equal(b.head.header.number, 0n)
    const { receipts } = await b.importBlock(block1)
    assert.equal(receipts.length, 3)
    assert.equal(bytesToHex(b.head.hash()), bytesToHex(block1.hash()))
    assert.equal(bytesToHex(b.head.header.stateRoot), bytesToHex(block1.header.stateRoot))
  })

  it('rejects a block sealed by a key that is not a validator', async () => {
    const stranger: SealKey = {
      privateKey: hexToBytes(accounts[1]!.privateKey),
      address: addressOfPrivateKey(hexToBytes(accounts[1]!.privateKey)),
    }
    const builder = new BlockBuilder({ timeBudgetMs: 500, vanity: new Uint8Array(0) }, { chain: a, logger })
    // Build on a scratch chain at the same head as b, then offer it to b.
    const dirC = await mkdtemp(join(tmpdir(), 'mosaic-chain-c-'))
    const c = await Chain.open({ datadir: dirC }, { logger, genesis: parseGenesis(genesisJson) })
    try {
      await c.importBlock(block1)
      const cb = new BlockBuilder({ timeBudgetMs: 500, vanity: new Uint8Array(0) }, { chain: c, logger })
      const built = await cb.build(() => arrayCursor([]), stranger, c.slotOf(c.head.header) + 1n)
      await assert.rejects(
        b.importBlock(built.block),
        (e: Error & { code?: string }) => e.code === 'INVALID_BLOCK',
      )
      assert.equal(b.head.header.number, 1n)
    } finally {
      await c.close()
      await rm(dirC, { recursive: true, force: true })
    }
    void builder
  })

  it('reopens at the same head with state and receipts, and refuses another genesis', async () => {
    const head = bytesToHex(a.head.hash())
    await a.close()
    a = await Chain.open({ datadir: dirA }, { logger })
    assert.equal(bytesToHex(a.head.hash()), head)
    const r = await a.getReceipts(block1.hash())
    assert.equal(r?.length, 3)
    const other = parseGenesis(devGenesisJson({ timestamp: 1_700_000_001n }))
    await a.close()
    await assert.rejects(
      Chain.open({ datadir: dirA }, { logger, genesis: other }),
      (e: Error & { code?: string }) => e.code === 'GENESIS_MISMATCH',
    )
    a = await Chain.open({ datadir: dirA }, { logger })
  })
})

function tamper(extra: Uint8Array): Uint8Array {
  const out = extra.slice()
  out[out.length - 10] = (out[out.length - 10]! + 1) % 256
  return out
}

describe('chain: a large block built here is accepted by a follower', () => {
  it('300 transfers and a dropped one: the follower re-executes it to the same roots and receipts', async () => {
    const dirs = [
      await mkdtemp(join(tmpdir(), 'mosaic-big-a-')),
      await mkdtemp(join(tmpdir(), 'mosaic-big-b-')),
    ]
    const [producer, follower] = await Promise.all(
      dirs.map((datadir) => Chain.open({ datadir }, { logger, genesis: parseGenesis(genesisJson) })),
    )
    try {
      const p = producer as Chain
      const f = follower as Chain
      // Over 256 transactions, so the transaction and receipt tries have 1-, 2- and 3-byte index keys.
      const txs = Array.from({ length: 300 }, (_, i) =>
        transfer(p, 0, BigInt(i), BigInt(i + 1), bytesToHex(new Uint8Array(20).fill((i % 250) + 1))),
      )
      txs.splice(150, 0, transfer(p, 1, 7n, 1n))
      const builder = new BlockBuilder(
        { timeBudgetMs: 60_000, vanity: new Uint8Array(0) },
        { chain: p, logger },
      )
      const built = await builder.build(() => arrayCursor(txs), sealKey, p.slotOf(p.head.header) + 1n)
      assert.equal(built.block.transactions.length, 300)
      assert.equal(built.dropped.length, 1)
      await p.commit(built.block, built.receipts)
      const { receipts } = await f.importBlock(built.block)
      assert.equal(bytesToHex(f.head.hash()), bytesToHex(built.block.hash()))
      assert.deepEqual(
        receipts.map((r) => [r.status, r.cumulativeGasUsed, r.gasUsed]),
        built.receipts.map((r) => [r.status, r.cumulativeGasUsed, r.gasUsed]),
      )
    } finally {
      await Promise.all([producer, follower].map((c) => c?.close()))
      await Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true })))
    }
  })
})
