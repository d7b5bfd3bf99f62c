// The checked-in contract artifacts are what the compiler makes of the checked-in Solidity: this is
// how "compiled as part of the build" holds without loading solc at every start.
import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import { describe, it } from 'node:test'
import { ABI_PATH, ARTIFACTS_PATH, generate, PREDEPLOYS_PATH } from '../../../scripts/build-contracts.ts'

describe('origin contract artifacts', () => {
  const fresh = generate()

  it('consensus/contracts/artifacts.json matches a fresh compile of consensus/contracts/*.sol', () => {
    assert.ok(
      readFileSync(ARTIFACTS_PATH, 'utf8') === fresh.artifacts,
      'out of date: run `npm run build:contracts`',
    )
  })

  it('consensus/origin/abi.generated.ts matches a fresh compile', () => {
    assert.ok(readFileSync(ABI_PATH, 'utf8') === fresh.abi, 'out of date: run `npm run build:contracts`')
  })

  it('genesis/predeploys.generated.ts matches a fresh compile', () => {
    assert.ok(
      readFileSync(PREDEPLOYS_PATH, 'utf8') === fresh.predeploys,
      'out of date: run `npm run build:contracts`',
    )
  })

  it('holds the deployable contracts with creation bytecode', () => {
    const parsed = JSON.parse(fresh.artifacts) as { contracts: Record<string, { bytecode: string }> }
    assert.deepEqual(Object.keys(parsed.contracts), [
      'StakeToken',
      'Stake',
      'Core',
      'MerklePatriciaProofVerifier',
      'ValueToken',
      'Gateway',
      'CoGateway',
      'UtilityToken',
      'OriginRoots',
    ])
    for (const c of Object.values(parsed.contracts)) assert.match(c.bytecode, /^0x[0-9a-f]{200,}$/)
  })
})
