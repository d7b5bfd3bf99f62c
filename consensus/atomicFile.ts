// Small records that must survive a crash whole: written to a temporary file, fsynced, then renamed
// over the old one, so a reader sees the old or the new content, never half of it.
import { closeSync, fsyncSync, openSync, renameSync, writeSync } from 'node:fs'

export function writeFileAtomic(path: string, text: string): void {
  const tmp = `${path}.tmp`
  const fd = openSync(tmp, 'w')
  try {
    writeSync(fd, text)
    fsyncSync(fd)
  } finally {
    closeSync(fd)
  }
  renameSync(tmp, path)
}
