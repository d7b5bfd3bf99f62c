// The bridge's hand-written ABI (node/bridge/abi.ts, from GATEWAY-SPEC.md) is what the compiled
// contracts expose: every function, event and error the node uses has the same inputs and outputs.
import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import type { Abi } from 'viem'
import {
  coGatewayAbi as builtCoGateway,
  gatewayAbi as builtGateway,
  originRootsAbi as builtRoots,
} from '../../../consensus/index.ts'
import { bridgeErrorsAbi, coGatewayAbi, gatewayAbi, originRootsAbi } from '../../../node/bridge/abi.ts'

type Item = { type: string; name?: string; inputs?: readonly Param[]; outputs?: readonly Param[] }
type Param = { type: string; indexed?: boolean }

const shape = (i: Item) =>
  JSON.stringify({
    inputs: (i.inputs ?? []).map((p) => [p.type, p.indexed ?? false]),
    outputs: (i.outputs ?? []).map((p) => p.type),
  })

function assertSubset(mine: Abi, built: Abi, what: string): void {
  const items = built as readonly Item[]
  for (const item of mine as readonly Item[]) {
    const match = items.find((b) => b.type === item.type && b.name === item.name)
    assert.ok(match, `${what}: ${item.type} ${item.name} is not in the compiled ABI`)
    assert.equal(shape(match), shape(item), `${what}: ${item.type} ${item.name}`)
  }
}

describe('bridge ABI', () => {
  it('matches the compiled Gateway, CoGateway and OriginRoots', () => {
    assertSubset(gatewayAbi, builtGateway, 'Gateway')
    assertSubset(coGatewayAbi, builtCoGateway, 'CoGateway')
    assertSubset(originRootsAbi, builtRoots, 'OriginRoots')
  })

  it('knows every custom error the gateways can revert with', () => {
    const known = new Set((bridgeErrorsAbi as readonly Item[]).map((e) => e.name))
    for (const e of [...builtGateway, ...builtCoGateway] as readonly Item[]) {
      if (e.type === 'error') assert.ok(known.has(e.name), `error ${e.name} missing from bridgeErrorsAbi`)
    }
  })
})
