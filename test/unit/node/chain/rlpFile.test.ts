// Import rules for foreign chains, on the execution-apis fixture chain (post-merge Ethereum blocks with
// blob, 7702 and EIP-7685 request traffic): --trusted takes the seal on trust but never the execution.
import assert from 'node:assert/strict'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { after, before, describe, it } from 'node:test'
import { type Block, createBlockFromBytesArray } from '@ethereumjs/block'
import { RLP } from '@ethereumjs/rlp'
import { type Blob4844Tx, createBlob4844Tx, createFeeMarket1559Tx } from '@ethereumjs/tx'
import { Address, bigIntToUnpaddedBytes, bytesToHex, concatBytes, hexToBytes } from '@ethereumjs/util'
import { pino } from 'pino'
import {
  devAccounts,
  devGenesisJson,
  devValidatorKeys,
  loadGenesisFile,
  parseGenesis,
} from '../../../../genesis/index.ts'
import { BlockBuilder } from '../../../../node/chain/builder.ts'
import { BLOCK_OPTS, Chain } from '../../../../node/chain/chain.ts'
import { ChainError } from '../../../../node/chain/errors.ts'
import { decodeRawTransaction } from '../../../../node/chain/rawTx.ts'
import {
  decodeBlock,
  exportRlpFile,
  importRlpFile,
  readRlpItems,
  rlpItemLength,
} from '../../../../node/chain/rlpFile.ts'
import { TxPool } from '../../../../node/chain/txpool.ts'
import { poolViews } from '../../../../node/node.ts'
import { executionApis } from '../../../helpers/fixtures.ts'

const fixtures = executionApis()
const logger = pino({ level: 'silent' })
const genesis = await loadGenesisFile(fixtures.genesis, { allowForeign: true })

// Header RLP field positions.
const STATE_ROOT = 3
const RECEIPTS_ROOT = 5
const LOGS_BLOOM = 6
const GAS_USED = 10
const TIMESTAMP = 11
const BASE_FEE = 15
const REQUESTS_HASH = 20

/** `block` with header field `field` replaced (the block hash changes with it). */
function tamper(chain: Chain, block: Block, field: number, value: Uint8Array): Block {
  const raw = block.raw()
  const header = [...(raw[0] as Uint8Array[])]
  header[field] = value
  return createBlockFromBytesArray([header, ...raw.slice(1)] as never, {
    common: chain.common,
    ...BLOCK_OPTS,
  })
}

async function expectRefused(p: Promise<unknown>, message: RegExp): Promise<void> {
  await assert.rejects(p, (e: unknown) => {
    assert.ok(e instanceof ChainError, `expected a ChainError, got ${String(e)}`)
    assert.equal(e.code, 'INVALID_BLOCK')
    assert.match(e.message, message)
    assert.ok(!e.message.includes('\n'), 'one line')
    return true
  })
}

describe('chain import and export (RLP files)', () => {
  const dirs: string[] = []
  const tempDir = () => {
    const d = mkdtempSync(join(tmpdir(), 'mosaic-import-'))
    dirs.push(d)
    return d
  }
  let raw: Uint8Array[] = []

  before(async () => {
    for await (const item of readRlpItems(fixtures.chain)) raw.push(Uint8Array.from(item.bytes))
    assert.equal(raw.length, 20)
  })
  after(() => {
    for (const d of dirs) rmSync(d, { recursive: true, force: true })
    raw = []
  })

  it('reads RLP item lengths from their prefix only', () => {
    assert.equal(rlpItemLength(Uint8Array.of(0xc0)), 1)
    assert.equal(rlpItemLength(Uint8Array.of(0xf9, 0x05)), undefined)
    assert.equal(rlpItemLength(Uint8Array.of(0xf9, 0x05, 0x6d)), 3 + 0x056d)
    assert.throws(() => rlpItemLength(Uint8Array.of(0x80)), /expected an RLP list/)
  })

  it('refuses a wrong state root, receipts root, logs bloom, gas used, requests hash, base fee or timestamp and keeps the last good block', async () => {
    const chain = await Chain.open({ datadir: tempDir() }, { logger, genesis })
    try {
      const blocks = raw.map((r, i) => decodeBlock(chain, { bytes: r, offset: 0 }, i))
      for (const b of blocks.slice(0, 3)) await chain.importBlock(b, { trusted: true })
      const good = blocks[3]!
      const head = chain.head.hash()
      const cases: [number, Uint8Array, RegExp][] = [
        [STATE_ROOT, new Uint8Array(32).fill(1), /^block 4: state root mismatch: header 0x0101/],
        [RECEIPTS_ROOT, new Uint8Array(32).fill(2), /^block 4: receipts root mismatch/],
        [LOGS_BLOOM, new Uint8Array(256).fill(0xff), /^block 4: logs bloom mismatch/],
        [GAS_USED, bigIntToUnpaddedBytes(good.header.gasUsed + 1n), /^block 4: gas used mismatch/],
        [REQUESTS_HASH, new Uint8Array(32).fill(3), /^block 4: requests hash mismatch/],
        [
          BASE_FEE,
          bigIntToUnpaddedBytes(good.header.baseFeePerGas! + 1n),
          /^block 4: base fee \d+ should be/,
        ],
        [
          TIMESTAMP,
          bigIntToUnpaddedBytes(blocks[2]!.header.timestamp),
          /^block 4: timestamp \d+ not after parent/,
        ],
      ]
      for (const [field, value, message] of cases) {
        await expectRefused(chain.importBlock(tamper(chain, good, field, value), { trusted: true }), message)
        assert.deepEqual(chain.head.hash(), head, 'head unchanged')
      }
      // The refused attempts left no trace in the state: the real block still executes to its root.
      await chain.importBlock(good, { trusted: true })
      assert.equal(chain.head.header.number, 4n)
    } finally {
      await chain.close()
    }
  })

  it('applies our seal rules without --trusted', async () => {
    const chain = await Chain.open({ datadir: tempDir() }, { logger, genesis })
    try {
      const first = decodeBlock(chain, { bytes: raw[0]!, offset: 0 }, 0)
      await assert.rejects(
        chain.importBlock(first),
        /^ChainError: block 1: extraData too short for a sealed header/,
      )
      assert.equal(chain.head.header.number, 0n)
    } finally {
      await chain.close()
    }
  })

  it('stops a file import at a bad block, stays at the block before it, and re-imports as a no-op', async () => {
    const datadir = tempDir()
    const file = join(datadir, 'bad.rlp')
    let chain = await Chain.open({ datadir }, { logger, genesis })
    const bad = tamper(
      chain,
      decodeBlock(chain, { bytes: raw[5]!, offset: 0 }, 5),
      STATE_ROOT,
      new Uint8Array(32),
    )
    writeFileSync(file, concatBytes(...raw.slice(0, 5), bad.serialize(), ...raw.slice(6)))
    await assert.rejects(
      importRlpFile(chain, file, { trusted: true }),
      /^ChainError: block 6: state root mismatch/,
    )
    await chain.close()

    // What was stored survived the failed import, block by block.
    chain = await Chain.open({ datadir }, { logger })
    try {
      assert.equal(chain.head.header.number, 5n)
      const resumed = await importRlpFile(chain, fixtures.chain, { trusted: true })
      assert.deepEqual([resumed.skipped, resumed.imported, resumed.head.header.number], [5, 15, 20n])
      assert.equal(
        bytesToHex(chain.head.hash()),
        '0x514c48e760c62a38f91e011149b1b4a619bb3a7f750ec4430061bf19c3336635',
      )
      const again = await importRlpFile(chain, fixtures.chain, { trusted: true })
      assert.deepEqual([again.skipped, again.imported, again.txs], [20, 0, 0])
      assert.deepEqual(again.head.hash(), resumed.head.hash())
    } finally {
      await chain.close()
    }
  })

  it('refuses a block that differs from the stored one at its height', async () => {
    const datadir = tempDir()
    const chain = await Chain.open({ datadir }, { logger, genesis })
    try {
      await importRlpFile(chain, fixtures.chain, { trusted: true })
      const file = join(datadir, 'other.rlp')
      const other = tamper(
        chain,
        decodeBlock(chain, { bytes: raw[1]!, offset: 0 }, 1),
        STATE_ROOT,
        new Uint8Array(32),
      )
      writeFileSync(file, concatBytes(raw[0]!, other.serialize()))
      await assert.rejects(
        importRlpFile(chain, file, { trusted: true }),
        /^ChainError: block 2: hash 0x[0-9a-f]+ differs from stored block/,
      )
      assert.equal(chain.head.header.number, 20n)
    } finally {
      await chain.close()
    }
  })

  it('imports our own sealed chain without --trusted, blob transactions included, and exports it unchanged', async () => {
    const ours = parseGenesis(devGenesisJson({ accounts: 1, timestamp: 1_000n }))
    const validator = devValidatorKeys(1)[0]!
    const funder = devAccounts(1)[0]!
    const key = { address: hexToBytes(validator.address), privateKey: hexToBytes(validator.privateKey) }
    const source = await Chain.open({ datadir: tempDir() }, { logger, genesis: ours })
    const file = join(tempDir(), 'ours.rlp')
    try {
      const pool = new TxPool({}, { logger, ...poolViews(source) })
      const builder = new BlockBuilder(
        { timeBudgetMs: 5_000, vanity: new Uint8Array(0) },
        { chain: source, logger },
      )
      const common = source.common
      const txs = [
        createFeeMarket1559Tx(
          {
            chainId: source.chainId,
            nonce: 0n,
            gasLimit: 21_000n,
            maxFeePerGas: 10n ** 10n,
            maxPriorityFeePerGas: 1n,
            to: new Address(key.address),
            value: 7n,
          },
          { common },
        ),
        createBlob4844Tx(
          {
            chainId: source.chainId,
            nonce: 1n,
            gasLimit: 21_000n,
            maxFeePerGas: 10n ** 10n,
            maxPriorityFeePerGas: 1n,
            maxFeePerBlobGas: 10n,
            to: new Address(key.address),
            blobsData: ['mosaic'],
          },
          { common },
        ),
      ].map((tx) => tx.sign(hexToBytes(funder.privateKey)))
      for (const tx of txs)
        await pool.add(
          decodeRawTransaction(
            tx.type === 3 ? (tx as Blob4844Tx).serializeNetworkWrapper() : tx.serialize(),
            common,
          ),
        )
      for (let i = 1n; i <= 3n; i++) {
        const built = await builder.build((baseFee) => pool.cursor(baseFee), key, 1_000n + i)
        await source.commit(built.block, built.receipts)
        await pool.onNewHead()
      }
      const withBlob = (await source.getBlockByNumber(1n))!
      assert.equal(withBlob.transactions.length, 2)
      assert.equal(withBlob.header.blobGasUsed, 131_072n)
      await exportRlpFile(source, file, { from: 1n, to: 3n })
    } finally {
      await source.close()
    }

    const copy = await Chain.open({ datadir: tempDir() }, { logger, genesis: ours })
    try {
      const items: Uint8Array[] = []
      for await (const item of readRlpItems(file)) items.push(Uint8Array.from(item.bytes))
      const blocks = items.map((b, i) => decodeBlock(copy, { bytes: b, offset: 0 }, i))
      for (const b of blocks.slice(0, 2)) await copy.importBlock(b)
      // Any change to a sealed header breaks the seal: refused under our rules, before execution.
      const forged = tamper(
        copy,
        blocks[2]!,
        TIMESTAMP,
        bigIntToUnpaddedBytes(blocks[2]!.header.timestamp + 1n),
      )
      await assert.rejects(copy.importBlock(forged), (e: unknown) => {
        assert.ok(e instanceof ChainError)
        assert.equal(e.code, 'BAD_SEAL')
        assert.match(e.message, /^block 3: sealed by 0x[0-9a-f]{40} but coinbase is/)
        return true
      })
      const r = await importRlpFile(copy, file)
      assert.deepEqual([r.skipped, r.imported, r.txs, r.head.header.number], [2, 1, 0, 3n])
      const out = join(tempDir(), 'again.rlp')
      await exportRlpFile(copy, out, { from: 1n, to: 10n })
      assert.ok(readFileSync(out).equals(readFileSync(file)))
    } finally {
      await copy.close()
    }
  })

  it('skips the genesis block when a file starts with it (geth exports from block 0)', async () => {
    const source = await Chain.open({ datadir: tempDir() }, { logger, genesis })
    const file = join(tempDir(), 'from0.rlp')
    try {
      await importRlpFile(source, fixtures.chain, { trusted: true })
      assert.deepEqual(await exportRlpFile(source, file, { from: 0n, to: 3n }), {
        blocks: 4,
        bytes: readFileSync(file).length,
        from: 0n,
        to: 3n,
      })
    } finally {
      await source.close()
    }
    const chain = await Chain.open({ datadir: tempDir() }, { logger, genesis })
    try {
      const r = await importRlpFile(chain, file, { trusted: true })
      assert.deepEqual([r.skipped, r.imported, r.head.header.number], [1, 3, 3n])
    } finally {
      await chain.close()
    }
  })

  it('names a truncated file', async () => {
    const datadir = tempDir()
    const file = join(datadir, 'cut.rlp')
    const all = readFileSync(fixtures.chain)
    writeFileSync(file, all.subarray(0, all.length - 10))
    const chain = await Chain.open({ datadir }, { logger, genesis })
    try {
      await assert.rejects(importRlpFile(chain, file, { trusted: true }), /truncated block/)
      assert.equal(chain.head.header.number, 19n)
      assert.ok(RLP.decode(raw[19]!))
    } finally {
      await chain.close()
    }
  })
})
