import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { commitSignatures } from '../../../node/consensus.ts'

const V = (i: number, stake: bigint) => ({ address: `0x${String(i).padStart(40, '0')}`, stake })
const sig = (i: number) => Uint8Array.of(i)

describe('commit signatures', () => {
  it('sends the largest stakes until 2/3 of the kernel, and only kernel members', () => {
    const kernel = { height: 2n, validators: [V(1, 10n), V(2, 40n), V(3, 30n), V(4, 20n)] }
    const sigs = new Map([1, 2, 3, 4, 9].map((i) => [V(i, 0n).address, sig(i)]))
    const chosen = commitSignatures(sigs, kernel)
    // 40 + 30 = 70 of 100 >= 2/3; the outsider (9) never goes to Core.
    assert.deepEqual([...chosen.keys()].sort(), [V(2, 0n).address, V(3, 0n).address])
  })

  it('sends what it has when the signers fall short (Core then refuses the commit)', () => {
    const kernel = { height: 1n, validators: [V(1, 1n), V(2, 1n), V(3, 1n)] }
    const chosen = commitSignatures(new Map([[V(1, 0n).address, sig(1)]]), kernel)
    assert.equal(chosen.size, 1)
  })
})
