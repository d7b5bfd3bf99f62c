// Block execution runs on the main thread beside gossip and RPC. Every node executes each block at
// the same moment of the slot (the proposer building it, the others replaying it), and in one
// stretch a block of a few dozen transfers held the thread for 50-200 ms on a loaded machine:
// transactions and votes arriving meanwhile waited that long before being checked and relayed.

/** Longest stretch of execution before the event loop gets the thread back. */
export const EXECUTION_SLICE_MS = 5

/** Between transactions: resolves at once within a slice, after one turn of the event loop past it. */
export class Slicer {
  private start = performance.now()

  constructor(private readonly sliceMs = EXECUTION_SLICE_MS) {}

  async pause(): Promise<void> {
    if (performance.now() - this.start < this.sliceMs) return
    await new Promise((resolve) => setImmediate(resolve))
    this.start = performance.now()
  }
}
