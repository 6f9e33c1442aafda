import { defineConfig, mergeConfig } from 'vitest/config'
import viteConfig from './vite.config.ts'

// Two projects, so that CI stays well under its time limit on two cores:
// - `sim`: the simulation, the CLI, the sandbox, the course and the docs run in Node without per-file isolation.
//   They share no state between files (everything goes through a fresh createSandbox()), and importing the
//   simulation and its API models once per worker instead of once per file cuts the suite's CPU time about
//   fourfold (measured: `npx vitest run test/sim/ecs test/sim/ec2`, 50 s user CPU isolated, 13 s not).
// - `app`: components in jsdom keep per-file isolation, because they mock modules, spy on globals and share
//   the app's store module.
const shared = {
  setupFiles: ['test/setup.ts'],
  testTimeout: 20_000,
  environment: 'node',
}

export default mergeConfig(
  viteConfig,
  defineConfig({
    test: {
      projects: [
        {
          extends: true,
          test: {
            ...shared,
            name: 'sim',
            include: ['test/**/*.test.{ts,tsx}'],
            // Benchmarks print figures and run with npm run bench (house rule 7), not in the unit suite.
            exclude: ['test/app/**', 'test/e2e/**', 'test/bench/**', 'node_modules/**'],
            isolate: false,
          },
        },
        {
          extends: true,
          test: { ...shared, name: 'app', include: ['test/app/**/*.test.{ts,tsx}'] },
        },
      ],
    },
  }),
)
