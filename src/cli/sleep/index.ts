import type { Program } from '../program.ts'

/** What sleep needs from the sandbox: the virtual clock. */
export interface SleepBackend {
  advance(ms: number): void
}

const UNIT_MS: Readonly<Record<string, number>> = { '': 1000, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 }

/** Longest pause one command may take: a day of virtual time (a typo such as `sleep 6000000` should not run for months). */
const MAX_MS = 86_400_000

/**
 * `sleep NUMBER[SUFFIX]...` (GNU coreutils): pauses for the sum of its arguments, each seconds, or with the suffix
 * `s`, `m`, `h` or `d`. Here the pause is on the virtual clock, as a waiter's: `sleep 90` lets an instance boot and
 * its ECS agent register. Errors in coreutils' words (`sleep: invalid time interval 'x'`, exit 1).
 */
export function createSleepProgram(backend: SleepBackend): Program {
  return (args, io) => {
    if (args.length === 0) {
      io.stderr("sleep: missing operand\nTry 'sleep --help' for more information.\n")
      return 1
    }
    let total = 0
    for (const arg of args) {
      const m = /^(\d+(?:\.\d*)?|\.\d+)([smhd]?)$/.exec(arg)
      if (!m) {
        io.stderr(`sleep: invalid time interval '${arg}'\nTry 'sleep --help' for more information.\n`)
        return 1
      }
      total += Number(m[1]) * UNIT_MS[m[2]]
    }
    backend.advance(Math.min(MAX_MS, Math.round(total)))
    return 0
  }
}
