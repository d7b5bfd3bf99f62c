// Tracing, call overrides and access lists against a real `mosaic-node dev` process, with Caller /
// Callee (test/fixtures/contracts/Tracing.sol): a transaction that CALLs a contract which stores and
// logs, logs itself, and STATICCALLs a check that reverts with a reason (caught). The callTracer
// output of the same transaction is compared with Hardhat's node (EDR) running the same deployment.
import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { ContractFactory, Interface, JsonRpcProvider, type TransactionRequest, Wallet } from 'ethers'
import type { CallFrame as Frame } from '../../node/chain/tracers/callTracer.ts'
import type { StructLog } from '../../node/chain/tracers/structLog.ts'
import {
  DEV_ADDRESSES,
  DEV_KEYS,
  type DevNode,
  rpc,
  startDevNode,
  startHardhatNode,
  target,
  waitForReceipt,
} from '../helpers/node.ts'
import { compileFiles } from '../helpers/solc.ts'

const { Callee, Caller } = compileFiles(['Tracing.sol'])
if (!Callee || !Caller) throw new Error('Tracing.sol did not compile')
const caller = new Interface(JSON.stringify(Caller.abi))
const callee = new Interface(JSON.stringify(Callee.abi))
const GAS = 300_000n
const SLOT0 = `0x${'0'.repeat(64)}`

interface Deployed {
  url: string
  wallet: Wallet
  callee: string
  caller: string
  runHash: string
  receipt: { gasUsed: string; status: string }
}

async function send(d: { url: string; wallet: Wallet }, req: TransactionRequest): Promise<string> {
  const tx = await d.wallet.sendTransaction(req)
  const receipt = await waitForReceipt(d.url, tx.hash)
  assert.equal(receipt.status, '0x1')
  return tx.hash
}

/** Deploys Callee and Caller from dev account 0 and mines Caller.run(7). */
async function deploy(url: string): Promise<Deployed> {
  const provider = new JsonRpcProvider(url, undefined, { staticNetwork: true, cacheTimeout: -1 })
  const wallet = new Wallet(DEV_KEYS[0], provider)
  const c1 = await new ContractFactory(JSON.stringify(Callee!.abi), Callee!.bytecode, wallet).deploy()
  await c1.waitForDeployment()
  const calleeAddr = (await c1.getAddress()).toLowerCase()
  const c2 = await new ContractFactory(JSON.stringify(Caller!.abi), Caller!.bytecode, wallet).deploy(
    calleeAddr,
  )
  await c2.waitForDeployment()
  const callerAddr = (await c2.getAddress()).toLowerCase()
  const d = { url, wallet }
  const runHash = await send(d, {
    to: callerAddr,
    data: caller.encodeFunctionData('run', [7n]),
    gasLimit: GAS,
  })
  const receipt = await waitForReceipt(url, runHash)
  return { url, wallet, callee: calleeAddr, caller: callerAddr, runHash, receipt }
}

/**
 * EDR's struct log in geth's encoding: EDR writes memory and storage words with 0x and always sends
 * refund, returnData and memory; geth (and we) omit a zero refund, empty return data and empty
 * memory, and print 32-byte words without 0x.
 */
function asGeth(l: object): object {
  const unprefix = (w: string) => w.replace(/^0x/, '')
  const { refund, returnData, memory, storage, ...rest } = l as Record<string, unknown>
  return {
    ...rest,
    ...(returnData !== '0x' && returnData !== undefined ? { returnData } : {}),
    ...(Array.isArray(memory) && memory.length > 0 ? { memory: memory.map(unprefix) } : {}),
    ...(storage
      ? {
          storage: Object.fromEntries(
            Object.entries(storage as Record<string, string>).map(([k, v]) => [unprefix(k), unprefix(v)]),
          ),
        }
      : {}),
    ...(refund ? { refund } : {}),
  }
}

function assertSameSteps(ours: object[], hardhat: object[]): void {
  assert.equal(ours.length, hardhat.length)
  for (let i = 0; i < ours.length; i++) assert.deepEqual(ours[i], asGeth(hardhat[i]!), `struct log ${i}`)
}

describe('tracing, overrides and access lists against mosaic-node dev', {
  skip: target === 'hardhat' ? 'compares mosaic-node with Hardhat itself' : false,
}, () => {
  let node: DevNode
  let hardhat: DevNode
  let m: Deployed
  let h: Deployed

  before(async () => {
    ;[node, hardhat] = await Promise.all([startDevNode(), startHardhatNode()])
    ;[m, h] = await Promise.all([deploy(node.url), deploy(hardhat.url)])
  })

  after(async () => {
    await Promise.all([node?.stop(), hardhat?.stop()])
  })

  it('struct logs: opcode sequence, first step gas = tx gas - intrinsic, total = receipt gasUsed', async () => {
    const t = await rpc<{ gas: number; failed: boolean; returnValue: string; structLogs: StructLog[] }>(
      m.url,
      'debug_traceTransaction',
      [m.runHash],
    )
    assert.equal(t.failed, false)
    assert.equal(t.gas, Number(m.receipt.gasUsed))
    assert.equal(BigInt(t.returnValue), 14n)
    const data = Buffer.from(caller.encodeFunctionData('run', [7n]).slice(2), 'hex')
    const zeros = data.filter((b) => b === 0).length
    const intrinsic = 21_000 + 4 * zeros + 16 * (data.length - zeros)
    const logs = t.structLogs
    assert.deepEqual(
      logs.slice(0, 3).map((l) => l.op),
      ['PUSH1', 'PUSH1', 'MSTORE'],
    )
    assert.equal(logs[0]!.gas, Number(GAS) - intrinsic)
    // Depths: the caller (1), the callee's store (2), back (1), the reverting check (2), back (1).
    const depths = logs.map((l) => l.depth).filter((d, i, all) => i === 0 || all[i - 1] !== d)
    assert.deepEqual(depths, [1, 2, 1, 2, 1])
    const ops = new Set(logs.map((l) => l.op))
    for (const op of ['CALL', 'STATICCALL', 'SSTORE', 'SLOAD', 'LOG1', 'LOG2', 'REVERT', 'RETURN']) {
      assert.ok(ops.has(op), op)
    }
    assert.equal(logs.at(-1)!.op, 'RETURN')
    // Within one frame, each step starts with what the previous one left.
    for (let i = 1; i < logs.length; i++) {
      const [a, b] = [logs[i - 1]!, logs[i]!]
      if (a.depth === b.depth && !['CALL', 'STATICCALL'].includes(a.op))
        assert.equal(b.gas, a.gas - a.gasCost)
    }
  })

  it('callTracer: nesting, revert reason, and the same tree as Hardhat', async () => {
    const config = { tracer: 'callTracer' }
    const [ours, theirs] = await Promise.all([
      rpc<Frame>(m.url, 'debug_traceTransaction', [m.runHash, config]),
      rpc<Frame>(h.url, 'debug_traceTransaction', [h.runHash, config]),
    ])
    assert.equal(ours.type, 'CALL')
    assert.equal(ours.to, m.caller)
    assert.equal(ours.gasUsed, m.receipt.gasUsed)
    assert.deepEqual(
      ours.calls?.map((c) => [c.type, c.to, c.error, c.revertReason]),
      [
        ['CALL', m.callee, undefined, undefined],
        ['STATICCALL', m.callee, 'execution reverted', 'callee: nonzero'],
      ],
    )
    // Same deployer, same nonces: the same addresses and the same execution on both nodes.
    assert.equal(h.caller, m.caller)
    assert.deepEqual(ours, theirs)
    // debug_traceCall: a CREATE, and a call short of balance that never starts.
    for (const fn of ['deploy', 'overspend']) {
      const call = {
        from: DEV_ADDRESSES[0],
        to: m.caller,
        data: caller.encodeFunctionData(fn),
        gas: '0x100000',
      }
      const [a, b] = await Promise.all([
        rpc<Frame>(m.url, 'debug_traceCall', [call, 'latest', config]),
        rpc<Frame>(h.url, 'debug_traceCall', [call, 'latest', config]),
      ])
      assert.deepEqual(a, b, fn)
    }
  })

  it('callTracer withLog and struct logs of every step match Hardhat', async () => {
    const withLog = { tracer: 'callTracer', tracerConfig: { withLog: true } }
    const [ours, theirs] = await Promise.all([
      rpc<Frame>(m.url, 'debug_traceTransaction', [m.runHash, withLog]),
      rpc<Frame>(h.url, 'debug_traceTransaction', [h.runHash, withLog]),
    ])
    // EDR adds the log's `index` within the transaction, which geth's callTracer does not have.
    assert.deepEqual(ours, JSON.parse(JSON.stringify(theirs, (k, v) => (k === 'index' ? undefined : v))))
    const options = { enableMemory: true, enableReturnData: true }
    const [a, b] = await Promise.all([
      rpc<{ structLogs: object[] }>(m.url, 'debug_traceTransaction', [m.runHash, options]),
      rpc<{ structLogs: object[] }>(h.url, 'debug_traceTransaction', [h.runHash, options]),
    ])
    assertSameSteps(a.structLogs, b.structLogs)
    // A call refused for lack of balance: no frame, and no return data left behind for RETURNDATASIZE.
    // With a gas limit of its own: the nodes' default call gas differs.
    const call = {
      from: DEV_ADDRESSES[0],
      to: m.caller,
      data: caller.encodeFunctionData('overspend'),
      gas: '0x100000',
    }
    const [c, d] = await Promise.all([
      rpc<{ structLogs: object[] }>(m.url, 'debug_traceCall', [call, 'latest', options]),
      rpc<{ structLogs: object[] }>(h.url, 'debug_traceCall', [call, 'latest', options]),
    ])
    assertSameSteps(c.structLogs, d.structLogs)
  })

  it('a call that runs out of gas: the failing step, the frames and the totals match Hardhat', async () => {
    const call = {
      from: DEV_ADDRESSES[0],
      to: m.caller,
      data: caller.encodeFunctionData('run', [5n]),
      gas: '0x8000',
    }
    type Result = { gas: number; failed: boolean; returnValue: string; structLogs: StructLog[] }
    const [a, b] = await Promise.all([
      rpc<Result>(m.url, 'debug_traceCall', [call, 'latest', { disableStorage: true }]),
      rpc<Result>(h.url, 'debug_traceCall', [call, 'latest', { disableStorage: true }]),
    ])
    // The callee runs out of gas; the caller sees the failed call and reverts.
    assert.equal(a.failed, true)
    const failing = a.structLogs.findIndex((l) => l.error !== undefined)
    assert.deepEqual([a.structLogs[failing]!.depth, a.structLogs[failing]!.error], [2, 'out of gas'])
    assert.ok(a.structLogs[failing]!.gasCost > a.structLogs[failing]!.gas)
    assert.equal(a.structLogs.at(-1)!.op, 'REVERT')
    assert.deepEqual({ ...a, structLogs: a.structLogs.length }, { ...b, structLogs: b.structLogs.length })
    // On the failing step geth (and we) give the opcode's full cost and 'out of gas'; EDR gives the gas
    // that was left and 'Some(OutOfGas)'. Every other step is the same.
    const theirs = b.structLogs.map((l, i) =>
      i === failing ? { ...l, error: 'out of gas', gasCost: a.structLogs[i]!.gasCost } : l,
    )
    assertSameSteps(a.structLogs, theirs)
    const config = { tracer: 'callTracer' }
    const [x, y] = await Promise.all([
      rpc<Frame>(m.url, 'debug_traceCall', [call, 'latest', config]),
      rpc<Frame>(h.url, 'debug_traceCall', [call, 'latest', config]),
    ])
    assert.equal(x.error, 'execution reverted')
    assert.equal(x.calls?.[0]?.error, 'out of gas')
    assert.equal(x.calls?.[0]?.gasUsed, x.calls?.[0]?.gas)
    assert.deepEqual(x, y)
  })

  it('eth_call state overrides: balance, code and storage are visible and not kept', async () => {
    const env = caller.encodeFunctionData('env')
    const from = DEV_ADDRESSES[1].toLowerCase()
    const before = await rpc<string>(m.url, 'eth_getBalance', [from, 'latest'])
    const out = await rpc<string>(m.url, 'eth_call', [
      { from, to: m.caller, data: env },
      'latest',
      {
        [from]: { balance: '0x2a' },
        [m.caller]: { stateDiff: { [SLOT0]: `0x${'0'.repeat(62)}63` } },
      },
    ])
    const [, , balance, stored] = caller.decodeFunctionResult('env', out)
    assert.equal(balance, 42n)
    assert.equal(stored, 99n)
    const somewhere = `0x${'e1'.repeat(20)}`
    const value = await rpc<string>(m.url, 'eth_call', [
      { to: somewhere, data: callee.encodeFunctionData('value') },
      'latest',
      { [somewhere]: { code: Callee!.deployedBytecode, state: { [SLOT0]: `0x${'0'.repeat(62)}2a` } } },
    ])
    assert.equal(BigInt(value), 42n)
    assert.equal(await rpc(m.url, 'eth_getBalance', [from, 'latest']), before)
    assert.equal(await rpc(m.url, 'eth_getCode', [somewhere, 'latest']), '0x')
  })

  it('eth_call block overrides: block.number and block.timestamp', async () => {
    const out = await rpc<string>(m.url, 'eth_call', [
      { to: m.caller, data: caller.encodeFunctionData('env') },
      'latest',
      null,
      { number: '0xbc614e', time: '0x7fffffff' },
    ])
    const [number, time] = caller.decodeFunctionResult('env', out)
    assert.equal(number, 12_345_678n)
    assert.equal(time, 0x7fffffffn)
  })

  it('eth_createAccessList: the list it returns makes the transaction cheaper', async () => {
    const d = { url: m.url, wallet: m.wallet }
    // Same kind of write both times (a non-zero slot changed), once without and once with the list.
    const plain = await send(d, {
      to: m.caller,
      data: caller.encodeFunctionData('poke', [11n]),
      gasLimit: GAS,
    })
    const data = caller.encodeFunctionData('poke', [12n])
    const al = await rpc<{ accessList: { address: string; storageKeys: string[] }[]; gasUsed: string }>(
      m.url,
      'eth_createAccessList',
      [{ from: DEV_ADDRESSES[0], to: m.caller, data }, 'latest'],
    )
    assert.deepEqual(al.accessList, [{ address: m.callee, storageKeys: [SLOT0] }])
    const listed = await send(d, { to: m.caller, data, gasLimit: GAS, accessList: al.accessList, type: 2 })
    const [r1, r2] = await Promise.all([waitForReceipt(m.url, plain), waitForReceipt(m.url, listed)])
    assert.equal(r2.gasUsed, al.gasUsed)
    assert.ok(BigInt(r2.gasUsed) < BigInt(r1.gasUsed), `${r2.gasUsed} < ${r1.gasUsed}`)
  })
})
