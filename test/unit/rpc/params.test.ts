import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { bytesToHex } from '@ethereumjs/util'
import { RpcError } from '../../../rpc/index.ts'
import {
  address,
  blockId,
  blockNumberOrTag,
  bool,
  bytes,
  callRequest,
  hash,
  hexOrDecimal,
  logFilter,
  positional,
  quantity,
  rewardPercentiles,
  storageSlot,
  typedData,
} from '../../../rpc/params.ts'

function rejects(fn: () => unknown, message: string | RegExp): void {
  assert.throws(fn, (e: unknown) => {
    assert.ok(e instanceof RpcError)
    assert.equal(e.code, -32602)
    if (typeof message === 'string') assert.equal(e.message, message)
    else assert.match(e.message, message)
    return true
  })
}

const H = `0x${'ab'.repeat(32)}`
const A = `0x${'12'.repeat(20)}`

describe('quantity', () => {
  it('accepts minimal 0x hex', () => {
    assert.equal(quantity('0x0', 0), 0n)
    assert.equal(quantity('0x1f', 0), 31n)
    assert.equal(quantity('0XFF', 0), 255n)
    assert.equal(quantity(`0x${'f'.repeat(64)}`, 0), (1n << 256n) - 1n)
  })

  it('rejects leading zeros, missing prefix, empty, JSON numbers and overflow like geth', () => {
    rejects(() => quantity('0x01', 2), 'invalid argument 2: hex number with leading zero digits')
    rejects(() => quantity('0x00', 0), 'invalid argument 0: hex number with leading zero digits')
    rejects(() => quantity('1f', 0), 'invalid argument 0: hex string without 0x prefix')
    rejects(() => quantity('0x', 0), 'invalid argument 0: hex string "0x"')
    rejects(() => quantity('', 0), 'invalid argument 0: empty hex string')
    rejects(() => quantity('0xzz', 0), 'invalid argument 0: invalid hex string')
    rejects(() => quantity(31, 1), /^invalid argument 1: cannot unmarshal non-string/)
    rejects(() => quantity(`0x1${'0'.repeat(64)}`, 0), 'invalid argument 0: hex number > 256 bits')
    rejects(() => quantity('0x10000000000000000', 0, 64), 'invalid argument 0: hex number > 64 bits')
  })
})

describe('bytes, address, hash', () => {
  it('parses even-length hex data', () => {
    assert.deepEqual(bytes('0x', 0), new Uint8Array())
    assert.deepEqual(bytes('0x0aff', 0), Uint8Array.from([10, 255]))
    rejects(() => bytes('0xabc', 0), 'invalid argument 0: hex string of odd length')
  })

  it('checks address and hash lengths', () => {
    assert.equal(bytesToHex(address(A, 0)), A)
    assert.equal(bytesToHex(address(A.toUpperCase().replace('0X', '0x'), 0)), A)
    rejects(
      () => address(`0x${'12'.repeat(19)}`, 1),
      'invalid argument 1: hex string has length 38, want 40 for address',
    )
    rejects(() => address(`0x${'12'.repeat(21)}`, 0), /want 40 for address/)
    assert.equal(bytesToHex(hash(H, 0)), H)
    rejects(() => hash(A, 0), 'invalid argument 0: hex string has length 40, want 64 for hash')
  })

  it('reads storage slots like geth: short, odd and left-padded', () => {
    assert.equal(bytesToHex(storageSlot('0x0', 1)), `0x${'00'.repeat(32)}`)
    assert.equal(bytesToHex(storageSlot('0x101', 1)), `0x${'0'.repeat(60)}0101`)
    rejects(() => storageSlot(`0x${'00'.repeat(33)}`, 1), /want at most 32 bytes/)
  })

  it('parses booleans strictly', () => {
    assert.equal(bool(true, 1), true)
    rejects(() => bool('true', 1), /^invalid argument 1: /)
  })
})

describe('block ids', () => {
  it('parses tags and numbers', () => {
    assert.deepEqual(blockNumberOrTag('latest', 0), { tag: 'latest' })
    assert.deepEqual(blockNumberOrTag('finalized', 0), { tag: 'finalized' })
    assert.deepEqual(blockNumberOrTag('0x10', 0), { number: 16n })
    rejects(() => blockNumberOrTag('0x010', 0), 'invalid argument 0: hex number with leading zero digits')
    rejects(() => blockNumberOrTag(16, 0), /^invalid argument 0: /)
    rejects(() => blockNumberOrTag(H, 0), /hex number > 64 bits/)
    rejects(() => blockNumberOrTag('0x8000000000000000', 0), /block number larger than int64/)
  })

  it('accepts EIP-1898 objects and hash strings for state queries', () => {
    assert.deepEqual(blockId({ blockHash: H }, 1), { hash: hash(H, 0), requireCanonical: false })
    assert.deepEqual(blockId({ blockHash: H, requireCanonical: true }, 1), {
      hash: hash(H, 0),
      requireCanonical: true,
    })
    assert.deepEqual(blockId({ blockNumber: '0x5' }, 1), { number: 5n })
    assert.deepEqual(blockId({ blockNumber: 'safe' }, 1), { tag: 'safe' })
    assert.deepEqual(blockId(H, 1), { hash: hash(H, 0) })
    assert.deepEqual(blockId('pending', 1), { tag: 'pending' })
    rejects(
      () => blockId({ blockHash: H, blockNumber: '0x1' }, 1),
      /^invalid argument 1: cannot specify both/,
    )
    rejects(() => blockId({}, 2), /^invalid argument 2: /)
    rejects(() => blockId({ blockHash: '0x12' }, 1), /^invalid argument 1: blockHash: /)
    rejects(() => blockId({ blockHash: H, requireCanonical: 'yes' }, 1), /requireCanonical/)
  })
})

describe('positional', () => {
  it('checks counts and treats null as absent', () => {
    assert.deepEqual(positional(['a'], 1, 2), ['a', undefined])
    assert.deepEqual(positional(['a', null], 1, 2), ['a', undefined])
    assert.throws(() => positional([1, 2, 3], 1, 2), {
      code: -32602,
      message: 'too many arguments, want at most 2',
    })
    assert.throws(() => positional([], 1, 2), {
      code: -32602,
      message: 'missing value for required argument 0',
    })
    assert.throws(() => positional(['a', null], 2, 2), { message: 'missing value for required argument 1' })
  })
})

describe('call objects', () => {
  it('parses a transaction-like object', () => {
    const { req, chainId } = callRequest(
      {
        from: A,
        to: A,
        gas: '0x5208',
        maxFeePerGas: '0x10',
        maxPriorityFeePerGas: '0x1',
        value: '0x1',
        input: '0xabcd',
        nonce: '0x2',
        chainId: '0x5eb',
        accessList: [{ address: A, storageKeys: [H] }],
        unknownField: 1,
      },
      0,
    )
    assert.equal(req.gas, 21000n)
    assert.equal(req.maxFeePerGas, 16n)
    assert.equal(bytesToHex(req.data!), '0xabcd')
    assert.equal(chainId, 1515n)
    assert.equal(req.accessList?.[0]?.storageKeys.length, 1)
    assert.deepEqual(callRequest({ to: null }, 0).req, { to: null })
    assert.deepEqual(callRequest({}, 0).req, {})
  })

  it('rejects bad fields naming them', () => {
    rejects(() => callRequest({ to: '0x12' }, 0), /^invalid argument 0: to: hex string has length 2/)
    rejects(() => callRequest({ gas: 21000 }, 0), /^invalid argument 0: gas: /)
    rejects(() => callRequest({ data: '0x01', input: '0x02' }, 0), /both "data" and "input"/)
    rejects(() => callRequest({ gasPrice: '0x1', maxFeePerGas: '0x1' }, 0), /both gasPrice and/)
    rejects(() => callRequest('0x', 0), /^invalid argument 0: cannot unmarshal non-object/)
  })
})

describe('log filters', () => {
  it('parses addresses, topics with nulls and OR-lists', () => {
    const f = logFilter({ fromBlock: '0x1', toBlock: 'latest', address: A, topics: [null, [H, H], H] }, 0)
    assert.deepEqual(f.fromBlock, { number: 1n })
    assert.deepEqual(f.toBlock, { tag: 'latest' })
    assert.equal(f.addresses.length, 1)
    assert.equal(f.topics[0], null)
    assert.equal(f.topics[1]?.length, 2)
    assert.equal(f.topics[2]?.length, 1)
    const g = logFilter({ address: [A, A], topics: [[H, null], null] }, 0)
    assert.equal(g.addresses.length, 2)
    assert.deepEqual(g.topics, [])
  })

  it('keeps blockHash exclusive with a range and bounds topics', () => {
    assert.deepEqual(logFilter({ blockHash: H }, 0).blockHash, hash(H, 0))
    rejects(
      () => logFilter({ blockHash: H, toBlock: '0x1' }, 0),
      /cannot specify both BlockHash and FromBlock\/ToBlock/,
    )
    rejects(() => logFilter({ topics: [H, H, H, H, H] }, 0), /exceed max topics/)
    rejects(() => logFilter({ topics: ['0x12'] }, 0), /^invalid argument 0: topics.0: /)
    rejects(() => logFilter({ address: ['0x12'] }, 0), /^invalid argument 0: address.0: /)
  })
})

describe('fee history and typed data arguments', () => {
  it('checks percentiles', () => {
    assert.deepEqual(rewardPercentiles([0, 25.5, 25.5, 100], 2), [0, 25.5, 25.5, 100])
    rejects(() => rewardPercentiles([50, 10], 2), /^invalid argument 2: invalid reward percentile/)
    rejects(() => rewardPercentiles([101], 2), /not in \[0, 100\]/)
    rejects(() => rewardPercentiles(['1'], 2), /invalid reward percentile/)
  })

  it('takes block counts as hex or decimal', () => {
    assert.equal(hexOrDecimal('0x10', 0), 16n)
    assert.equal(hexOrDecimal(16, 0), 16n)
    assert.equal(hexOrDecimal('16', 0), 16n)
    rejects(() => hexOrDecimal(-1, 0), /^invalid argument 0: /)
  })

  it('accepts typed data as an object or a JSON string', () => {
    const td = {
      types: { EIP712Domain: [], Mail: [{ name: 'body', type: 'string' }] },
      primaryType: 'Mail',
      domain: {},
      message: { body: 'x' },
    }
    assert.deepEqual(typedData(td, 1), td)
    assert.deepEqual(typedData(JSON.stringify(td), 1), td)
    rejects(() => typedData('{', 1), 'invalid argument 1: typed data is not valid JSON')
    rejects(() => typedData({ ...td, primaryType: 'Nope' }, 1), /unknown type Nope/)
  })
})
