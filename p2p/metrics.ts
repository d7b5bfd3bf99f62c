// Prometheus metrics of the network layer.
import { Counter, Gauge, type Registry } from 'prom-client'

export interface P2PMetrics {
  rejected: Counter<'source' | 'reason'>
  gossipReceived: Counter<'topic'>
  gossipPublished: Counter<'topic'>
  requests: Counter<'protocol' | 'direction'>
  syncedBlocks: Counter
  peers: Gauge
  banned: Counter
}

export function createP2PMetrics(registry: Registry, peerCount: () => number): P2PMetrics {
  const registers = [registry]
  return {
    rejected: new Counter({
      name: 'mosaic_p2p_rejected_total',
      help: 'Data from peers refused, by where it came from (topic or protocol) and reason',
      labelNames: ['source', 'reason'],
      registers,
    }),
    gossipReceived: new Counter({
      name: 'mosaic_p2p_gossip_received_total',
      help: 'Gossip messages received by topic',
      labelNames: ['topic'],
      registers,
    }),
    gossipPublished: new Counter({
      name: 'mosaic_p2p_gossip_published_total',
      help: 'Gossip messages published by topic',
      labelNames: ['topic'],
      registers,
    }),
    requests: new Counter({
      name: 'mosaic_p2p_requests_total',
      help: 'Req/resp requests by protocol and direction',
      labelNames: ['protocol', 'direction'],
      registers,
    }),
    syncedBlocks: new Counter({
      name: 'mosaic_sync_blocks_total',
      help: 'Blocks imported by range or hash sync',
      registers,
    }),
    peers: new Gauge({
      name: 'mosaic_p2p_peers',
      help: 'Connected peers',
      registers,
      collect() {
        this.set(peerCount())
      },
    }),
    banned: new Counter({ name: 'mosaic_p2p_bans_total', help: 'Peers banned', registers }),
  }
}
