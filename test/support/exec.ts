// Running CLI lines in a test: `ok` for a line that must succeed, `fails` for one that must not.
import { expect } from 'vitest'
import type { createSandbox } from '../../src/sandbox/index.ts'

export type Sandbox = ReturnType<typeof createSandbox>

/** Runs a line that must succeed (exit 0, nothing on stderr); returns its trimmed output. */
export function ok(sandbox: Sandbox, line: string): string {
  const result = sandbox.exec(line)
  expect(result.stderr, line).toBe('')
  expect(result.exitCode, line).toBe(0)
  return result.stdout.trim()
}

/** Runs a line that must fail (a non-zero exit); returns its trimmed error text. */
export function fails(sandbox: Sandbox, line: string): string {
  const result = sandbox.exec(line)
  expect(result.exitCode, line).not.toBe(0)
  return result.stderr.trim()
}
