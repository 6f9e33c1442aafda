import { defineConfig } from 'vitest/config'

// End-to-end tests in real Chromium (playwright-core + /usr/bin/chromium) against the built dist/.
export default defineConfig({
  test: {
    include: ['test/e2e/**/*.e2e.test.mjs'],
    environment: 'node',
    testTimeout: 120_000,
    hookTimeout: 60_000,
    fileParallelism: false,
  },
})
