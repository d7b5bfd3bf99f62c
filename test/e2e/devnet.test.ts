// `mosaic-node devnet`: N validator processes on loopback behind one command, a table of nodes, and
// everything stopped (temporary directory removed) on SIGTERM.
import assert from 'node:assert/strict'
import { spawn } from 'node:child_process'
import { existsSync } from 'node:fs'
import { describe, test } from 'node:test'
import { hashAt } from '../helpers/network.ts'
import { blockNumber, freePort, NODE_BIN, REPO_ROOT, target, waitFor } from '../helpers/node.ts'

describe('mosaic-node devnet', { skip: target !== 'mosaic' && 'mosaic-node only' }, () => {
  test('starts 2 validators and a full node, prints the table, agrees on blocks, stops on SIGTERM', async () => {
    const rpcBase = await freePort()
    const p2pBase = await freePort()
    const proc = spawn(
      process.execPath,
      [
        NODE_BIN,
        'devnet',
        '--validators',
        '2',
        '--full-nodes',
        '1',
        '--rpc.port',
        String(rpcBase),
        '--p2p.port',
        String(p2pBase),
        '--dev.blockTime',
        '0.5',
      ],
      { cwd: REPO_ROOT, stdio: ['ignore', 'pipe', 'pipe'] },
    )
    let stdout = ''
    let stderr = ''
    proc.stdout.on('data', (d: Buffer) => {
      stdout += d.toString()
    })
    proc.stderr.on('data', (d: Buffer) => {
      stderr += d.toString()
    })
    const exited = new Promise<number | null>((res) => proc.on('exit', (code) => res(code)))
    try {
      await waitFor('node table', () => stdout.includes('Ctrl-C stops every node'), { timeoutMs: 90_000 })
      const rows = stdout.split('\n').filter((l) => /^\d+\s+(validator|full)\s/.test(l))
      assert.equal(rows.length, 3, stdout)
      assert.match(rows[0]!, /validator\s+0x[0-9a-fA-F]{40}\s+12D3KooW\w+\s+http:\/\/127\.0\.0\.1:\d+/)
      assert.match(rows[2]!, /full\s+-\s+12D3KooW\w+/)
      const urls = [0, 1, 2].map((i) => `http://127.0.0.1:${rpcBase + i}`)
      assert.ok(rows.every((r, i) => r.includes(urls[i]!)))
      await waitFor('block 3 everywhere', async () => {
        for (const u of urls) if ((await blockNumber(u)) < 3) return false
        return true
      })
      await waitFor('same block 3', async () => {
        const hashes = await Promise.all(urls.map((u) => hashAt(u, 3)))
        return hashes.every((h) => h === hashes[0])
      })
      const dir = /data dir\s+(\S+)/.exec(stdout)?.[1]
      assert.ok(dir && existsSync(dir))
      proc.kill('SIGTERM')
      assert.equal(await exited, 0, stderr)
      assert.equal(existsSync(dir), false)
    } finally {
      // SIGTERM first: the devnet stops its nodes; SIGKILL would orphan them.
      if (proc.exitCode === null) {
        proc.kill('SIGTERM')
        await Promise.race([exited, new Promise((r) => setTimeout(r, 20_000))])
        proc.kill('SIGKILL')
      }
    }
  })
})
