// Tracing, call overrides and access lists through the rpc dispatcher over a real Chain (LevelDB in a
// temp dir) with Solidity contracts: a Caller that CALLs a Callee (which stores and logs), logs
// itself, STATICCALLs a reverting check (caught) and can CREATE.
import assert from 'node:assert/strict'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { after, before, describe, it } from 'node:test'
import { createFeeMarket1559Tx, type TypedTransaction } from '@ethereumjs/tx'
import { Address, bytesToHex, createContractAddress, hexToBytes, toChecksumAddress } from '@ethereumjs/util'
import { pino } from 'pino'
import { decodeFunctionResult, encodeDeployData, encodeFunctionData, type Hex } from 'viem'
import { devAccounts, devGenesisJson, devValidatorKeys, parseGenesis } from '../../../genesis/index.ts'
import { defaultBackendOptions, NodeBackend } from '../../../node/backend.ts'
import { BlockBuilder, type SealKey } from '../../../node/chain/builder.ts'
import { Chain } from '../../../node/chain/chain.ts'
import type { CallFrame as Frame } from '../../../node/chain/tracers/callTracer.ts'
import { StructLogger, type StructLogResult as StructResult } from '../../../node/chain/tracers/structLog.ts'
import { traceBlockTxs } from '../../../node/chain/tracing.ts'
import { TxPool } from '../../../node/chain/txpool.ts'
import { poolViews } from '../../../node/node.ts'
import { RpcServer } from '../../../rpc/index.ts'
import { compileFiles } from '../../helpers/solc.ts'

const logger = pino({ level: 'silent' })
const [alice] = devAccounts(1)
const validator = devValidatorKeys(1)[0]!
const sealKey: SealKey = {
  address: hexToBytes(validator.address),
  privateKey: hexToBytes(validator.privateKey),
}
const { Callee, Caller } = compileFiles(['Tracing.sol'])
if (!Callee || !Caller) throw new Error('Tracing.sol did not compile')

const GAS = 300_000n

interface RpcReply {
  result?: unknown
  error?: { code: number; message: string; data?: unknown }
}

describe('tracing, overrides and access lists over a real chain', () => {
  let dir: string
  let chain: Chain
  let server: RpcServer
  let nonce = 0n
  let callee: string
  let caller: string
  let runHash: string

  async function rpc(method: string, params: unknown[]): Promise<RpcReply> {
    return (await server.handle({ jsonrpc: '2.0', id: 1, method, params })) as RpcReply
  }

  async function result<T = unknown>(method: string, params: unknown[]): Promise<T> {
    const r = await rpc(method, params)
    assert.equal(r.error, undefined, `${method}: ${JSON.stringify(r.error)}`)
    return r.result as T
  }

  function tx(to: string | undefined, data: Hex, gasLimit = GAS): TypedTransaction {
    return createFeeMarket1559Tx(
      {
        chainId: chain.chainId,
        nonce: nonce++,
        gasLimit,
        maxFeePerGas: 10_000_000_000n,
        maxPriorityFeePerGas: 1_000_000_000n,
        ...(to ? { to: new Address(hexToBytes(to as Hex)) } : {}),
        data: hexToBytes(data),
      },
      { common: chain.common },
    ).sign(hexToBytes(alice!.privateKey))
  }

  async function mine(txs: TypedTransaction[]): Promise<void> {
    const builder = new BlockBuilder({ timeBudgetMs: 5_000, vanity: new Uint8Array(0) }, { chain, logger })
    let i = 0
    const built = await builder.build(
      () => ({ peek: () => txs[i], shift: () => void i++, pop: () => void i++ }),
      sealKey,
      chain.head.header.timestamp + 1n,
    )
    assert.equal(built.block.transactions.length, txs.length)
    await chain.commit(built.block, built.receipts)
  }

  const run = (v: bigint) => encodeFunctionData({ abi: Caller.abi, functionName: 'run', args: [v] })

  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'mosaic-trace-'))
    const genesis = parseGenesis(devGenesisJson({ timestamp: 1_700_000_000n, accounts: 1 }))
    chain = await Chain.open({ datadir: dir }, { logger, genesis })
    const pool = new TxPool({}, { logger, ...poolViews(chain) })
    const backend = new NodeBackend(
      { ...defaultBackendOptions, clientVersion: 'test' },
      { chain, pool, devAccounts: [] },
    )
    server = new RpcServer({ port: 0 }, { backend, logger })
    const from = new Address(hexToBytes(alice!.address as Hex))
    callee = createContractAddress(from, 0n).toString()
    caller = createContractAddress(from, 1n).toString()
    await mine([
      tx(undefined, Callee.bytecode, 1_000_000n),
      tx(
        undefined,
        encodeDeployData({ abi: Caller.abi, bytecode: Caller.bytecode, args: [callee as Hex] }),
        1_000_000n,
      ),
    ])
    // Block 2: a plain transfer first, so the traced call runs on state the block itself changed.
    const first = tx(`0x${'ee'.repeat(20)}`, '0x', 50_000n)
    const second = tx(caller, run(7n))
    runHash = bytesToHex(second.hash())
    await mine([first, second])
  })

  after(async () => {
    await server.close()
    await chain.close()
    await rm(dir, { recursive: true, force: true })
  })

  it('struct logs: opcodes, depths and gas add up to the receipt', async () => {
    const receipt = await result<{ gasUsed: string; status: string }>('eth_getTransactionReceipt', [runHash])
    assert.equal(receipt.status, '0x1')
    const t = await result<StructResult>('debug_traceTransaction', [runHash])
    assert.equal(t.failed, false)
    assert.equal(t.gas, Number(receipt.gasUsed))
    const r = decodeFunctionResult({ abi: Caller.abi, functionName: 'run', data: t.returnValue as Hex })
    assert.equal(r, 14n)
    const logs = t.structLogs
    // Solidity's preamble: PUSH1 0x80 PUSH1 0x40 MSTORE.
    assert.deepEqual(
      logs.slice(0, 3).map((l) => [l.pc, l.op, l.depth]),
      [
        [0, 'PUSH1', 1],
        [2, 'PUSH1', 1],
        [4, 'MSTORE', 1],
      ],
    )
    // The first step has the transaction's gas minus the intrinsic gas: 21000 + calldata (36 bytes).
    const data = hexToBytes(run(7n))
    const zeros = data.filter((b) => b === 0).length
    const intrinsic = 21_000 + zeros * 4 + (data.length - zeros) * 16
    assert.equal(logs[0]!.gas, Number(GAS) - intrinsic)
    // Each step's gas is the previous step's minus its cost, within a frame without calls.
    assert.equal(logs[1]!.gas, logs[0]!.gas - logs[0]!.gasCost)
    const ops = logs.map((l) => l.op)
    assert.ok(ops.includes('CALL') && ops.includes('STATICCALL') && ops.includes('SSTORE'))
    assert.ok(ops.includes('LOG1') && ops.includes('LOG2') && ops.includes('REVERT'))
    // Steps inside the callee run at depth 2, and the call's cost includes the gas it forwards.
    const call = logs.findIndex((l) => l.op === 'CALL')
    const inner = logs[call + 1]!
    assert.equal(inner.depth, 2)
    assert.equal(inner.pc, 0)
    // geth's CALL cost: the access cost (a cold callee: 2600) plus all the gas handed to the callee.
    assert.equal(logs[call]!.gasCost - inner.gas, 2600)
    // Back in the caller, the gas is what the call left: the callee's unused gas is returned.
    const frames = await result<Frame>('debug_traceTransaction', [runHash, { tracer: 'callTracer' }])
    const back = logs.findIndex((l, i) => i > call && l.depth === 1)
    const childUsed = Number(BigInt(frames.calls![0]!.gasUsed))
    assert.equal(BigInt(frames.calls![0]!.gas), BigInt(inner.gas))
    assert.equal(logs[back]!.gas, logs[call]!.gas - logs[call]!.gasCost + (inner.gas - childUsed))
    // SSTORE reports the contract's storage as written so far, geth-style (64 hex digits, no 0x).
    const sstore = logs.find((l) => l.op === 'SSTORE' && l.depth === 1)!
    assert.deepEqual(sstore.storage, { [`${'0'.repeat(64)}`]: `${'0'.repeat(63)}1` })
    assert.ok(sstore.stack?.every((w) => /^0x(0|[1-9a-f][0-9a-f]*)$/.test(w)))
    // The reverting check runs at depth 2 and ends in REVERT; its caller then carries on.
    const revert = logs.findIndex((l) => l.op === 'REVERT')
    assert.equal(logs[revert]!.depth, 2)
    assert.equal(logs[revert + 1]!.depth, 1)
    assert.equal(logs.at(-1)!.op, 'RETURN')
    assert.equal(logs.at(-1)!.depth, 1)
    assert.equal(
      logs.find((l) => l.memory !== undefined),
      undefined,
      'memory only with enableMemory',
    )
  })

  it('struct logs: options disableStack, disableStorage, enableMemory and limit', async () => {
    const t = await result<StructResult>('debug_traceTransaction', [
      runHash,
      { disableStack: true, disableStorage: true, enableMemory: true },
    ])
    assert.ok(t.structLogs.every((l) => l.stack === undefined && l.storage === undefined))
    const mstore = t.structLogs.findIndex((l) => l.op === 'MSTORE')
    assert.deepEqual(t.structLogs[mstore + 1]!.memory, [
      '0'.repeat(64),
      '0'.repeat(64),
      `${'0'.repeat(62)}80`,
    ])
    const limited = await result<StructResult>('debug_traceTransaction', [runHash, { limit: 1 }])
    assert.ok(limited.structLogs.length >= 1 && limited.structLogs.length < 3)
    assert.equal(limited.gas, t.gas)
  })

  it('callTracer: nested frames with types, outputs, errors and the revert reason', async () => {
    const top = await result<Frame>('debug_traceTransaction', [runHash, { tracer: 'callTracer' }])
    const receipt = await result<{ gasUsed: string }>('eth_getTransactionReceipt', [runHash])
    assert.equal(top.type, 'CALL')
    assert.equal(top.from, alice!.address.toLowerCase())
    assert.equal(top.to, caller)
    assert.equal(top.gas, `0x${GAS.toString(16)}`)
    assert.equal(top.gasUsed, receipt.gasUsed)
    assert.equal(top.value, '0x0')
    assert.equal(top.input, run(7n))
    assert.equal(top.output, `0x${(14).toString(16).padStart(64, '0')}`)
    assert.equal(top.error, undefined)
    assert.equal(top.calls?.length, 2)
    const [store, check] = top.calls!
    assert.equal(store!.type, 'CALL')
    assert.equal(store!.from, caller)
    assert.equal(store!.to, callee)
    assert.equal(store!.output, `0x${(14).toString(16).padStart(64, '0')}`)
    assert.equal(store!.value, '0x0')
    assert.equal(check!.type, 'STATICCALL')
    assert.equal(check!.value, undefined, 'a static call carries no value')
    assert.equal(check!.error, 'execution reverted')
    assert.equal(check!.revertReason, 'callee: nonzero')
    assert.ok(check!.output?.startsWith('0x08c379a0'))
    assert.equal(top.logs, undefined, 'logs only with withLog')
    assert.ok(BigInt(store!.gasUsed) > 0n && BigInt(store!.gasUsed) < BigInt(store!.gas))
  })

  it('callTracer withLog: logs in their frames with positions; onlyTopCall drops sub-calls', async () => {
    const top = await result<Frame>('debug_traceTransaction', [
      runHash,
      { tracer: 'callTracer', tracerConfig: { withLog: true } },
    ])
    const store = top.calls![0]!
    assert.equal(store.logs?.length, 1)
    assert.equal(store.logs![0]!.address, callee)
    assert.equal(store.logs![0]!.position, '0x0')
    assert.equal(store.logs![0]!.data, `0x${(7).toString(16).padStart(64, '0')}`)
    // Caller's own log comes after its first sub-call.
    assert.equal(top.logs?.length, 1)
    assert.equal(top.logs![0]!.position, '0x1')
    assert.equal(top.logs![0]!.topics.length, 2)
    assert.equal(top.calls![1]!.logs, undefined)
    const only = await result<Frame>('debug_traceTransaction', [
      runHash,
      { tracer: 'callTracer', tracerConfig: { onlyTopCall: true, withLog: true } },
    ])
    assert.equal(only.calls, undefined)
    assert.equal(only.logs?.length, 1)
    assert.equal(only.gasUsed, top.gasUsed)
  })

  it('callTracer: a CREATE frame names the new contract', async () => {
    const deploy = encodeFunctionData({ abi: Caller.abi, functionName: 'deploy' })
    const top = await result<Frame>('debug_traceCall', [
      { from: alice!.address, to: caller, data: deploy },
      'latest',
      { tracer: 'callTracer' },
    ])
    const created = top.calls![0]!
    assert.equal(created.type, 'CREATE')
    assert.equal(created.from, caller)
    assert.equal(created.to, createContractAddress(new Address(hexToBytes(caller as Hex)), 1n).toString())
    assert.equal(created.output, Callee.deployedBytecode)
  })

  it('callTracer: a call short of balance is a failed frame that never ran', async () => {
    const top = await result<Frame>('debug_traceCall', [
      {
        from: alice!.address,
        to: caller,
        data: encodeFunctionData({ abi: Caller.abi, functionName: 'overspend' }),
      },
      'latest',
      { tracer: 'callTracer' },
    ])
    assert.equal(top.error, undefined)
    assert.equal(top.output, `0x${'0'.repeat(64)}`, 'overspend() returns false')
    const [call] = top.calls!
    assert.deepEqual(
      { ...call, gas: undefined },
      {
        type: 'CALL',
        from: caller,
        gas: undefined,
        gasUsed: '0x0',
        to: callee,
        input: '0x',
        error: 'insufficient balance for transfer',
        value: `0x${(10n ** 18n).toString(16)}`,
      },
    )
  })

  it('opcodes asking for unpayable memory fail out of gas in traces, not in the tracer', async () => {
    const code = `0x${'ff'.repeat(32)}`
    const hugeLog = `0x7f${code.slice(2)}6000a0` // LOG0 at offset 0 with a 2^256-1 byte size
    const hugeCall = `0x600060007f${code.slice(2)}6000600060015af1` // CALL 0x01 with that much input
    const at = `0x${'c0'.repeat(20)}`
    for (const bytecode of [hugeLog, hugeCall]) {
      const call = [{ to: at, gas: '0x100000' }, 'latest']
      const stateOverrides = { [at]: { code: bytecode } }
      const frame = await result<Frame>('debug_traceCall', [
        ...call,
        { tracer: 'callTracer', tracerConfig: { withLog: true }, stateOverrides },
      ])
      assert.equal(frame.error, 'out of gas')
      assert.equal(frame.calls, undefined)
      const structs = await result<StructResult>('debug_traceCall', [...call, { stateOverrides }])
      assert.equal(structs.failed, true)
      assert.equal(structs.structLogs.at(-1)!.error, 'out of gas')
    }
  })

  it('debug_traceBlockByNumber / ByHash: one entry per transaction, as traceTransaction', async () => {
    const block = await result<{ hash: string; transactions: string[] }>('eth_getBlockByNumber', [
      '0x2',
      false,
    ])
    const byNumber = await result<{ txHash: string; result: Frame }[]>('debug_traceBlockByNumber', [
      '0x2',
      { tracer: 'callTracer' },
    ])
    assert.deepEqual(
      byNumber.map((e) => e.txHash),
      block.transactions,
    )
    assert.equal(byNumber[0]!.result.to, `0x${'ee'.repeat(20)}`)
    assert.deepEqual(
      byNumber[1]!.result,
      await result('debug_traceTransaction', [runHash, { tracer: 'callTracer' }]),
    )
    const byHash = await result('debug_traceBlockByHash', [block.hash, { tracer: 'callTracer' }])
    assert.deepEqual(byHash, byNumber)
    const structs = await result<{ result: StructResult }[]>('debug_traceBlockByNumber', ['latest'])
    assert.equal(structs[0]!.result.gas, 21_000)
    assert.deepEqual(structs[0]!.result.structLogs, [])
  })

  it('tracing errors: unknown tracer, transaction and block, genesis', async () => {
    const tracer = await rpc('debug_traceTransaction', [runHash, { tracer: 'prestateTracerX' }])
    assert.equal(tracer.error?.code, -32602)
    assert.match(tracer.error!.message, /^invalid argument 1: unknown tracer "prestateTracerX"/)
    const unknown = await rpc('debug_traceTransaction', [`0x${'ab'.repeat(32)}`])
    assert.deepEqual(unknown.error, { code: -32000, message: 'transaction not found' })
    const block = await rpc('debug_traceBlockByNumber', ['0x99'])
    assert.deepEqual(block.error, { code: -32000, message: 'block #153 not found' })
    const hash = await rpc('debug_traceBlockByHash', [`0x${'cd'.repeat(32)}`])
    assert.deepEqual(hash.error, { code: -32000, message: `block 0x${'cd'.repeat(32)} not found` })
    const genesis = await rpc('debug_traceBlockByNumber', ['0x0'])
    assert.deepEqual(genesis.error, { code: -32000, message: 'genesis is not traceable' })
    const badTimeout = await rpc('debug_traceTransaction', [runHash, { timeout: 'soon' }])
    assert.equal(badTimeout.error?.code, -32602)
    // A struct-log trace that outgrows its cap stops with LIMIT_EXCEEDED (-32005), not the heap.
    await assert.rejects(
      traceBlockTxs(
        chain,
        (await chain.getBlockByNumber(2n))!,
        1,
        1,
        () => new StructLogger(undefined, 10_000),
        5000,
      ),
      (e: Error & { code?: string }) =>
        e.code === 'LIMIT_EXCEEDED' && /larger than 10000 bytes/.test(e.message),
    )
    // A trace past its deadline stops at its next opcode with TIMEOUT (-32000 'execution timeout').
    const mined = (await chain.getBlockByNumber(2n))!
    await assert.rejects(
      traceBlockTxs(chain, mined, 1, 1, () => new StructLogger(), -1),
      (e: Error & { code?: string }) => e.code === 'TIMEOUT',
    )
    const call = await rpc('debug_traceCall', [{ to: caller }, '0x99'])
    assert.deepEqual(call.error, { code: -32000, message: 'block #153 not found' })
  })

  it('eth_call state overrides: balance, code and storage, never stored', async () => {
    const env = encodeFunctionData({ abi: Caller.abi, functionName: 'env' })
    const decode = (data: unknown) =>
      decodeFunctionResult({ abi: Caller.abi, functionName: 'env', data: data as Hex }) as readonly bigint[]
    const plain = decode(
      await result('eth_call', [{ from: alice!.address, to: caller, data: env }, 'latest']),
    )
    assert.equal(plain[3], 1n)
    const balanceBefore = await result('eth_getBalance', [alice!.address, 'latest'])
    const slot0 = `0x${'0'.repeat(64)}`
    const over = decode(
      await result('eth_call', [
        { from: alice!.address, to: caller, data: env },
        'latest',
        {
          [alice!.address]: { balance: '0x2a' },
          [caller]: { stateDiff: { [slot0]: `0x${'0'.repeat(62)}63` } },
        },
      ]),
    )
    assert.equal(over[2], 42n)
    assert.equal(over[3], 99n)
    // Code at an empty address, with its whole storage replaced.
    const empty = `0x${'e0'.repeat(20)}`
    const value = encodeFunctionData({ abi: Callee.abi, functionName: 'value' })
    const stored = await result('eth_call', [
      { to: empty, data: value },
      'latest',
      { [empty]: { code: Callee.deployedBytecode, state: { [slot0]: `0x${'0'.repeat(62)}05` } } },
    ])
    assert.equal(BigInt(stored as string), 5n)
    // `state` replaces: a slot the contract had reads zero.
    const replaced = await result('eth_call', [
      { to: callee, data: value },
      'latest',
      { [callee]: { state: {} } },
    ])
    assert.equal(BigInt(replaced as string), 0n)
    assert.equal(BigInt((await result('eth_call', [{ to: callee, data: value }, 'latest'])) as string), 7n)
    assert.equal(await result('eth_getBalance', [alice!.address, 'latest']), balanceBefore)
    assert.equal(await result('eth_getCode', [empty, 'latest']), '0x')
    // estimateGas sees overrides too: a call that reverts without them succeeds with them.
    const check = encodeFunctionData({ abi: Callee.abi, functionName: 'check', args: [0n] })
    const estimate = await result<string>('eth_estimateGas', [
      { to: empty, data: check },
      'latest',
      { [empty]: { code: Callee.deployedBytecode } },
    ])
    assert.ok(BigInt(estimate) > 21_000n)
  })

  it('eth_call block overrides: number, time, and the rest of the header fields', async () => {
    const env = encodeFunctionData({ abi: Caller.abi, functionName: 'env' })
    const out = await result('eth_call', [
      { from: alice!.address, to: caller, data: env },
      'latest',
      null,
      {
        number: '0x1234',
        time: '0x77777777',
        gasLimit: '0x1c9c380',
        feeRecipient: `0x${'fe'.repeat(20)}`,
        prevRandao: `0x${'11'.repeat(32)}`,
        baseFeePerGas: '0x0',
        blobBaseFee: '0x5',
      },
    ])
    const r = decodeFunctionResult({
      abi: Caller.abi,
      functionName: 'env',
      data: out as Hex,
    }) as readonly bigint[]
    assert.equal(r[0], 0x1234n)
    assert.equal(r[1], 0x77777777n)
    // The old names geth still documents work too.
    const old = await result('eth_call', [
      { from: alice!.address, to: caller, data: env },
      'latest',
      {},
      { number: '0x99', coinbase: `0x${'fe'.repeat(20)}`, random: `0x${'11'.repeat(32)}`, baseFee: '0x1' },
    ])
    assert.equal(
      (decodeFunctionResult({ abi: Caller.abi, functionName: 'env', data: old as Hex }) as bigint[])[0],
      0x99n,
    )
    assert.equal(chain.head.header.number, 2n)
  })

  it('override errors: state with stateDiff, unknown fields, bad values', async () => {
    const both = await rpc('eth_call', [{ to: callee }, 'latest', { [callee]: { state: {}, stateDiff: {} } }])
    assert.deepEqual(both.error, {
      code: -32602,
      message: `invalid argument 2: account ${toChecksumAddress(callee)} has both 'state' and 'stateDiff'`,
    })
    const unknown = await rpc('eth_call', [{ to: callee }, 'latest', { [callee]: { storage: {} } }])
    assert.equal(unknown.error?.code, -32602)
    assert.match(unknown.error!.message, /unknown field "storage"/)
    const badBalance = await rpc('eth_call', [{ to: callee }, 'latest', { [callee]: { balance: 5 } }])
    assert.equal(badBalance.error?.code, -32602)
    const badBlock = await rpc('eth_call', [
      { to: callee },
      'latest',
      null,
      { beaconRoot: `0x${'00'.repeat(32)}` },
    ])
    assert.equal(badBlock.error?.code, -32602)
    assert.match(badBlock.error!.message, /block override "beaconRoot" is not supported/)
  })

  it('debug_traceCall takes stateOverrides and blockOverrides in its config', async () => {
    const env = encodeFunctionData({ abi: Caller.abi, functionName: 'env' })
    const t = await result<Frame>('debug_traceCall', [
      { from: alice!.address, to: caller, data: env },
      'latest',
      {
        tracer: 'callTracer',
        stateOverrides: { [alice!.address]: { balance: '0x2a' } },
        blockOverrides: { number: '0x1234' },
      },
    ])
    const r = decodeFunctionResult({
      abi: Caller.abi,
      functionName: 'env',
      data: t.output as Hex,
    }) as bigint[]
    assert.equal(r[0], 0x1234n)
    assert.equal(r[2], 42n)
    const structs = await result<StructResult>('debug_traceCall', [{ to: caller, data: env }, 'latest'])
    assert.equal(structs.failed, false)
    assert.ok(structs.structLogs.some((l) => l.op === 'NUMBER'))
  })

  it('eth_createAccessList: what the call touches, geth-style; the list makes a call cheaper', async () => {
    const from = alice!.address
    const al = await result<{ accessList: { address: string; storageKeys: string[] }[]; gasUsed: string }>(
      'eth_createAccessList',
      [{ from, to: caller, data: run(3n) }, 'latest'],
    )
    const slot0 = `0x${'0'.repeat(64)}`
    // As in geth, the recipient is listed for its slots (never alone), sorted by address.
    const expected = [
      { address: caller, storageKeys: [slot0] },
      { address: callee, storageKeys: [slot0] },
    ].sort((a, b) => (a.address < b.address ? -1 : 1))
    assert.deepEqual(al.accessList, expected)
    assert.equal(Object.keys(al).join(','), 'accessList,gasUsed')
    // gasUsed is the call's gas with the list: what eth_estimateGas finds with it.
    const estimate = await result<string>('eth_estimateGas', [
      { from, to: caller, data: run(3n), accessList: al.accessList },
    ])
    assert.ok(BigInt(estimate) >= BigInt(al.gasUsed))
    // poke touches only the callee's storage: its list saves gas.
    const poke = encodeFunctionData({ abi: Caller.abi, functionName: 'poke', args: [3n] })
    const pokeList = await result<{
      accessList: { address: string; storageKeys: string[] }[]
      gasUsed: string
    }>('eth_createAccessList', [{ from, to: caller, data: poke }])
    assert.deepEqual(pokeList.accessList, [{ address: callee, storageKeys: [slot0] }])
    const without = await result<string>('eth_estimateGas', [{ from, to: caller, data: poke }])
    const withList = await result<string>('eth_estimateGas', [
      { from, to: caller, data: poke, accessList: pokeList.accessList },
    ])
    assert.ok(BigInt(withList) < BigInt(without), `${withList} < ${without}`)
    const transfer = await result('eth_createAccessList', [
      { from, to: `0x${'01'.repeat(20)}`, value: '0xa' },
    ])
    assert.deepEqual(transfer, { accessList: [], gasUsed: '0x5208' })
    // A failing call still gets its list, with the error.
    const check = encodeFunctionData({ abi: Callee.abi, functionName: 'check', args: [1n] })
    const failing = await result<{ error?: string }>('eth_createAccessList', [
      { from, to: callee, data: check },
    ])
    assert.equal(failing.error, 'execution reverted')
  })
})
