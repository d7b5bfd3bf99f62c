// The aux chain's own predeployed contracts (DESIGN.md §8): OriginRoots, which the protocol fills with
// finalised origin state roots, and CoGateway, the aux end of the token bridge. Their storage layouts
// are protocol: the node writes OriginRoots' slots directly, and genesis sets CoGateway's config slots
// (it is never constructed).
import { coGatewayCode, originRootsCode } from './predeploys.generated.ts'
import type { Hex } from './types.ts'

export const ORIGIN_ROOTS_ADDRESS: Hex = '0x0000000000000000000000000000000000001000'
export const CO_GATEWAY_ADDRESS: Hex = '0x0000000000000000000000000000000000001001'
/** OriginRoots slot 0: the highest origin block number written. */
export const ORIGIN_ROOTS_LATEST_SLOT = 0n
/** OriginRoots slot 1: mapping(origin block number => state root). */
export const ORIGIN_ROOTS_MAP_SLOT = 1n
/** CoGateway slots 2 and 3: the origin Gateway and the origin token whose aux counterpart is the coin. */
const CO_GATEWAY_GATEWAY_SLOT = 2n
const CO_GATEWAY_BASE_TOKEN_SLOT = 3n
/** The native coin CoGateway holds for the bridge in a dev genesis (1e9 coins): "minting" pays from it. */
export const CO_GATEWAY_DEV_RESERVE = 10n ** 27n

export interface BridgeGenesis {
  /** The origin Gateway and base (value) token, lowercase 0x. */
  gateway: Hex
  baseToken: Hex
  /** Native coin reserved for the bridge, in wei. */
  reserve: bigint
}

function slotKey(slot: bigint): string {
  return `0x${slot.toString(16).padStart(64, '0')}`
}

function word(address: Hex): string {
  return `0x${address.slice(2).toLowerCase().padStart(64, '0')}`
}

/** geth-style alloc entries (keys without 0x) for OriginRoots, and for CoGateway when `bridge` is set. */
export function predeployAlloc(bridge?: BridgeGenesis): Record<string, unknown> {
  const alloc: Record<string, unknown> = {
    [ORIGIN_ROOTS_ADDRESS.slice(2)]: { code: originRootsCode, nonce: '0x1', balance: '0x0' },
  }
  if (bridge) {
    alloc[CO_GATEWAY_ADDRESS.slice(2)] = {
      code: coGatewayCode,
      nonce: '0x1',
      balance: `0x${bridge.reserve.toString(16)}`,
      storage: {
        [slotKey(CO_GATEWAY_GATEWAY_SLOT)]: word(bridge.gateway),
        [slotKey(CO_GATEWAY_BASE_TOKEN_SLOT)]: word(bridge.baseToken),
      },
    }
  }
  return alloc
}
