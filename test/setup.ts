// Shared test setup. Component tests opt into jsdom with `// @vitest-environment jsdom` at the top of the file;
// DOM helpers below only apply there.
import '@testing-library/jest-dom/vitest'
import { setupDomStubs } from './domStubs.ts'
import { checkReadOnlyCalls } from '../src/sim/engine.ts'

// Every call named as a read (Describe/List/Get) is checked to change nothing (src/sim/engine.ts `call`).
checkReadOnlyCalls(true)

if (typeof window !== 'undefined') setupDomStubs()
