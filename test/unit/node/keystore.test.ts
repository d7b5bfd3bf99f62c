import assert from 'node:assert/strict'
import { mkdir, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { basename, join } from 'node:path'
import { after, before, describe, it } from 'node:test'
import { decryptKeystoreJson, encryptKeystoreJson } from 'ethers'
import { devAccounts } from '../../../genesis/index.ts'
import { createKeystore, KeystoreError, listKeystores, loadKeystore } from '../../../node/keystore.ts'

// A small scrypt N keeps the tests fast; the default (262144) is what real keys get.
const kdf = { n: 1024 }
const account = devAccounts(1)[0]!
const privateKey = new Uint8Array(Buffer.from(account.privateKey.slice(2), 'hex'))
const address = account.address.toLowerCase()

function isKeystoreError(code: string, check?: (e: KeystoreError) => void) {
  return (e: unknown) => {
    assert.ok(e instanceof KeystoreError, `expected a KeystoreError, got ${String(e)}`)
    assert.equal(e.code, code)
    assert.ok(!e.message.includes('\n'), e.message)
    check?.(e)
    return true
  }
}

describe('keystore', () => {
  let root: string
  before(async () => {
    root = await mkdtemp(join(tmpdir(), 'mosaic-keystore-'))
  })
  after(async () => {
    await rm(root, { recursive: true, force: true })
  })

  it('creates, lists and loads a given key', async () => {
    const dir = join(root, 'a', 'keys')
    const created = await createKeystore(dir, 'correct horse', { privateKey, kdf })
    assert.equal(created.address, address)
    assert.match(
      basename(created.path),
      new RegExp(`^UTC--\\d{4}-\\d\\d-\\d\\dT[\\d-]+\\.\\d+Z--${address.slice(2)}$`),
    )
    assert.equal((await stat(created.path)).mode & 0o777, 0o600)
    assert.equal((await stat(dir)).mode & 0o777, 0o700)

    const doc = JSON.parse(await readFile(created.path, 'utf8')) as Record<string, unknown>
    assert.equal(doc['version'], 3)
    assert.equal(doc['address'], address.slice(2))
    assert.equal((doc['crypto'] as { kdfparams: { n: number } }).kdfparams.n, 1024)

    assert.deepEqual(await listKeystores(dir), [{ address, path: created.path }])

    const loaded = await loadKeystore(created.path, 'correct horse')
    assert.equal(loaded.address, address)
    assert.deepEqual(loaded.privateKey, privateKey)
  })

  it('generates a key when none is given', async () => {
    const dir = join(root, 'generated')
    const created = await createKeystore(dir, 'pw', { kdf })
    assert.match(created.address, /^0x[0-9a-f]{40}$/)
    assert.notEqual(created.address, address)
    const loaded = await loadKeystore(created.path, 'pw')
    assert.equal(loaded.address, created.address)
    assert.equal(loaded.privateKey.length, 32)
  })

  it('rejects a wrong password with a one-line error naming the file', async () => {
    const dir = join(root, 'wrong')
    const { path } = await createKeystore(dir, 'right', { privateKey, kdf })
    await assert.rejects(
      loadKeystore(path, 'wrong'),
      isKeystoreError('KEYSTORE_BAD_PASSWORD', (e) => assert.ok(e.message.includes(path), e.message)),
    )
  })

  it('reports a missing file or directory as KEYSTORE_NOT_FOUND', async () => {
    const path = join(root, 'missing', 'UTC--x--y')
    await assert.rejects(
      loadKeystore(path, 'pw'),
      isKeystoreError('KEYSTORE_NOT_FOUND', (e) =>
        assert.equal(e.message, `keystore file not found: ${path}`),
      ),
    )
    await assert.rejects(listKeystores(join(root, 'missing')), isKeystoreError('KEYSTORE_NOT_FOUND'))
  })

  it('refuses to import the same key twice', async () => {
    const dir = join(root, 'twice')
    const first = await createKeystore(dir, 'one', { privateKey, kdf })
    await assert.rejects(
      createKeystore(dir, 'two', { privateKey, kdf }),
      isKeystoreError('KEYSTORE_EXISTS', (e) => assert.ok(e.message.includes(first.path), e.message)),
    )
    assert.equal((await listKeystores(dir)).length, 1)
  })

  it('skips files that are not v3 keystores when listing, and refuses to load them', async () => {
    const dir = join(root, 'mixed')
    const { path } = await createKeystore(dir, 'pw', { privateKey, kdf })
    await writeFile(join(dir, 'notes.txt'), 'hello')
    await writeFile(join(dir, 'other.json'), JSON.stringify({ version: 1, address: address.slice(2) }))
    await mkdir(join(dir, 'subdir'))
    assert.deepEqual(await listKeystores(dir), [{ address, path }])

    await assert.rejects(loadKeystore(join(dir, 'notes.txt'), 'pw'), isKeystoreError('KEYSTORE_INVALID'))
    await assert.rejects(loadKeystore(join(dir, 'other.json'), 'pw'), isKeystoreError('KEYSTORE_INVALID'))
  })

  it('reads and writes files another implementation (ethers) understands', async () => {
    const dir = join(root, 'interop')
    const ours = await createKeystore(dir, 'pw', { privateKey, kdf })
    const decrypted = await decryptKeystoreJson(await readFile(ours.path, 'utf8'), 'pw')
    assert.equal(decrypted.privateKey, account.privateKey)
    assert.equal(decrypted.address, account.address)

    const theirs = join(dir, 'from-ethers.json')
    const other = devAccounts(2)[1]!
    await writeFile(theirs, await encryptKeystoreJson(other, 'pw2', { scrypt: { N: 1024 } }))
    const loaded = await loadKeystore(theirs, 'pw2')
    assert.equal(loaded.address, other.address.toLowerCase())
    assert.deepEqual(
      (await listKeystores(dir)).map((k) => k.address).sort(),
      [address, loaded.address].sort(),
    )
  })

  it('rejects an invalid private key or scrypt N', async () => {
    const dir = join(root, 'invalid')
    await assert.rejects(
      createKeystore(dir, 'pw', { privateKey: new Uint8Array(31) }),
      isKeystoreError('KEYSTORE_INVALID'),
    )
    await assert.rejects(
      createKeystore(dir, 'pw', { privateKey: new Uint8Array(32) }),
      isKeystoreError('KEYSTORE_INVALID'),
    )
    await assert.rejects(
      createKeystore(dir, 'pw', { privateKey, kdf: { n: 1000 } }),
      isKeystoreError('KEYSTORE_INVALID'),
    )
  })
})
