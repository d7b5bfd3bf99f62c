// Everything the benchmark sends, signed once before any node starts, so every node gets byte-identical
// transactions: the setup (token deployment, funding of the senders) and the two timed workloads.
import {
  AbiCoder,
  computeAddress,
  getBytes,
  getCreateAddress,
  HDNodeWallet,
  keccak256,
  Mnemonic,
  Signature,
  Transaction,
  toUtf8Bytes,
} from 'ethers'
import secp256k1 from 'secp256k1'
import { compileContract } from '../test/helpers/solc.ts'

export const CHAIN_ID = 1515n
const DEV_MNEMONIC = 'test test test test test test test test test test test junk'
const DEV_ACCOUNTS = 10
/** Changing it changes every key, recipient and transaction of the benchmark. */
const SEED = 'mosaic-bench/v1'

const GWEI = 10n ** 9n
const ETHER = 10n ** 18n
const MAX_FEE_PER_GAS = 100n * GWEI
const MAX_PRIORITY_FEE_PER_GAS = 1n * GWEI
const NATIVE_GAS = 21_000n
const ERC20_GAS = 60_000n
const DEPLOY_GAS = 3_000_000n
const NATIVE_VALUE = 10n ** 12n

export const SENDER_ETH = 100n * ETHER
export const SENDER_TOKENS = 1_000_000n * ETHER
const TOKEN_SUPPLY = 1_000_000_000n * ETHER
const DEV_TOKENS = 100_000_000n * ETHER
export const ERC20_AMOUNT = ETHER
const TRANSFER_SELECTOR = '0xa9059cbb'

export interface SignedTx {
  raw: string
  hash: string
  from: string
  nonce: number
}

export type WorkloadName = 'native' | 'erc20'

export interface Workload {
  name: WorkloadName
  /** Ordered round-robin over the senders (every sender's nonce n before anyone's nonce n+1). */
  txs: SignedTx[]
  /** Every sender's account nonce once the workload is in blocks. */
  nonceAfter: Map<string, number>
}

export interface Plan {
  devAccount0: string
  token: string
  senders: string[]
  /** Setup phases, each in blocks before the next is sent. */
  setup: SignedTx[][]
  /** Nonce of every account that sends in a setup phase, after that phase. */
  setupNonces: Map<string, number>[]
  workloads: Workload[]
}

interface Signer {
  key: Uint8Array
  address: string
  nonce: number
}

function signer(privateKey: string): Signer {
  return { key: getBytes(privateKey), address: computeAddress(privateKey), nonce: 0 }
}

/** The native secp256k1 addon signs ~3x faster than ethers' JS curve: 40,000 transactions in seconds. */
function ecdsaSign(hash: string, key: Uint8Array): Signature {
  const { signature, recid } = secp256k1.ecdsaSign(getBytes(hash), key)
  return Signature.from({
    r: `0x${Buffer.from(signature.subarray(0, 32)).toString('hex')}`,
    s: `0x${Buffer.from(signature.subarray(32)).toString('hex')}`,
    yParity: recid as 0 | 1,
  })
}

function sign(s: Signer, to: string | null, gasLimit: bigint, value: bigint, data: string): SignedTx {
  const tx = Transaction.from({
    type: 2,
    chainId: CHAIN_ID,
    nonce: s.nonce,
    to,
    value,
    data,
    gasLimit,
    maxFeePerGas: MAX_FEE_PER_GAS,
    maxPriorityFeePerGas: MAX_PRIORITY_FEE_PER_GAS,
  })
  tx.signature = ecdsaSign(tx.unsignedHash, s.key)
  const signed: SignedTx = { raw: tx.serialized, hash: tx.hash!, from: s.address, nonce: s.nonce }
  s.nonce++
  return signed
}

function word(hex: string): string {
  return hex.toLowerCase().replace(/^0x/, '').padStart(64, '0')
}

function transferData(to: string, amount: bigint): string {
  return TRANSFER_SELECTOR + word(to) + word(amount.toString(16))
}

/** A fresh address per transaction, so every transfer creates an account or a token balance. */
function recipient(workload: WorkloadName, i: number): string {
  return `0x${keccak256(toUtf8Bytes(`${SEED}/recipient/${workload}/${i}`)).slice(-40)}`
}

function nonces(signers: Iterable<Signer>): Map<string, number> {
  return new Map([...signers].map((s) => [s.address, s.nonce]))
}

/** Signs the setup and the workloads, in this order: `txsPerWorkload` transactions from `senderCount` senders each. */
export function buildPlan(
  txsPerWorkload: number,
  senderCount: number,
  names: readonly WorkloadName[] = ['native', 'erc20'],
): Plan {
  const root = HDNodeWallet.fromMnemonic(Mnemonic.fromPhrase(DEV_MNEMONIC), "m/44'/60'/0'/0")
  const dev = Array.from({ length: DEV_ACCOUNTS }, (_, i) => signer(root.deriveChild(i).privateKey))
  const senders = Array.from({ length: senderCount }, (_, i) =>
    signer(keccak256(toUtf8Bytes(`${SEED}/sender/${i}`))),
  )
  const dev0 = dev[0]!
  const funder = (i: number): Signer => dev[i % DEV_ACCOUNTS]!

  // Phase 1: account 0 deploys the token and hands a share to the other dev accounts; every dev account
  // funds its tenth of the senders with ETH.
  const token = compileContract('Token')
  const deployData =
    token.bytecode +
    AbiCoder.defaultAbiCoder()
      .encode(['string', 'string', 'uint256'], ['Bench Token', 'BENCH', TOKEN_SUPPLY])
      .slice(2)
  const tokenAddress = getCreateAddress({ from: dev0.address, nonce: dev0.nonce })
  const phase1: SignedTx[] = [sign(dev0, null, DEPLOY_GAS, 0n, deployData)]
  for (const d of dev.slice(1)) {
    phase1.push(sign(dev0, tokenAddress, ERC20_GAS, 0n, transferData(d.address, DEV_TOKENS)))
  }
  senders.forEach((s, i) => {
    phase1.push(sign(funder(i), s.address, NATIVE_GAS, SENDER_ETH, '0x'))
  })
  const after1 = nonces(dev)

  // Phase 2: once the token balances exist, the dev accounts give the senders their tokens.
  const phase2 = senders.map((s, i) =>
    sign(funder(i), tokenAddress, ERC20_GAS, 0n, transferData(s.address, SENDER_TOKENS)),
  )
  const after2 = nonces(dev)

  const workloads: Workload[] = []
  for (const name of names) {
    const txs: SignedTx[] = []
    const perSender = Math.ceil(txsPerWorkload / senderCount)
    let j = 0
    for (let round = 0; round < perSender; round++) {
      for (const s of senders) {
        if (j >= txsPerWorkload) break
        const to = recipient(name, j++)
        txs.push(
          name === 'native'
            ? sign(s, to, NATIVE_GAS, NATIVE_VALUE, '0x')
            : sign(s, tokenAddress, ERC20_GAS, 0n, transferData(to, ERC20_AMOUNT)),
        )
      }
    }
    workloads.push({ name, txs, nonceAfter: nonces(senders) })
  }

  return {
    devAccount0: dev0.address,
    token: tokenAddress,
    senders: senders.map((s) => s.address),
    setup: [phase1, phase2],
    setupNonces: [after1, after2],
    workloads,
  }
}
