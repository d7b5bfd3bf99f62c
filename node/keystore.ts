// Encrypted key files in Web3 Secret Storage v3 (the format of geth's keystore directory), through
// @ethereumjs/wallet. Addresses are returned lowercase, 0x-prefixed.
import { mkdir, readdir, readFile, stat, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { Wallet } from '@ethereumjs/wallet'
import type { Hex } from '../genesis/index.ts'

export type KeystoreErrorCode =
  | 'KEYSTORE_NOT_FOUND'
  | 'KEYSTORE_BAD_PASSWORD'
  | 'KEYSTORE_INVALID'
  | 'KEYSTORE_EXISTS'

export class KeystoreError extends Error {
  override readonly name = 'KeystoreError'
  readonly code: KeystoreErrorCode
  /** The file or directory the error is about. */
  readonly path?: string

  constructor(code: KeystoreErrorCode, message: string, path?: string) {
    super(message)
    this.code = code
    if (path !== undefined) this.path = path
  }
}

export interface KeystoreKdfOptions {
  /** scrypt N (a power of two). Default 262144, like geth's standard scrypt parameters. */
  n?: number
}

export interface KeystoreEntry {
  address: Hex
  path: string
}

/** Key files are small; anything bigger is not one, and reading it whole would be wasteful. */
const MAX_KEYSTORE_BYTES = 64 * 1024

function errnoCode(e: unknown): string | undefined {
  return (e as NodeJS.ErrnoException | undefined)?.code
}

function oneLine(e: unknown): string {
  return (e instanceof Error ? e.message : String(e)).replace(/\s*\n\s*/g, ' ')
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v)
}

/** geth writes `crypto`, ethers and MyEtherWallet `Crypto`; geth reads either. */
function isV3(doc: unknown): doc is Record<string, unknown> {
  return isObject(doc) && doc['version'] === 3 && (isObject(doc['crypto']) || isObject(doc['Crypto']))
}

/** The lowercase address of a v3 document, or undefined when it is not one we can list. */
function v3Address(doc: unknown): Hex | undefined {
  if (!isV3(doc)) return undefined
  const address = doc['address']
  if (typeof address !== 'string' || !/^(0x)?[0-9a-fA-F]{40}$/.test(address)) return undefined
  return `0x${address.slice(-40).toLowerCase()}`
}

function addressOf(wallet: Wallet): Hex {
  return wallet.getAddressString().toLowerCase() as Hex
}

/**
 * Keys in `dir`, read from the `address` field of each v3 file (geth and ethereumjs write it; files
 * without it cannot be identified without the password and are skipped, as are non-keystore files).
 */
export async function listKeystores(dir: string): Promise<KeystoreEntry[]> {
  let names: string[]
  try {
    names = await readdir(dir)
  } catch (e) {
    const code = errnoCode(e)
    if (code === 'ENOENT')
      throw new KeystoreError('KEYSTORE_NOT_FOUND', `keystore directory not found: ${dir}`, dir)
    if (code === 'ENOTDIR')
      throw new KeystoreError('KEYSTORE_INVALID', `keystore ${dir} is not a directory`, dir)
    throw new KeystoreError(
      'KEYSTORE_INVALID',
      `cannot read keystore directory ${dir}: ${code ?? oneLine(e)}`,
      dir,
    )
  }
  const out: KeystoreEntry[] = []
  // Sorted names put geth-style UTC--<time>-- files in creation order.
  for (const name of names.sort()) {
    // geth skips hidden files and editor backups too.
    if (name.startsWith('.') || name.endsWith('~')) continue
    const path = join(dir, name)
    try {
      const info = await stat(path)
      if (!info.isFile() || info.size > MAX_KEYSTORE_BYTES) continue
      const address = v3Address(JSON.parse(await readFile(path, 'utf8')))
      if (address) out.push({ address, path })
    } catch {
      // Unreadable or not JSON: not a key file.
    }
  }
  return out
}

/**
 * Encrypts `privateKey` (or a new random key) with `password` into `dir` as
 * `UTC--<iso time>--<address>` (mode 0600; `dir` is created with mode 0700).
 */
export async function createKeystore(
  dir: string,
  password: string,
  opts: { privateKey?: Uint8Array; kdf?: KeystoreKdfOptions } = {},
): Promise<KeystoreEntry> {
  let wallet: Wallet
  if (opts.privateKey) {
    if (opts.privateKey.length !== 32) {
      throw new KeystoreError(
        'KEYSTORE_INVALID',
        `private key: expected 32 bytes, got ${opts.privateKey.length}`,
      )
    }
    try {
      wallet = Wallet.fromPrivateKey(opts.privateKey)
    } catch {
      throw new KeystoreError('KEYSTORE_INVALID', 'private key: not a valid secp256k1 private key')
    }
  } else {
    wallet = Wallet.generate()
  }
  const n = opts.kdf?.n
  if (n !== undefined && !(Number.isSafeInteger(n) && n > 1 && (n & (n - 1)) === 0)) {
    throw new KeystoreError('KEYSTORE_INVALID', `scrypt n: expected a power of two above 1, got ${n}`)
  }

  const address = addressOf(wallet)
  try {
    await mkdir(dir, { recursive: true, mode: 0o700 })
  } catch (e) {
    throw new KeystoreError(
      'KEYSTORE_INVALID',
      `cannot create keystore directory ${dir}: ${errnoCode(e) ?? oneLine(e)}`,
      dir,
    )
  }
  const existing = (await listKeystores(dir)).find((k) => k.address === address)
  if (existing) {
    throw new KeystoreError(
      'KEYSTORE_EXISTS',
      `key ${address} is already in the keystore: ${existing.path}`,
      existing.path,
    )
  }

  const text = await wallet.toV3String(password, n === undefined ? {} : { n })
  const path = join(dir, wallet.getV3Filename(Date.now()))
  try {
    // 'wx' never overwrites: a clash means the same key was written at the same millisecond.
    await writeFile(path, text, { mode: 0o600, flag: 'wx' })
  } catch (e) {
    if (errnoCode(e) === 'EEXIST') {
      throw new KeystoreError('KEYSTORE_EXISTS', `key ${address} is already in the keystore: ${path}`, path)
    }
    throw new KeystoreError('KEYSTORE_INVALID', `cannot write ${path}: ${errnoCode(e) ?? oneLine(e)}`, path)
  }
  return { address, path }
}

/** Decrypts a v3 key file. A wrong password is KEYSTORE_BAD_PASSWORD, naming the file. */
export async function loadKeystore(
  path: string,
  password: string,
): Promise<{ address: Hex; privateKey: Uint8Array }> {
  let text: string
  try {
    const info = await stat(path)
    if (!info.isFile())
      throw new KeystoreError('KEYSTORE_INVALID', `${path}: not a keystore file (not a regular file)`, path)
    if (info.size > MAX_KEYSTORE_BYTES) {
      throw new KeystoreError(
        'KEYSTORE_INVALID',
        `${path}: not a keystore file (larger than ${MAX_KEYSTORE_BYTES} bytes)`,
        path,
      )
    }
    text = await readFile(path, 'utf8')
  } catch (e) {
    if (e instanceof KeystoreError) throw e
    if (errnoCode(e) === 'ENOENT')
      throw new KeystoreError('KEYSTORE_NOT_FOUND', `keystore file not found: ${path}`, path)
    throw new KeystoreError(
      'KEYSTORE_INVALID',
      `cannot read keystore file ${path}: ${errnoCode(e) ?? oneLine(e)}`,
      path,
    )
  }
  let doc: unknown
  try {
    doc = JSON.parse(text)
  } catch {
    throw new KeystoreError('KEYSTORE_INVALID', `${path}: not a keystore file (invalid JSON)`, path)
  }
  if (!isV3(doc)) {
    throw new KeystoreError('KEYSTORE_INVALID', `${path}: not a Web3 Secret Storage v3 keystore file`, path)
  }

  let wallet: Wallet
  try {
    // nonStrict lowercases the whole document, which turns `Crypto` into `crypto` and upper-case hex into
    // the lower-case hex ethereumjs compares the MAC against; nothing in a v3 file is case-sensitive.
    wallet = await Wallet.fromV3(text, password, true)
  } catch (e) {
    // ethereumjs reports a MAC mismatch as "Key derivation failed - possibly wrong passphrase".
    if (/passphrase/i.test(oneLine(e))) {
      throw new KeystoreError(
        'KEYSTORE_BAD_PASSWORD',
        `${path}: wrong password (could not decrypt the key)`,
        path,
      )
    }
    throw new KeystoreError('KEYSTORE_INVALID', `${path}: cannot decrypt: ${oneLine(e)}`, path)
  }
  const address = addressOf(wallet)
  const declared = v3Address(doc)
  if (declared && declared !== address) {
    throw new KeystoreError(
      'KEYSTORE_INVALID',
      `${path}: the address field ${declared} does not match the encrypted key (${address})`,
      path,
    )
  }
  return { address, privateKey: wallet.getPrivateKey() }
}
