import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { after, before, describe, it } from 'node:test'
import { hexToBytes } from '@ethereumjs/util'
import { paramsVM } from '@ethereumjs/vm'
import { HDNodeWallet } from 'ethers'
import {
  CO_GATEWAY_ADDRESS,
  DEFAULT_BASE_FEE_PER_GAS,
  DEV_ACCOUNT_BALANCE,
  DEV_CHAIN_ID,
  DEV_GAS_LIMIT,
  DEV_MNEMONIC,
  devAccounts,
  devGenesisJson,
  devValidatorKeys,
  GenesisError,
  type GenesisJson,
  loadGenesisFile,
  ORIGIN_ROOTS_ADDRESS,
  parseGenesis,
  SYSTEM_CONTRACTS,
} from '../../../genesis/index.ts'
import { executionApis } from '../../helpers/fixtures.ts'

const FIXTURE = executionApis().genesis
const HISTORY = '0x0000f90827f1c53a10cb7a02335b175320002935'

/** A fresh dev genesis document to break in one place. */
function dev(): GenesisJson {
  return devGenesisJson({ timestamp: 1_700_000_000n })
}

function allocEntry(json: GenesisJson, address: string): Record<string, unknown> {
  return json.alloc[address.slice(2).toLowerCase()] as Record<string, unknown>
}

function mosaic(json: GenesisJson): Record<string, unknown> {
  return json.mosaic!
}

function rejects(json: unknown, message: string, field?: string): void {
  assert.throws(
    () => parseGenesis(json),
    (e: unknown) => {
      assert.ok(e instanceof GenesisError, `expected a GenesisError, got ${String(e)}`)
      assert.equal(e.code, 'INVALID_GENESIS')
      assert.equal(e.message, message)
      assert.ok(!e.message.includes('\n'))
      if (field !== undefined) assert.equal(e.field, field)
      return true
    },
  )
}

describe('genesis: dev accounts', () => {
  it('derives the Hardhat/anvil accounts from the dev mnemonic, checksummed', () => {
    const accounts = devAccounts()
    assert.equal(accounts.length, 10)
    assert.equal(accounts[0]!.address, '0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266')
    assert.equal(
      accounts[0]!.privateKey,
      '0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80',
    )
    assert.equal(accounts[1]!.address, '0x70997970C51812dc3A010C7d01b50e0d17dc79C8')
    assert.equal(devAccounts(3).length, 3)
  })

  it('puts validator keys on a different branch than the funded accounts', () => {
    const validators = devValidatorKeys(2)
    assert.equal(validators.length, 2)
    const funded = new Set(devAccounts(10).map((a) => a.address))
    for (const v of validators) assert.ok(!funded.has(v.address))
    assert.notEqual(validators[0]!.address, validators[1]!.address)
    assert.match(validators[0]!.privateKey, /^0x[0-9a-f]{64}$/)
  })

  it('agrees with another BIP-32/44 implementation (ethers) on both branches', () => {
    for (const [path, key] of [
      ["m/44'/60'/0'/0/9", devAccounts(10)[9]!],
      ["m/44'/60'/0'/1/0", devValidatorKeys(1)[0]!],
      ["m/44'/60'/0'/1/2", devValidatorKeys(3)[2]!],
    ] as const) {
      const w = HDNodeWallet.fromPhrase(DEV_MNEMONIC, undefined, path)
      assert.equal(key.address, w.address, path)
      assert.equal(key.privateKey, w.privateKey, path)
    }
  })
})

describe('genesis: dev genesis', () => {
  it('round-trips through parseGenesis', () => {
    const json = dev()
    const g = parseGenesis(JSON.parse(JSON.stringify(json)))
    assert.equal(g.chainId, DEV_CHAIN_ID)
    assert.equal(g.hardfork, 'prague')
    assert.equal(g.gasLimit, DEV_GAS_LIMIT)
    assert.equal(g.gasLimit, 100_000_000n)
    assert.equal(g.baseFeePerGas, 1_000_000_000n)
    assert.equal(g.timestamp, 1_700_000_000n)
    assert.equal(g.difficulty, 0n)
    assert.deepEqual(g.extraData, new Uint8Array(0))
    assert.deepEqual(g.mixHash, new Uint8Array(32))
    assert.deepEqual(g.coinbase, new Uint8Array(20))
    assert.deepEqual(g.nonce, new Uint8Array(8))
    assert.deepEqual(g.json, JSON.parse(JSON.stringify(json)))

    // The protocol's own predeploy: OriginRoots (no CoGateway without an origin Gateway to pair with).
    assert.equal(g.alloc.size, 10 + SYSTEM_CONTRACTS.length + 1)
    assert.equal(g.alloc.get(ORIGIN_ROOTS_ADDRESS)?.code !== undefined, true)
    assert.equal(g.alloc.has(CO_GATEWAY_ADDRESS), false)
    for (const a of devAccounts()) {
      const acct = g.alloc.get(a.address.toLowerCase() as `0x${string}`)
      assert.ok(acct, a.address)
      assert.equal(acct.balance, DEV_ACCOUNT_BALANCE)
      assert.equal(acct.balance, 10_000n * 10n ** 18n)
    }
    for (const sc of SYSTEM_CONTRACTS) {
      const acct = g.alloc.get(sc.address)
      assert.ok(acct?.code, sc.name)
      assert.equal(acct.nonce, 1n)
      assert.equal(acct.balance, 0n)
    }

    const validator = devValidatorKeys(1)[0]!
    assert.deepEqual(g.mosaic, {
      blockTimeMs: 1000,
      epochLength: 1,
      validators: [{ address: validator.address.toLowerCase(), stake: 10n ** 21n }],
      bootnodes: [],
    })
    assert.equal(g.alloc.has(validator.address.toLowerCase() as `0x${string}`), false)
  })

  it('writes the geth fork keys and blob schedule', () => {
    const config = dev().config
    for (const key of ['londonBlock', 'shanghaiTime', 'cancunTime', 'pragueTime'])
      assert.equal(config[key], 0, key)
    assert.deepEqual(config['blobSchedule'], {
      cancun: { target: 3, max: 6, baseFeeUpdateFraction: 3338477 },
      prague: { target: 6, max: 9, baseFeeUpdateFraction: 5007716 },
    })
  })

  it('takes options', () => {
    const validators = devValidatorKeys(3).map((k, i) => ({
      address: k.address.toLowerCase() as `0x${string}`,
      stake: BigInt(i + 1) * 10n ** 18n,
    }))
    const g = parseGenesis(
      devGenesisJson({ chainId: 99n, validators, blockTimeMs: 250, accounts: 2, timestamp: 7n }),
    )
    assert.equal(g.chainId, 99n)
    assert.equal(g.timestamp, 7n)
    assert.equal(g.mosaic.blockTimeMs, 250)
    assert.deepEqual(g.mosaic.validators, validators)
    assert.equal(g.alloc.size, 2 + SYSTEM_CONTRACTS.length + 1)
  })

  it('predeploys CoGateway with its config slots and reserve when paired with an origin Gateway', () => {
    const gateway = '0x00000000000000000000000000000000000000aa'
    const baseToken = '0x00000000000000000000000000000000000000bb'
    const g = parseGenesis(devGenesisJson({ bridge: { gateway, baseToken, reserve: 5n } }))
    const co = g.alloc.get(CO_GATEWAY_ADDRESS)
    assert.ok(co?.code && co.code.length > 100)
    assert.equal(co.balance, 5n)
    const word = (n: bigint) => hexToBytes(`0x${n.toString(16).padStart(64, '0')}`)
    assert.deepEqual(co.storage, [
      [word(2n), word(BigInt(gateway))],
      [word(3n), word(BigInt(baseToken))],
    ])
  })

  it('defaults the timestamp to now', () => {
    const before = BigInt(Math.floor(Date.now() / 1000))
    const g = parseGenesis(devGenesisJson())
    const after = BigInt(Math.ceil(Date.now() / 1000))
    assert.ok(g.timestamp >= before && g.timestamp <= after)
  })
})

describe('genesis: system contracts', () => {
  it('match the addresses ethereumjs calls', () => {
    const byEip = new Map(SYSTEM_CONTRACTS.map((s) => [s.eip, s.address]))
    assert.deepEqual([...byEip.keys()].sort(), [2935, 4788, 7002, 7251])
    assert.equal(byEip.get(2935), paramsVM[2935]!['historyStorageAddress']!.toString().toLowerCase())
    assert.equal(
      byEip.get(7002),
      paramsVM[7002]!['withdrawalRequestPredeployAddress']!.toString().toLowerCase(),
    )
    assert.equal(
      byEip.get(7251),
      paramsVM[7251]!['consolidationRequestPredeployAddress']!.toString().toLowerCase(),
    )
  })

  it('match the code in the execution-apis fixture genesis', () => {
    const fixture = JSON.parse(readFileSync(FIXTURE, 'utf8')) as { alloc: Record<string, { code?: string }> }
    for (const sc of SYSTEM_CONTRACTS)
      assert.equal(fixture.alloc[sc.address.slice(2)]?.code, sc.code, sc.name)
  })

  it('accept the geth-written fixture genesis once it has a mosaic section', () => {
    const fixture = JSON.parse(readFileSync(FIXTURE, 'utf8')) as GenesisJson
    fixture.mosaic = { blockTime: 2, validators: [{ address: devValidatorKeys(1)[0]!.address, stake: '1' }] }
    const g = parseGenesis(fixture)
    assert.equal(g.chainId, 3503995874084926n)
    assert.equal(g.alloc.size, Object.keys(fixture.alloc).length)
    assert.equal(g.difficulty, 0x20000n)
    assert.equal(Buffer.from(g.extraData).toString(), 'hivechain')
    assert.equal(g.mosaic.blockTimeMs, 2000)
  })
})

describe('genesis: foreign chains (a geth genesis without a mosaic section)', () => {
  it('are accepted only when asked for, with no validators and the blob schedule and deposit contract of the file', () => {
    const fixture = JSON.parse(readFileSync(FIXTURE, 'utf8')) as GenesisJson
    assert.throws(() => parseGenesis(fixture), /^GenesisError: genesis\.mosaic: expected an object/)
    const g = parseGenesis(fixture, { allowForeign: true })
    assert.equal(g.foreign, true)
    assert.deepEqual(g.mosaic.validators, [])
    assert.deepEqual(g.blobSchedule, { target: 6, max: 9, baseFeeUpdateFraction: 5007716 })
    assert.equal(g.depositContractAddress, `0x${'00'.repeat(20)}`)
    assert.equal(g.chainId, 3503995874084926n)
  })

  it('keep their mosaic section when they have one', () => {
    const g = parseGenesis(dev(), { allowForeign: true })
    assert.equal(g.foreign, false)
    assert.equal(g.mosaic.validators.length, 1)
  })

  it('name a bad blob schedule', () => {
    const json = dev()
    json.config['blobSchedule'] = { prague: { target: 10, max: 9, baseFeeUpdateFraction: 5007716 } }
    assert.throws(
      () => parseGenesis(json),
      /^GenesisError: genesis\.config\.blobSchedule\.prague\.target: expected at most max$/,
    )
  })
})

describe('genesis: parsing', () => {
  it('accepts geth quantity forms, unprefixed and 0x alloc keys, and fills header defaults', () => {
    const json = dev()
    delete json['timestamp']
    delete json['extraData']
    delete json['baseFeePerGas']
    delete json['mixHash']
    delete json['coinbase']
    delete json['nonce']
    delete json['difficulty']
    json.config['chainId'] = '0x10'
    json.config['osakaTime'] = 0
    json.alloc['0xAbCdEf0000000000000000000000000000000001'] = {
      balance: '1000',
      nonce: 5,
      code: '0x6001',
      storage: { '0x01': '0x2a', '0000000000000000000000000000000000000000000000000000000000000002': '0x1' },
    }
    json.alloc['0000000000000000000000000000000000000002'] = { balance: 42 }
    mosaic(json)['blockTime'] = 0.5
    mosaic(json)['epochLength'] = 4
    mosaic(json)['bootnodes'] = [
      '/ip4/127.0.0.1/tcp/30303/p2p/12D3KooWDdjHW2SL9GxVTSLVNh7jm2F4sAjRnJPfuDpzArnZ9wcg',
    ]
    mosaic(json)['origin'] = { chainId: 1337, stake: `0x${'11'.repeat(20)}`, rpc: 'http://127.0.0.1:8545' }

    const g = parseGenesis(json)
    assert.equal(g.chainId, 16n)
    assert.equal(g.hardfork, 'osaka')
    assert.equal(g.timestamp, 0n)
    assert.equal(g.baseFeePerGas, DEFAULT_BASE_FEE_PER_GAS)
    assert.deepEqual(g.nonce, new Uint8Array(8))
    const acct = g.alloc.get('0xabcdef0000000000000000000000000000000001')
    assert.ok(acct)
    assert.equal(acct.balance, 1000n)
    assert.equal(acct.nonce, 5n)
    assert.deepEqual(acct.code, new Uint8Array([0x60, 0x01]))
    const slot = (n: number) => {
      const b = new Uint8Array(32)
      b[31] = n
      return b
    }
    assert.deepEqual(acct.storage, [
      [slot(1), slot(42)],
      [slot(2), slot(1)],
    ])
    assert.equal(g.alloc.get('0x0000000000000000000000000000000000000002')?.balance, 42n)
    assert.equal(g.mosaic.blockTimeMs, 500)
    assert.equal(g.mosaic.epochLength, 4)
    assert.deepEqual(g.mosaic.bootnodes, [
      '/ip4/127.0.0.1/tcp/30303/p2p/12D3KooWDdjHW2SL9GxVTSLVNh7jm2F4sAjRnJPfuDpzArnZ9wcg',
    ])
    assert.deepEqual(g.mosaic.origin, {
      chainId: 1337n,
      stake: `0x${'11'.repeat(20)}`,
      rpc: 'http://127.0.0.1:8545',
    })
  })

  it('turns a header nonce quantity into 8 big-endian bytes', () => {
    const json = dev()
    json['nonce'] = '0x42'
    assert.deepEqual(parseGenesis(json).nonce, new Uint8Array([0, 0, 0, 0, 0, 0, 0, 0x42]))
  })

  it('rejects a non-object document', () => {
    rejects(null, 'genesis: expected a JSON object')
    rejects([], 'genesis: expected a JSON object')
  })

  it('rejects a missing, negative or non-numeric chainId', () => {
    const message = 'genesis.config.chainId: expected a positive integer'
    for (const bad of [undefined, -1, 'abc', 0, '-5', 1.5]) {
      const json = dev()
      if (bad === undefined) delete json.config['chainId']
      else json.config['chainId'] = bad
      rejects(json, message, 'genesis.config.chainId')
    }
  })

  it('rejects a bad alloc balance, naming the account', () => {
    const json = dev()
    const key = devAccounts(1)[0]!.address.slice(2).toLowerCase()
    ;(json.alloc[key] as Record<string, unknown>)['balance'] = '12abc'
    rejects(json, `genesis.alloc.${key}: balance: expected a hex or decimal quantity`, `genesis.alloc.${key}`)

    const missing = dev()
    missing.alloc['0x1234567890123456789012345678901234567890'] = { nonce: '0x1' }
    rejects(
      missing,
      'genesis.alloc.0x1234567890123456789012345678901234567890: balance: expected a hex or decimal quantity',
    )
  })

  it('rejects a bad alloc address', () => {
    const json = dev()
    json.alloc['0x1234'] = { balance: '0x1' }
    rejects(json, 'genesis.alloc.0x1234: expected a 20-byte hex address')
  })

  it('rejects a bad validator address', () => {
    const json = dev()
    const validators = mosaic(json)['validators'] as Record<string, unknown>[]
    validators.push({ address: '0xnot-an-address', stake: '1' })
    rejects(
      json,
      'genesis.mosaic.validators[1].address: expected a 20-byte hex address',
      'genesis.mosaic.validators[1].address',
    )
  })

  it('rejects an empty or missing validator list and a zero stake', () => {
    const empty = dev()
    mosaic(empty)['validators'] = []
    rejects(empty, 'genesis.mosaic.validators: expected a non-empty array')

    const missing = dev()
    delete mosaic(missing)['validators']
    rejects(missing, 'genesis.mosaic.validators: expected a non-empty array')

    const zero = dev()
    ;(mosaic(zero)['validators'] as Record<string, unknown>[])[0]!['stake'] = '0x0'
    rejects(zero, 'genesis.mosaic.validators[0].stake: expected a quantity above 0')
  })

  it('accepts several validators with stakes; rejects a duplicate and a bootnode without a peer id', () => {
    const json = dev()
    const validators = mosaic(json)['validators'] as Record<string, unknown>[]
    validators.push(
      { address: `0x${'22'.repeat(20)}`, stake: '0x10' },
      { address: `0x${'33'.repeat(20)}`, stake: 7 },
    )
    const g = parseGenesis(json)
    assert.deepEqual(g.mosaic.validators.slice(1), [
      { address: `0x${'22'.repeat(20)}`, stake: 16n },
      { address: `0x${'33'.repeat(20)}`, stake: 7n },
    ])
    validators.push({ address: `0x${'22'.repeat(20)}`, stake: '1' })
    rejects(json, `genesis.mosaic.validators[3].address: duplicate validator 0x${'22'.repeat(20)}`)

    const boot = dev()
    mosaic(boot)['bootnodes'] = ['/ip4/127.0.0.1/tcp/30303']
    rejects(
      boot,
      'genesis.mosaic.bootnodes[0]: expected a multiaddr like /ip4/HOST/tcp/PORT/p2p/PEER_ID',
      'genesis.mosaic.bootnodes[0]',
    )
  })

  it('requires the mosaic section and checks its fields', () => {
    const json = dev()
    delete json.mosaic
    rejects(
      json,
      'genesis.mosaic: expected an object (the mosaic section: blockTime, epochLength, validators)',
    )

    const badTime = dev()
    mosaic(badTime)['blockTime'] = 0
    rejects(badTime, 'genesis.mosaic.blockTime: expected a positive number of seconds (at least 0.001)')

    const typo = dev()
    mosaic(typo)['epochlength'] = 5
    rejects(
      typo,
      'genesis.mosaic.epochlength: unknown field (expected one of blockTime, epochLength, validators, origin, bootnodes)',
    )

    const rpc = dev()
    mosaic(rpc)['origin'] = { chainId: 1, rpc: 'localhost:8545' }
    rejects(rpc, 'genesis.mosaic.origin.rpc: expected an http(s) or ws(s) URL')
  })

  it('requires pragueTime 0 and earlier forks at 0', () => {
    const missing = dev()
    delete missing.config['pragueTime']
    rejects(missing, 'genesis.config.pragueTime: expected 0 (mosaic-node runs Prague rules from block 0)')

    const later = dev()
    later.config['pragueTime'] = 1_800_000_000
    rejects(later, 'genesis.config.pragueTime: expected 0 (mosaic-node runs Prague rules from block 0)')

    const london = dev()
    london.config['londonBlock'] = 5
    rejects(london, 'genesis.config.londonBlock: expected 0 (mosaic-node runs Prague rules from block 0)')

    const osaka = dev()
    osaka.config['osakaTime'] = 100
    rejects(
      osaka,
      'genesis.config.osakaTime: expected 0 or absent (forks scheduled after genesis are not supported)',
    )
  })

  it('requires each system contract with its exact code', () => {
    const missing = dev()
    delete missing.alloc[HISTORY.slice(2)]
    rejects(
      missing,
      `genesis.alloc: missing system contract ${HISTORY} (EIP-2935 history storage)`,
      'genesis.alloc',
    )

    const changed = dev()
    allocEntry(changed, HISTORY)['code'] = '0x00'
    rejects(
      changed,
      `genesis.alloc.${HISTORY.slice(2)}: code: expected the runtime code of the EIP-2935 history storage contract`,
    )
  })

  it('rejects bad header fields', () => {
    const gas = dev()
    gas['gasLimit'] = '0x10'
    rejects(gas, 'genesis.gasLimit: expected at least 5000')

    const mix = dev()
    mix['mixHash'] = '0x1234'
    rejects(mix, 'genesis.mixHash: expected a 32-byte hex value')

    const big = dev()
    big['timestamp'] = 2 ** 60
    rejects(
      big,
      'genesis.timestamp: expected a hex or decimal quantity (write numbers above 2^53 as strings)',
    )
  })

  it('keeps weird keys on one line', () => {
    const json = dev()
    json.alloc['bad\nkey'] = { balance: '0x1' }
    rejects(json, 'genesis.alloc["bad\\nkey"]: expected a 20-byte hex address')
  })
})

describe('genesis: loadGenesisFile', () => {
  let dir: string
  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'mosaic-genesis-'))
  })
  after(async () => {
    await rm(dir, { recursive: true, force: true })
  })

  it('loads a valid file', async () => {
    const path = join(dir, 'ok.json')
    await writeFile(path, JSON.stringify(dev(), null, 2))
    const g = await loadGenesisFile(path)
    assert.equal(g.chainId, DEV_CHAIN_ID)
  })

  it('reports a JSON syntax error in one line naming the file', async () => {
    const path = join(dir, 'broken.json')
    await writeFile(path, '{\n  "config": {\n    "chainId": 1,\n  }\n}\n')
    await assert.rejects(loadGenesisFile(path), (e: unknown) => {
      assert.ok(e instanceof GenesisError)
      assert.equal(e.code, 'INVALID_GENESIS')
      assert.ok(e.message.startsWith(`${path}: invalid JSON: `), e.message)
      assert.ok(!e.message.includes('\n'), e.message)
      return true
    })
  })

  it('reports a missing file as GENESIS_NOT_FOUND', async () => {
    const path = join(dir, 'nope.json')
    await assert.rejects(loadGenesisFile(path), (e: unknown) => {
      assert.ok(e instanceof GenesisError)
      assert.equal(e.code, 'GENESIS_NOT_FOUND')
      assert.equal(e.message, `genesis file not found: ${path}`)
      return true
    })
  })

  it('reports validation errors of a file like parseGenesis', async () => {
    const path = join(dir, 'bad.json')
    const json = dev()
    json.config['chainId'] = 'abc'
    await writeFile(path, JSON.stringify(json))
    await assert.rejects(loadGenesisFile(path), {
      name: 'GenesisError',
      message: 'genesis.config.chainId: expected a positive integer',
    })
  })
})
