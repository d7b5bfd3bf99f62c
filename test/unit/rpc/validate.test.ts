// Parameter validation from the spec schemas, through the dispatcher: each kind of bad param gets
// -32602 with geth's message, and what geth accepts beyond the spec still reaches the handlers.
import assert from 'node:assert/strict'
import { after, describe, it } from 'node:test'
import { bytesToHex } from '@ethereumjs/util'
import pino from 'pino'
import { RpcServer } from '../../../rpc/index.ts'
import { checkParams } from '../../../rpc/validate.ts'
import { block1, contract, sender, TestBackend } from './fixture.ts'

const logger = pino({ level: 'silent' })
const addr = sender.toString()
const hash = bytesToHex(block1.hash())

type Case = [method: string, params: unknown[], message: string]

const BAD: Record<string, Case[]> = {
  'wrong type': [
    ['eth_getBalance', [123, 'latest'], 'invalid argument 0: cannot unmarshal non-string into address'],
    ['eth_getBlockByNumber', ['latest', 'yes'], 'invalid argument 1: cannot unmarshal string into bool'],
    ['eth_call', [{ to: 5 }, 'latest'], 'invalid argument 0: to: cannot unmarshal non-string into address'],
    ['eth_getProof', [addr, 'x', 'latest'], 'invalid argument 1: cannot unmarshal string into array'],
    ['eth_getLogs', ['latest'], 'invalid argument 0: cannot unmarshal string into object'],
    ['eth_getBlockByHash', [{ hash }, false], 'invalid argument 0: cannot unmarshal non-string into hash'],
    ['eth_getFilterChanges', [7], 'invalid argument 0: cannot unmarshal number into string'],
  ],
  'bad hex': [
    ['eth_getBalance', [addr, '0xzz'], 'invalid argument 1: invalid hex string'],
    ['eth_getBalance', [addr, '0x01'], 'invalid argument 1: hex number with leading zero digits'],
    ['eth_getBlockByHash', [`0x${'g'.repeat(64)}`, false], 'invalid argument 0: invalid hex string'],
    ['eth_sendRawTransaction', ['abcd'], 'invalid argument 0: hex string without 0x prefix'],
    ['eth_getTransactionByBlockNumberAndIndex', ['latest', '0x'], 'invalid argument 1: hex string "0x"'],
    [
      'eth_getLogs',
      [{ topics: [['0x12']] }],
      'invalid argument 0: topics.0.0: hex string has length 2, want 64 for hash',
    ],
    ['eth_getLogs', [{ fromBlock: 'soon' }], 'invalid argument 0: fromBlock: hex string without 0x prefix'],
    [
      'eth_call',
      [{ to: bytesToHex(contract), value: '0x0f' }, 'latest'],
      'invalid argument 0: value: hex number with leading zero digits',
    ],
  ],
  'too long': [
    [
      'eth_getBalance',
      [`0x${'11'.repeat(21)}`, 'latest'],
      'invalid argument 0: hex string has length 42, want 40 for address',
    ],
    [
      'eth_getTransactionByHash',
      [`0x${'ab'.repeat(33)}`],
      'invalid argument 0: hex string has length 66, want 64 for hash',
    ],
    [
      'eth_getBlockByHash',
      [`0x${'ab'.repeat(33)}`, false],
      'invalid argument 0: hex string has length 66, want 64 for hash',
    ],
    // The spec's uint has no bound; the handler's parser knows block numbers are 64-bit.
    ['eth_getBlockByNumber', [`0x${'f'.repeat(17)}`, false], 'invalid argument 0: hex number > 64 bits'],
  ],
  'missing required': [
    ['eth_getBalance', [addr], 'missing value for required argument 1'],
    ['eth_getBalance', [null, 'latest'], 'missing value for required argument 0'],
    ['eth_getBlockByNumber', ['latest'], 'missing value for required argument 1'],
    ['eth_call', [], 'missing value for required argument 0'],
    ['eth_getProof', [addr, []], 'missing value for required argument 2'],
    ['eth_feeHistory', ['0x1', 'latest'], 'missing value for required argument 2'],
  ],
  'too many': [
    ['eth_blockNumber', [1], 'too many arguments, want at most 0'],
    ['eth_getBalance', [addr, 'latest', 'x'], 'too many arguments, want at most 2'],
    ['eth_call', [{}, 'latest', null, null, null], 'too many arguments, want at most 4'],
    ['eth_getTransactionReceipt', [hash, hash], 'too many arguments, want at most 1'],
  ],
}

/** What geth takes beyond the spec: the validator lets it through to the handlers. */
const ACCEPTED: [method: string, params: unknown[]][] = [
  ['eth_call', [{ to: addr, data: '0xabcd' }, 'latest', {}, {}]],
  ['eth_call', [{ to: addr, input: '0xAB', gas: null, unknownField: 1 }, { blockHash: hash }]],
  ['eth_estimateGas', [{ to: addr }, { blockNumber: '0x1' }, {}, {}]],
  ['eth_estimateGas', [{ to: addr }, hash]],
  ['eth_createAccessList', [{ to: addr }, 'latest', {}]],
  ['eth_getBalance', [addr, { blockHash: hash, requireCanonical: true }]],
  ['eth_getBalance', [addr.toUpperCase().replace('0X', '0x'), '0X1F']],
  [
    'eth_getLogs',
    [{ fromBlock: 'earliest', toBlock: 'safe', topics: [null, [hash, null]], blockHash: null, x: 1 }],
  ],
  ['eth_getLogs', [{ blockHash: hash }]],
  ['eth_getStorageAt', [addr, '0', 'latest']],
  ['eth_getProof', [addr, ['0x1', 'ab'], 'latest']],
  ['eth_feeHistory', [4, 'latest', [10]]],
  ['eth_feeHistory', ['4', 'latest', []]],
  ['eth_newPendingTransactionFilter', [true]],
  ['eth_getFilterChanges', ['0x0abc']],
  ['debug_getRawBlock', [{ blockHash: hash }]],
  ['debug_getRawReceipts', [hash]],
  ['eth_sendTransaction', [{ from: addr, gasPrice: null, chainId: '0x5eb' }]],
  // Methods outside the spec are left to their handlers.
  ['txpool_status', [1, 2, 3]],
  ['debug_traceTransaction', [hash, { tracer: 'callTracer' }]],
]

describe('parameter validation from the execution-apis schemas', () => {
  const server = new RpcServer({ port: 0 }, { backend: new TestBackend(), logger })
  after(() => server.close())

  for (const [kind, cases] of Object.entries(BAD)) {
    it(`${kind}: -32602 with geth's message`, async () => {
      for (const [method, params, message] of cases) {
        const r = (await server.handle({ jsonrpc: '2.0', id: 1, method, params })) as {
          error?: unknown
        }
        assert.deepEqual(r.error, { code: -32602, message }, `${method} ${JSON.stringify(params)}`)
      }
    })
  }

  it('lets through what geth accepts beyond the spec', () => {
    for (const [method, params] of ACCEPTED) {
      assert.doesNotThrow(() => checkParams(method, params), `${method} ${JSON.stringify(params)}`)
    }
  })

  it('compiles a method at its first request and leaves non-spec names to their handlers', () => {
    // The first call of eth_getStorageAt in this process compiles it and must still refuse.
    assert.throws(() => checkParams('eth_getStorageAt', [7, '0x0', 'latest']), /invalid argument 0/)
    for (const method of ['constructor', '__proto__', 'hasOwnProperty', 'txpool_status'])
      assert.doesNotThrow(() => checkParams(method, [1, 2, 3, 4]), method)
  })

  it('passes valid params on to the handler', async () => {
    const r = (await server.handle({
      jsonrpc: '2.0',
      id: 1,
      method: 'eth_getBalance',
      params: [addr, { blockHash: hash }],
    })) as { result?: unknown }
    assert.equal(r.result, `0x${(10n ** 18n + 1n).toString(16)}`)
  })
})
