/**
 * An error the Docker daemon answers with; the CLI prints it as `Error response from daemon: <message>`
 * (docker/cli, `cli/command/...`; moby `daemon/errors.go`). `status` is the Engine API's HTTP status, which decides
 * nothing here but names the kind (404 not found, 409 conflict, 400 invalid parameter, 500 system).
 */
export class DockerError extends Error {
  readonly status: number
  /** What the command printed before it failed (a build's or a push's progress), shown before the error. */
  readonly progress: string
  constructor(status: number, message: string, progress = '') {
    super(message)
    this.status = status
    this.progress = progress
  }
}

export const isDockerError = (e: unknown): e is DockerError => e instanceof DockerError

// moby daemon/errors.go: `"No such " + object + ": " + id`
export const noSuchContainer = (ref: string) => new DockerError(404, `No such container: ${ref}`)
export const noSuchImage = (ref: string) => new DockerError(404, `No such image: ${ref}`)
/** moby volume/service: `get <name>: no such volume` (aws-fidelity.md §7). */
export const noSuchVolume = (name: string) => new DockerError(404, `get ${name}: no such volume`)
