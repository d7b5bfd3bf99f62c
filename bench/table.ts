// Markdown tables of the results: one row per node for the headline, one row per node and workload for
// the details.
import type { WorkloadResult } from './workload.ts'

export interface NodeResult {
  node: string
  setupSeconds: number
  workloads: WorkloadResult[]
  /** Producer time per block from the node's own logs (mosaic-node only), by workload. */
  buildMs: Record<string, { avg: number; max: number } | undefined>
  /** Warnings and errors the node logged. */
  problems: string[]
  /** Why the run on this node stopped early. */
  error?: string
}

function row(cells: (string | number)[]): string {
  return `| ${cells.join(' | ')} |`
}

function table(header: string[], rows: (string | number)[][]): string {
  const align = header.map((_, i) => (i === 0 ? '---' : '---:'))
  return [row(header), row(align), ...rows.map(row)].join('\n')
}

const int = (x: number): string => Math.round(x).toLocaleString('en-US')
const fixed = (x: number, digits = 1): string => x.toFixed(digits)

function pair(r: NodeResult, f: (w: WorkloadResult) => string): string {
  const native = r.workloads.find((w) => w.workload === 'native')
  const erc20 = r.workloads.find((w) => w.workload === 'erc20')
  return `${native ? f(native) : '—'} / ${erc20 ? f(erc20) : '—'}`
}

function byName(r: NodeResult, name: string, f: (w: WorkloadResult) => string): string {
  const w = r.workloads.find((x) => x.workload === name)
  return w ? f(w) : '—'
}

export function summaryTable(results: NodeResult[]): string {
  return table(
    ['node', 'native tx/s', 'ERC-20 tx/s', 'blocks used', 'avg txs/block', 'max txs in a block'],
    results.map((r) => [
      r.error ? `${r.node} (failed)` : r.node,
      byName(r, 'native', (w) => int(w.txPerSecond)),
      byName(r, 'erc20', (w) => int(w.txPerSecond)),
      pair(r, (w) => String(w.blocksUsed)),
      pair(r, (w) => int(w.avgTxsPerBlock)),
      pair(r, (w) => String(w.maxTxsPerBlock)),
    ]),
  )
}

function count(record: Record<string, number>): number {
  return Object.values(record).reduce((a, b) => a + b, 0)
}

export function detailTable(results: NodeResult[]): string {
  const rows = results.flatMap((r) =>
    r.workloads.map((w) => {
      const build = r.buildMs[w.workload]
      return [
        r.node,
        w.workload,
        int(w.txs),
        fixed(w.seconds),
        int(w.txPerSecond),
        fixed(w.submitSeconds),
        int(w.gasPerTx),
        build ? `${int(build.avg)} / ${int(build.max)}` : '—',
        int(count(w.retried)),
        int(count(w.failed)),
        int(w.peakRssMiB),
        `${int((100 * w.cpu.node) / w.seconds)}%`,
        `${int((100 * w.cpu.client) / w.seconds)}%`,
        `${int((100 * w.cpu.other) / w.seconds)}%`,
      ]
    }),
  )
  return table(
    [
      'node',
      'workload',
      'txs',
      'seconds',
      'tx/s',
      'all accepted after (s)',
      'gas/tx',
      'block build ms avg / max',
      'rejections retried',
      'rejections final',
      'peak RSS MiB',
      'CPU node',
      'CPU client',
      'CPU other',
    ],
    rows,
  )
}
