// A TCP proxy in front of a server that can be cut off and restored: while cut, open connections are
// destroyed and new ones refused, like an origin node that went away.
import { connect, createServer, type Socket } from 'node:net'

export interface PausableProxy {
  url: string
  cut(): void
  restore(): void
  close(): Promise<void>
}

export async function pausableProxy(targetUrl: string): Promise<PausableProxy> {
  const target = new URL(targetUrl)
  const sockets = new Set<Socket>()
  let cut = false
  const server = createServer((client) => {
    if (cut) return void client.destroy()
    const upstream = connect(Number(target.port), target.hostname)
    for (const s of [client, upstream]) {
      sockets.add(s)
      s.on('close', () => sockets.delete(s))
      s.on('error', () => {
        client.destroy()
        upstream.destroy()
      })
    }
    client.pipe(upstream).pipe(client)
  })
  await new Promise<void>((res) => server.listen(0, '127.0.0.1', res))
  const addr = server.address()
  if (!addr || typeof addr === 'string') throw new Error('proxy did not bind')
  return {
    url: `http://127.0.0.1:${addr.port}`,
    cut() {
      cut = true
      for (const s of sockets) s.destroy()
    },
    restore() {
      cut = false
    },
    close: () =>
      new Promise<void>((res) => {
        for (const s of sockets) s.destroy()
        server.close(() => res())
      }),
  }
}
