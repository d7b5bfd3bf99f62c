// A bare fastify 5 server answering every POST with the same JSON-RPC result: the ceiling of the HTTP
// layer on this machine, for the RPC benchmark. Run as its own process: `bench/bare.ts PORT`.
import Fastify from 'fastify'

const port = Number(process.argv[2])
const BODY = '{"jsonrpc":"2.0","id":1,"result":"0x1"}'
const app = Fastify({ logger: false, keepAliveTimeout: 72_000 })
app.post('/', (_req, reply) => {
  reply.type('application/json').send(BODY)
})
await app.listen({ host: '127.0.0.1', port })
const stop = () => {
  void app.close().then(() => process.exit(0))
}
process.on('SIGTERM', stop)
process.on('SIGINT', stop)
