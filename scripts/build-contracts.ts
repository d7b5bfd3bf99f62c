// Compiles the contracts (consensus/contracts/*.sol: the origin chain's, and the aux chain's predeploys)
// with solc-js from node_modules and writes what the node needs at run time, so start-up never loads the
// compiler:
//   consensus/contracts/artifacts.json   abi + creation bytecode per contract, solc version, sources hash
//   consensus/origin/abi.generated.ts    the same ABIs `as const`, so viem infers argument and result types
//   genesis/predeploys.generated.ts      runtime code of the aux predeploys (genesis imports nothing else)
// test/unit/consensus/artifacts.test.ts recompiles and fails when any of them is stale.
//
//   npm run build:contracts              writes the three files
//   npm run build:contracts -- --check   exits 1 when one is out of date
import { createHash } from 'node:crypto'
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { basename, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { type CompiledContract, compileFiles, SOLC_VERSION } from '../test/helpers/solc.ts'

export const REPO_ROOT = resolve(import.meta.dirname, '..')
export const CONTRACTS_DIR = join(REPO_ROOT, 'consensus', 'contracts')
export const ARTIFACTS_PATH = join(CONTRACTS_DIR, 'artifacts.json')
export const ABI_PATH = join(REPO_ROOT, 'consensus', 'origin', 'abi.generated.ts')
export const PREDEPLOYS_PATH = join(REPO_ROOT, 'genesis', 'predeploys.generated.ts')
/** The contracts with an ABI (and creation bytecode); the other sources are libraries and bases. */
const CONTRACTS = [
  'StakeToken',
  'Stake',
  'Core',
  'MerklePatriciaProofVerifier',
  'ValueToken',
  'Gateway',
  'CoGateway',
  'UtilityToken',
  'OriginRoots',
] as const
/**
 * The bridge's sources, compiled through the Yul pipeline (viaIR, with the sources they import): the
 * gateways' confirm functions take more parameters than the legacy pipeline has stack for. The other
 * contracts keep the legacy pipeline's code. Each contract lives in `<name>.sol`.
 */
const VIA_IR_SOURCES = new Set<string>([
  'CoGateway.sol',
  'ERC20.sol',
  'Gateway.sol',
  'MessageBus.sol',
  'OriginRoots.sol',
  'UtilityToken.sol',
  'ValueToken.sol',
])
/** Aux predeploys: genesis holds their runtime code (they are never constructed), by export name. */
const PREDEPLOYS = { originRootsCode: 'OriginRoots', coGatewayCode: 'CoGateway' } as const
/** Hardhat's default hardfork runs cancun bytecode; so does every live Ethereum network. */
const EVM_VERSION = 'cancun'
const OPTIMIZER_RUNS = 200

export interface Artifacts {
  solcVersion: string
  evmVersion: string
  optimizerRuns: number
  /** sha256 of the .sol files (name and content, by name). */
  sourcesHash: string
  contracts: Record<(typeof CONTRACTS)[number], Pick<CompiledContract, 'abi' | 'bytecode'>>
}

function sourceFiles(): string[] {
  return readdirSync(CONTRACTS_DIR)
    .filter((f) => f.endsWith('.sol'))
    .sort()
    .map((f) => join(CONTRACTS_DIR, f))
}

function sourcesHash(files: string[]): string {
  const h = createHash('sha256')
  for (const f of files)
    h.update(f.slice(CONTRACTS_DIR.length + 1))
      .update('\0')
      .update(readFileSync(f))
      .update('\0')
  return h.digest('hex')
}

/** The text of the generated files for the current sources. */
export function generate(): { artifacts: string; abi: string; predeploys: string } {
  const files = sourceFiles()
  const settings = { evmVersion: EVM_VERSION, optimizerRuns: OPTIMIZER_RUNS } as const
  const legacy = compileFiles(
    files.filter((f) => !VIA_IR_SOURCES.has(basename(f))),
    settings,
  )
  const viaIR = compileFiles(files, { ...settings, viaIR: true })
  const compiled = (name: string): CompiledContract | undefined =>
    (VIA_IR_SOURCES.has(`${name}.sol`) ? viaIR : legacy)[name]
  const contracts = {} as Artifacts['contracts']
  for (const name of CONTRACTS) {
    const c = compiled(name)
    if (!c) throw new Error(`solc produced no ${name}`)
    contracts[name] = { abi: c.abi, bytecode: c.bytecode }
  }
  const artifacts: Artifacts = {
    solcVersion: SOLC_VERSION,
    evmVersion: EVM_VERSION,
    optimizerRuns: OPTIMIZER_RUNS,
    sourcesHash: sourcesHash(files),
    contracts,
  }
  const abi = [
    '// GENERATED FILE, do not edit: run `npm run build:contracts` to regenerate.',
    `// The ABIs of consensus/contracts/*.sol compiled with solc ${SOLC_VERSION}, \`as const\` for viem's types.`,
    ...CONTRACTS.map((name) => {
      const ident = `${name[0]!.toLowerCase()}${name.slice(1)}Abi`
      return `export const ${ident} = ${JSON.stringify(contracts[name].abi, null, 2)} as const`
    }),
    '',
  ].join('\n')
  const predeploys = [
    '// GENERATED FILE, do not edit: run `npm run build:contracts` to regenerate.',
    `// Runtime code of the aux predeploys in consensus/contracts, compiled with solc ${SOLC_VERSION}.`,
    "import type { Hex } from './types.ts'",
    ...Object.entries(PREDEPLOYS).map(([ident, name]) => {
      const code = compiled(name)?.deployedBytecode
      if (!code) throw new Error(`solc produced no ${name}`)
      return `export const ${ident}: Hex = '${code}'`
    }),
    '',
  ].join('\n')
  return { artifacts: `${JSON.stringify(artifacts, null, 2)}\n`, abi, predeploys }
}

function main(): void {
  const { artifacts, abi, predeploys } = generate()
  const outputs = [
    [ARTIFACTS_PATH, artifacts],
    [ABI_PATH, abi],
    [PREDEPLOYS_PATH, predeploys],
  ] as const
  if (process.argv.includes('--check')) {
    const stale = outputs.filter(([path, text]) => !existsSync(path) || readFileSync(path, 'utf8') !== text)
    for (const [path] of stale) process.stderr.write(`${path} is out of date: run npm run build:contracts\n`)
    if (stale.length > 0) process.exit(1)
    process.stdout.write('origin contract artifacts are up to date\n')
    return
  }
  for (const [path, text] of outputs) writeFileSync(path, text)
  process.stdout.write(`wrote ${outputs.map(([path]) => path).join(', ')} (solc ${SOLC_VERSION})\n`)
}

if (process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main()
