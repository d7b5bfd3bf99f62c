// The on-chain Merkle-Patricia proof verifier (consensus/contracts/MerklePatriciaProof.sol) on a real
// Hardhat origin, fed with real eth_getProof output of both chains: Hardhat's own, and mosaic-node's
// (`mosaic-node dev`), whose state root the verifier takes as given, as the origin will take aux roots
// committed to Core. A mapping of ~300 entries gives long branch paths; two keys ground so that their
// trie paths share six nibbles put an extension node on their path (the proofs are decoded to check).
import assert from 'node:assert/strict'
import { join } from 'node:path'
import { after, before, describe, test } from 'node:test'
import { createMerkleProof, createMPT } from '@ethereumjs/mpt'
import { RLP } from '@ethereumjs/rlp'
import {
  type Abi,
  type Address,
  BaseError,
  type Chain,
  ContractFunctionRevertedError,
  concat,
  createPublicClient,
  createWalletClient,
  defineChain,
  type Hex,
  hexToBigInt,
  hexToBytes,
  http,
  keccak256,
  type PublicClient,
  parseEther,
  type ReadContractParameters,
  type Transport,
  toHex,
} from 'viem'
import { generatePrivateKey, privateKeyToAccount } from 'viem/accounts'
import {
  type HardhatOrigin,
  merklePatriciaProofVerifierBytecode,
  startHardhatOrigin,
  merklePatriciaProofVerifierAbi as verifierAbi,
} from '../../consensus/index.ts'
import { DEV_CHAIN_ID, DEV_KEYS, type DevNode, REPO_ROOT, startDevNode } from '../helpers/node.ts'
import { type CompiledContract, compileContract, compileFiles } from '../helpers/solc.ts'

const ENTRIES = 300n
const FILL_BATCH = 100
const EMPTY_TRIE_ROOT = '0x56e81f171bcc55a6ff8345e692c0f86e5b48e01b996cadc001622fb5e363b421'
const EMPTY_CODE_HASH = keccak256('0x')

/** The storage slot of `entries[key]` (the mapping is at slot 0). */
const slotOf = (key: bigint): Hex => keccak256(concat([toHex(key, { size: 32 }), toHex(0n, { size: 32 })]))
/** Small values for even keys, 32-byte ones for odd keys: both RLP shapes of a storage value. */
const entryValue = (key: bigint): bigint =>
  key % 2n === 0n ? key + 1n : hexToBigInt(keccak256(toHex(key, { size: 32 })))

/**
 * Two mapping keys whose secure-trie paths (keccak256 of the slot) share their first six nibbles. The
 * other entries part from them within the first three or four nibbles, so below that branch the pair
 * is alone with two or more nibbles in common: an extension node, which the test checks in the proofs.
 */
function extensionPair(): [bigint, bigint] {
  const seen = new Map<string, bigint>()
  for (let k = 1_000n; ; k++) {
    const prefix = keccak256(slotOf(k)).slice(2, 8)
    const other = seen.get(prefix)
    if (other !== undefined) return [other, k]
    seen.set(prefix, k)
  }
}

type NodeKind = 'branch' | 'extension' | 'leaf'

/** The kind of a trie node: 17 items, or 2 with a hex-prefix flag of 0-1 (extension) or 2-3 (leaf). */
function nodeKind(node: Hex): NodeKind {
  const items = RLP.decode(node)
  assert.ok(Array.isArray(items) && (items.length === 17 || items.length === 2), `not a trie node: ${node}`)
  if (items.length === 17) return 'branch'
  const path = items[0]
  assert.ok(path instanceof Uint8Array && path.length > 0)
  return path[0]! >> 4 <= 1 ? 'extension' : 'leaf'
}

const commonNibbles = (a: string, b: string): number => {
  let n = 0
  while (n < a.length && a[n] === b[n]) n++
  return n
}

/**
 * Where the walk for an absent trie path stops, from the paths present: at a leaf when one key alone
 * shares the longest prefix with it, inside an extension when the keys sharing that prefix also
 * share the next nibble, else at the empty slot of a branch.
 */
function exclusionKind(path: string, present: string[]): NodeKind {
  const longest = Math.max(...present.map((p) => commonNibbles(path, p)))
  const near = present.filter((p) => commonNibbles(path, p) === longest)
  if (near.length === 1) return 'leaf'
  const shared = Math.min(...near.map((p) => commonNibbles(near[0]!, p)))
  return shared > longest ? 'extension' : 'branch'
}

/** Indices of the extension nodes in a proof: two-item lists whose hex-prefix flag is 0 or 1. */
function extensionNodes(proof: readonly Hex[]): number[] {
  return proof.flatMap((node, i) => (nodeKind(node) === 'extension' ? [i] : []))
}

/** The proof with one byte of node `node` flipped. */
function tamper(proof: readonly Hex[], node: number): Hex[] {
  return proof.map((n, i) => {
    if (i !== node) return n
    const bytes = Buffer.from(n.slice(2), 'hex')
    bytes[bytes.length >> 1]! ^= 0x01
    return toHex(bytes)
  })
}

/** A chain filled for the test, with the state root of the block the proofs are taken at. */
interface Filled {
  client: PublicClient<Transport, Chain>
  entries: Address
  funded: { address: Address; balance: bigint }[]
  blockNumber: bigint
  stateRoot: Hex
}

describe('Merkle-Patricia proofs of both chains verified on the origin', () => {
  let origin: HardhatOrigin
  let aux: DevNode
  let originClient: PublicClient<Transport, Chain>
  let verifier: Address
  let entriesArtifact: CompiledContract
  const keys = Array.from({ length: Number(ENTRIES) }, (_, i) => BigInt(i + 1))
  const pair = extensionPair()
  /** Never-written keys whose exclusion proofs end at each kind of node (found offline, checked below). */
  const absent = ((): Record<NodeKind, bigint> => {
    const present = [...keys, ...pair].map((k) => keccak256(slotOf(k)).slice(2))
    const found: Partial<Record<NodeKind, bigint>> = {}
    for (let k = 10_000_000n; Object.keys(found).length < 3; k++)
      found[exclusionKind(keccak256(slotOf(k)).slice(2), present)] ??= k
    return found as Record<NodeKind, bigint>
  })()
  const filled = new Map<'hardhat' | 'mosaic', Filled>()

  const chainAt = (id: number, url: string): Chain =>
    defineChain({
      id,
      name: `chain ${id}`,
      nativeCurrency: { name: 'Ether', symbol: 'ETH', decimals: 18 },
      rpcUrls: { default: { http: [url] } },
    })

  /** Deploys Entries, fills it (in batches, one transaction each) and funds a few fresh accounts. */
  async function fill(url: string, chainId: number): Promise<Filled> {
    const chain = chainAt(chainId, url)
    const client = createPublicClient({ chain, transport: http(url), pollingInterval: 100 })
    const wallet = createWalletClient({
      account: privateKeyToAccount(DEV_KEYS[8]),
      chain,
      transport: http(url),
    })
    const deployed = await client.waitForTransactionReceipt({
      hash: await wallet.deployContract({ abi: entriesArtifact.abi, bytecode: entriesArtifact.bytecode }),
    })
    const entries = deployed.contractAddress!
    const all = [...keys, ...pair]
    for (let i = 0; i < all.length; i += FILL_BATCH) {
      const batch = all.slice(i, i + FILL_BATCH)
      const hash = await wallet.writeContract({
        address: entries,
        abi: entriesArtifact.abi,
        functionName: 'fill',
        args: [batch, batch.map(entryValue)],
      })
      assert.equal((await client.waitForTransactionReceipt({ hash })).status, 'success')
    }
    const funded = [1n, 2n, 3n].map((n) => ({
      address: privateKeyToAccount(generatePrivateKey()).address,
      balance: parseEther(n.toString()),
    }))
    for (const f of funded) {
      const hash = await wallet.sendTransaction({ to: f.address, value: f.balance })
      await client.waitForTransactionReceipt({ hash })
    }
    const block = await client.getBlock({ blockTag: 'latest' })
    return { client, entries, funded, blockNumber: block.number, stateRoot: block.stateRoot }
  }

  async function deployOnOrigin(abi: Abi, bytecode: Hex): Promise<Address> {
    const deployer = createWalletClient({
      account: privateKeyToAccount(DEV_KEYS[7]),
      chain: chainAt(origin.chainId, origin.url),
      transport: http(origin.url),
    })
    const hash = await deployer.deployContract({ abi, bytecode })
    return (await originClient.waitForTransactionReceipt({ hash })).contractAddress!
  }

  /** The library's walk on a raw path (MptHarness, deployed on first use). */
  let harness: Address | undefined
  const harnessArtifact = compileFiles([
    join(REPO_ROOT, 'consensus', 'contracts', 'MerklePatriciaProof.sol'),
    'MptHarness.sol',
  ]).MptHarness!
  async function walkRaw(root: Hex, path: Hex, proof: Hex[]): Promise<unknown> {
    harness ??= await deployOnOrigin(harnessArtifact.abi, harnessArtifact.bytecode)
    return originClient.readContract({
      address: harness,
      abi: harnessArtifact.abi,
      functionName: 'get',
      args: [root, path, proof],
    })
  }

  /** An eth_call of the verifier on the origin; results are compared as decoded. */
  const read = (
    functionName: 'verifyAccount' | 'verifyStorage' | 'verifyAccountStorage',
    args: readonly unknown[],
  ): Promise<unknown> =>
    originClient.readContract({
      address: verifier,
      abi: verifierAbi,
      functionName,
      args,
    } as ReadContractParameters<typeof verifierAbi>)

  async function revertsWith(p: Promise<unknown>, errorName: string, args: readonly unknown[] = []) {
    try {
      await p
    } catch (e) {
      const revert = e instanceof BaseError ? e.walk((c) => c instanceof ContractFunctionRevertedError) : null
      assert.ok(revert instanceof ContractFunctionRevertedError, `not a revert: ${String(e)}`)
      assert.equal(revert.data?.errorName, errorName)
      assert.deepEqual(revert.data?.args ?? [], args)
      return
    }
    assert.fail(`expected a revert with ${errorName}`)
  }

  before(async () => {
    entriesArtifact = compileContract('Entries')
    ;[origin, aux] = await Promise.all([startHardhatOrigin(), startDevNode()])
    originClient = createPublicClient({
      chain: chainAt(origin.chainId, origin.url),
      transport: http(origin.url),
      pollingInterval: 100,
    })
    verifier = await deployOnOrigin(verifierAbi, merklePatriciaProofVerifierBytecode)
    const [hardhat, mosaic] = await Promise.all([
      fill(origin.url, origin.chainId),
      fill(aux.url, DEV_CHAIN_ID),
    ])
    filled.set('hardhat', hardhat)
    filled.set('mosaic', mosaic)
  })

  after(async () => {
    await Promise.all([origin?.stop(), aux?.stop()])
  })

  for (const name of ['hardhat', 'mosaic'] as const) {
    test(`${name}: accounts, present (with and without storage) and absent, against the block's state root`, async () => {
      const f = filled.get(name)!
      const code = await f.client.getCode({ address: f.entries, blockNumber: f.blockNumber })
      const proof = await f.client.getProof({
        address: f.entries,
        storageKeys: [],
        blockNumber: f.blockNumber,
      })
      const [exists, nonce, balance, storageRoot, codeHash] = (await read('verifyAccount', [
        f.stateRoot,
        f.entries,
        proof.accountProof,
      ])) as [boolean, bigint, bigint, Hex, Hex]
      assert.deepEqual(
        { exists, nonce, balance, storageRoot, codeHash },
        { exists: true, nonce: 1n, balance: 0n, storageRoot: proof.storageHash, codeHash: keccak256(code!) },
      )
      for (const eoa of f.funded) {
        const p = await f.client.getProof({
          address: eoa.address,
          storageKeys: [slotOf(1n)],
          blockNumber: f.blockNumber,
        })
        assert.deepEqual(await read('verifyAccount', [f.stateRoot, eoa.address, p.accountProof]), [
          true,
          0n,
          eoa.balance,
          EMPTY_TRIE_ROOT,
          EMPTY_CODE_HASH,
        ])
        // No storage at all: the storage proof of an empty trie.
        const storage = p.storageProof[0]!.proof
        assert.equal(await read('verifyStorage', [EMPTY_TRIE_ROOT, slotOf(1n), storage]), 0n)
        const args = [f.stateRoot, eoa.address, p.accountProof, slotOf(1n), storage]
        assert.equal(await read('verifyAccountStorage', args), 0n)
      }
      const nobody = privateKeyToAccount(generatePrivateKey()).address
      const absent = await f.client.getProof({
        address: nobody,
        storageKeys: [slotOf(1n)],
        blockNumber: f.blockNumber,
      })
      assert.ok(absent.accountProof.length > 0, 'an exclusion proof has nodes')
      assert.deepEqual(await read('verifyAccount', [f.stateRoot, nobody, absent.accountProof]), [
        false,
        0n,
        0n,
        `0x${'0'.repeat(64)}`,
        `0x${'0'.repeat(64)}`,
      ])
      const storage = absent.storageProof[0]!.proof
      const args = [f.stateRoot, nobody, absent.accountProof, slotOf(1n), storage]
      assert.equal(await read('verifyAccountStorage', args), 0n)
    })

    test(`${name}: storage slots, absent slots (ending at a branch, a leaf, an extension), a path through an extension`, async (t) => {
      const f = filled.get(name)!
      const absentKeys = Object.values(absent)
      const sample = [1n, 2n, 150n, ENTRIES, ...pair, ...absentKeys]
      const proof = await f.client.getProof({
        address: f.entries,
        storageKeys: sample.map(slotOf),
        blockNumber: f.blockNumber,
      })
      for (const [i, key] of sample.entries()) {
        const sp = proof.storageProof[i]!
        const want = absentKeys.includes(key) ? 0n : entryValue(key)
        assert.equal(sp.value, want, `eth_getProof value of entries[${key}]`)
        assert.equal(await read('verifyStorage', [proof.storageHash, slotOf(key), sp.proof]), want)
        assert.equal(
          await read('verifyAccountStorage', [
            f.stateRoot,
            f.entries,
            proof.accountProof,
            slotOf(key),
            sp.proof,
          ]),
          want,
        )
      }
      for (const [kind, key] of Object.entries(absent)) {
        const nodes = proof.storageProof[sample.indexOf(key)]!.proof
        assert.equal(
          nodeKind(nodes.at(-1)!),
          kind,
          `the exclusion proof of entries[${key}] ends at a ${kind}`,
        )
      }
      const [x, y] = [proof.storageProof[4]!.proof, proof.storageProof[5]!.proof]
      assert.ok(extensionNodes(x).length > 0, `an extension node on the path of entries[${pair[0]}]`)
      assert.ok(extensionNodes(y).length > 0, `an extension node on the path of entries[${pair[1]}]`)
      t.diagnostic(
        `storage proof nodes: ${proof.storageProof.map((s) => s.proof.length).join(', ')}; ` +
          `extension at node ${extensionNodes(x)}; account proof nodes: ${proof.accountProof.length}`,
      )
      const gas = await originClient.estimateContractGas({
        address: verifier,
        abi: verifierAbi,
        functionName: 'verifyAccountStorage',
        args: [f.stateRoot, f.entries, proof.accountProof, slotOf(1n), proof.storageProof[0]!.proof],
      })
      const bytes = [...proof.accountProof, ...proof.storageProof[0]!.proof].reduce(
        (n, h) => n + (h.length - 2) / 2,
        0,
      )
      t.diagnostic(`verifyAccountStorage as a transaction: ${gas} gas, ${bytes} bytes of proof nodes`)
    })

    test(`${name}: a tampered, cut or unrooted proof reverts with its error`, async () => {
      const f = filled.get(name)!
      const proof = await f.client.getProof({
        address: f.entries,
        storageKeys: [slotOf(pair[0])],
        blockNumber: f.blockNumber,
      })
      const storage = proof.storageProof[0]!.proof
      const last = storage.length - 1
      const slot = slotOf(pair[0])
      await revertsWith(read('verifyStorage', [proof.storageHash, slot, tamper(storage, 0)]), 'RootMismatch')
      await revertsWith(
        read('verifyStorage', [proof.storageHash, slot, tamper(storage, 1)]),
        'BadProofNode',
        [1n],
      )
      await revertsWith(
        read('verifyStorage', [proof.storageHash, slot, tamper(storage, last)]),
        'BadProofNode',
        [BigInt(last)],
      )
      await revertsWith(
        read('verifyStorage', [proof.storageHash, slot, storage.slice(0, last)]),
        'MissingProofNode',
        [BigInt(last)],
      )
      await revertsWith(
        read('verifyStorage', [proof.storageHash, slot, [...storage, storage[last]!]]),
        'UnusedProofNode',
        [BigInt(last + 1)],
      )
      const accountLast = proof.accountProof.length - 1
      await revertsWith(
        read('verifyAccount', [f.stateRoot, f.entries, tamper(proof.accountProof, accountLast)]),
        'BadProofNode',
        [BigInt(accountLast)],
      )
      // A root the proof does not hang from: another block's, or the other chain's.
      const other = filled.get(name === 'hardhat' ? 'mosaic' : 'hardhat')!
      await revertsWith(
        read('verifyAccount', [other.stateRoot, f.entries, proof.accountProof]),
        'RootMismatch',
      )
      await revertsWith(read('verifyStorage', [keccak256('0x01'), slot, storage]), 'RootMismatch')
    })
  }

  test('embedded nodes (under 32 bytes), listed in the proof or not, in a trie built with raw paths', async () => {
    // A secure trie practically never embeds a node (its leaves keep ~60 nibbles of hashed path), so
    // this trie is built with raw paths sharing 62 nibbles: an extension to a hashed branch, below it
    // an embedded branch and embedded leaves (one with an empty path).
    const trie = await createMPT({ useKeyHashing: false })
    const path = (tail: string): Hex => `0x${'aa'.repeat(31)}${tail}`
    const stored: Record<string, Hex> = { '00': '0x01', '01': '0x0202', '10': '0x03' }
    for (const [tail, value] of Object.entries(stored))
      await trie.put(hexToBytes(path(tail)), hexToBytes(value))
    const root = toHex(trie.root())
    const walk = (tail: string, proof: Hex[]) => walkRaw(root, path(tail), proof)
    for (const tail of [...Object.keys(stored), '02', 'ab']) {
      const listed = (await createMerkleProof(trie, hexToBytes(path(tail)))).map((n) => toHex(n))
      // geth lists hashed nodes only; ethereumjs lists the embedded ones as well.
      const hashedOnly = listed.filter((n, i) => i === 0 || n.length >= 2 + 64)
      const want = stored[tail] === undefined ? [false, '0x'] : [true, stored[tail]]
      if (tail === '00' || tail === '01')
        assert.ok(listed.length > hashedOnly.length + 1, 'two embedded nodes')
      assert.deepEqual(await walk(tail, listed), want, `path ...${tail}, embedded nodes listed`)
      assert.deepEqual(await walk(tail, hashedOnly), want, `path ...${tail}, hashed nodes only`)
    }
  })

  test('nodes that hash to the root but are not what the path needs revert with their error', async () => {
    const path: Hex = `0x${'aa'.repeat(32)}` // first nibble 0xa: branch slot 10
    const none = new Uint8Array(0)
    const hash = hexToBytes(keccak256('0x02'))
    const malformed: Record<string, Uint8Array> = {
      'a string, not a list': RLP.encode(new Uint8Array(40).fill(1)),
      'three items': RLP.encode([Uint8Array.of(0x3a), none, none]),
      'bytes after the list': Uint8Array.from([...RLP.encode([Uint8Array.of(0x3a), hash]), 0]),
      'a branch with a value': RLP.encode([...Array<Uint8Array>(16).fill(hash), Uint8Array.of(1)]),
      'a branch child of 31 bytes': RLP.encode([...Array<Uint8Array>(16).fill(hash.subarray(1)), none]),
      'a hex-prefix flag of 4': RLP.encode([Uint8Array.of(0x4a), hash]),
      'a leaf ending before 64 nibbles': RLP.encode([Uint8Array.of(0x3a), Uint8Array.of(1)]),
      'an extension to nothing': RLP.encode([Uint8Array.of(0x1a), none]),
    }
    for (const [what, node] of Object.entries(malformed)) {
      await revertsWith(walkRaw(keccak256(node), path, [toHex(node)]), 'BadProofNode', [0n]).catch((e) => {
        throw new Error(`${what}: ${String(e)}`)
      })
    }
    // A one-leaf trie whose leaf holds something else than an account or a storage integer.
    const account = privateKeyToAccount(generatePrivateKey()).address
    const slot = keccak256('0x03')
    const leaf = (key: Hex, value: Uint8Array): Hex =>
      toHex(RLP.encode([hexToBytes(concat(['0x20', keccak256(key)])), value]))
    const notAccount = leaf(account, RLP.encode([1, 2, 3]))
    await revertsWith(read('verifyAccount', [keccak256(notAccount), account, [notAccount]]), 'BadAccount')
    const notInteger = leaf(slot, RLP.encode([1]))
    await revertsWith(read('verifyStorage', [keccak256(notInteger), slot, [notInteger]]), 'BadStorageValue')
  })

  test('both chains hold the same storage trie for the same entries', async () => {
    const [h, m] = [filled.get('hardhat')!, filled.get('mosaic')!]
    const [hp, mp] = await Promise.all([
      h.client.getProof({ address: h.entries, storageKeys: [], blockNumber: h.blockNumber }),
      m.client.getProof({ address: m.entries, storageKeys: [], blockNumber: m.blockNumber }),
    ])
    assert.equal(mp.storageHash, hp.storageHash)
    assert.notEqual(m.stateRoot, h.stateRoot)
  })
})
