// Aux block headers as a validator set of any size produces them (DESIGN.md §5-§6), for the commit-gas
// benchmark: Prague headers whose extraData is vanity | consensus payload with a quorum certificate of
// the given signers | the proposer's seal, built with the consensus code's own encoders and signers.
// What Core pays for depends on them: it hashes the source header and reads its RLP on-chain.
import { createBlockHeader } from '@ethereumjs/block'
import { Common, Hardfork, Mainnet } from '@ethereumjs/common'
import { keccak256 } from 'ethereum-cryptography/keccak.js'
import { bytesToHex, type Hex } from 'viem'
import {
  addressOfPrivateKey,
  buildQc,
  type Checkpoint,
  recoverSealer,
  type StakedValidator,
  sealHash,
  signSeal,
  signVote,
  splitExtra,
  unsealedExtra,
  type Vote,
  verifyQc,
} from '../consensus/index.ts'

export interface BenchValidator {
  key: Uint8Array
  /** Lowercase 0x address. */
  address: string
}

export interface AuxHeader extends Checkpoint {
  rlp: Uint8Array
  stateRoot: Hex
}

const common = new Common({ chain: Mainnet, hardfork: Hardfork.Prague })
const GAS_LIMIT = 100_000_000n
const BASE_FEE = 7n
const BLOCK_TIME_S = 1n
const GENESIS_TIME = 1_800_000_000n

/** `count` validator keys derived from a fixed seed, ascending by address (the certificate's order). */
export function benchValidators(count: number): BenchValidator[] {
  return Array.from({ length: count }, (_, i) => {
    const key = keccak256(new TextEncoder().encode(`mosaic-node finality bench validator ${i}`))
    return { key, address: bytesToHex(addressOfPrivateKey(key)) }
  }).sort((a, b) => (a.address < b.address ? -1 : 1))
}

/** Votes of `signers` on `vote`, by address: what a proposer gathers from gossip. */
export function signatures(
  vote: Vote,
  signers: BenchValidator[],
  auxChainId: bigint,
): Map<string, Uint8Array> {
  return new Map(signers.map((s) => [s.address, signVote(vote, auxChainId, s.key).signature]))
}

/**
 * Header `number` on top of `parent`, sealed by `proposer`, carrying the certificate of the link
 * grandparent -> parent signed by `signers` (the latest justifying link its proposer knows).
 */
export function auxHeader(o: {
  number: bigint
  parent: Checkpoint
  grandparent: Checkpoint
  validators: BenchValidator[]
  signers: BenchValidator[]
  proposer: BenchValidator
  kernelHeight: bigint
  auxChainId: bigint
}): AuxHeader {
  const link: Vote = { kernelHeight: o.kernelHeight, source: o.grandparent, target: o.parent }
  const set: StakedValidator[] = o.validators.map((v) => ({ address: v.address, stake: 1n }))
  const qc = buildQc(link, signatures(link, o.signers, o.auxChainId), set)
  const extra = unsealedExtra(new Uint8Array(32), { version: 0, slot: o.number, qc })
  const stateRoot = keccak256(new TextEncoder().encode(`state ${o.number}`))
  const fields = {
    parentHash: o.parent.hash,
    number: o.number,
    timestamp: GENESIS_TIME + o.number * BLOCK_TIME_S,
    gasLimit: GAS_LIMIT,
    gasUsed: 21_000n,
    baseFeePerGas: BASE_FEE,
    coinbase: o.proposer.address as Hex,
    stateRoot,
    transactionsTrie: keccak256(new TextEncoder().encode(`txs ${o.number}`)),
    receiptTrie: keccak256(new TextEncoder().encode(`receipts ${o.number}`)),
    mixHash: keccak256(new TextEncoder().encode(`parent ${o.parent.hash}`)),
    excessBlobGas: 0n,
    blobGasUsed: 0n,
    parentBeaconBlockRoot: new Uint8Array(32),
  }
  const unsealed = createBlockHeader(
    { ...fields, extraData: extra },
    { common, skipConsensusFormatValidation: true },
  )
  const seal = signSeal(sealHash(unsealed.raw() as Uint8Array[], extra), o.proposer.key)
  const header = createBlockHeader(
    { ...fields, extraData: Uint8Array.from([...extra, ...seal]) },
    { common, skipConsensusFormatValidation: true },
  )

  // The header must be what a node accepts: the seal recovers to the proposer, the certificate verifies.
  if (bytesToHex(recoverSealer(header)) !== o.proposer.address)
    throw new Error('aux header: seal does not recover')
  const payloadQc = splitExtra(header.extraData).payload.qc
  if (!payloadQc) throw new Error('aux header: no certificate')
  verifyQc(payloadQc, { rear: set }, o.auxChainId)

  return {
    hash: bytesToHex(header.hash()),
    number: o.number,
    rlp: header.serialize(),
    stateRoot: bytesToHex(stateRoot),
  }
}
