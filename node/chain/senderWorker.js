// Worker thread of senders.ts: recovers public keys with the native secp256k1 addon. Plain JavaScript
// because worker threads do not inherit the main thread's TypeScript loader.
// Request: { id, packed } with 97 bytes per signature: message hash (32), r (32), s (32), recovery (1).
// Reply: { id, keys, ok }: 64-byte public keys in order, ok[i] = 1 when signature i recovered.
import { parentPort } from 'node:worker_threads'
import secp256k1 from 'secp256k1'

const ENTRY = 97

parentPort?.on('message', ({ id, packed }) => {
  const n = packed.length / ENTRY
  const keys = new Uint8Array(n * 64)
  const ok = new Uint8Array(n)
  for (let i = 0; i < n; i++) {
    const at = i * ENTRY
    try {
      const pub = secp256k1.ecdsaRecover(
        packed.subarray(at + 32, at + 96),
        packed[at + 96],
        packed.subarray(at, at + 32),
        false,
      )
      keys.set(pub.subarray(1), i * 64)
      ok[i] = 1
    } catch {
      ok[i] = 0
    }
  }
  parentPort?.postMessage({ id, keys, ok }, [keys.buffer, ok.buffer])
})
