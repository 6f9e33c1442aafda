// Shared test setup. Component tests opt into jsdom with `// @vitest-environment jsdom` at the top of the file;
// DOM helpers below only apply there.
import '@testing-library/jest-dom/vitest'
import { setupDomStubs } from './domStubs.ts'

if (typeof window !== 'undefined') setupDomStubs()
