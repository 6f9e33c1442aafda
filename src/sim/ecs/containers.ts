import type { ImageSpec } from '../runtime/index.ts'
import type { ContainerDefinition, Task } from './state.ts'
import { TIMINGS } from './timings.ts'

/**
 * How a container's main process behaves once started — whether it exits by itself, and how it answers SIGTERM.
 * This is what makes "Essential container in task exited" happen: busybox with no command runs `sh`, which exits at
 * once without a terminal (Docker Hub's busybox image: CMD ["sh"]).
 */
export interface ProcessPlan {
  /** Undefined: runs until stopped. */
  exitsAfterMs?: number
  exitCode: number
}

/** The command the container runs: run-task's override, else the definition's entryPoint + command. */
export function effectiveCommand(task: Task, def: ContainerDefinition): string[] {
  const override = task.overrides.containerOverrides.find((o) => o.name === def.name)?.command
  return [...(def.entryPoint ?? []), ...(override ?? def.command ?? [])]
}

const FOREVER = /\b(sleep\s+infinity|tail\s+-f|while\s+(true|:)|httpd\s+-f|nc\s+-l|top)\b/

/**
 * Grammar read from the command words (a small, honest approximation of a shell): `exit N` → exits N at once;
 * `sleep N` (seconds) → exits 0 after N s; a loop/daemon (`while true`, `tail -f`, `sleep infinity`, `httpd -f`)
 * → runs; an empty command on busybox → `sh` exits 0 at once; anything else on busybox → runs and exits 0.
 * Server images (nginx, httpd, the python web app) run until stopped.
 */
export function processPlan(image: ImageSpec, command: string[]): ProcessPlan {
  const script = command.join(' ')
  const exit = /\bexit\s+(\d+)/.exec(script)
  if (exit) return { exitsAfterMs: 0, exitCode: Number(exit[1]) }
  if (FOREVER.test(script)) return { exitCode: 0 }
  const sleep = /\bsleep\s+(\d+)/.exec(script)
  if (sleep) return { exitsAfterMs: Number(sleep[1]) * 1000, exitCode: 0 }
  if (image.app === 'busybox') return { exitsAfterMs: 0, exitCode: 0 }
  return { exitCode: 0 }
}

/**
 * How the process answers `docker stop` (SIGTERM, then SIGKILL after stopTimeout, default 30 s): nginx and httpd
 * shut down cleanly (0); python's default SIGTERM handler ends the process by the signal (128 + 15 = 143); a shell
 * as PID 1 ignores SIGTERM and is killed (128 + 9 = 137) when stopTimeout runs out.
 */
export function stopPlan(image: ImageSpec | undefined, def: ContainerDefinition): { afterMs: number; exitCode: number } {
  if (image?.app === 'busybox') return { afterMs: (def.stopTimeout ?? 30) * 1000, exitCode: 137 }
  if (image?.app === 'python-webapp') return { afterMs: TIMINGS.stoppingMs, exitCode: 143 }
  return { afterMs: TIMINGS.stoppingMs, exitCode: 0 }
}
