// Small records that must survive a crash whole: written to a temporary file, fsynced, then renamed
// over the old one, so a reader sees the old or the new content, never half of it.
import { open, rename } from 'node:fs/promises'

/**
 * One record file written atomically off the event loop: an fsync can take tens of milliseconds on a
 * busy disk, and the validators' per-block records (slashing protection, finality) written
 * synchronously stalled gossip and RPC for that long. Writes run one at a time in call order, so the
 * file ends with the last one.
 */
export class AtomicFile {
  private queue: Promise<void> = Promise.resolve()

  constructor(readonly path: string) {}

  write(text: string): Promise<void> {
    const run = this.queue.then(() => this.writeNow(text))
    this.queue = run.catch(() => {})
    return run
  }

  private async writeNow(text: string): Promise<void> {
    const tmp = `${this.path}.tmp`
    const file = await open(tmp, 'w')
    try {
      await file.writeFile(text)
      await file.sync()
    } finally {
      await file.close()
    }
    await rename(tmp, this.path)
  }
}
