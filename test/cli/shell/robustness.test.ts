import fc from 'fast-check'
import { describe, expect, it, test } from 'vitest'
import { createShell } from './harness.ts'

const pieces = ['a', ' ', '\n', '\\', "'", '"', '$', '{', '}', '(', ')', ',', '..', '1', ';', '&', '&&', '|', '||', '>', '>>', '<', '2>&1', '#', '~', '*', '?', '[', ']', '`', '=', 'X=', ':-', 'echo ', 'args ', 'export ', 'cat ', 'nope ']

describe('robustness', () => {
  test('any input comes back as a result with a status, never an exception', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 40 }), (chunks) => {
        const shell = createShell({ 'a.json': '{}' })
        const result = shell.run(chunks.join(''))
        expect(Number.isInteger(result.exitCode)).toBe(true)
        expect(result.exitCode).toBeGreaterThanOrEqual(0)
        expect(result.exitCode).toBeLessThanOrEqual(255)
      }),
      { numRuns: 1000, seed: 42 },
    )
  })

  test('a runaway brace sequence stays as typed instead of freezing the page', () => {
    expect(createShell().run('args {1..100000000}').stdout).toBe('["{1..100000000}"]\n')
  })

  test('the same inputs give the same outputs', () => {
    const lines = ['X=$(args a b)', 'echo "$X" > x.txt', 'cat x.txt; ls', 'history', 'fail 3 || echo $?']
    const run = () => {
      const shell = createShell()
      return lines.map((line) => shell.run(line))
    }
    expect(run()).toEqual(run())
  })
})

describe('words that look like globs but are not valid ones', () => {
  it('a bracket expression with a reversed range matches nothing and stays as typed', async () => {
    const { runShell, emptyShellState } = await import('../../../src/cli/shell/index.ts')
    const files = { read: () => undefined, write: () => {}, list: () => ['x.json'] }
    let argv: string[] = []
    runShell('aws UserIdGroupPairs=[{GroupId=sg-0b2723079d67de889}]', emptyShellState(), { aws: (args) => ((argv = args), 0) }, files)
    expect(argv).toEqual(['UserIdGroupPairs=[{GroupId=sg-0b2723079d67de889}]'])
  })
})
