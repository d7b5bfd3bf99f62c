import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { createCustomCommon, Hardfork, Mainnet } from '@ethereumjs/common'
import {
  type Blob4844Tx,
  createAccessList2930Tx,
  createBlob4844Tx,
  createEOACode7702Tx,
  createFeeMarket1559Tx,
  createLegacyTx,
  createLegacyTxFromRLP,
  type TypedTransaction,
} from '@ethereumjs/tx'
import {
  Address,
  bytesToHex,
  eoaCode7702SignAuthorization,
  type KZG,
  privateToAddress,
} from '@ethereumjs/util'
import { pino } from 'pino'
import { createChainCommon } from '../../../../node/chain/common.ts'
import { decodeRawTransaction } from '../../../../node/chain/rawTx.ts'
import {
  type PoolChainView,
  type PoolStateView,
  TxPool,
  TxPoolError,
  type TxPoolErrorCode,
  type TxPoolOptions,
} from '../../../../node/chain/txpool.ts'

const CHAIN_ID = 1515n
const common = createCustomCommon({ chainId: Number(CHAIN_ID) }, Mainnet, { hardfork: Hardfork.Prague })
const GWEI = 1_000_000_000n
const ETHER = 10n ** 18n
const TO = new Address(new Uint8Array(20).fill(0xee))

function key(i: number): Uint8Array {
  const k = new Uint8Array(32)
  k[31] = i + 1
  k[0] = 0x42
  return k
}
const KEYS = Array.from({ length: 8 }, (_, i) => key(i))
const ADDRS = KEYS.map((k) => privateToAddress(k))
const hex = (a: Uint8Array) => bytesToHex(a)

class MemState implements PoolStateView {
  readonly accounts = new Map<string, { nonce: bigint; balance: bigint }>()
  reads: string[] = []
  async getAccount(address: Uint8Array) {
    const k = hex(address)
    this.reads.push(k)
    const a = this.accounts.get(k)
    return a === undefined ? { nonce: 0n, balance: 0n } : { ...a }
  }
  set(address: Uint8Array, nonce: bigint, balance = 100n * ETHER) {
    this.accounts.set(hex(address), { nonce, balance })
  }
}

class MemChain implements PoolChainView {
  readonly chainId = CHAIN_ID
  baseFee = 1n * GWEI
  gasLimit = 30_000_000n
  blockGasLimit() {
    return this.gasLimit
  }
  nextBaseFee() {
    return this.baseFee
  }
}

function setup(options: Partial<TxPoolOptions> = {}) {
  const state = new MemState()
  for (const a of ADDRS) state.set(a, 0n)
  const chain = new MemChain()
  const pool = new TxPool(options, { logger: pino({ level: 'silent' }), state, chain })
  const pendingSeen: TypedTransaction[] = []
  pool.onPending = (tx) => pendingSeen.push(tx)
  return { state, chain, pool, pendingSeen }
}

interface TxParams {
  nonce?: bigint
  maxFee?: bigint
  tip?: bigint
  gas?: bigint
  value?: bigint
  data?: Uint8Array
}

function tx1559(k: number, p: TxParams = {}, c = common): TypedTransaction {
  return createFeeMarket1559Tx(
    {
      nonce: p.nonce ?? 0n,
      maxFeePerGas: p.maxFee ?? 10n * GWEI,
      maxPriorityFeePerGas: p.tip ?? 1n * GWEI,
      gasLimit: p.gas ?? 21_000n,
      to: TO,
      value: p.value ?? 1n,
      data: p.data,
    },
    { common: c },
  ).sign(KEYS[k]!)
}

function legacy(k: number, nonce: bigint, gasPrice: bigint): TypedTransaction {
  return createLegacyTx({ nonce, gasPrice, gasLimit: 21_000n, to: TO, value: 1n }, { common }).sign(KEYS[k]!)
}

async function rejects(p: Promise<unknown>, code: TxPoolErrorCode, message?: RegExp): Promise<TxPoolError> {
  try {
    await p
  } catch (e) {
    assert.ok(e instanceof TxPoolError, `expected TxPoolError, got ${String(e)}`)
    assert.equal(e.code, code, e.message)
    if (message !== undefined) assert.match(e.message, message)
    assert.ok(!e.message.includes('\n'), 'message is one line')
    return e
  }
  assert.fail(`expected ${code}`)
}

const nonces = (txs: TypedTransaction[] | undefined) => (txs ?? []).map((t) => t.nonce)

function drain(pool: TxPool, baseFee: bigint): TypedTransaction[] {
  const cursor = pool.cursor(baseFee)
  const out: TypedTransaction[] = []
  for (let t = cursor.peek(); t !== undefined; t = cursor.peek()) {
    out.push(t)
    cursor.shift()
  }
  return out
}

describe('TxPool validation', () => {
  it('keeps a transaction whose idle sender a new head forgets while it is being added', async () => {
    const { pool } = setup()
    // The sender is known (its account read) but has nothing pooled: the next head forgets it.
    assert.equal(await pool.pendingNonce(ADDRS[0]!), 0n)
    const added = pool.add(tx1559(0))
    void pool.onNewHead()
    await added
    const { pending } = pool.content()
    assert.equal(pending.get(hex(ADDRS[0]!))?.length, 1)
  })

  it('accepts a valid transaction and returns its hash', async () => {
    const { pool, pendingSeen } = setup()
    const tx = tx1559(0)
    const hash = await pool.add(tx)
    assert.deepEqual(hash, tx.hash())
    assert.equal(pool.has(hash), true)
    assert.equal(pool.get(hash), tx)
    assert.deepEqual(pool.status(), { pending: 1, queued: 0 })
    assert.deepEqual(pendingSeen, [tx])
  })

  it('rejects a blob transaction without its blobs', async () => {
    const { pool } = setup()
    // ethereumjs only builds blob txs with a KZG backend; this one is never called (no blobs attached).
    const blobCommon = createCustomCommon({ chainId: Number(CHAIN_ID) }, Mainnet, {
      hardfork: Hardfork.Prague,
      customCrypto: { kzg: {} as KZG },
    })
    const versioned = new Uint8Array(32)
    versioned[0] = 1
    const blob = createBlob4844Tx(
      {
        maxFeePerGas: 10n * GWEI,
        maxPriorityFeePerGas: GWEI,
        maxFeePerBlobGas: GWEI,
        gasLimit: 21_000n,
        to: TO,
        blobVersionedHashes: [versioned],
      },
      { common: blobCommon },
    ).sign(KEYS[0]!)
    await rejects(pool.add(blob), 'MISSING_BLOB_SIDECAR', /^missing sidecar in blob transaction/)
  })

  it('accepts a blob transaction in network form and charges its blob fee cap', async () => {
    const { pool, state } = setup()
    const chainCommon = createChainCommon({ chainId: CHAIN_ID, hardfork: 'prague' })
    const blobTx = (k: Uint8Array) =>
      createBlob4844Tx(
        {
          chainId: CHAIN_ID,
          maxFeePerGas: 10n * GWEI,
          maxPriorityFeePerGas: GWEI,
          maxFeePerBlobGas: GWEI,
          gasLimit: 21_000n,
          to: TO,
          blobsData: ['mosaic'],
        },
        { common: chainCommon },
      ).sign(k)
    // What eth_sendRawTransaction receives: the network wrapper, whose KZG proofs are verified on decode.
    const received = (k: Uint8Array) => decodeRawTransaction(blobTx(k).serializeNetworkWrapper(), chainCommon)
    const need = 21_000n * 10n * GWEI + 131_072n * GWEI
    state.set(ADDRS[1]!, 0n, need - 1n)
    await rejects(pool.add(received(KEYS[1]!)), 'INSUFFICIENT_FUNDS', /^insufficient funds/)
    state.set(ADDRS[2]!, 0n, need)
    const hash = await pool.add(received(KEYS[2]!))
    assert.deepEqual(hash, blobTx(KEYS[2]!).hash())
    // Kept without its blobs (their proofs were checked on decode).
    const pooled = pool.get(hash) as Blob4844Tx
    assert.equal(pooled.blobs, undefined)
    assert.deepEqual(pooled.hash(), hash)
    assert.equal(pooled.getSenderAddress().toString(), bytesToHex(ADDRS[2]!))
  })

  it('accepts 2930 and 7702 transactions', async () => {
    const { pool } = setup()
    const t2930 = createAccessList2930Tx(
      { gasPrice: 5n * GWEI, gasLimit: 21_000n, to: TO, value: 1n },
      { common },
    ).sign(KEYS[0]!)
    await pool.add(t2930)
    const auth = eoaCode7702SignAuthorization(
      { chainId: '0x5eb', address: TO.toString(), nonce: '0x0' },
      KEYS[2]!,
    )
    const t7702 = createEOACode7702Tx(
      {
        maxFeePerGas: 10n * GWEI,
        maxPriorityFeePerGas: GWEI,
        gasLimit: 100_000n,
        to: TO,
        authorizationList: [auth],
      },
      { common },
    ).sign(KEYS[1]!)
    await pool.add(t7702)
    assert.deepEqual(pool.status(), { pending: 2, queued: 0 })
  })

  it('rejects unsigned transactions as INVALID_SENDER', async () => {
    const { pool } = setup()
    const unsigned = createFeeMarket1559Tx({ maxFeePerGas: GWEI, gasLimit: 21_000n, to: TO }, { common })
    await rejects(pool.add(unsigned), 'INVALID_SENDER', /^invalid sender/)
  })

  it('rejects oversized transactions', async () => {
    const { pool } = setup({ maxTxBytes: 300 })
    const tx = tx1559(0, { data: new Uint8Array(400), gas: 100_000n })
    const size = tx.serialize().length
    await rejects(
      pool.add(tx),
      'OVERSIZED',
      new RegExp(`^oversized data: transaction size ${size}, limit 300$`),
    )
  })

  it('rejects a foreign chain id and unprotected legacy transactions', async () => {
    const { pool } = setup()
    const other = createCustomCommon({ chainId: 1 }, Mainnet, { hardfork: Hardfork.Prague })
    await rejects(pool.add(tx1559(0, {}, other)), 'WRONG_CHAIN_ID', /^invalid chain id: have 1, want 1515$/)
    const otherLegacy = createLegacyTx(
      { gasPrice: 5n * GWEI, gasLimit: 21_000n, to: TO },
      { common: other },
    ).sign(KEYS[0]!)
    await rejects(pool.add(otherLegacy), 'WRONG_CHAIN_ID', /^invalid chain id: have 1, want 1515$/)

    // Signed before EIP-155 (v = 27/28), then decoded with our chain's Common.
    const preEip155 = createCustomCommon({ chainId: Number(CHAIN_ID) }, Mainnet, {
      hardfork: Hardfork.TangerineWhistle,
    })
    const signed = createLegacyTx(
      { gasPrice: 5n * GWEI, gasLimit: 21_000n, to: TO },
      { common: preEip155 },
    ).sign(KEYS[0]!)
    const unprotected = createLegacyTxFromRLP(signed.serialize(), { common })
    assert.ok(unprotected.v === 27n || unprotected.v === 28n)
    await rejects(pool.add(unprotected), 'WRONG_CHAIN_ID', /^invalid chain id: have 0 .*want 1515$/)
    assert.equal(pool.status().pending, 0)
  })

  it('rejects a transaction it already holds', async () => {
    const { pool } = setup()
    const tx = tx1559(0)
    await pool.add(tx)
    await rejects(pool.add(tx), 'ALREADY_KNOWN', /^already known$/)
    // Same tx arriving twice concurrently: exactly one wins.
    const tx2 = tx1559(0, { nonce: 1n })
    const results = await Promise.allSettled([pool.add(tx2), pool.add(tx2)])
    assert.deepEqual(results.map((r) => r.status).sort(), ['fulfilled', 'rejected'])
    assert.deepEqual(pool.status(), { pending: 2, queued: 0 })
  })

  it('rejects gas below intrinsic gas and below the EIP-7623 floor', async () => {
    const { pool } = setup()
    await rejects(
      pool.add(tx1559(0, { gas: 20_999n })),
      'INTRINSIC_GAS_TOO_LOW',
      /^intrinsic gas too low: gas 20999, minimum needed 21000$/,
    )
    // 1000 non-zero bytes: intrinsic 21000 + 16000, floor 21000 + 40000.
    const data = new Uint8Array(1000).fill(1)
    await rejects(
      pool.add(tx1559(0, { gas: 40_000n, data })),
      'INTRINSIC_GAS_TOO_LOW',
      /^insufficient gas for floor data gas cost: gas 40000, minimum needed 61000$/,
    )
    await pool.add(tx1559(0, { gas: 61_000n, data }))
  })

  it('rejects gas above the block gas limit', async () => {
    const { pool, chain } = setup()
    chain.gasLimit = 1_000_000n
    await rejects(
      pool.add(tx1559(0, { gas: 1_000_001n })),
      'GAS_LIMIT_EXCEEDED',
      /^exceeds block gas limit: gas 1000001, limit 1000000$/,
    )
  })

  it('rejects a tip above the fee cap', async () => {
    const { pool } = setup()
    // ethereumjs refuses to build such a tx, so sign a valid one unfrozen and raise its tip after
    // (as a decoder without that check would hand it over).
    const tx = createFeeMarket1559Tx(
      { maxFeePerGas: 2n * GWEI, maxPriorityFeePerGas: GWEI, gasLimit: 21_000n, to: TO },
      { common, freeze: false },
    ).sign(KEYS[0]!)
    ;(tx as { maxPriorityFeePerGas: bigint }).maxPriorityFeePerGas = 3n * GWEI
    await rejects(pool.add(tx), 'TIP_ABOVE_FEE_CAP', /^max priority fee per gas higher than max fee per gas$/)
  })

  it('rejects a fee cap below the next base fee (1559 and legacy)', async () => {
    const { pool, chain } = setup()
    chain.baseFee = 7n * GWEI
    const addr = hex(ADDRS[0]!)
    await rejects(
      pool.add(tx1559(0, { maxFee: 6n * GWEI })),
      'FEE_CAP_BELOW_BASE_FEE',
      new RegExp(
        `^max fee per gas less than block base fee: address ${addr}, maxFeePerGas: 6000000000, baseFee: 7000000000$`,
      ),
    )
    await rejects(pool.add(legacy(0, 0n, 6n * GWEI)), 'FEE_CAP_BELOW_BASE_FEE')
  })

  it('rejects a tip below minTip', async () => {
    const { pool } = setup({ minTip: GWEI })
    await rejects(
      pool.add(tx1559(0, { tip: GWEI - 1n })),
      'UNDERPRICED',
      /^transaction underpriced: tip 999999999, minimum 1000000000$/,
    )
    await pool.add(tx1559(0, { tip: GWEI }))
  })

  it('rejects nonces below the state nonce and too far above it', async () => {
    const { pool, state } = setup({ maxPerSender: 8 })
    state.set(ADDRS[0]!, 5n)
    const addr = hex(ADDRS[0]!)
    await rejects(
      pool.add(tx1559(0, { nonce: 4n })),
      'NONCE_TOO_LOW',
      new RegExp(`^nonce too low: address ${addr}, tx: 4 state: 5$`),
    )
    await rejects(
      pool.add(tx1559(0, { nonce: 14n })),
      'NONCE_TOO_HIGH',
      new RegExp(`^nonce too high: address ${addr}, tx: 14 state: 5$`),
    )
    await pool.add(tx1559(0, { nonce: 13n }))
    assert.deepEqual(pool.status(), { pending: 0, queued: 1 })
  })

  it('rejects a sender that cannot pay gasLimit * maxFee + value', async () => {
    const { pool, state } = setup()
    const cost = 21_000n * 10n * GWEI + 5n
    state.set(ADDRS[0]!, 0n, cost - 1n)
    const addr = hex(ADDRS[0]!)
    await rejects(
      pool.add(tx1559(0, { value: 5n })),
      'INSUFFICIENT_FUNDS',
      new RegExp(
        `^insufficient funds for gas \\* price \\+ value: address ${addr} have ${cost - 1n} want ${cost}$`,
      ),
    )
    state.set(ADDRS[1]!, 0n, cost)
    await pool.add(tx1559(1, { value: 5n }))
  })
})

describe('TxPool replacement', () => {
  it('accepts a +10% bump on both fees and keeps the slot', async () => {
    const { pool, pendingSeen } = setup()
    const a = tx1559(0, { nonce: 0n, maxFee: 100n * GWEI, tip: 10n * GWEI })
    const b = tx1559(0, { nonce: 1n, maxFee: 100n * GWEI, tip: 10n * GWEI })
    await pool.add(a)
    await pool.add(b)
    const a2 = tx1559(0, { nonce: 0n, maxFee: 110n * GWEI, tip: 11n * GWEI })
    await pool.add(a2)
    assert.equal(pool.has(a.hash()), false)
    assert.equal(pool.get(a2.hash()), a2)
    assert.deepEqual(pool.status(), { pending: 2, queued: 0 })
    assert.deepEqual(pool.content().pending.get(hex(ADDRS[0]!)), [a2, b])
    assert.deepEqual(pendingSeen, [a, b, a2])
  })

  it('refuses a bump below 10% on either fee', async () => {
    const { pool } = setup()
    const a = tx1559(0, { maxFee: 100n * GWEI, tip: 10n * GWEI })
    await pool.add(a)
    await rejects(
      pool.add(tx1559(0, { maxFee: 109n * GWEI, tip: 20n * GWEI })),
      'REPLACEMENT_UNDERPRICED',
      /^replacement transaction underpriced$/,
    )
    await rejects(
      pool.add(tx1559(0, { maxFee: 200n * GWEI, tip: 10n * GWEI + 1n })),
      'REPLACEMENT_UNDERPRICED',
    )
    assert.equal(pool.get(a.hash()), a)
  })

  it('replaces a queued transaction in the queue', async () => {
    const { pool } = setup()
    await pool.add(tx1559(0, { nonce: 2n, maxFee: 10n * GWEI, tip: GWEI }))
    const r = tx1559(0, { nonce: 2n, maxFee: 11n * GWEI, tip: 2n * GWEI })
    await pool.add(r)
    assert.deepEqual(pool.status(), { pending: 0, queued: 1 })
    assert.deepEqual(pool.content().queued.get(hex(ADDRS[0]!)), [r])
  })
})

describe('TxPool pending and queued', () => {
  it('queues after a gap and promotes when add fills it', async () => {
    const { pool, pendingSeen } = setup()
    await pool.add(tx1559(0, { nonce: 0n }))
    await pool.add(tx1559(0, { nonce: 2n }))
    await pool.add(tx1559(0, { nonce: 3n }))
    await pool.add(tx1559(0, { nonce: 5n }))
    assert.deepEqual(pool.status(), { pending: 1, queued: 3 })
    assert.equal(await pool.pendingNonce(ADDRS[0]!), 1n)
    await pool.add(tx1559(0, { nonce: 1n }))
    assert.deepEqual(pool.status(), { pending: 4, queued: 1 })
    assert.deepEqual(nonces(pendingSeen), [0n, 1n, 2n, 3n])
    const content = pool.content()
    assert.deepEqual(nonces(content.pending.get(hex(ADDRS[0]!))), [0n, 1n, 2n, 3n])
    assert.deepEqual(nonces(content.queued.get(hex(ADDRS[0]!))), [5n])
    assert.equal(await pool.pendingNonce(ADDRS[0]!), 4n)
  })

  it('promotes queued transactions when a new head fills the gap', async () => {
    const { pool, state, pendingSeen } = setup()
    await pool.add(tx1559(0, { nonce: 2n }))
    await pool.add(tx1559(0, { nonce: 3n }))
    assert.deepEqual(pool.status(), { pending: 0, queued: 2 })
    assert.equal(pendingSeen.length, 0)
    // Nonces 0 and 1 were mined from elsewhere.
    state.set(ADDRS[0]!, 2n)
    await pool.onNewHead([ADDRS[0]!])
    assert.deepEqual(pool.status(), { pending: 2, queued: 0 })
    assert.deepEqual(nonces(pendingSeen), [2n, 3n])
    assert.equal(await pool.pendingNonce(ADDRS[0]!), 4n)
  })

  it('drops mined transactions on a new head and reads only the listed senders', async () => {
    const { pool, state } = setup()
    const mined = [tx1559(0, { nonce: 0n }), tx1559(0, { nonce: 1n })]
    for (const t of mined) await pool.add(t)
    await pool.add(tx1559(0, { nonce: 2n }))
    await pool.add(tx1559(1, { nonce: 0n }))
    state.reads = []
    state.set(ADDRS[0]!, 2n)
    await pool.onNewHead([ADDRS[0]!])
    assert.deepEqual(state.reads, [hex(ADDRS[0]!)])
    for (const t of mined) assert.equal(pool.has(t.hash()), false)
    assert.deepEqual(pool.status(), { pending: 2, queued: 0 })
    assert.deepEqual(nonces(pool.content().pending.get(hex(ADDRS[0]!))), [2n])

    // Without a list every pooled sender is re-read.
    state.reads = []
    state.set(ADDRS[1]!, 1n)
    await pool.onNewHead()
    assert.deepEqual(state.reads.sort(), [hex(ADDRS[0]!), hex(ADDRS[1]!)].sort())
    assert.deepEqual(pool.status(), { pending: 1, queued: 0 })
  })

  it('drops transactions the sender can no longer pay for and queues the ones after them', async () => {
    const { pool, state } = setup()
    await pool.add(tx1559(0, { nonce: 0n }))
    await pool.add(tx1559(0, { nonce: 1n, value: 50n * ETHER }))
    await pool.add(tx1559(0, { nonce: 2n }))
    state.set(ADDRS[0]!, 0n, 10n * ETHER)
    await pool.onNewHead([ADDRS[0]!])
    const c = pool.content()
    assert.deepEqual(nonces(c.pending.get(hex(ADDRS[0]!))), [0n])
    assert.deepEqual(nonces(c.queued.get(hex(ADDRS[0]!))), [2n])
    assert.equal(await pool.pendingNonce(ADDRS[0]!), 1n)
  })

  it('reads an account once between heads and again after one', async () => {
    const { pool, state } = setup()
    state.reads = []
    await Promise.all([0n, 1n, 2n].map((nonce) => pool.add(tx1559(0, { nonce }))))
    await pool.pendingNonce(ADDRS[0]!)
    assert.deepEqual(state.reads, [hex(ADDRS[0]!)])
    // A sender with nothing pooled is forgotten at the next head, listed or not.
    assert.equal(await pool.pendingNonce(ADDRS[5]!), 0n)
    state.set(ADDRS[5]!, 9n)
    await pool.onNewHead([])
    assert.equal(await pool.pendingNonce(ADDRS[5]!), 9n)
  })

  it('stays consistent when an add races a new head', async () => {
    const { pool, state } = setup()
    const racing = pool.add(tx1559(0, { nonce: 0n }))
    // The block that mined nonce 0 lands while the add is reading the account.
    state.set(ADDRS[0]!, 1n)
    const head = pool.onNewHead([ADDRS[0]!])
    await Promise.allSettled([racing, head])
    assert.deepEqual(pool.status(), { pending: 0, queued: 0 })
    assert.equal(await pool.pendingNonce(ADDRS[0]!), 1n)
  })

  it('keeps going when the onPending handler throws', async () => {
    const { pool } = setup()
    pool.onPending = () => {
      throw new Error('subscriber failed')
    }
    await pool.add(tx1559(0, { nonce: 0n }))
    await pool.add(tx1559(0, { nonce: 1n }))
    assert.deepEqual(pool.status(), { pending: 2, queued: 0 })
  })

  it('remove() queues the sender’s later transactions', async () => {
    const { pool } = setup()
    const txs = [0n, 1n, 2n].map((nonce) => tx1559(0, { nonce }))
    for (const t of txs) await pool.add(t)
    assert.equal(pool.remove(txs[1]!.hash()), true)
    assert.equal(pool.remove(txs[1]!.hash()), false)
    assert.deepEqual(pool.status(), { pending: 1, queued: 1 })
    assert.deepEqual(nonces(drain(pool, GWEI)), [0n])
  })
})

describe('TxPool cursor', () => {
  it('orders by effective tip across senders and by nonce within a sender', async () => {
    const { pool } = setup()
    // Sender 0: nonce 0 tip 1 gwei, nonce 1 tip 9 gwei (must still come after nonce 0).
    await pool.add(tx1559(0, { nonce: 1n, tip: 9n * GWEI, maxFee: 20n * GWEI }))
    await pool.add(tx1559(0, { nonce: 0n, tip: 1n * GWEI, maxFee: 20n * GWEI }))
    // Sender 1: tip 5 gwei, but fee cap 4 gwei above the base fee: effective tip 4.
    await pool.add(tx1559(1, { nonce: 0n, tip: 5n * GWEI, maxFee: 6n * GWEI }))
    // Sender 2: legacy at 5 gwei: effective tip 3 (= gasPrice - baseFee).
    await pool.add(legacy(2, 0n, 5n * GWEI))
    // Sender 3: tip 3 gwei arrived after sender 2's equal effective tip.
    await pool.add(tx1559(3, { nonce: 0n, tip: 3n * GWEI, maxFee: 20n * GWEI }))
    const order = drain(pool, 2n * GWEI).map((t) => `${hex(t.getSenderAddress().bytes)}:${t.nonce}`)
    const id = (k: number, n: number) => `${hex(ADDRS[k]!)}:${n}`
    assert.deepEqual(order, [id(1, 0), id(2, 0), id(3, 0), id(0, 0), id(0, 1)])
  })

  it('leaves out fee caps below the base fee and everything after them in that sender', async () => {
    const { pool } = setup()
    await pool.add(tx1559(0, { nonce: 0n, maxFee: 20n * GWEI }))
    await pool.add(tx1559(0, { nonce: 1n, maxFee: 5n * GWEI }))
    await pool.add(tx1559(0, { nonce: 2n, maxFee: 20n * GWEI }))
    await pool.add(tx1559(1, { nonce: 0n, maxFee: 4n * GWEI }))
    await pool.add(tx1559(2, { nonce: 1n, maxFee: 20n * GWEI })) // queued: never offered
    const got = drain(pool, 6n * GWEI)
    assert.equal(got.length, 1)
    assert.equal(hex(got[0]!.getSenderAddress().bytes), hex(ADDRS[0]!))
    assert.equal(got[0]!.nonce, 0n)
    assert.equal(drain(pool, GWEI).length, 4)
  })

  it('pop() skips the rest of a sender for this block', async () => {
    const { pool } = setup()
    for (const nonce of [0n, 1n, 2n]) await pool.add(tx1559(0, { nonce, tip: 5n * GWEI }))
    for (const nonce of [0n, 1n]) await pool.add(tx1559(1, { nonce, tip: 2n * GWEI }))
    const cursor = pool.cursor(GWEI)
    assert.equal(cursor.peek()?.nonce, 0n)
    cursor.shift()
    const second = cursor.peek()!
    assert.equal(hex(second.getSenderAddress().bytes), hex(ADDRS[0]!))
    assert.equal(second.nonce, 1n)
    cursor.pop()
    const rest: string[] = []
    for (let t = cursor.peek(); t !== undefined; t = cursor.peek()) {
      rest.push(`${hex(t.getSenderAddress().bytes)}:${t.nonce}`)
      cursor.shift()
    }
    assert.deepEqual(rest, [`${hex(ADDRS[1]!)}:0`, `${hex(ADDRS[1]!)}:1`])
    // The pool itself is untouched by the cursor.
    assert.deepEqual(pool.status(), { pending: 5, queued: 0 })
  })
})

describe('TxPool limits', () => {
  it('refuses more than maxPerSender transactions from one sender', async () => {
    const { pool } = setup({ maxPerSender: 3 })
    for (const nonce of [0n, 1n, 2n]) await pool.add(tx1559(0, { nonce }))
    const addr = hex(ADDRS[0]!)
    await rejects(
      pool.add(tx1559(0, { nonce: 3n })),
      'SENDER_LIMIT',
      new RegExp(`^account limit exceeded: address ${addr}, limit 3$`),
    )
    // Replacing is still allowed at the limit.
    await pool.add(tx1559(0, { nonce: 2n, maxFee: 20n * GWEI, tip: 2n * GWEI }))
    await pool.add(tx1559(1, { nonce: 0n }))
  })

  it('refuses new transactions when full of pending ones', async () => {
    const { pool } = setup({ maxTotal: 3 })
    for (const k of [0, 1, 2]) await pool.add(tx1559(k))
    await rejects(pool.add(tx1559(3)), 'POOL_FULL', /^txpool is full/)
    await pool.add(tx1559(0, { maxFee: 20n * GWEI, tip: 2n * GWEI }))
    assert.deepEqual(pool.status(), { pending: 3, queued: 0 })
  })

  it('evicts the cheapest queued transaction of another sender when full', async () => {
    const { pool } = setup({ maxTotal: 4 })
    await pool.add(tx1559(0, { nonce: 0n }))
    const cheap = tx1559(1, { nonce: 3n, maxFee: 2n * GWEI })
    const dear = tx1559(1, { nonce: 4n, maxFee: 30n * GWEI })
    const own = tx1559(2, { nonce: 5n, maxFee: GWEI })
    await pool.add(cheap)
    await pool.add(dear)
    await pool.add(own)
    assert.deepEqual(pool.status(), { pending: 1, queued: 3 })

    // Sender 2's own queued tx is the cheapest but is not evicted for sender 2.
    await pool.add(tx1559(2, { nonce: 0n }))
    assert.equal(pool.has(own.hash()), true)
    assert.equal(pool.has(cheap.hash()), false)
    assert.equal(pool.has(dear.hash()), true)
    assert.deepEqual(pool.status(), { pending: 2, queued: 2 })

    // A queued newcomer must outbid the cheapest queued one (sender 2's at 1 gwei).
    await rejects(pool.add(tx1559(3, { nonce: 7n, maxFee: GWEI })), 'POOL_FULL')
    await pool.add(tx1559(3, { nonce: 7n, maxFee: 3n * GWEI }))
    assert.equal(pool.has(own.hash()), false)
    assert.deepEqual(pool.status(), { pending: 2, queued: 2 })
  })
})
