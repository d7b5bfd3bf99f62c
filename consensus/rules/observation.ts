// Origin observations (DESIGN.md §7): a proposer puts the origin block it sees as final (number, hash,
// state root) in its header, and, when Core on the origin has opened a kernel the aux chain does not
// run yet, that kernel's validators and stakes, so every node (full nodes without an origin RPC too)
// learns the validator set from blocks. Validators check observations against their own origin node
// before voting for the block.
import type { Hex } from 'viem'
import { bytesToHex, hexToBytes } from 'viem'
import { ConsensusError } from '../errors.ts'
import type { StakedValidator } from './proposer.ts'

export interface KernelAnnouncement {
  height: bigint
  /** Ascending by address, lowercase. */
  validators: readonly StakedValidator[]
}

export interface OriginObservation {
  number: bigint
  hash: Hex
  stateRoot: Hex
  kernel?: KernelAnnouncement
}

type Nested = Uint8Array | Nested[]

function uint(n: bigint): Uint8Array {
  if (n === 0n) return new Uint8Array(0)
  const hex = n.toString(16)
  return hexToBytes(`0x${hex.length % 2 ? `0${hex}` : hex}`)
}

function readUint(b: unknown, what: string): bigint {
  if (!(b instanceof Uint8Array) || b.length > 32 || b[0] === 0) {
    throw new ConsensusError('BAD_PAYLOAD', `origin observation: ${what} must be an unsigned integer`)
  }
  return b.length === 0 ? 0n : BigInt(bytesToHex(b))
}

function readBytes(b: unknown, len: number, what: string): Hex {
  if (!(b instanceof Uint8Array) || b.length !== len) {
    throw new ConsensusError('BAD_PAYLOAD', `origin observation: ${what} must be ${len} bytes`)
  }
  return bytesToHex(b)
}

export function observationFields(o: OriginObservation): Nested[] {
  const kernel: Nested[] = o.kernel
    ? [uint(o.kernel.height), o.kernel.validators.map((v) => [hexToBytes(v.address as Hex), uint(v.stake)])]
    : []
  return [uint(o.number), hexToBytes(o.hash), hexToBytes(o.stateRoot), kernel]
}

export function readObservation(item: unknown): OriginObservation {
  if (!Array.isArray(item) || item.length !== 4) {
    throw new ConsensusError('BAD_PAYLOAD', 'origin observation must be an RLP list of 4 items')
  }
  const o: OriginObservation = {
    number: readUint(item[0], 'block number'),
    hash: readBytes(item[1], 32, 'block hash'),
    stateRoot: readBytes(item[2], 32, 'state root'),
  }
  const k = item[3]
  if (!Array.isArray(k)) throw new ConsensusError('BAD_PAYLOAD', 'origin observation: kernel must be a list')
  if (k.length === 0) return o
  const list = k[1]
  if (k.length !== 2 || !Array.isArray(list)) {
    throw new ConsensusError('BAD_PAYLOAD', 'origin observation: kernel must be [height, validators]')
  }
  const validators = list.map((v: unknown, i: number) => {
    if (!Array.isArray(v) || v.length !== 2) {
      throw new ConsensusError(
        'BAD_PAYLOAD',
        `origin observation: kernel validator ${i} must be [address, stake]`,
      )
    }
    return { address: readBytes(v[0], 20, `validator ${i}`), stake: readUint(v[1], `stake ${i}`) }
  })
  for (let i = 1; i < validators.length; i++) {
    if (validators[i - 1]!.address >= validators[i]!.address) {
      throw new ConsensusError('BAD_PAYLOAD', 'origin observation: kernel validators must ascend by address')
    }
  }
  return { ...o, kernel: { height: readUint(k[0], 'kernel height'), validators } }
}
