// Imports that return before their block is on disk (sync): the chain reads them at once, and after
// flush (or close) a reopened data directory has all of them.
import assert from 'node:assert/strict'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { after, describe, it } from 'node:test'
import type { Block } from '@ethereumjs/block'
import { bytesToHex, hexToBytes } from '@ethereumjs/util'
import { pino } from 'pino'
import { devGenesisJson, devValidatorKeys, type Hex, parseGenesis } from '../../../../genesis/index.ts'
import { BlockBuilder } from '../../../../node/chain/builder.ts'
import { Chain } from '../../../../node/chain/chain.ts'

const logger = pino({ level: 'silent' })
const [key] = devValidatorKeys(1)
const genesis = parseGenesis(
  devGenesisJson({
    timestamp: 1_700_000_000n,
    validators: [{ address: key!.address.toLowerCase() as Hex, stake: 100n }],
    accounts: 1,
  }),
)
const sealKey = { address: hexToBytes(key!.address), privateKey: hexToBytes(key!.privateKey) }
const empty = () => ({ peek: () => undefined, shift: () => {}, pop: () => {} })

describe('chain: deferred writes', () => {
  const dirs: string[] = []
  const open = async (dir?: string) => {
    const d = dir ?? (await mkdtemp(join(tmpdir(), 'mosaic-defer-')))
    if (!dir) dirs.push(d)
    return { dir: d, chain: await Chain.open({ datadir: d }, { logger, genesis }) }
  }
  after(async () => {
    for (const d of dirs) await rm(d, { recursive: true, force: true })
  })

  it('imports readable at once and all on disk after close', async () => {
    const producer = (await open()).chain
    const builder = new BlockBuilder(
      { timeBudgetMs: 200, vanity: new Uint8Array(0) },
      { chain: producer, logger },
    )
    const blocks: Block[] = []
    for (let slot = 1n; slot <= 20n; slot++) {
      const built = await builder.build(empty, sealKey, slot)
      await producer.commit(built.block, built.receipts)
      blocks.push(built.block)
    }
    await producer.close()

    const { dir, chain } = await open()
    // Each import may return with its write still queued.
    for (const b of blocks) {
      const r = await chain.importBlock(b, { deferWrite: true, nowMs: Date.now() + 1e12 })
      assert.equal(r.canonical, true)
    }
    const last = blocks.at(-1)!
    assert.equal(chain.head.header.number, 20n)
    assert.equal(bytesToHex((await chain.getRawBlockByNumber(10n))!), bytesToHex(blocks[9]!.serialize()))
    await chain.close()

    const reopened = (await open(dir)).chain
    try {
      assert.equal(bytesToHex(reopened.head.hash()), bytesToHex(last.hash()))
      for (const b of blocks) assert.ok(await reopened.hasBlock(b.hash()))
      assert.ok(await reopened.hasState(last.header.stateRoot))
    } finally {
      await reopened.close()
    }
  })
})
