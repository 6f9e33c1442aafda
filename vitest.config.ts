import { defineConfig, mergeConfig } from 'vitest/config'
import viteConfig from './vite.config.ts'

export default mergeConfig(
  viteConfig,
  defineConfig({
    test: {
      include: ['test/**/*.test.{ts,tsx}'],
      // Benchmarks print figures and run with npm run bench (house rule 7), not in the unit suite.
      exclude: ['test/e2e/**', 'test/bench/**', 'node_modules/**'],
      environment: 'node',
      setupFiles: ['test/setup.ts'],
      testTimeout: 20_000,
    },
  }),
)
