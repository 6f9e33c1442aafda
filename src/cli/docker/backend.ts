import type { DockerError } from '../../sim/docker/index.ts'
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

/**
 * How a DockerError prints: the daemon's answers as `Error response from daemon: …`; the client's own (status 0: it
 * could not connect, a context is missing) as they are (docker/cli prints the error it got).
 */
export const errorText = (e: DockerError): string => (e.status === 0 ? e.message : `Error response from daemon: ${e.message}`)
