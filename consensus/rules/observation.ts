// Origin observations (DESIGN.md §7): a proposer puts the origin block it sees as final (number, hash,
// state root) in its header, and, when Core on the origin has opened a kernel the aux chain does not
// run yet, that kernel's validators and stakes, so every node (full nodes without an origin RPC too)
// learns the validator set from blocks. Validators check observations against their own origin node
// before voting for the block.
import type { Hex } from 'viem'
import { hexToBytes } from 'viem'
import { ConsensusError } from '../errors.ts'
import type { StakedValidator } from './proposer.ts'
import { readBytesField, readUintField, uintBytes } from './rlpFields.ts'

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

function readUint(b: unknown, what: string): bigint {
  const n = readUintField(b)
  if (n === undefined) {
    throw new ConsensusError('BAD_PAYLOAD', `origin observation: ${what} must be an unsigned integer`)
  }
  return n
}

function readBytes(b: unknown, len: number, what: string): Hex {
  const h = readBytesField(b, len)
  if (h === undefined)
    throw new ConsensusError('BAD_PAYLOAD', `origin observation: ${what} must be ${len} bytes`)
  return h
}

export function observationFields(o: OriginObservation): Nested[] {
  const kernel: Nested[] = o.kernel
    ? [
        uintBytes(o.kernel.height),
        o.kernel.validators.map((v) => [hexToBytes(v.address as Hex), uintBytes(v.stake)]),
      ]
    : []
  return [uintBytes(o.number), hexToBytes(o.hash), hexToBytes(o.stateRoot), kernel]
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
