import type { Program } from '../program.ts'

/**
 * `drill <name> <args>`: the live drills of the simulation (src/sim/drills) as a shell command, so a lesson, the
 * instructor's buttons and the learner's console use one door and the input log replays them. It is the sandbox's
 * own tool, not an AWS one: its messages say `drill:`.
 */
export interface DrillBackend {
  /** Runs a drill; returns what happened, or throws an Error whose message says why nothing changed. */
  drill(name: string, args: readonly string[]): string
  /** The drills, by name: usage and one line each (for `drill help`). */
  drills: Readonly<Record<string, { usage: string; summary: string }>>
}

export function createDrillProgram(backend: DrillBackend): Program {
  return (args, io) => {
    const [name, ...rest] = args
    if (!name || name === 'help' || name === '--help' || name === '-h') {
      const lines = Object.values(backend.drills).map((d) => `  drill ${d.usage}\n      ${d.summary}`)
      ;(name ? io.stdout : io.stderr)(`usage: drill <name> [arguments]\n\nLive drills: break the simulated account on purpose and watch it respond.\n\n${lines.join('\n')}\n`)
      return name ? 0 : 2
    }
    try {
      io.stdout(`${backend.drill(name, rest)}\n`)
      return 0
    } catch (e) {
      io.stderr(`drill: ${e instanceof Error ? e.message : String(e)}\n`)
      return 1
    }
  }
}
