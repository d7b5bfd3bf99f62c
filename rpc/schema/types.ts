// Shapes of the generated execution-apis method table (methods.generated.ts) and its patches.

/** A JSON Schema (2020-12) as plain JSON. */
export type JsonSchema = { [keyword: string]: unknown }

export interface SpecParam {
  name: string
  /** OpenRPC's `required`; absent in the spec means optional. */
  required: boolean
  schema: JsonSchema
}

export interface SpecMethod {
  params: SpecParam[]
  result: { name: string; schema: JsonSchema }
}

export type SpecMethods = Readonly<Record<string, SpecMethod>>
