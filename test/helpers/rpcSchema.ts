// Checks JSON-RPC results against the execution-apis result schemas (rpc/schema, with the result
// patches applied). Methods outside the spec pass unchecked.
import { AssertionError } from 'node:assert'
import { describeErrors, resultValidator } from '../../rpc/index.ts'

/** Throws an AssertionError naming the failing fields when `result` does not fit `method`'s schema. */
export function assertSpecResult(method: string, result: unknown): void {
  const validate = resultValidator(method)
  if (validate === undefined || validate(result)) return
  throw new AssertionError({
    message: `${method} result does not fit the execution-apis schema: ${describeErrors(validate.errors)}\n${JSON.stringify(result).slice(0, 1500)}`,
  })
}

/** Checks the result of a JSON-RPC response object, if it has one. */
export function assertSpecResponse(method: string, response: unknown): void {
  if (typeof response === 'object' && response !== null && 'result' in response) {
    assertSpecResult(method, (response as { result: unknown }).result)
  }
}

/**
 * Checks what a client library exchanges with the node: `request` records each call's method by
 * id, `response` checks each result of a spec method. Failures are collected (a library may turn a
 * throw inside its hooks into a vaguer error) and asserted by `assertAllFit`, e.g. in an after() hook.
 */
export class ResultChecks {
  readonly failures: string[] = []
  checked = 0
  private readonly pending = new Map<unknown, string>()

  request(body: unknown): void {
    for (const r of Array.isArray(body) ? body : [body]) {
      const call = r as { id?: unknown; method?: unknown }
      if (typeof call.method === 'string' && call.id !== undefined) this.pending.set(call.id, call.method)
    }
  }

  response(body: unknown): void {
    for (const r of Array.isArray(body) ? body : [body]) {
      const reply = r as { id?: unknown; result?: unknown }
      const method = this.pending.get(reply.id)
      this.pending.delete(reply.id)
      if (method === undefined || !('result' in reply)) continue
      try {
        assertSpecResult(method, reply.result)
        this.checked++
      } catch (e) {
        this.failures.push((e as Error).message)
      }
    }
  }

  /** Throws when a result did not fit, or when nothing was checked (hooks not wired). */
  assertAllFit(): void {
    if (this.failures.length > 0) throw new AssertionError({ message: this.failures.join('\n\n') })
    if (this.checked === 0) throw new AssertionError({ message: 'no result was checked' })
  }

  /** Hooks for viem's http transport (`http(url, { ...checks.viemHooks() })`). */
  viemHooks(): {
    onFetchRequest: (request: Request) => Promise<void>
    onFetchResponse: (response: Response) => Promise<void>
  } {
    return {
      onFetchRequest: async (request) => this.request(await request.clone().json()),
      onFetchResponse: async (response) => this.response(await response.clone().json()),
    }
  }
}
