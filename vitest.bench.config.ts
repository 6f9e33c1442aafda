import { defineConfig, mergeConfig } from 'vitest/config'
import viteConfig from './vite.config.ts'

// `npm run bench`: speed and memory figures printed by scripts, never asserted by unit tests (house rule 7). One file
// at a time: benches run side by side on a two-core machine would time each other.
export default mergeConfig(
  viteConfig,
  defineConfig({ test: { include: ['test/bench/**/*.bench.test.ts'], environment: 'node', testTimeout: 300_000, fileParallelism: false } }),
)
