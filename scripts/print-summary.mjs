#!/usr/bin/env node
// Prints one plain line, `N passed, N failed`, summing Vitest JSON reports (numPassedTests / numFailedTests).
// .ci/run prints it as its very last line.   node scripts/print-summary.mjs reports/unit.json reports/e2e.json
import { existsSync, readFileSync } from 'node:fs'

let passed = 0
let failed = 0
for (const file of process.argv.slice(2)) {
  if (!existsSync(file)) {
    console.error(`(no ${file}: that suite did not report)`)
    continue
  }
  try {
    const report = JSON.parse(readFileSync(file, 'utf8'))
    passed += report.numPassedTests ?? 0
    failed += report.numFailedTests ?? 0
  } catch (error) {
    console.error(`(unreadable ${file}: ${error.message})`)
  }
}
console.log(`${passed} passed, ${failed} failed`)
