// `npm run bench:validate`: what parameter validation from the execution-apis schemas
// (rpc/validate.ts) costs: building the schema sets at startup, each method's compile at its first
// request, and per request the time checkParams takes for typical params (median of 7 rounds).
// Compare with a whole JSON-RPC request over HTTP, tens of microseconds at best (PERF-NOTES: a bare
// fastify handler serves ~20k req/s here).
import { checkParams, loadParamSchemas } from '../rpc/validate.ts'

const ADDR = '0xf39fd6e51aad88f6f4ce6ab8827279cfffb92266'
const HASH = `0x${'ab'.repeat(32)}`
const ROUNDS = 7
const ITERATIONS = Number(process.env['BENCH_ITERATIONS'] ?? 200_000)

const CASES: [method: string, params: unknown[]][] = [
  ['eth_blockNumber', []],
  ['eth_getBalance', [ADDR, 'latest']],
  ['eth_getBalance', [ADDR, { blockHash: HASH }]],
  ['eth_getBlockByNumber', ['0x1b4', false]],
  [
    'eth_call',
    [{ from: ADDR, to: ADDR, data: `0x70a08231${'0'.repeat(24)}${ADDR.slice(2)}`, gas: '0x5208' }, 'latest'],
  ],
  ['eth_getLogs', [{ fromBlock: '0x1', toBlock: '0x64', address: ADDR, topics: [HASH, null, [HASH, HASH]] }]],
  ['eth_sendRawTransaction', [`0x02f8${'ab'.repeat(110)}`]],
]

function nsPerCall(fn: () => void): number {
  const samples: number[] = []
  for (let r = 0; r < ROUNDS; r++) {
    const start = process.hrtime.bigint()
    for (let i = 0; i < ITERATIONS; i++) fn()
    samples.push(Number(process.hrtime.bigint() - start) / ITERATIONS)
  }
  samples.sort((a, b) => a - b)
  return samples[Math.floor(ROUNDS / 2)]!
}

const t0 = performance.now()
loadParamSchemas()
const compileMs = performance.now() - t0

const rows = CASES.map(([method, params]) => {
  // The first call compiles the method's validators (and fails loudly here, not in the timing loop).
  const f0 = performance.now()
  checkParams(method, params)
  const firstMs = performance.now() - f0
  const ns = nsPerCall(() => checkParams(method, params))
  const label = `${method} ${JSON.stringify(params)}`
  return { label: label.length > 70 ? `${label.slice(0, 67)}...` : label, firstMs, ns }
})

process.stdout.write(`schema sets at startup (loadParamSchemas): ${compileMs.toFixed(0)} ms\n\n`)
process.stdout.write(`| request params | first call (compiles), ms | ns per checkParams |\n|---|---:|---:|\n`)
for (const r of rows)
  process.stdout.write(`| \`${r.label}\` | ${r.firstMs.toFixed(1)} | ${r.ns.toFixed(0)} |\n`)
