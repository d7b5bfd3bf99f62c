// The EIP-712 vote the nodes sign (rules/vote.ts) is the one the origin contracts verify: the same type
// strings as consensus/contracts/VoteLib.sol, hashed the way EIP-712 says, and the same digest whether
// the finality code or viem (which the contract tests sign with) computes it.
import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, it } from 'node:test'
import {
  bytesToHex,
  concat,
  encodeAbiParameters,
  hashTypedData,
  keccak256,
  parseAbiParameters,
  recoverTypedDataAddress,
  stringToHex,
} from 'viem'
import {
  addressOfPrivateKey,
  originVote,
  signVote,
  VOTE_TYPES,
  type Vote,
  voteDigest,
  voteDomain,
} from '../../../consensus/index.ts'

const DOMAIN_TYPE = 'EIP712Domain(string name,string version,uint256 chainId)'
const VOTE_TYPE =
  'Vote(uint256 kernelHeight,bytes32 sourceHash,uint256 sourceNumber,bytes32 targetHash,uint256 targetNumber)'

describe('EIP-712 vote on the origin', () => {
  const vote: Vote = {
    kernelHeight: 3n,
    source: { hash: `0x${'11'.repeat(32)}`, number: 41n },
    target: { hash: `0x${'22'.repeat(32)}`, number: 42n },
  }
  const flat = originVote(vote)
  const typed = (auxChainId: number) =>
    ({ domain: voteDomain(auxChainId), types: VOTE_TYPES, primaryType: 'Vote', message: flat }) as const

  it('hashes as EIP-712 with the aux chain id and no verifying contract', () => {
    const domainSeparator = keccak256(
      encodeAbiParameters(parseAbiParameters('bytes32, bytes32, bytes32, uint256'), [
        keccak256(stringToHex(DOMAIN_TYPE)),
        keccak256(stringToHex('Mosaic')),
        keccak256(stringToHex('1')),
        1515n,
      ]),
    )
    const structHash = keccak256(
      encodeAbiParameters(parseAbiParameters('bytes32, uint256, bytes32, uint256, bytes32, uint256'), [
        keccak256(stringToHex(VOTE_TYPE)),
        3n,
        vote.source.hash,
        41n,
        vote.target.hash,
        42n,
      ]),
    )
    const expected = keccak256(concat(['0x1901', domainSeparator, structHash]))
    assert.equal(hashTypedData(typed(1515)), expected)
    assert.equal(bytesToHex(voteDigest(vote, 1515n)), expected)
    assert.notEqual(hashTypedData(typed(1516)), expected)
  })

  it("the hand-encoded digest equals viem's generic EIP-712 hash over the whole value range", () => {
    const max = 2n ** 256n - 1n
    const votes: Vote[] = [
      { kernelHeight: 0n, source: { hash: `0x${'00'.repeat(32)}`, number: 0n }, target: vote.target },
      { kernelHeight: max, source: { hash: `0x${'ff'.repeat(32)}`, number: max }, target: vote.source },
      {
        kernelHeight: 2n ** 64n + 1n,
        source: { hash: `0x${'aB'.repeat(32)}`, number: 255n },
        target: { hash: `0x${'0f'.repeat(32)}`, number: 256n },
      },
    ]
    for (const v of votes)
      for (const chainId of [1, 1515, 2 ** 40]) {
        const want = hashTypedData({
          domain: voteDomain(chainId),
          types: VOTE_TYPES,
          primaryType: 'Vote',
          message: originVote(v),
        })
        assert.equal(bytesToHex(voteDigest(v, BigInt(chainId))), want, `${v.kernelHeight} on ${chainId}`)
      }
  })

  it("a vote signed by the finality code recovers with viem's EIP-712 recovery", async () => {
    const key = new Uint8Array(32).fill(7)
    const signed = signVote(vote, 1515n, key)
    const signer = await recoverTypedDataAddress({ ...typed(1515), signature: bytesToHex(signed.signature) })
    assert.equal(signer.toLowerCase(), bytesToHex(addressOfPrivateKey(key)).toLowerCase())
  })

  it('uses the type strings the contracts hash', () => {
    const sol = readFileSync(join(import.meta.dirname, '../../../consensus/contracts/VoteLib.sol'), 'utf8')
    assert.ok(sol.includes(`keccak256("${DOMAIN_TYPE}")`), 'domain type in VoteLib.sol')
    assert.ok(sol.includes(`"${VOTE_TYPE}"`), 'vote type in VoteLib.sol')
  })
})
