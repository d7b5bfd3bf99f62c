// Validator set changes through the origin (real Hardhat node, real node processes): a validator that
// deposits joins at the checkpoint the protocol defines and then proposes and votes; a validator that
// logs out leaves the aux chain's set, and can withdraw its stake only after the unbonding delay.
import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { hexToBytes } from '@ethereumjs/util'
import { pino } from 'pino'
import { devDeployerKey, OriginClient, OriginError } from '../../consensus/index.ts'
import { DEV_VALIDATOR_STAKE, devValidatorKeys } from '../../genesis/index.ts'
import { createTestNetwork, getBlock, type RpcBlock, type TestNetwork } from '../helpers/network.ts'
import { blockNumber, rpc, target, waitFor } from '../helpers/node.ts'

const BLOCK_TIME_MS = 500
const quiet = pino({ level: 'silent' })

interface Status {
  kernelHeight: string
  validators: { address: string }[]
}

describe('kernels: validators join and leave through the origin', {
  skip: target !== 'mosaic' && 'mosaic-node only',
}, () => {
  let net: TestNetwork
  let deployer: OriginClient
  const keys = devValidatorKeys(5)
  const joiner = keys[4]!.address.toLowerCase()
  const leaver = keys[3]!.address.toLowerCase()
  const url = (i: number) => net.node(i).url
  const client = (key?: string) => {
    const { stake, core } = net.origin!.deployment
    return new OriginClient(
      { rpcUrl: net.origin!.url, stake, core, ...(key ? { key: hexToBytes(key as `0x${string}`) } : {}) },
      { logger: quiet },
    )
  }
  const status = (i: number) => rpc<Status>(url(i), 'mosaic_status', [])
  /** Blocks from `from` to the head of node 0 whose miner is `address`. */
  const minedBy = async (address: string, from: number): Promise<RpcBlock[]> => {
    const out: RpcBlock[] = []
    const head = await blockNumber(url(0))
    for (let n = from; n <= head; n++) {
      const b = (await getBlock(url(0), n))!
      if (b.miner.toLowerCase() === address) out.push(b)
    }
    return out
  }

  before(async () => {
    // Five validator processes; the genesis (kernel 1) names the first four.
    net = await createTestNetwork({
      validators: 5,
      genesisValidators: 4,
      blockTimeMs: BLOCK_TIME_MS,
      origin: true,
      // Commits mine an origin block every aux block: a delay long enough to try withdrawing inside it.
      unbondingBlocks: 5000,
    })
    await Promise.all([0, 1, 2, 3, 4].map((i) => net.start(i)))
    deployer = client(devDeployerKey())
  })

  after(async () => {
    await net?.stopAll()
  })

  test('a validator that deposits joins at the next kernel, then proposes and votes', async () => {
    await waitFor('finality', async () => Number((await getBlock(url(0), 'finalized'))!.number) > 2)
    assert.ok(!(await status(0)).validators.some((v) => v.address === joiner))
    await deployer.deposit(joiner, DEV_VALIDATOR_STAKE)
    await waitFor('kernel 2 opened on the origin', async () => (await deployer.kernelHeight()) === 2n, {
      timeoutMs: 30_000,
    })
    await waitFor('kernel 2 governs the aux chain', async () => (await status(0)).kernelHeight === '0x2', {
      timeoutMs: 60_000,
    })
    const s = await status(0)
    assert.ok(
      s.validators.some((v) => v.address === joiner),
      'the joiner is in the aux kernel',
    )
    const from = await blockNumber(url(0))
    await waitFor('a block proposed by the joiner', async () => (await minedBy(joiner, from)).length > 0, {
      timeoutMs: 60_000,
    })
    await waitFor(
      'a finalised checkpoint with the joiner among its voters',
      async () => {
        const fin = Number((await getBlock(url(0), 'finalized'))!.number)
        if (fin <= from) return false
        const cp = await rpc<{ links: { voters: string[] }[] }>(url(0), 'mosaic_getCheckpoint', [
          `0x${fin.toString(16)}`,
        ])
        return cp.links.some((l) => l.voters.includes(joiner))
      },
      { timeoutMs: 30_000 },
    )
  })

  test('a validator that logs out leaves; it withdraws only after the unbonding delay', async () => {
    const leaving = client(keys[3]!.privateKey)
    await leaving.logout()
    await waitFor('kernel 3 opened on the origin', async () => (await deployer.kernelHeight()) === 3n, {
      timeoutMs: 30_000,
    })
    await waitFor('kernel 3 governs the aux chain', async () => (await status(0)).kernelHeight === '0x3', {
      timeoutMs: 60_000,
    })
    assert.ok(!(await status(1)).validators.some((v) => v.address === leaver))
    // Once kernel 3 governs, the leaver proposes nothing more, and finality goes on without it.
    const from = (await blockNumber(url(0))) + 1
    const fin = Number((await getBlock(url(0), 'finalized'))!.number)
    await waitFor(
      'finality goes on',
      async () => Number((await getBlock(url(0), 'finalized'))!.number) >= fin + 6,
      {
        timeoutMs: 30_000,
      },
    )
    assert.deepEqual(await minedBy(leaver, from), [])
    await assert.rejects(
      leaving.withdraw(),
      (e: unknown) => e instanceof OriginError && e.revert?.errorName === 'StillBonded',
    )
    await rpc(net.origin!.url, 'hardhat_mine', ['0x1400'])
    const r = await leaving.withdraw()
    assert.equal(r.receipt.status, 'success')
  })
})
