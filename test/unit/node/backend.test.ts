// NodeBackend over a real Chain and TxPool, through the rpc dispatcher: eth_getProof proofs are
// checked against the block's state root with @ethereumjs/mpt, the pool methods against the pool.
import assert from 'node:assert/strict'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { after, before, describe, it } from 'node:test'
import { verifyMerkleProof } from '@ethereumjs/mpt'
import { RLP } from '@ethereumjs/rlp'
import { createFeeMarket1559Tx, type TypedTransaction } from '@ethereumjs/tx'
import {
  Address,
  bigIntToUnpaddedBytes,
  bytesToBigInt,
  bytesToHex,
  equalsBytes,
  hexToBytes,
  KECCAK256_NULL,
  KECCAK256_RLP,
  toChecksumAddress,
} from '@ethereumjs/util'
import { pino } from 'pino'
import { devAccounts, devGenesisJson, devValidatorKeys, parseGenesis } from '../../../genesis/index.ts'
import { defaultBackendOptions, NodeBackend } from '../../../node/backend.ts'
import { BlockBuilder, type SealKey } from '../../../node/chain/builder.ts'
import { Chain } from '../../../node/chain/chain.ts'
import { TxPool } from '../../../node/chain/txpool.ts'
import { poolViews } from '../../../node/node.ts'
import { RpcServer } from '../../../rpc/index.ts'

const logger = pino({ level: 'silent' })
const accounts = devAccounts(2)
const validator = devValidatorKeys(1)[0]!
const sealKey: SealKey = {
  address: hexToBytes(validator.address),
  privateKey: hexToBytes(validator.privateKey),
}
/** An account with storage from genesis: slot 0 = 0x1c, slot 1 = 0x0102. */
const STORED = `0x${'5a'.repeat(20)}` as const
const ABSENT = `0x${'77'.repeat(20)}` as const
const SLOT_ABSENT = `0x${'00'.repeat(31)}05`

function genesisWithStorage() {
  const json = devGenesisJson({ timestamp: 1_700_000_000n, accounts: 2 })
  ;(json.alloc as Record<string, unknown>)[STORED.slice(2)] = {
    balance: '0x3f',
    nonce: '0x1',
    code: '0x6000',
    storage: { '0x00': '0x1c', '0x01': '0x0102' },
  }
  return parseGenesis(json)
}

function transfer(chain: Chain, nonce: bigint, value: bigint): TypedTransaction {
  return createFeeMarket1559Tx(
    {
      chainId: chain.chainId,
      nonce,
      gasLimit: 30_000n,
      maxFeePerGas: 10_000_000_000n,
      maxPriorityFeePerGas: 1_000_000_000n,
      to: new Address(hexToBytes(STORED)),
      value,
    },
    { common: chain.common },
  ).sign(hexToBytes(accounts[0]!.privateKey))
}

interface ProofResult {
  address: string
  accountProof: string[]
  balance: string
  codeHash: string
  nonce: string
  storageHash: string
  storageProof: { key: string; value: string; proof: string[] }[]
}

const hex = (s: string) => hexToBytes(s as `0x${string}`)

/** Checks an eth_getProof result against `stateRoot`; returns the proven account fields. */
async function verifyAccount(p: ProofResult, stateRoot: Uint8Array) {
  const leaf = await verifyMerkleProof(hex(p.address), p.accountProof.map(hex), {
    root: stateRoot,
    useKeyHashing: true,
  })
  if (leaf === null) return null
  const [nonce, balance, storageRoot, codeHash] = RLP.decode(leaf) as Uint8Array[]
  return {
    nonce: bytesToBigInt(nonce!),
    balance: bytesToBigInt(balance!),
    storageRoot: storageRoot!,
    codeHash: codeHash!,
  }
}

describe('NodeBackend over a real chain', () => {
  let dir: string
  let chain: Chain
  let pool: TxPool
  let server: RpcServer
  let stateRoot0: Uint8Array

  async function result(method: string, params: unknown[]): Promise<unknown> {
    const r = (await server.handle({ jsonrpc: '2.0', id: 1, method, params })) as {
      result?: unknown
      error?: unknown
    }
    assert.equal(r.error, undefined, `${method}: ${JSON.stringify(r.error)}`)
    return r.result
  }

  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'mosaic-backend-'))
    chain = await Chain.open({ datadir: dir }, { logger, genesis: genesisWithStorage() })
    stateRoot0 = chain.head.header.stateRoot
    pool = new TxPool(
      {},
      {
        logger,
        ...poolViews(chain),
      },
    )
    const backend = new NodeBackend(
      { ...defaultBackendOptions, clientVersion: 'test' },
      { chain, pool, devAccounts: [] },
    )
    server = new RpcServer({ port: 0 }, { backend, logger })
    // Block 1 pays 1000 wei into the stored account.
    const builder = new BlockBuilder({ timeBudgetMs: 500, vanity: new Uint8Array(0) }, { chain, logger })
    const txs = [transfer(chain, 0n, 1000n)]
    let i = 0
    const built = await builder.build(
      () => ({
        peek: () => txs[i],
        shift: () => {
          i++
        },
        pop: () => {
          i++
        },
      }),
      sealKey,
      chain.slotOf(chain.head.header) + 1n,
    )
    assert.equal(built.block.transactions.length, 1)
    assert.equal(built.receipts[0]!.status, 1)
    await chain.commit(built.block, built.receipts)
  })

  after(async () => {
    await server.close()
    await chain.close()
    await rm(dir, { recursive: true, force: true })
  })

  it('eth_getProof: the account proof verifies against the state root of the named block', async () => {
    for (const [tag, root, balance] of [
      ['latest', chain.head.header.stateRoot, 0x3fn + 1000n],
      ['0x0', stateRoot0, 0x3fn],
    ] as const) {
      const p = (await result('eth_getProof', [STORED, [], tag])) as ProofResult
      assert.equal(p.address, STORED)
      const proven = await verifyAccount(p, root)
      assert.ok(proven, 'the account exists')
      assert.equal(proven.balance, balance)
      assert.equal(p.balance, `0x${balance.toString(16)}`)
      assert.equal(proven.nonce, 1n)
      assert.equal(p.nonce, '0x1')
      assert.equal(p.storageHash, bytesToHex(proven.storageRoot))
      assert.equal(p.codeHash, bytesToHex(proven.codeHash))
      assert.ok(!equalsBytes(proven.codeHash, KECCAK256_NULL))
    }
  })

  it('eth_getProof: a proof checked against another root fails', async () => {
    const p = (await result('eth_getProof', [STORED, [], 'latest'])) as ProofResult
    await assert.rejects(verifyAccount(p, stateRoot0))
  })

  it('eth_getProof: storage proofs verify against the storage hash, present and absent slots', async () => {
    const p = (await result('eth_getProof', [STORED, ['0x0', '0x01', SLOT_ABSENT], 'latest'])) as ProofResult
    assert.deepEqual(
      p.storageProof.map((s) => [s.key, s.value]),
      [
        ['0x0', '0x1c'],
        ['0x1', '0x102'],
        [SLOT_ABSENT, '0x0'],
      ],
    )
    const storageRoot = hex(p.storageHash)
    assert.ok(!equalsBytes(storageRoot, KECCAK256_RLP))
    for (const [i, s] of p.storageProof.entries()) {
      const slot = new Uint8Array(32)
      slot[31] = i === 2 ? 5 : i
      assert.ok(s.proof.length > 0)
      const leaf = await verifyMerkleProof(slot, s.proof.map(hex), { root: storageRoot, useKeyHashing: true })
      if (i === 2) {
        assert.equal(leaf, null, 'proof of absence')
      } else {
        assert.ok(leaf)
        assert.equal(
          bytesToHex(RLP.decode(leaf) as Uint8Array),
          bytesToHex(bigIntToUnpaddedBytes(BigInt(s.value))),
        )
      }
    }
  })

  it('eth_getProof: an absent account has a proof of absence and zero hashes, like geth', async () => {
    const p = (await result('eth_getProof', [ABSENT, ['0x0'], 'latest'])) as ProofResult
    assert.equal(await verifyAccount(p, chain.head.header.stateRoot), null)
    assert.ok(p.accountProof.length > 0)
    assert.equal(p.balance, '0x0')
    assert.equal(p.nonce, '0x0')
    assert.equal(p.codeHash, `0x${'00'.repeat(32)}`)
    assert.equal(p.storageHash, `0x${'00'.repeat(32)}`)
    assert.deepEqual(p.storageProof, [{ key: '0x0', value: '0x0', proof: [] }])
  })

  it('eth_getProof: an account without storage gives empty storage proofs', async () => {
    const p = (await result('eth_getProof', [accounts[1]!.address, ['0x0'], 'latest'])) as ProofResult
    const proven = await verifyAccount(p, chain.head.header.stateRoot)
    assert.ok(proven)
    assert.equal(p.storageHash, bytesToHex(KECCAK256_RLP))
    assert.deepEqual(p.storageProof, [{ key: '0x0', value: '0x0', proof: [] }])
  })

  it('txpool_status / txpool_content / txpool_inspect read the pool', async () => {
    const pending = transfer(chain, 1n, 7n)
    const queued = transfer(chain, 5n, 8n)
    await pool.add(pending)
    await pool.add(queued)
    assert.deepEqual(await result('txpool_status', []), { pending: '0x1', queued: '0x1' })
    const from = toChecksumAddress(accounts[0]!.address.toLowerCase())
    const content = (await result('txpool_content', [])) as Record<
      string,
      Record<string, Record<string, { hash: string }>>
    >
    assert.equal(content['pending']![from]!['1']!.hash, bytesToHex(pending.hash()))
    assert.equal(content['queued']![from]!['5']!.hash, bytesToHex(queued.hash()))
    const inspect = (await result('txpool_inspect', [])) as Record<
      string,
      Record<string, Record<string, string>>
    >
    assert.equal(
      inspect['queued']![from]!['5'],
      `${toChecksumAddress(STORED)}: 8 wei + 30000 gas × 10000000000 wei`,
    )
    assert.equal(
      await result('debug_getRawTransaction', [bytesToHex(queued.hash())]),
      bytesToHex(queued.serialize()),
    )
  })

  it('debug_getRawReceipts encodes the stored receipts with the receipts root of the header', async () => {
    const raw = (await result('debug_getRawReceipts', ['latest'])) as string[]
    assert.equal(raw.length, 1)
    const { MerklePatriciaTrie } = await import('@ethereumjs/mpt')
    const trie = new MerklePatriciaTrie()
    for (const [i, r] of raw.entries()) await trie.put(RLP.encode(i), hex(r))
    assert.equal(bytesToHex(trie.root()), bytesToHex(chain.head.header.receiptTrie))
    assert.equal(await result('debug_getRawHeader', ['latest']), bytesToHex(chain.head.header.serialize()))
    assert.equal(await result('debug_getRawBlock', ['latest']), bytesToHex(chain.head.serialize()))
  })
})
