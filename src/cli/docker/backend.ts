import type { ProgramIO } from '../program.ts'

/** What `docker` needs from the sandbox: Engine API calls into the workstation's engine, and the clock. */
export interface DockerBackend {
  docker(operation: string, input: object): unknown
  now(): number
}

/** A command's context: the engine, the terminal, and how errors end (`docker run` exits 125 and adds its help line). */
export interface DockerCommand {
  backend: DockerBackend
  io: ProgramIO
}
