// `BENCH_SUITE=bridge npm run bench`: the bridge on the dev setup (issue 6, "Benchmark"): `mosaic-node
// dev --facilitator` (one validator, 1 s blocks, Hardhat's node as the origin, 1 s origin blocks).
// 1. Deposit: Gateway.stake sent on the origin -> the beneficiary's coin spendable on aux (the
//    facilitator's confirmStakeIntent mined); then -> the source side closed (progressStake).
// 2. Withdraw: CoGateway.redeem sent on aux -> the tokens released on the origin (confirmRedeemIntent
//    mined); then -> closed (progressRedeem).
// p50 / max over BENCH_BRIDGE_RUNS runs each, gas per step on both chains, next to the cadence of the
// roots each side waits for: new origin roots in OriginRoots and Core commits (`--origin.commitEvery`).
import { execFileSync } from 'node:child_process'
import { mkdirSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import { join } from 'node:path'
import { erc20Abi, type Hex, parseEther } from 'viem'
import { privateKeyToAccount } from 'viem/accounts'
import { Bridge, publicClient, Status, TxSender } from '../node/bridge/index.ts'
import { deposit, type UserContext, withdraw } from '../node/bridge/user.ts'
import { DEV_KEYS, type DevNode, rpc, startDevNode } from '../test/helpers/node.ts'
import { REPO_ROOT } from './peers.ts'

const RESULTS_DIR = join(REPO_ROOT, 'bench', 'results')
const POLL_MS = 50

interface Step {
  step: string
  event: string
  chain: string
  transactionHash: Hex
}

/** The call behind each step's event. */
const CALLS: Record<string, string> = {
  StakeDeclared: 'Gateway.stake',
  StakeConfirmed: 'CoGateway.confirmStakeIntent + mint (coin)',
  StakeProgressed: 'Gateway.progressStake',
  RedeemDeclared: 'CoGateway.redeem (coin)',
  RedeemConfirmed: 'Gateway.confirmRedeemIntent + release',
  RedeemProgressed: 'CoGateway.progressRedeem',
}

const sleep = (ms: number) => new Promise((res) => setTimeout(res, ms))

function percentile(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b)
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))] ?? Number.NaN
}

async function until(check: () => Promise<boolean>, timeoutMs = 300_000): Promise<number> {
  const deadline = performance.now() + timeoutMs
  for (;;) {
    if (await check()) return performance.now()
    if (performance.now() > deadline) throw new Error('timed out')
    await sleep(POLL_MS)
  }
}

/** Times between successive changes of `read()`, sampled over `ms`. */
async function cadence(read: () => Promise<bigint>, ms: number): Promise<{ seconds: number; step: number }> {
  const changes: { t: number; v: bigint }[] = []
  let last = await read()
  const end = performance.now() + ms
  while (performance.now() < end) {
    const v = await read()
    if (v !== last) changes.push({ t: performance.now(), v })
    last = v
    await sleep(POLL_MS)
  }
  if (changes.length < 2) return { seconds: Number.NaN, step: Number.NaN }
  const first = changes[0]!
  const lastChange = changes[changes.length - 1]!
  const n = changes.length - 1
  return {
    seconds: +((lastChange.t - first.t) / 1000 / n).toFixed(2),
    step: +(Number(lastChange.v - first.v) / n).toFixed(2),
  }
}

export async function runBridgeSuite(o: { runs: number; commitEvery: number }): Promise<boolean> {
  const node: DevNode = await startDevNode({
    origin: true,
    args: ['--facilitator', '--origin.commitEvery', String(o.commitEvery), '--log.level', 'warn'],
  })
  try {
    const status = await rpc<{ origin: { rpcUrl: string } }>(node.url, 'mosaic_status')
    const bridge = await Bridge.connect(publicClient(status.origin.rpcUrl, 100), publicClient(node.url, 100))
    const account = privateKeyToAccount(DEV_KEYS[1])
    const ctx: UserContext = {
      bridge,
      origin: new TxSender(bridge.origin, account, { chain: 'origin' }),
      aux: new TxSender(bridge.aux, account, { chain: 'aux' }),
      report: () => {},
    }
    const fee = { feeGasPrice: 10n ** 9n, feeGasLimit: 200_000n }
    // A first approval for every run, so each deposit below is one stake transaction.
    await ctx.origin.send({
      address: bridge.addresses.baseToken,
      abi: erc20Abi,
      functionName: 'approve',
      args: [bridge.addresses.gateway, parseEther('1000000')],
    })
    console.log('sampling the roots cadence (30 s)...')
    const [originRoots, coreCommits] = await Promise.all([
      cadence(() => bridge.trustedOriginBlock(), 30_000),
      cadence(() => bridge.trustedAuxBlock(), 30_000),
    ])

    const gas = new Map<string, number[]>()
    const addGas = async (s: Step) => {
      // The pay-out events share their confirm's transaction: counted once, with the confirm.
      const name = CALLS[s.event]
      if (!name) return
      const client = s.chain === 'origin' ? bridge.origin : bridge.aux
      const r = await client.getTransactionReceipt({ hash: s.transactionHash })
      const key = `${s.chain.padEnd(6)} ${name}`
      gas.set(key, [...(gas.get(key) ?? []), Number(r.gasUsed)])
    }
    const times = {
      deposit: [] as number[],
      depositClosed: [] as number[],
      withdraw: [] as number[],
      withdrawClosed: [] as number[],
    }
    for (let i = 0; i < o.runs; i++) {
      const t0 = performance.now()
      const d = await deposit(ctx, { amount: parseEther('10'), ...fee })
      const arrived = await until(
        async () => (await bridge.status('aux', d.messageHash)).inbox === Status.Progressed,
      )
      const closed = await until(
        async () => (await bridge.status('origin', d.messageHash)).outbox === Status.Progressed,
      )
      times.deposit.push((arrived - t0) / 1000)
      times.depositClosed.push((closed - t0) / 1000)
      const m = await rpc<{ steps: Step[] }>(node.url, 'mosaic_getMessage', [d.messageHash])
      for (const s of m.steps) await addGas(s)

      const t1 = performance.now()
      const w = await withdraw(ctx, { amount: parseEther('5'), ...fee })
      const released = await until(
        async () => (await bridge.status('origin', w.messageHash)).inbox === Status.Progressed,
      )
      const wClosed = await until(
        async () => (await bridge.status('aux', w.messageHash)).outbox === Status.Progressed,
      )
      times.withdraw.push((released - t1) / 1000)
      times.withdrawClosed.push((wClosed - t1) / 1000)
      const mw = await rpc<{ steps: Step[] }>(node.url, 'mosaic_getMessage', [w.messageHash])
      for (const s of mw.steps) await addGas(s)
      console.log(
        `run ${i + 1}/${o.runs}: deposit spendable ${times.deposit.at(-1)!.toFixed(1)} s (closed ${times.depositClosed.at(-1)!.toFixed(1)} s), ` +
          `withdraw released ${times.withdraw.at(-1)!.toFixed(1)} s (closed ${times.withdrawClosed.at(-1)!.toFixed(1)} s)`,
      )
    }

    const row = (name: string, xs: number[]) =>
      `| ${name.padEnd(44)} | ${percentile(xs, 50).toFixed(1).padStart(6)} | ${Math.max(...xs)
        .toFixed(1)
        .padStart(6)} |`
    console.log(
      `\nbridge on the dev setup (1 validator, 1 s aux blocks, Hardhat origin, 1 s origin blocks), ${o.runs} runs`,
    )
    console.log(`| ${'seconds from the user\u2019s transaction'.padEnd(44)} |    p50 |    max |`)
    console.log(`|${'-'.repeat(46)}|--------|--------|`)
    console.log(row('deposit: spendable on aux', times.deposit))
    console.log(row('deposit: closed on origin (progressStake)', times.depositClosed))
    console.log(row('withdraw: released on origin', times.withdraw))
    console.log(row('withdraw: closed on aux (progressRedeem)', times.withdrawClosed))
    console.log('\nroots cadence (sampled 30 s before the runs)')
    console.log(
      `  new origin root in OriginRoots every ${originRoots.seconds} s (+${originRoots.step} origin blocks)`,
    )
    console.log(
      `  Core commit every ${coreCommits.seconds} s (+${coreCommits.step} aux blocks; --origin.commitEvery ${o.commitEvery})`,
    )
    console.log('\ngas per step (median)')
    const gasRows = [...gas.entries()].map(([k, v]) => ({ step: k, gas: percentile(v, 50) }))
    for (const g of gasRows) console.log(`  ${g.step.padEnd(52)} ${String(g.gas).padStart(8)}`)

    const record = {
      date: new Date().toISOString(),
      commit: execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: REPO_ROOT }).toString().trim(),
      machine: { cpus: os.cpus().length, model: os.cpus()[0]?.model },
      runs: o.runs,
      commitEvery: o.commitEvery,
      seconds: Object.fromEntries(
        Object.entries(times).map(([k, v]) => [k, { p50: percentile(v, 50), max: Math.max(...v), all: v }]),
      ),
      cadence: { originRoots, coreCommits },
      gas: gasRows,
    }
    mkdirSync(RESULTS_DIR, { recursive: true })
    const file = join(RESULTS_DIR, `bridge-${record.date.replace(/[:.]/g, '-')}.json`)
    writeFileSync(file, `${JSON.stringify(record, null, 2)}\n`)
    console.log(`\nwritten to ${file}`)
    return true
  } catch (e) {
    console.error(`bridge bench failed: ${(e as Error).message}\n${node.stderrTail().slice(-3000)}`)
    return false
  } finally {
    await node.stop()
  }
}
