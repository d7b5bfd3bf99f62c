// The EIP-712 vote the nodes sign (VOTE_TYPES, voteDomain) is the one the origin contracts verify: the
// same type strings as consensus/contracts/VoteLib.sol, hashed the way EIP-712 says.
import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, it } from 'node:test'
import { concat, encodeAbiParameters, hashTypedData, keccak256, parseAbiParameters, stringToHex } from 'viem'
import { type OriginVote, VOTE_TYPES, voteDomain } from '../../../consensus/index.ts'

const DOMAIN_TYPE = 'EIP712Domain(string name,string version,uint256 chainId)'
const VOTE_TYPE =
  'Vote(uint256 kernelHeight,bytes32 sourceHash,uint256 sourceNumber,bytes32 targetHash,uint256 targetNumber)'

describe('EIP-712 vote', () => {
  const vote: OriginVote = {
    kernelHeight: 3n,
    sourceHash: `0x${'11'.repeat(32)}`,
    sourceNumber: 41n,
    targetHash: `0x${'22'.repeat(32)}`,
    targetNumber: 42n,
  }

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
        vote.kernelHeight,
        vote.sourceHash,
        vote.sourceNumber,
        vote.targetHash,
        vote.targetNumber,
      ]),
    )
    const expected = keccak256(concat(['0x1901', domainSeparator, structHash]))
    const digestOn = (auxChainId: number) =>
      hashTypedData({ domain: voteDomain(auxChainId), types: VOTE_TYPES, primaryType: 'Vote', message: vote })
    assert.equal(digestOn(1515), expected)
    assert.notEqual(digestOn(1516), expected)
  })

  it('uses the type strings the contracts hash', () => {
    const sol = readFileSync(join(import.meta.dirname, '../../../consensus/contracts/VoteLib.sol'), 'utf8')
    assert.ok(sol.includes(`keccak256("${DOMAIN_TYPE}")`), 'domain type in VoteLib.sol')
    assert.ok(sol.includes(`"${VOTE_TYPE}"`), 'vote type in VoteLib.sol')
  })
})
