// Untimed setup of a fresh chain: deploy the token, fund the senders with ETH and tokens (the plan's
// pre-signed setup phases), then check the result before anything is measured.
import { ethBalances, receipts, tokenBalances, waitForNonces } from './checks.ts'
import { blur, type SubmitOptions, submitAll } from './load.ts'
import type { Peer } from './peers.ts'
import { CHAIN_ID, type Plan, SENDER_ETH, SENDER_TOKENS } from './txs.ts'

export async function setupChain(peer: Peer, plan: Plan, submit: SubmitOptions): Promise<number> {
  const started = performance.now()
  const { client } = peer
  const chainId = BigInt(await client.call<string>('eth_chainId'))
  if (chainId !== CHAIN_ID)
    throw new Error(`${peer.name}: chain id ${chainId}, the plan is signed for ${CHAIN_ID}`)
  const nonce0 = Number(await client.call<string>('eth_getTransactionCount', [plan.devAccount0, 'latest']))
  if (nonce0 !== 0) throw new Error(`${peer.name}: dev account 0 has nonce ${nonce0}; the chain is not fresh`)

  for (const [i, phase] of plan.setup.entries()) {
    const report = await submitAll(client, phase, submit)
    if (report.failedTxs.length > 0) {
      const reasons = Object.keys(report.failed).map(blur).join('; ')
      throw new Error(`${peer.name}: setup phase ${i + 1}: ${report.failedTxs.length} rejected: ${reasons}`)
    }
    await waitForNonces(client, plan.setupNonces[i]!, `${peer.name}: setup phase ${i + 1}`)
  }

  const [deploy] = await receipts(client, [plan.setup[0]![0]!.hash])
  if (deploy?.status !== '0x1')
    throw new Error(`${peer.name}: token deployment failed: ${JSON.stringify(deploy)}`)
  const eth = await ethBalances(client, plan.senders)
  const tokens = await tokenBalances(client, plan.token, plan.senders)
  plan.senders.forEach((s, i) => {
    if (eth[i] !== SENDER_ETH || tokens[i] !== SENDER_TOKENS) {
      throw new Error(`${peer.name}: sender ${s} has ${eth[i]} wei and ${tokens[i]} tokens after setup`)
    }
  })
  return (performance.now() - started) / 1000
}
