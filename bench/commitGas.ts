// Origin gas of Core.commitMetaBlock as a function of the validator count, on a real Hardhat node: for
// each count, fresh contracts with that many staked validators (keys from a fixed seed), then three
// commits of consecutive finalised checkpoints (aux headers with certificates, bench/auxHeaders.ts),
// signed with the finality code's signVote and sent through the node's OriginClient: the first commit
// of the chain (new storage slots), then one with ⌈2/3⌉ of the validators signing and one with all.
import { pino } from 'pino'
import { type Hex, parseEther, toHex } from 'viem'
import {
  type Checkpoint,
  deployOrigin,
  devDeployerKey,
  OriginClient,
  signVote,
  startHardhatOrigin,
  type Vote,
} from '../consensus/index.ts'
import { type AuxHeader, auxHeader, type BenchValidator, benchValidators } from './auxHeaders.ts'

const AUX_CHAIN_ID = 1515n
const STAKE = parseEther('1')

export interface CommitGasRow {
  validators: number
  /** ⌈2/3⌉ of the validators (equal stakes). */
  supermajority: number
  /** Gas of the chain's first commit (⌈2/3⌉ signing). */
  firstCommitGas: number
  /** Later commits: ⌈2/3⌉ signing, all signing. */
  twoThirdsGas: number
  allGas: number
  /** Bytes of the committed source header (its certificate is signed by the same signers). */
  headerBytes: { twoThirds: number; all: number }
  /** Origin seconds to deploy and stake this set (untimed context for the run time). */
  deploySeconds: number
}

/** ⌈2/3⌉ of `n` equal stakes: the least s with 3s >= 2n. */
export function supermajorityOf(n: number): number {
  return Math.ceil((2 * n) / 3)
}

/** A checkpoint for the grandparent of the first header: any hash, the chain is never walked back. */
function anchor(number: bigint): Checkpoint {
  return { hash: toHex(number, { size: 32 }), number }
}

export async function measureCommitGas(counts: number[]): Promise<CommitGasRow[]> {
  const logger = pino({ level: 'silent' })
  const origin = await startHardhatOrigin({ logger })
  const rows: CommitGasRow[] = []
  try {
    for (const n of counts) {
      const validators = benchValidators(n)
      const t0 = performance.now()
      const deployment = await deployOrigin({
        rpcUrl: origin.url,
        deployerKey: devDeployerKey(),
        auxChainId: AUX_CHAIN_ID,
        epochLength: 1n,
        minStake: STAKE,
        unbondingBlocks: 10n,
        validators: validators.map((v) => ({ address: v.address, stake: STAKE })),
      })
      const deploySeconds = (performance.now() - t0) / 1000
      const client = new OriginClient(
        { rpcUrl: origin.url, core: deployment.core, stake: deployment.stake, key: hexKey(devDeployerKey()) },
        { logger },
      )
      const kernelHeight = await client.kernelHeight()
      const twoThirds = validators.slice(0, supermajorityOf(n))

      // Consecutive aux blocks from 10 on; each commit finalises source -> source + 1.
      let parent = anchor(9n)
      let grandparent = anchor(8n)
      let number = 10n
      const commit = async (signers: BenchValidator[]): Promise<{ gas: number; bytes: number }> => {
        const make = (): AuxHeader => {
          const h = auxHeader({
            number,
            parent,
            grandparent,
            validators,
            signers,
            proposer: validators[Number(number) % n]!,
            kernelHeight,
            auxChainId: AUX_CHAIN_ID,
          })
          grandparent = parent
          parent = h
          number++
          return h
        }
        const source = make()
        const target = make()
        const vote: Vote = { kernelHeight, source, target }
        const result = await client.commitMetaBlock({
          kernelHeight,
          sourceHeaderRlp: source.rlp,
          targetHash: target.hash,
          targetNumber: target.number,
          // Ascending signer addresses: `signers` is a prefix of the sorted set.
          signatures: signers.map((s) => signVote(vote, AUX_CHAIN_ID, s.key).signature),
        })
        if (result.alreadyCommitted) throw new Error(`commit of aux block ${source.number} counted as done`)
        const committed = await client.latestCommit()
        if (committed.auxBlockHash !== source.hash || committed.auxStateRoot !== source.stateRoot)
          throw new Error(`Core recorded ${committed.auxBlockHash}, committed ${source.hash}`)
        return { gas: Number(result.receipt.gasUsed), bytes: source.rlp.length }
      }

      const first = await commit(twoThirds)
      const later = await commit(twoThirds)
      const all = await commit(validators)
      rows.push({
        validators: n,
        supermajority: twoThirds.length,
        firstCommitGas: first.gas,
        twoThirdsGas: later.gas,
        allGas: all.gas,
        headerBytes: { twoThirds: later.bytes, all: all.bytes },
        deploySeconds,
      })
      console.log(
        `commit gas, ${n} validators: first ${first.gas}, ${twoThirds.length} signing ${later.gas}, ` +
          `all ${all.gas} (deployed and staked in ${deploySeconds.toFixed(1)} s)`,
      )
    }
  } finally {
    await origin.stop()
  }
  return rows
}

function hexKey(key: Hex): Uint8Array {
  return Uint8Array.from(Buffer.from(key.slice(2), 'hex'))
}
