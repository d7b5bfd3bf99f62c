// Who a node refuses: a node of another genesis, and a hostile peer sending garbage, oversized
// messages, blocks with bad seals and blocks that do not execute. Each offence is counted by reason;
// the peer is scored down, disconnected and banned; nothing bad is imported; the chain goes on.
import assert from 'node:assert/strict'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { after, before, describe, test } from 'node:test'
import { RLP } from '@ethereumjs/rlp'
import { bytesToHex, hexToBytes } from '@ethereumjs/util'
import { keccak256 } from 'ethereum-cryptography/keccak.js'
import { sealHash, signSeal } from '../../consensus/index.ts'
import { devValidatorKeys } from '../../genesis/index.ts'
import { PROTOCOLS } from '../../p2p/index.ts'
import { createHostilePeer, type HostilePeer } from '../helpers/hostilePeer.ts'
import { createTestNetwork, hashAt, type TestNetwork } from '../helpers/network.ts'
import { blockNumber, rpc, runCli, target, waitFor } from '../helpers/node.ts'

const BLOCK_TIME_MS = 500

describe('peers of another genesis', { skip: target !== 'mosaic' && 'mosaic-node only' }, () => {
  let a: TestNetwork
  let b: TestNetwork

  before(async () => {
    a = await createTestNetwork({ validators: 1, blockTimeMs: BLOCK_TIME_MS })
    await a.start(0)
    // Same chain id and validators, another genesis (its timestamp differs).
    b = await createTestNetwork({
      validators: 1,
      blockTimeMs: BLOCK_TIME_MS,
      editGenesis: (g) => {
        g['timestamp'] = '0x1'
      },
      extraArgs: ['--bootnodes', a.devnet.nodes[0]!.multiaddr],
    })
    await b.start(0)
  })

  after(async () => {
    await b?.stopAll()
    await a?.stopAll()
  })

  test('two nodes with different genesis refuse each other and keep their own chains', async () => {
    for (const [name, n] of [
      ['A', a.node(0)],
      ['B', b.node(0)],
    ] as const) {
      await waitFor(`refusal logged by node ${name}`, () => /wrong_chain/.test(n.stderrTail())).catch(
        (e: Error) => {
          throw new Error(`${e.message}\nA:\n${a.node(0).stderrTail()}\nB:\n${b.node(0).stderrTail()}`)
        },
      )
    }
    // The refusing side hangs up a second after answering the status, so both sides learn why.
    await waitFor('node B bans node A', () => /peer disconnected and banned/.test(b.node(0).stderrTail()))
    for (const n of [a.node(0), b.node(0)]) {
      await waitFor('no peers left', async () => Number(await rpc<string>(n.url, 'net_peerCount')) === 0)
    }
    const n = Math.min(await blockNumber(a.node(0).url), await blockNumber(b.node(0).url))
    assert.notEqual(await hashAt(a.node(0).url, n), await hashAt(b.node(0).url, n))
  })
})

describe('bootnodes', { skip: target !== 'mosaic' && 'mosaic-node only' }, () => {
  test('a bootnode that is not a multiaddr with a peer id stops the node with one line', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'mosaic-e2e-boot-'))
    try {
      const r = await runCli([
        'start',
        '--datadir',
        join(dir, 'data'),
        '--genesis',
        await devGenesisFile(dir),
        '--rpc.port',
        '0',
        '--p2p.port',
        '0',
        '--bootnodes',
        '/ip4/127.0.0.1/tcp/30303',
      ])
      assert.notEqual(r.code, 0)
      assert.match(
        r.stderr.trim().split('\n').at(-1)!,
        /^error: bootnode \/ip4\/127.0.0.1\/tcp\/30303: expected a \/p2p\/<peer id> part$/,
      )
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })
})

async function devGenesisFile(dir: string): Promise<string> {
  const g = await runCli(['genesis', '--out', join(dir, 'genesis.json')])
  assert.equal(g.code, 0, g.stderr)
  return join(dir, 'genesis.json')
}

describe('a hostile peer', { skip: target !== 'mosaic' && 'mosaic-node only' }, () => {
  let net: TestNetwork
  const hostile: HostilePeer[] = []
  const url = (i: number) => net.node(i).url

  before(async () => {
    net = await createTestNetwork({ validators: 2, blockTimeMs: BLOCK_TIME_MS })
    await Promise.all([net.start(0), net.start(1)])
    await waitFor('block 2', async () => (await blockNumber(url(0))) >= 2)
  })

  after(async () => {
    for (const h of hostile) await h.stop().catch(() => {})
    await net?.stopAll()
  })

  /** A hostile peer connected to node 0 and in its gossip mesh for the blocks topic. */
  const attacker = async () => {
    const h = await createHostilePeer(1515n)
    hostile.push(h)
    await h.connect(net.devnet.nodes[0]!.multiaddr)
    const target = net.devnet.nodes[0]!.peerId
    await waitFor('node 0 subscribed', () =>
      h.node.services.pubsub.getSubscribers(h.topics.blocks).some((p) => p.toString() === target),
    )
    return h
  }

  const rejected = async (): Promise<string> => {
    const res = await fetch(`${url(0)}/metrics`)
    return (await res.text())
      .split('\n')
      .filter((l) => l.startsWith('mosaic_p2p_rejected_total'))
      .join('\n')
  }

  /** The latest block of node 0, raw, decoded into its RLP fields. */
  const latestFields = async () => {
    const raw = await rpc<string>(url(0), 'debug_getRawBlock', ['latest'])
    return RLP.decode(hexToBytes(raw as `0x${string}`)) as unknown as [Uint8Array[], ...unknown[]]
  }

  test('invalid blocks, bad seals and oversized messages: scored down, disconnected, banned', async () => {
    const h = await attacker()
    const nodeId = net.devnet.nodes[0]!.peerId
    const badHashes: string[] = []

    // Oversized: a transaction message far above the 128 KiB limit.
    await h.publish(h.topics.transactions, new Uint8Array(300 * 1024).fill(7))

    // A real block with one byte of its seal changed.
    const sealed = await latestFields()
    const extra = Uint8Array.from(sealed[0][12]!)
    extra[extra.length - 20] = (extra[extra.length - 20] ?? 0) ^ 0xff
    sealed[0][12] = extra
    const badSeal = RLP.encode(sealed as never)
    await h.publish(h.topics.blocks, badSeal)

    // A block sealed by its (public dev) proposer key whose state root is wrong: it fails execution.
    const fields = await latestFields()
    fields[0][3] = new Uint8Array(32).fill(0xab)
    const ex = fields[0][12]!
    const unsealed = ex.subarray(0, ex.length - 65)
    const miner = bytesToHex(fields[0][2]!).toLowerCase()
    const key = devValidatorKeys(2).find((k) => k.address.toLowerCase() === miner)!
    const seal = signSeal(sealHash(fields[0], unsealed), hexToBytes(key.privateKey))
    const resealed = new Uint8Array(ex.length)
    resealed.set(unsealed)
    resealed.set(seal, unsealed.length)
    fields[0][12] = resealed
    const badExec = RLP.encode(fields as never)
    badHashes.push(bytesToHex(keccakOfHeader(fields[0])))
    await h.publish(h.topics.blocks, badExec)

    await waitFor('offences counted', async () => {
      const m = await rejected()
      return /reason="oversized"/.test(m) && /reason="bad_seal"/.test(m) && /reason="invalid_block"/.test(m)
    })
    await waitFor('attacker disconnected', () => !h.connectedTo(nodeId))
    assert.match(net.node(0).stderrTail(), /peer disconnected and banned/)
    // Banned: a new connection is refused (or dropped at once).
    await h.connect(net.devnet.nodes[0]!.multiaddr).catch(() => {})
    await waitFor('ban holds', () => !h.connectedTo(nodeId), { timeoutMs: 10_000 })

    for (const hash of badHashes) {
      for (const i of [0, 1]) assert.equal(await rpc(url(i), 'eth_getBlockByHash', [hash, false]), null)
    }
  })

  test('garbage bytes on gossip and req/resp: scored down and disconnected; the chain goes on', async () => {
    const h = await attacker()
    const nodeId = net.devnet.nodes[0]!.peerId
    const before = await blockNumber(url(0))
    await h.publish(h.topics.blocks, Uint8Array.from([0xde, 0xad, 0xbe, 0xef, 1, 2, 3]))
    for (let i = 0; i < 3 && h.connectedTo(nodeId); i++) {
      await h.request(nodeId, PROTOCOLS.blocksByRange, Uint8Array.from([0xff, 0x00, 0x13, 0x37, i]))
    }
    await waitFor('garbage counted', async () => /reason="garbage"/.test(await rejected()))
    await waitFor('attacker disconnected', () => !h.connectedTo(nodeId))
    // The honest validators go on together.
    await waitFor('chain goes on', async () => (await blockNumber(url(0))) >= before + 4)
    const n = await blockNumber(url(0))
    await waitFor('same head', async () => {
      const [x, y] = await Promise.all([hashAt(url(0), n), hashAt(url(1), n)])
      return x !== undefined && x === y
    })
  })
})

function keccakOfHeader(fields: Uint8Array[]): Uint8Array {
  return keccak256(RLP.encode(fields))
}
