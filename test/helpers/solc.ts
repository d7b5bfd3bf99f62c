// Compiles test contracts with solc-js (standard JSON, in-process). Loading the solc wasm takes a few
// seconds, so output is cached in the OS temp dir keyed by a hash of sources + settings + compiler
// version, and solc is only loaded on a cache miss.
import { createHash } from 'node:crypto'
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { basename, dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { Abi } from 'viem'

export interface CompiledContract {
  /** viem's Abi type; ethers accepts it as JSON fragments. */
  abi: Abi
  /** Creation bytecode, 0x-prefixed. */
  bytecode: `0x${string}`
  /** Runtime bytecode, 0x-prefixed. */
  deployedBytecode: `0x${string}`
}

export interface CompileOptions {
  evmVersion?: 'cancun' | 'prague'
  optimizerRuns?: number
  /** The Yul pipeline: needed by functions with more parameters than the legacy one has stack for. */
  viaIR?: boolean
}

export const CONTRACTS_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'contracts')

const require = createRequire(import.meta.url)
/** The version of solc-js in node_modules (the one every compile here uses). */
export const SOLC_VERSION: string = (require('solc/package.json') as { version: string }).version

interface SolcOutput {
  errors?: { severity: 'error' | 'warning' | 'info'; formattedMessage: string }[]
  contracts?: Record<
    string,
    Record<string, { abi: Abi; evm: { bytecode: { object: string }; deployedBytecode: { object: string } } }>
  >
}

interface Solc {
  compile(input: string): string
}

let solcInstance: Solc | undefined

function loadSolc(): Solc {
  solcInstance ??= require('solc') as Solc
  return solcInstance
}

/**
 * Compiles the given .sol files (absolute paths, or names inside test/fixtures/contracts) together and
 * returns every contract by name. Throws with solc's formatted messages on compile errors.
 */
export function compileFiles(
  files: string[],
  options: CompileOptions = {},
): Record<string, CompiledContract> {
  const sources: Record<string, { content: string }> = {}
  for (const f of files) {
    const path = f.includes('/') ? f : join(CONTRACTS_DIR, f)
    sources[basename(path)] = { content: readFileSync(path, 'utf8') }
  }
  const input = {
    language: 'Solidity',
    sources,
    settings: {
      evmVersion: options.evmVersion ?? 'cancun',
      optimizer: { enabled: true, runs: options.optimizerRuns ?? 200 },
      ...(options.viaIR ? { viaIR: true } : {}),
      outputSelection: { '*': { '*': ['abi', 'evm.bytecode.object', 'evm.deployedBytecode.object'] } },
    },
  }
  const inputJson = JSON.stringify(input)
  const key = createHash('sha256')
    .update(SOLC_VERSION)
    .update('\0')
    .update(inputJson)
    .digest('hex')
    .slice(0, 32)
  const cacheDir = join(tmpdir(), 'mosaic-test-solc-cache')
  const cacheFile = join(cacheDir, `${key}.json`)
  if (existsSync(cacheFile)) {
    try {
      return JSON.parse(readFileSync(cacheFile, 'utf8')) as Record<string, CompiledContract>
    } catch {
      // A torn or corrupt cache entry: fall through and recompile.
    }
  }

  const output = JSON.parse(loadSolc().compile(inputJson)) as SolcOutput
  const errors = (output.errors ?? []).filter((e) => e.severity === 'error')
  if (errors.length > 0) throw new Error(`solc: ${errors.map((e) => e.formattedMessage).join('\n')}`)

  const result: Record<string, CompiledContract> = {}
  for (const byName of Object.values(output.contracts ?? {})) {
    for (const [name, c] of Object.entries(byName)) {
      result[name] = {
        abi: c.abi,
        bytecode: `0x${c.evm.bytecode.object}`,
        deployedBytecode: `0x${c.evm.deployedBytecode.object}`,
      }
    }
  }
  mkdirSync(cacheDir, { recursive: true })
  // Write-then-rename so a concurrent test process never reads a half-written file.
  const tmp = `${cacheFile}.${process.pid}.tmp`
  writeFileSync(tmp, JSON.stringify(result))
  renameSync(tmp, cacheFile)
  return result
}

/** Compiles one contract; `file` defaults to `<name>.sol` in test/fixtures/contracts. */
export function compileContract(
  name: string,
  file = `${name}.sol`,
  options?: CompileOptions,
): CompiledContract {
  const contract = compileFiles([file], options)[name]
  if (!contract) throw new Error(`solc: no contract ${name} in ${file}`)
  return contract
}
