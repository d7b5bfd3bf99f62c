import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import {
  announcementProblem,
  decodePayload,
  governingKernel,
  type Kernel,
  type KernelState,
  nextKernelState,
  type QuorumCertificate,
  unsealedExtra,
} from '../../../consensus/index.ts'

const V = (i: number, stake = 100n) => ({ address: `0x${String(i).padStart(40, '0')}`, stake })
const H = (n: number) => `0x${n.toString(16).padStart(64, '0')}` as `0x${string}`
const k1: Kernel = { height: 1n, validators: [V(1), V(2), V(3), V(4)] }
const k2: Kernel = { height: 2n, validators: [V(1), V(2), V(3), V(4), V(5)] }
const qc = (source: number, target: number): QuorumCertificate => ({
  vote: {
    kernelHeight: 1n,
    source: { number: BigInt(source), hash: H(source) },
    target: { number: BigInt(target), hash: H(target) },
  },
  signers: 7n,
  signatures: [],
})
const obs = (kernel?: Kernel) => ({ number: 9n, hash: H(9), stateRoot: H(10), ...(kernel ? { kernel } : {}) })
const header = (number: number, extra: { qc?: QuorumCertificate; kernel?: Kernel } = {}) => ({
  number: BigInt(number),
  parentHash: H(number - 1),
  ...(extra.qc ? { qc: extra.qc } : {}),
  ...(extra.kernel ? { origin: obs(extra.kernel) } : {}),
})

describe('kernel switching', () => {
  it('a kernel announced in block A governs from the checkpoint after the block finalising A', () => {
    let s: KernelState = { active: k1 }
    s = nextKernelState(s, header(5, { kernel: k2 }), 1)
    assert.equal(s.pending?.announcedAt, 5n)
    // A certificate finalising block 4 (link 4 -> 5) does not finalise A = 5.
    s = nextKernelState(s, header(6, { qc: qc(4, 5) }), 1)
    assert.equal(s.pending?.activateAt, undefined)
    assert.equal(governingKernel(s, 7n), k1)
    // Link 5 -> 6 finalises block 5: the switch is at the next checkpoint, block 8.
    s = nextKernelState(s, header(7, { qc: qc(5, 6) }), 1)
    assert.equal(s.pending?.activateAt, 8n)
    assert.equal(governingKernel(s, 7n), k1)
    assert.equal(governingKernel(s, 8n), k2)
    s = nextKernelState(s, header(8), 1)
    assert.equal(s.active, k2)
    assert.equal(s.pending, undefined)
  })

  it('with epoch length 4 the switch lands on a multiple of 4', () => {
    let s: KernelState = { active: k1 }
    s = nextKernelState(s, header(4, { kernel: k2 }), 4)
    s = nextKernelState(s, header(9, { qc: qc(4, 8) }), 4)
    assert.equal(s.pending?.activateAt, 12n)
  })

  it('refuses announcements out of order', () => {
    const s: KernelState = { active: k1 }
    assert.equal(announcementProblem(s, header(5, { kernel: k2 })), undefined)
    assert.match(announcementProblem(s, header(5, { kernel: { ...k2, height: 3n } }))!, /only 2 may follow/)
    const pending = nextKernelState(s, header(5, { kernel: k2 }), 1)
    assert.match(announcementProblem(pending, header(6, { kernel: k2 }))!, /already announced/)
    assert.match(announcementProblem(s, header(5, { kernel: { height: 2n, validators: [] } }))!, /empty/)
  })

  it('carries observations and kernels in the header payload', () => {
    const extra = unsealedExtra(new Uint8Array(32), { version: 0, slot: 3n, origin: obs(k2) })
    const p = decodePayload(extra.subarray(32))
    assert.equal(p.qc, undefined)
    assert.deepEqual(p.origin, obs(k2))
    const unsorted = { ...k2, validators: [V(2), V(1)] }
    const bad = unsealedExtra(new Uint8Array(32), { version: 0, slot: 3n, origin: obs(unsorted) })
    assert.throws(() => decodePayload(bad.subarray(32)), /ascend/)
  })
})
