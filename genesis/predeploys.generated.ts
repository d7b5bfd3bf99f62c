// PLACEHOLDER until the gateway contracts land (npm run build:contracts writes this file).
import type { Hex } from './types.ts'
export const originRootsCode: Hex = '0x00'
export const coGatewayCode: Hex = '0x00'
