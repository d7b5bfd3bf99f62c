// The config object of debug_traceTransaction / debug_traceBlockBy* / debug_traceCall, as geth takes
// it (eth/tracers TraceConfig, TraceCallConfig): `tracer` and `tracerConfig`, the struct logger's
// options at the top level, `timeout` as a Go duration. Like geth, fields it does not know are ignored
// (older clients still send `disableMemory`); known fields must have the right type.
import type { CallOverrides, CallTracerConfig, StructLoggerConfig, TraceConfig } from './backend.ts'
import { invalidArgument } from './errors.ts'
import { blockOverrides, stateOverride } from './overrideParams.ts'

export const TRACERS = ['callTracer'] as const

function object(v: unknown, index: number, field?: string): Record<string, unknown> {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) {
    throw invalidArgument(index, `${field ? `${field}: ` : ''}cannot unmarshal non-object into trace config`)
  }
  return v as Record<string, unknown>
}

function flag(o: Record<string, unknown>, key: string, index: number, field?: string): boolean {
  const v = o[key]
  if (v === undefined || v === null) return false
  if (typeof v !== 'boolean') {
    throw invalidArgument(index, `${field ? `${field}.` : ''}${key}: cannot unmarshal non-bool into bool`)
  }
  return v
}

const UNIT_MS: Record<string, number> = {
  ns: 1e-6,
  us: 1e-3,
  µs: 1e-3,
  ms: 1,
  s: 1000,
  m: 60_000,
  h: 3_600_000,
}

/** A Go duration (`"5s"`, `"1m30s"`, `"250ms"`) in milliseconds. */
export function goDuration(v: unknown, index: number): number {
  if (typeof v !== 'string' || !/^(\d+(\.\d+)?(ns|us|µs|ms|s|m|h))+$/.test(v)) {
    throw invalidArgument(index, `timeout: time: invalid duration ${JSON.stringify(v)}`)
  }
  let ms = 0
  for (const m of v.matchAll(/(\d+(?:\.\d+)?)(ns|us|µs|ms|s|m|h)/g))
    ms += Number(m[1]) * (UNIT_MS[m[2]!] ?? 0)
  return ms
}

export function traceConfig(v: unknown, index: number): TraceConfig {
  const o = v === undefined ? {} : object(v, index)
  const tracer = o['tracer']
  const timeout =
    o['timeout'] === undefined || o['timeout'] === null ? {} : { timeoutMs: goDuration(o['timeout'], index) }
  if (tracer === undefined || tracer === null || tracer === '') {
    const limit = o['limit'] ?? 0
    if (typeof limit !== 'number' || !Number.isSafeInteger(limit) || limit < 0) {
      throw invalidArgument(index, 'limit: cannot unmarshal into a non-negative int')
    }
    const structLogger: StructLoggerConfig = {
      enableMemory: flag(o, 'enableMemory', index),
      disableStack: flag(o, 'disableStack', index),
      disableStorage: flag(o, 'disableStorage', index),
      enableReturnData: flag(o, 'enableReturnData', index),
      limit,
    }
    return { tracer: 'structLogger', structLogger, ...timeout }
  }
  if (tracer === 'callTracer') {
    const c =
      o['tracerConfig'] === undefined || o['tracerConfig'] === null
        ? {}
        : object(o['tracerConfig'], index, 'tracerConfig')
    const callTracer: CallTracerConfig = {
      onlyTopCall: flag(c, 'onlyTopCall', index, 'tracerConfig'),
      withLog: flag(c, 'withLog', index, 'tracerConfig'),
    }
    return { tracer: 'callTracer', callTracer, ...timeout }
  }
  throw invalidArgument(
    index,
    `unknown tracer ${JSON.stringify(tracer)}: supported are ${TRACERS.join(', ')} and, without "tracer", the struct logger`,
  )
}

/** debug_traceCall's config: a trace config plus `stateOverrides` and `blockOverrides`. */
export function traceCallConfig(v: unknown, index: number): { trace: TraceConfig; overrides: CallOverrides } {
  const trace = traceConfig(v, index)
  const o = v === undefined ? {} : object(v, index)
  const overrides: CallOverrides = {}
  if (o['stateOverrides'] !== undefined && o['stateOverrides'] !== null) {
    overrides.state = stateOverride(o['stateOverrides'], { index, field: 'stateOverrides' })
  }
  if (o['blockOverrides'] !== undefined && o['blockOverrides'] !== null) {
    overrides.block = blockOverrides(o['blockOverrides'], { index, field: 'blockOverrides' })
  }
  if (o['txIndex'] !== undefined && o['txIndex'] !== null) {
    throw invalidArgument(index, 'txIndex: tracing a call inside a block is not supported')
  }
  return { trace, overrides }
}
