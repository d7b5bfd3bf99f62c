// The producer with a real chain and pool: after each block the pool sees the new state of every
// pooled sender, including accounts that only received value in that block.
import assert from 'node:assert/strict'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { after, before, describe, it } from 'node:test'
import { createFeeMarket1559Tx } from '@ethereumjs/tx'
import { Address, hexToBytes, privateToAddress } from '@ethereumjs/util'
import { pino } from 'pino'
import { devAccounts, devGenesisJson, devValidatorKeys, parseGenesis } from '../../../genesis/index.ts'
import { BlockBuilder } from '../../../node/chain/builder.ts'
import { Chain } from '../../../node/chain/chain.ts'
import { TxPool } from '../../../node/chain/txpool.ts'
import { poolViews } from '../../../node/node.ts'
import { Producer } from '../../../node/producer.ts'

const logger = pino({ level: 'silent' })
const ETH = 10n ** 18n
const funder = devAccounts(1)[0]!
const validator = devValidatorKeys(1)[0]!
const fresh = hexToBytes(`0x${'42'.repeat(32)}`)
const freshAddress = privateToAddress(fresh)

describe('producer and pool', () => {
  let dir: string
  let chain: Chain
  let pool: TxPool
  let producer: Producer

  const send = (key: Uint8Array, nonce: bigint, to: Uint8Array, value: bigint) =>
    pool.add(
      createFeeMarket1559Tx(
        {
          chainId: chain.chainId,
          nonce,
          gasLimit: 21_000n,
          maxFeePerGas: 10_000_000_000n,
          maxPriorityFeePerGas: 1_000_000_000n,
          to: new Address(to),
          value,
        },
        { common: chain.common },
      ).sign(key),
    )

  const included = async (address: Uint8Array, nonce: bigint): Promise<void> => {
    for (let i = 0; i < 100; i++) {
      const acct = await chain.stateAt(chain.head.header.stateRoot).getAccount(new Address(address))
      if ((acct?.nonce ?? 0n) >= nonce) return
      await new Promise((r) => setTimeout(r, 50))
    }
    throw new Error(`nonce ${nonce} not reached`)
  }

  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'mosaic-producer-'))
    chain = await Chain.open(
      { datadir: dir },
      { logger, genesis: parseGenesis(devGenesisJson({ accounts: 1 })) },
    )
    pool = new TxPool({}, { logger, ...poolViews(chain) })
    const builder = new BlockBuilder({ timeBudgetMs: 500, vanity: new Uint8Array(0) }, { chain, logger })
    const key = { address: hexToBytes(validator.address), privateKey: hexToBytes(validator.privateKey) }
    producer = new Producer({ blockTimeMs: 200 }, { chain, pool, builder, key, logger })
    producer.start()
  })

  after(async () => {
    await producer.stop()
    await chain.close()
    await rm(dir, { recursive: true, force: true })
  })

  it('a pooled sender that receives value can spend it in its next transaction', async () => {
    const funderKey = hexToBytes(funder.privateKey)
    const funderAddress = hexToBytes(funder.address)
    await send(funderKey, 0n, freshAddress, 1n * ETH)
    await included(funderAddress, 1n)
    // A queued transaction (nonce gap) keeps the fresh account's state cached in the pool.
    await send(fresh, 5n, funderAddress, ETH / 2n)
    assert.deepEqual(pool.status(), { pending: 0, queued: 1 })
    // Funded again in a block the fresh account did not send in.
    await send(funderKey, 1n, freshAddress, 10n * ETH)
    await included(funderAddress, 2n)
    // Needs the new balance: refused as "insufficient funds" if the pool kept the old one.
    await send(fresh, 0n, funderAddress, 5n * ETH)
    await included(freshAddress, 1n)
  })
})
