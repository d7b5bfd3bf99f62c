// `mosaic-node devnet`: prepares a local network (devnet.ts), starts one process per node with its
// log in DIR/nodeI/node.log, prints the table of nodes once every RPC answers, and stops them all on
// Ctrl-C or SIGTERM.
import { type ChildProcess, spawn } from 'node:child_process'
import { createWriteStream, rmSync } from 'node:fs'
import { mkdtemp } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { DEV_CHAIN_ID, DEV_MNEMONIC, devAccounts } from '../genesis/index.ts'
import { prepareDevnet, startDevnetOrigin } from './devnet.ts'

export interface DevnetRunOptions {
  validators: number
  fullNodes: number
  rpcBase: number
  p2pBase: number
  blockTimeMs: number
  logLevel: string
  dir?: string
  /** An origin chain to use; undefined starts Hardhat's node, 'none' runs without one. */
  originRpc?: string
}

const BIN = resolve(import.meta.dirname, '..', 'bin', 'mosaic-node.js')

async function answers(url: string): Promise<boolean> {
  try {
    const res = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"jsonrpc":"2.0","id":1,"method":"eth_chainId","params":[]}',
      signal: AbortSignal.timeout(1000),
    })
    return res.ok
  } catch {
    return false
  }
}

export async function runDevnet(o: DevnetRunOptions): Promise<void> {
  const temporary = o.dir === undefined
  const dir = o.dir ?? (await mkdtemp(join(tmpdir(), 'mosaic-devnet-')))
  const started =
    o.originRpc === 'none'
      ? undefined
      : await startDevnetOrigin({
          validators: o.validators,
          chainId: DEV_CHAIN_ID,
          ...(o.originRpc ? { rpcUrl: o.originRpc } : {}),
        })
  const net = await prepareDevnet({
    ...(started ? { origin: started.genesis, facilitator: true } : {}),
    dir,
    validators: o.validators,
    fullNodes: o.fullNodes,
    rpcPort: (i) => o.rpcBase + i,
    p2pPort: (i) => o.p2pBase + i,
    blockTimeMs: o.blockTimeMs,
  })
  const children: ChildProcess[] = []
  let stopping = false
  const stopAll = async (code: number) => {
    if (stopping) return
    stopping = true
    process.stderr.write('stopping devnet...\n')
    await Promise.all(
      children.map(
        (c) =>
          new Promise<void>((res) => {
            if (c.exitCode !== null || c.signalCode !== null) return res()
            c.once('exit', () => res())
            c.kill('SIGTERM')
          }),
      ),
    )
    await started?.origin.stop()
    if (temporary) rmSync(dir, { recursive: true, force: true })
    process.exit(code)
  }
  process.on('SIGINT', () => void stopAll(0))
  process.on('SIGTERM', () => void stopAll(0))

  for (const n of net.nodes) {
    const log = createWriteStream(join(n.datadir, 'node.log'))
    const child = spawn(
      process.execPath,
      [BIN, ...n.args, '--log.level', o.logLevel, '--log.format', 'json'],
      {
        stdio: ['ignore', 'ignore', 'pipe'],
      },
    )
    child.stderr?.pipe(log)
    child.on('exit', (code, signal) => {
      if (!stopping) {
        process.stderr.write(
          `node ${n.index} exited (code ${code}, signal ${signal}); see ${n.datadir}/node.log\n`,
        )
        void stopAll(1)
      }
    })
    children.push(child)
  }
  const deadline = Date.now() + 60_000
  for (const n of net.nodes) {
    while (!(await answers(`http://127.0.0.1:${n.rpcPort}`))) {
      if (Date.now() > deadline) {
        process.stderr.write(
          `node ${n.index} did not answer JSON-RPC within 60 s; see ${n.datadir}/node.log\n`,
        )
        return stopAll(1)
      }
      await new Promise((r) => setTimeout(r, 200))
    }
  }
  const rows = net.nodes.map((n) => [
    String(n.index),
    n.role,
    n.address || '-',
    n.peerId,
    `http://127.0.0.1:${n.rpcPort}`,
  ])
  const head = ['#', 'role', 'validator', 'peer id', 'RPC URL']
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)))
  const line = (r: string[]) => r.map((c, i) => c.padEnd(widths[i]!)).join('  ')
  const accounts = devAccounts(10)
  process.stdout.write(
    [
      '',
      `mosaic-node devnet: ${o.validators} validators, ${o.fullNodes} full nodes, chain id ${net.chainId}`,
      `  data dir  ${dir}${temporary ? ' (temporary)' : ''} (logs in nodeI/node.log)`,
      `  genesis   ${net.genesisFile}`,
      ...(started
        ? [
            `  origin    ${started.origin.url} (chain id ${started.origin.chainId}${started.origin.started ? ", Hardhat's node" : ''})`,
            `            Stake ${started.genesis.stake}  Core ${started.genesis.core}`,
            `            Gateway ${started.genesis.gateway} (base token ${started.genesis.baseToken}); node 0 runs the bridge facilitator`,
          ]
        : ['  origin    none (--origin.rpc none)']),
      '',
      line(head),
      ...rows.map(line),
      '',
      `Funded accounts (10,000 ETH each, mnemonic "${DEV_MNEMONIC}"):`,
      ...accounts.map((a, i) => `  (${i}) ${a.address}  key ${a.privateKey}`),
      '',
      'Ctrl-C stops every node.',
      '',
    ].join('\n'),
  )
}
