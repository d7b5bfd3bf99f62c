// eth_call's state and block overrides (geth's internal/ethapi/override): applied to a throwaway
// state and a copy of the header, so stored state and blocks never change.
import { Block, createBlockHeader, type HeaderData } from '@ethereumjs/block'
import type { Common, StateManagerInterface } from '@ethereumjs/common'
import { Account, Address, bytesToHex } from '@ethereumjs/util'
import type { BlockOverrides, StateOverride } from '../../rpc/index.ts'
import { BLOCK_OPTS } from './chain.ts'
import { ChainError } from './errors.ts'

/** Writes `overrides` into `sm` (a scratch state: the caller throws it away afterwards). */
export async function applyStateOverride(sm: StateManagerInterface, overrides: StateOverride): Promise<void> {
  for (const { address, account: o } of overrides) {
    if (o.state !== undefined && o.stateDiff !== undefined) {
      throw new ChainError(
        'INVALID_PARAMS',
        `account ${bytesToHex(address)} has both 'state' and 'stateDiff'`,
      )
    }
    const addr = new Address(address)
    const account = (await sm.getAccount(addr)) ?? new Account()
    if (o.nonce !== undefined) account.nonce = o.nonce
    if (o.balance !== undefined) account.balance = o.balance
    await sm.putAccount(addr, account)
    if (o.code !== undefined) await sm.putCode(addr, o.code)
    if (o.state !== undefined) await sm.clearStorage(addr)
    for (const [slot, value] of o.state ?? o.stateDiff ?? []) await sm.putStorage(addr, slot, value)
  }
}

/** `block` as the call sees it with `o` applied; the block itself when there is nothing to change. */
export function overrideBlock(block: Block, o: BlockOverrides | undefined, common: Common): Block {
  if (!o || Object.keys(o).length === 0) return block
  const h = block.header
  const fields: HeaderData = {
    ...h.toJSON(),
    ...(o.number !== undefined ? { number: o.number } : {}),
    ...(o.time !== undefined ? { timestamp: o.time } : {}),
    ...(o.gasLimit !== undefined ? { gasLimit: o.gasLimit } : {}),
    ...(o.coinbase !== undefined ? { coinbase: new Address(o.coinbase) } : {}),
    ...(o.prevRandao !== undefined ? { mixHash: o.prevRandao } : {}),
    ...(o.baseFee !== undefined ? { baseFeePerGas: o.baseFee } : {}),
  }
  // Unfrozen, so that BLOBBASEFEE can be given a price no excessBlobGas value encodes exactly.
  const header = createBlockHeader(fields, { common, ...BLOCK_OPTS, freeze: false })
  const blobBaseFee = o.blobBaseFee
  if (blobBaseFee !== undefined) header.getBlobGasPrice = () => blobBaseFee
  return new Block(header, [], [], [], { common, ...BLOCK_OPTS })
}
