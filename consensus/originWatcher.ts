// Follows the origin chain for the aux chain's consensus (DESIGN.md §7): the latest origin block that
// is final there, and the kernels Core has opened up to it, polled in the background so proposers
// never wait on the origin; and checks other proposers' observations for this validator's votes.
// While the origin does not answer, nothing new is observed and the aux chain goes on.
import { LRUCache } from 'lru-cache'
import type { Logger } from 'pino'
import type { Kernel } from './kernels.ts'
import { type OriginBlock, type OriginClient, OriginError } from './origin/index.ts'
import type { OriginObservation } from './rules/observation.ts'

export interface OriginWatcherOptions {
  pollMs: number
}

export const defaultOriginWatcherOptions: OriginWatcherOptions = { pollMs: 1000 }

export class OriginWatcher {
  private timer: NodeJS.Timeout | undefined
  private stopped = false
  private latestBlock: OriginBlock | undefined
  private readonly kernels = new Map<bigint, Kernel>()
  private readonly checked = new LRUCache<string, boolean>({ max: 1024 })
  private reachable = true

  constructor(
    private readonly options: OriginWatcherOptions,
    private readonly modules: { client: OriginClient; logger: Logger },
  ) {}

  start(): void {
    void this.poll()
  }

  stop(): void {
    this.stopped = true
    if (this.timer) clearTimeout(this.timer)
  }

  /** The latest final origin block seen. */
  get latest(): OriginBlock | undefined {
    return this.latestBlock
  }

  /** Kernel `height` as opened by Core, once seen. */
  kernel(height: bigint): Kernel | undefined {
    return this.kernels.get(height)
  }

  private async poll(): Promise<void> {
    const { client, logger } = this.modules
    try {
      const block = await client.finalOriginBlock()
      const height = await client.kernelHeight()
      for (let h = 1n; h <= height; h++) {
        if (this.kernels.has(h)) continue
        const k = await client.kernel(h)
        if (k) this.kernels.set(h, { height: h, validators: k.validators })
      }
      this.latestBlock = block
      if (!this.reachable) logger.info({ originBlock: Number(block.number) }, 'origin chain reachable again')
      this.reachable = true
    } catch (e) {
      if (this.reachable) {
        logger.warn({ err: (e as Error).message }, 'origin chain unreachable: no new observations or kernels')
      }
      this.reachable = false
    }
    if (!this.stopped) this.timer = setTimeout(() => void this.poll(), this.options.pollMs)
  }

  /**
   * Whether `o` matches the origin: the block's hash and state root, and an announced kernel's
   * validators and stakes. An origin that does not answer passes a plain observation (it only anchors
   * origin state) but never a kernel announcement (that changes who decides).
   */
  async check(o: OriginObservation): Promise<boolean> {
    const key = `${o.number}:${o.hash}:${o.stateRoot}:${o.kernel?.height ?? ''}`
    const hit = this.checked.get(key)
    if (hit !== undefined) return hit
    const { client, logger } = this.modules
    let ok: boolean
    try {
      const b = await client.originBlock(o.number)
      ok = b !== undefined && b.hash === o.hash && b.stateRoot === o.stateRoot
      if (ok && o.kernel) {
        const k = this.kernels.get(o.kernel.height) ?? (await client.kernel(o.kernel.height))
        ok =
          k !== undefined &&
          k.validators.length === o.kernel.validators.length &&
          k.validators.every(
            (v, i) =>
              v.address.toLowerCase() === o.kernel!.validators[i]!.address &&
              v.stake === o.kernel!.validators[i]!.stake,
          )
      }
    } catch (e) {
      if (!(e instanceof OriginError)) throw e
      logger.debug({ err: e.message }, 'observation not checked: origin unreachable')
      return o.kernel === undefined
    }
    this.checked.set(key, ok)
    return ok
  }
}
