// Reads mosaic-node's JSON log lines (pino): how long each sealed block took to build, and every warning
// or error the node logged while under load.
export interface NodeLogSummary {
  /** Block number -> milliseconds the producer spent on it (build, execute, commit). */
  sealedMs: Map<number, number>
  /** Warnings and errors, "msg: err.message", in order. */
  problems: string[]
}

interface PinoLine {
  level?: number
  msg?: string
  number?: number
  ms?: number
  err?: { message?: string }
}

const WARN = 40

export function readNodeLogs(lines: string[]): NodeLogSummary {
  const sealedMs = new Map<number, number>()
  const problems: string[] = []
  for (const line of lines) {
    if (!line.startsWith('{')) continue
    let entry: PinoLine
    try {
      entry = JSON.parse(line) as PinoLine
    } catch {
      continue
    }
    if (entry.msg === 'sealed block' && typeof entry.number === 'number' && typeof entry.ms === 'number') {
      sealedMs.set(entry.number, entry.ms)
    }
    if ((entry.level ?? 0) >= WARN) {
      problems.push(entry.err?.message ? `${entry.msg}: ${entry.err.message}` : String(entry.msg))
    }
  }
  return { sealedMs, problems }
}
