// Where the external fixtures (../shared/fixtures) are: MOSAIC_FIXTURES, else beside the repo, else the
// workplace's shared folder (CI clones the repo elsewhere). Read in place, never copied into the repo.
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { REPO_ROOT } from './node.ts'

export function fixturesDir(): string {
  const env = process.env['MOSAIC_FIXTURES']
  // A folder named on purpose is the only place looked at: falling back would hide the mistake.
  const candidates = env ? [env] : [join(REPO_ROOT, '..', 'shared', 'fixtures'), '/work/shared/fixtures']
  for (const dir of candidates) if (existsSync(join(dir, 'execution-apis', 'chain.rlp'))) return dir
  throw new Error(
    `execution-apis fixtures not found (looked for execution-apis/chain.rlp in ${candidates.join(', ')}); ` +
      'set MOSAIC_FIXTURES to the fixtures folder',
  )
}

/** The execution-apis conformance fixtures: the chain, its genesis and the .io files. */
export function executionApis(): { dir: string; genesis: string; chain: string } {
  const dir = join(fixturesDir(), 'execution-apis')
  return { dir, genesis: join(dir, 'genesis.json'), chain: join(dir, 'chain.rlp') }
}
