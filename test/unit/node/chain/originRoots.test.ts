import assert from 'node:assert/strict'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { after, before, describe, it } from 'node:test'
import type { Block } from '@ethereumjs/block'
import { Address, bytesToBigInt, bytesToHex, hexToBytes, setLengthLeft } from '@ethereumjs/util'
import { pino } from 'pino'
import type { Hex } from 'viem'
import type { OriginObservation, QuorumCertificate } from '../../../../consensus/index.ts'
import {
  devGenesisJson,
  devValidatorKeys,
  ORIGIN_ROOTS_ADDRESS,
  parseGenesis,
} from '../../../../genesis/index.ts'
import { BlockBuilder } from '../../../../node/chain/builder.ts'
import { Chain } from '../../../../node/chain/chain.ts'
import { originRootSlot } from '../../../../node/chain/originRoots.ts'

const logger = pino({ level: 'silent' })
const validator = devValidatorKeys(1)[0]!
const ROOTS = new Address(hexToBytes(ORIGIN_ROOTS_ADDRESS))
const genesis = () => parseGenesis(devGenesisJson({ timestamp: 1_700_000_000n }))

function root(n: number): Hex {
  return bytesToHex(setLengthLeft(Uint8Array.of(n), 32)) as Hex
}

function observation(n: bigint): OriginObservation {
  return { number: n, hash: root(200 + Number(n)), stateRoot: root(100 + Number(n)) }
}

/** A certificate for the link `source` -> `target`; signatures are not checked by a bare Chain. */
function link(source: Block, target: Block): QuorumCertificate {
  const cp = (b: Block) => ({ hash: bytesToHex(b.hash()) as Hex, number: b.header.number })
  return { vote: { kernelHeight: 1n, source: cp(source), target: cp(target) }, signers: 1n, signatures: [] }
}

async function storage(chain: Chain, at: Block, key: Uint8Array): Promise<bigint> {
  return bytesToBigInt(await chain.stateAt(at.header.stateRoot).getStorage(ROOTS, key))
}

const LATEST = new Uint8Array(32)

describe('origin roots written at block start', () => {
  let dir: string
  let chain: Chain
  let replica: Chain
  const blocks: Block[] = []

  async function build(consensus: { qc?: QuorumCertificate; origin?: OriginObservation }): Promise<Block> {
    const builder = new BlockBuilder({ timeBudgetMs: 60_000, vanity: new Uint8Array(0) }, { chain, logger })
    const built = await builder.build(
      () => ({ peek: () => undefined, shift() {}, pop() {} }),
      { address: hexToBytes(validator.address), privateKey: hexToBytes(validator.privateKey) },
      chain.slotOf(chain.head.header) + 1n,
      consensus,
    )
    await chain.commit(built.block, built.receipts)
    blocks.push(built.block)
    return built.block
  }

  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'mosaic-originroots-'))
    chain = await Chain.open({ datadir: join(dir, 'a') }, { logger, genesis: genesis() })
    replica = await Chain.open({ datadir: join(dir, 'b') }, { logger, genesis: genesis() })
  })

  after(async () => {
    await chain.close()
    await replica.close()
    await rm(dir, { recursive: true, force: true })
  })

  it('writes the observations of the finalised epoch only when a finalising link arrives', async () => {
    const b1 = await build({ origin: observation(7n) })
    const b2 = await build({ origin: observation(9n) })
    // A link that does not finalise (source two epochs back) writes nothing.
    const b3 = await build({ qc: link(chain.genesisBlock, b2) })
    assert.equal(await storage(chain, b3, LATEST), 0n)
    assert.equal(await storage(chain, b3, originRootSlot(7n)), 0n)
    // b1 -> b2 finalises b1: its observation (origin block 7) is written, not b2's (9).
    const b4 = await build({ qc: link(b1, b2) })
    assert.equal(await storage(chain, b4, LATEST), 7n)
    assert.equal(await storage(chain, b4, originRootSlot(7n)), 107n)
    assert.equal(await storage(chain, b4, originRootSlot(9n)), 0n)
    // The parent's state does not have it: the write belongs to the block that carries the link.
    assert.equal(await storage(chain, b3, originRootSlot(7n)), 0n)
    const b5 = await build({ qc: link(b2, b3) })
    assert.equal(await storage(chain, b5, LATEST), 9n)
    assert.equal(await storage(chain, b5, originRootSlot(9n)), 109n)
    assert.equal(await storage(chain, b5, originRootSlot(7n)), 107n)
  })

  it('a node importing the blocks derives the same writes (same state roots)', async () => {
    for (const b of blocks) {
      const r = await replica.importBlock(b, { nowMs: Number(b.header.timestamp) * 1000 + 500 })
      assert.equal(r.canonical, true)
    }
    assert.equal(bytesToHex(replica.head.hash()), bytesToHex(chain.head.hash()))
    assert.equal(await storage(replica, replica.head, originRootSlot(9n)), 109n)
  })
})
