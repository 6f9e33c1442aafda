import { defineConfig, mergeConfig } from 'vitest/config'
import viteConfig from './vite.config.ts'

// `npm run bench`: speed and memory figures printed by scripts, never asserted by unit tests (house rule 7).
export default mergeConfig(
  viteConfig,
  defineConfig({ test: { include: ['test/bench/**/*.bench.test.ts'], environment: 'node', testTimeout: 300_000 } }),
)
