/**
 * The command language: the shell (words, variables, `$(...)`, built-ins) and the programs it runs
 * (`aws`, generated from AWS's models; `curl` into the simulated network; `jq` over what they print). Programs talk to the simulation only through the backend they are given.
 */
import { createAwsProgram, type AwsBackend } from './aws/index.ts'
import { createCurlProgram, type CurlBackend } from './curl/index.ts'
import { jq } from './jq/index.ts'
import type { ProgramTable } from './program.ts'

export { emptyShellState, resolvePath, runShell, HOME_DIR, type ShellState } from './shell/index.ts'
export { CLEAR_SCREEN } from './builtins/index.ts'
export { completeLine } from './complete.ts'
export { diagnoseLine, type Diagnostic } from './diagnose.ts'
export type { AwsBackend } from './aws/index.ts'
export type { Program, ProgramIO, ProgramTable } from './program.ts'

export function createPrograms(backend: AwsBackend & CurlBackend): ProgramTable {
  return { aws: createAwsProgram(backend), curl: createCurlProgram(backend), jq }
}
