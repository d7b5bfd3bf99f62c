export * from './abi.ts'
export {
  Bridge,
  type BridgeAddresses,
  type ChainName,
  type DeclaredMessage,
  type SlotProof,
} from './bridge.ts'
export * from './codec.ts'
export { bridgeConnector, publicClient } from './connect.ts'
export { defaultFacilitatorOptions, Facilitator, type FacilitatorOptions } from './facilitator.ts'
export { messageInfo } from './message.ts'
export {
  BridgeError,
  type ContractCall,
  rebroadcast,
  type Sent,
  TxSender,
  toBridgeError,
} from './sender.ts'
