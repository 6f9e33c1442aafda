import type { ProgramTable } from '../../../src/cli/program.ts'
import { emptyShellState, runShell, type ShellState } from '../../../src/cli/shell/index.ts'

/**
 * A shell over fake programs: `args` prints the JSON of the argv it received, `envof NAME` prints one
 * variable of the env it received, `fail N` writes to stderr and exits N, and `aws` answers
 * `create-target-group` with an ARN (and `--output text` lists with tabs).
 */
export function createShell(initialFiles: Record<string, string> = {}, initialEnv: Record<string, string> = {}) {
  const store: Record<string, string> = { ...initialFiles }
  const files = {
    read: (path: string) => store[path],
    write: (path: string, text: string) => {
      store[path] = text
    },
    list: () => Object.keys(store).sort(),
  }
  const programs: ProgramTable = {
    args: (argv, io) => {
      io.stdout(`${JSON.stringify(argv)}\n`)
      return 0
    },
    envof: (argv, io) => {
      io.stdout(`${io.env[argv[0] ?? ''] ?? '<unset>'}\n`)
      return 0
    },
    fail: (argv, io) => {
      io.stderr('it failed\n')
      return Number(argv[0] ?? 1)
    },
    aws: (argv, io) => {
      if (argv.includes('create-target-group')) io.stdout('arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/web/0123456789abcdef\n')
      else if (argv.includes('describe-subnets')) io.stdout('subnet-aaa\tsubnet-bbb\n')
      else {
        io.stderr('aws: error: the following arguments are required: command\n')
        return 252
      }
      return 0
    },
  }
  const state: ShellState = emptyShellState(initialEnv)
  return {
    state,
    store,
    programs,
    run: (line: string) => runShell(line, state, programs, files),
  }
}
