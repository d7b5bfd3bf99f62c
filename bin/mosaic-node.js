#!/usr/bin/env node
// Entry point. The project needs Node 22+ (libp2p 3); when started by an older Node (the machine's
// default), re-run under the Node installed from npm as a devDependency, then load the TypeScript
// sources through tsx.
import { spawn } from 'node:child_process'
import { existsSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const major = Number(process.versions.node.split('.')[0])
if (major < 22) {
  const local = join(root, 'node_modules', 'node', 'bin', 'node')
  if (!existsSync(local)) {
    console.error(`mosaic-node needs Node 22 or newer (this is ${process.version}); run npm install first`)
    process.exit(1)
  }
  const child = spawn(local, [fileURLToPath(import.meta.url), ...process.argv.slice(2)], { stdio: 'inherit' })
  for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => child.kill(sig))
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)))
} else {
  const { register } = await import('tsx/esm/api')
  register()
  const { main } = await import(pathToFileURL(join(root, 'node', 'cli.ts')).href)
  await main(process.argv)
}
