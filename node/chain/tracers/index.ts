// The tracers debug_trace* can run, by name.
import type { TraceConfig } from '../../../rpc/index.ts'
import { CallTracer } from './callTracer.ts'
import { StructLogger } from './structLog.ts'
import type { Tracer } from './tracer.ts'

export function createTracer(config: TraceConfig): Tracer {
  return config.tracer === 'callTracer'
    ? new CallTracer(config.callTracer)
    : new StructLogger(config.structLogger)
}
