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
