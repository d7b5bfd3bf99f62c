// Hardhat 3 node used as the local origin chain (consensus/origin/hardhatOrigin.ts starts it): chain id
// 31337, the standard test mnemonic, automine (a transaction is mined at once) plus a block every
// second so that confirmation depths advance on an idle chain. Hardhat writes cache and artifacts
// directories: MOSAIC_ORIGIN_HARDHAT_DIR points them at the launcher's temporary directory.
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { HardhatUserConfig } from 'hardhat/config'

const scratch = process.env['MOSAIC_ORIGIN_HARDHAT_DIR'] ?? join(tmpdir(), 'mosaic-origin-hardhat')

const config: HardhatUserConfig = {
  paths: { cache: join(scratch, 'cache'), artifacts: join(scratch, 'artifacts') },
  networks: {
    node: {
      type: 'edr-simulated',
      chainType: 'l1',
      chainId: 31337,
      accounts: { mnemonic: 'test test test test test test test test test test test junk' },
      mining: { auto: true, interval: 1000 },
    },
  },
}

export default config
