// Prometheus metrics of the WebSocket transport: gauges read from the server when scraped, counters
// of dropped and refused connections.
import { Counter, Gauge, type Registry } from 'prom-client'

/** What the gauges read. */
export interface WsCounts {
  readonly wsConnectionCount: number
  readonly subscriptionCount: number
}

export interface WsMetrics {
  slowConsumers: Counter
  rejected: Counter
}

export function wsMetrics(registry: Registry, server: WsCounts): WsMetrics {
  const metric = <T>(name: string, make: () => T): T => (registry.getSingleMetric(name) as T) ?? make()
  metric(
    'mosaic_rpc_ws_connections',
    () =>
      new Gauge({
        name: 'mosaic_rpc_ws_connections',
        help: 'Open WebSocket connections',
        registers: [registry],
        collect() {
          this.set(server.wsConnectionCount)
        },
      }),
  )
  metric(
    'mosaic_rpc_ws_subscriptions',
    () =>
      new Gauge({
        name: 'mosaic_rpc_ws_subscriptions',
        help: 'Active eth_subscribe subscriptions',
        registers: [registry],
        collect() {
          this.set(server.subscriptionCount)
        },
      }),
  )
  return {
    slowConsumers: metric(
      'mosaic_rpc_ws_slow_consumers_total',
      () =>
        new Counter({
          name: 'mosaic_rpc_ws_slow_consumers_total',
          help: 'WebSocket connections dropped for leaving too much unread',
          registers: [registry],
        }),
    ),
    rejected: metric(
      'mosaic_rpc_ws_rejected_total',
      () =>
        new Counter({
          name: 'mosaic_rpc_ws_rejected_total',
          help: 'WebSocket upgrades refused at the connection limit',
          registers: [registry],
        }),
    ),
  }
}
