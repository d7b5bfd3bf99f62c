// Hardhat 3 node for the throughput benchmark: the peer mosaic-node is compared against. Same chain
// id, mnemonic, block gas limit and block time as `mosaic-node dev`. bench/peers.ts points the cache
// and artifacts directories (which `hardhat node` creates) at a temporary directory.
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { HardhatUserConfig } from 'hardhat/config'

const scratch = process.env['BENCH_HARDHAT_DIR'] ?? join(tmpdir(), 'mosaic-bench-hardhat')

const config: HardhatUserConfig = {
  paths: { cache: join(scratch, 'cache'), artifacts: join(scratch, 'artifacts') },
  networks: {
    node: {
      type: 'edr-simulated',
      chainType: 'l1',
      chainId: 1515,
      blockGasLimit: 100_000_000,
      accounts: { mnemonic: 'test test test test test test test test test test test junk' },
      mining: { auto: false, interval: 1000 },
    },
  },
}

export default config
