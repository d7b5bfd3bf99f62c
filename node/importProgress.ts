// How `mosaic-node import` shows its progress: a bar on a terminal (cli-progress), periodic log lines
// otherwise (a pipe, a CI log or a file, where a redrawn bar would be noise), and the final summary.
import cliProgress from 'cli-progress'
import type { Logger } from 'pino'
import type { ImportProgress, ImportSummary } from './chain/rlpFile.ts'

/** Seconds between progress log lines when stderr is not a terminal. */
const LOG_INTERVAL_MS = 5_000

export interface ProgressReporter {
  update(p: ImportProgress): void
  stop(): void
}

export function progressReporter(
  logger: Logger,
  tty: boolean,
  startedAt = performance.now(),
): ProgressReporter {
  const rate = (p: ImportProgress) => perSecond(p.imported, performance.now() - startedAt)
  if (tty) {
    const bar = new cliProgress.SingleBar(
      {
        stream: process.stderr,
        format:
          'importing [{bar}] {percentage}% | block {number} | {blocks} blocks, {txs} txs | {rate} blocks/s',
        hideCursor: true,
        clearOnComplete: false,
      },
      cliProgress.Presets.shades_classic,
    )
    let started = false
    const payload = (p: ImportProgress) => ({
      number: p.number.toString(),
      blocks: p.imported + p.skipped,
      txs: p.txs,
      rate: rate(p).toFixed(1),
    })
    return {
      update(p) {
        if (!started) {
          bar.start(p.totalBytes, p.bytesRead, payload(p))
          started = true
        } else bar.update(p.bytesRead, payload(p))
      },
      stop() {
        if (started) bar.stop()
      },
    }
  }
  let last = performance.now()
  return {
    update(p) {
      const now = performance.now()
      if (now - last < LOG_INTERVAL_MS) return
      last = now
      logger.info(
        {
          number: Number(p.number),
          imported: p.imported,
          skipped: p.skipped,
          txs: p.txs,
          percent: p.totalBytes === 0 ? 100 : Math.floor((p.bytesRead * 100) / p.totalBytes),
          blocksPerSecond: Number(rate(p).toFixed(1)),
        },
        'import progress',
      )
    },
    stop() {},
  }
}

/** The one-line summary printed when an import ends. */
export function importSummaryLine(s: ImportSummary): string {
  const seconds = s.ms / 1000
  const mgas = Number(s.gasUsed) / 1e6
  return (
    `imported ${s.imported} blocks (${s.skipped} already present), ${s.txs} txs, ${mgas.toFixed(2)} Mgas ` +
    `in ${seconds.toFixed(2)} s (${perSecond(s.imported, s.ms).toFixed(1)} blocks/s); ` +
    `head ${s.head.header.number} ${bytesHex(s.head.hash())}`
  )
}

function perSecond(n: number, ms: number): number {
  return ms <= 0 ? 0 : (n * 1000) / ms
}

function bytesHex(b: Uint8Array): string {
  return `0x${Buffer.from(b).toString('hex')}`
}
