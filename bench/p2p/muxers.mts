// yamux vs mplex under our req/resp pattern (one stream per request, length-prefixed frames), two
// libp2p hosts in one process on loopback: small-request round trips and 1 MiB responses (a sync
// batch of full blocks). `npx --no-install node --import tsx bench/p2p/muxers.ts`
import { noise } from '@chainsafe/libp2p-noise'
import { yamux } from '@chainsafe/libp2p-yamux'
import { mplex } from '@libp2p/mplex'
import { tcp } from '@libp2p/tcp'
import { lpStream } from '@libp2p/utils'
import { createLibp2p } from 'libp2p'

const PROTOCOL = '/bench/echo/1'
const BIG = 1024 * 1024

async function host(muxer: 'yamux' | 'mplex') {
  const node = await createLibp2p({
    addresses: { listen: ['/ip4/127.0.0.1/tcp/0'] },
    transports: [tcp()],
    connectionEncrypters: [noise()],
    streamMuxers: [muxer === 'yamux' ? yamux() : mplex()],
  })
  await node.handle(
    PROTOCOL,
    async (stream) => {
      try {
        const lp = lpStream(stream, { maxDataLength: 2 * BIG })
        const req = await lp.read()
        const size = req.subarray()[0] === 1 ? BIG : 100
        await lp.write(new Uint8Array(size))
        await stream.close()
      } catch (e) {
        stream.abort(e as Error)
      }
    },
    { maxInboundStreams: 256 },
  )
  await node.start()
  return node
}

async function run(muxer: 'yamux' | 'mplex') {
  const a = await host(muxer)
  const b = await host(muxer)
  await b.dial(a.getMultiaddrs()[0]!)
  let failures = 0
  const call = async (big: boolean) => {
    try {
      const signal = AbortSignal.timeout(2000)
      const s = await b.dialProtocol(a.peerId, PROTOCOL, { signal })
      const lp = lpStream(s, { maxDataLength: 2 * BIG })
      await lp.write(Uint8Array.of(big ? 1 : 0), { signal })
      const r = await lp.read({ signal })
      await s.close()
      return r.byteLength
    } catch {
      failures++
      return 0
    }
  }
  for (let i = 0; i < 200; i++) await call(false)
  const lat: number[] = []
  for (let i = 0; i < 1000; i++) {
    const t = performance.now()
    await call(false)
    lat.push(performance.now() - t)
  }
  lat.sort((x, y) => x - y)
  const t0 = performance.now()
  let bytes = 0
  for (let i = 0; i < 25; i++)
    bytes += (await Promise.all([call(true), call(true), call(true), call(true)])).reduce((s, x) => s + x, 0)
  const mbps = bytes / 1024 / 1024 / ((performance.now() - t0) / 1000)
  await a.stop()
  await b.stop()
  return { muxer, failures, p50ms: lat[500]!.toFixed(2), p99ms: lat[990]!.toFixed(2), MiBps: mbps.toFixed(0) }
}

for (let round = 0; round < 1; round++) {
  for (const m of ['yamux', 'mplex'] as const) console.log(JSON.stringify(await run(m)))
}
