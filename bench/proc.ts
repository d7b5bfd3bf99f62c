// Linux /proc readings: memory and CPU time of a process tree, and CPU time of the whole machine, so a
// run can show what the node used and whether something else was competing for the cores. Elsewhere
// every reading is 0.
import { execFileSync } from 'node:child_process'
import { readFileSync } from 'node:fs'

function clockTicks(): number {
  try {
    const n = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim())
    return Number.isFinite(n) && n > 0 ? n : 100
  } catch {
    return 100
  }
}
const CLK_TCK = clockTicks()

function read(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8')
  } catch {
    return undefined
  }
}

/** `pid` and all its descendants that are alive now. */
function tree(pid: number): number[] {
  const out: number[] = []
  const stack = [pid]
  while (stack.length > 0) {
    const p = stack.pop()!
    if (out.includes(p) || read(`/proc/${p}/stat`) === undefined) continue
    out.push(p)
    for (const c of (read(`/proc/${p}/task/${p}/children`) ?? '').split(/\s+/)) if (c) stack.push(Number(c))
  }
  return out
}

/** Resident memory of the tree, bytes. */
export function treeRssBytes(pid: number): number {
  let total = 0
  for (const p of tree(pid)) {
    const m = /^VmRSS:\s+(\d+) kB/m.exec(read(`/proc/${p}/status`) ?? '')
    if (m) total += Number(m[1]) * 1024
  }
  return total
}

/** User + system CPU time the tree has used so far, seconds (exited descendants not included). */
export function treeCpuSeconds(pid: number): number {
  let ticks = 0
  for (const p of tree(pid)) {
    const stat = read(`/proc/${p}/stat`)
    if (stat === undefined) continue
    // Fields after the parenthesised command name; utime and stime are fields 14 and 15.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
    ticks += Number(fields[11]) + Number(fields[12])
  }
  return ticks / CLK_TCK
}

/** CPU time every core of the machine has spent busy so far (not idle or waiting for I/O), seconds. */
export function machineBusySeconds(): number {
  const line = read('/proc/stat')?.split('\n')[0]
  if (!line?.startsWith('cpu ')) return 0
  const [user, nice, system, , , irq, softirq, steal] = line.split(/\s+/).slice(1).map(Number)
  return ((user ?? 0) + (nice ?? 0) + (system ?? 0) + (irq ?? 0) + (softirq ?? 0) + (steal ?? 0)) / CLK_TCK
}

/** CPU time of this process (the benchmark client), seconds. */
export function selfCpuSeconds(): number {
  const u = process.cpuUsage()
  return (u.user + u.system) / 1e6
}
