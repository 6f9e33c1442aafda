/**
 * The command language: the shell (words, variables, `$(...)`, built-ins) and the programs it runs
 * (`aws`, generated from AWS's models; `curl` into the simulated network; `jq` over what they print). Programs talk to the simulation only through the backend they are given.
 */
import { createAwsProgram, type AwsBackend } from './aws/index.ts'
import { createCurlProgram, type CurlBackend } from './curl/index.ts'
import { jq } from './jq/index.ts'
import { createHeyProgram } from './hey/index.ts'
import { createSleepProgram } from './sleep/index.ts'
import { createDockerProgram, type DockerBackend } from './docker/index.ts'
import { createDrillProgram, type DrillBackend } from './drill/index.ts'
import { LOOPBACK } from '../sim/docker/index.ts'
import type { HttpResult } from '../sim/network/types.ts'
import type { ProgramTable } from './program.ts'

export { emptyShellState, resolvePath, runShell, HOME_DIR, type ShellState } from './shell/index.ts'
export { CLEAR_SCREEN } from './builtins/index.ts'
export { completeLine } from './complete.ts'
export { diagnoseLine, type Diagnostic } from './diagnose.ts'
export type { AwsBackend } from './aws/index.ts'
export type { Program, ProgramIO, ProgramTable } from './program.ts'

export function createPrograms(backend: AwsBackend & CurlBackend & DockerBackend & Partial<DrillBackend>): ProgramTable {
  // curl to localhost reaches the workstation's own Docker engine (published ports); anything else the network.
  const http: CurlBackend['http'] = (request) => (LOOPBACK.test(/^\w+:\/\/([^/:]+|\[[^\]]+\])/.exec(request.url)?.[1] ?? '') ? (backend.docker('Http', request) as HttpResult) : backend.http(request))
  const programs: Record<string, ProgramTable[string]> = { aws: createAwsProgram(backend), curl: createCurlProgram({ http }), docker: createDockerProgram(backend), hey: createHeyProgram({ http, advance: (ms) => backend.advance(ms), now: () => backend.now() }), jq, sleep: createSleepProgram({ advance: (ms) => backend.advance(ms) }) }
  // Live drills (src/sim/drills), when the backend offers them.
  if (backend.drill && backend.drills) programs.drill = createDrillProgram({ drill: backend.drill, drills: backend.drills })
  return programs
}
