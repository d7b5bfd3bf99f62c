// A validator as an operator runs one: a key in an encrypted keystore, a genesis naming it, and
// `mosaic-node start` sealing blocks with it; a wrong password or a key the genesis does not name
// stops the node with one line.
import assert from 'node:assert/strict'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { after, before, describe, test } from 'node:test'
import { rpc, runCli, startNode, target, waitForBlock } from '../helpers/node.ts'

/** The failure as an operator reads it: exit code not 0, one line besides the JSON log lines, last. */
function errorLine(code: number | null, stderr: string): string {
  assert.notEqual(code, 0)
  const lines = stderr.trim().split('\n')
  const plain = lines.filter((l) => !l.startsWith('{'))
  assert.equal(plain.length, 1, stderr)
  assert.equal(plain[0], lines.at(-1))
  assert.doesNotMatch(stderr, /^\s+at /m)
  return plain[0]!
}

interface RpcBlock {
  number: string
  miner: string
  hash: string
}

describe('validator with a keystore', { skip: target !== 'mosaic' && 'mosaic-node only' }, () => {
  let dir: string
  let address: string
  let keyFile: string
  let otherKeyFile: string
  let passwordFile: string
  let genesisFile: string

  const newKey = async (keystore: string): Promise<[string, string]> => {
    const r = await runCli(['keys', 'new', '--keystore', keystore, '--password-file', passwordFile])
    assert.equal(r.code, 0, r.stderr)
    const [addr, file] = r.stdout.trim().split(/\s+/)
    assert.match(addr ?? '', /^0x[0-9a-f]{40}$/)
    return [addr!, file!]
  }

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'mosaic-e2e-validator-'))
    passwordFile = join(dir, 'password')
    writeFileSync(passwordFile, 'correct horse battery staple\n')
    ;[address, keyFile] = await newKey(join(dir, 'keystore'))
    ;[, otherKeyFile] = await newKey(join(dir, 'other'))
    const listed = await runCli(['keys', 'list', '--keystore', join(dir, 'keystore')])
    assert.match(listed.stdout, new RegExp(address))

    const g = await runCli(['genesis'])
    assert.equal(g.code, 0, g.stderr)
    const genesis = JSON.parse(g.stdout) as { mosaic: { validators: { address: string; stake: string }[] } }
    genesis.mosaic.validators = [{ address, stake: '1000000000000000000000' }]
    genesisFile = join(dir, 'genesis.json')
    writeFileSync(genesisFile, JSON.stringify(genesis, null, 2))
  })

  after(() => {
    rmSync(dir, { recursive: true, force: true })
  })

  test('start seals blocks with the keystore key; miner is its address', async () => {
    const datadir = join(dir, 'data')
    const init = await runCli(['init', '--genesis', genesisFile, '--datadir', datadir])
    assert.equal(init.code, 0, init.stderr)
    const node = await startNode(datadir, [
      '--validator.keystore',
      keyFile,
      '--validator.passwordFile',
      passwordFile,
    ])
    try {
      await waitForBlock(node.url, 2)
      const block = await rpc<RpcBlock>(node.url, 'eth_getBlockByNumber', ['latest', false])
      assert.equal(block.miner, address)
      // A public node has no unlocked accounts.
      assert.deepEqual(await rpc(node.url, 'eth_accounts', []), [])
    } finally {
      const exit = await node.stop()
      assert.equal(exit.code, 0, node.stderrTail())
    }
  })

  test('a wrong password stops the node with one line', async () => {
    const datadir = join(dir, 'data')
    const wrong = join(dir, 'wrong-password')
    writeFileSync(wrong, 'not it\n')
    const r = await runCli([
      'start',
      '--datadir',
      datadir,
      '--validator.keystore',
      keyFile,
      '--validator.passwordFile',
      wrong,
    ])
    assert.match(errorLine(r.code, r.stderr), /password|decrypt/i)
  })

  test('a key the genesis does not name is refused', async () => {
    const datadir = join(dir, 'data')
    const r = await runCli([
      'start',
      '--datadir',
      datadir,
      '--validator.keystore',
      otherKeyFile,
      '--validator.passwordFile',
      passwordFile,
    ])
    assert.match(errorLine(r.code, r.stderr), /not a validator/)
  })
})
