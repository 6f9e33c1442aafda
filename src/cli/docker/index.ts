import { isDockerError } from '../../sim/docker/index.ts'
import type { Program } from '../program.ts'
import { errorText, type DockerBackend, type DockerCommand } from './backend.ts'
import { build } from './build.ts'
import { context } from './context.ts'
import { globalOptions, HostError, LOCAL_HOST, resolveEndpoint } from './host.ts'
import { commit, diff, eachContainer, exec, inspect, logs, ps } from './containers.ts'
import { network, system, volume } from './engine.ts'
import { FlagError } from './flags.ts'
import { history, images, pull } from './images.ts'
import { login, logout, push, tag } from './registry.ts'
import { run } from './run.ts'
import { unknown } from './unknown.ts'

export type { DockerBackend } from './backend.ts'

type Handler = (cmd: DockerCommand, args: string[]) => number

const COMMANDS: Record<string, Handler> = {
  run,
  pull,
  build,
  tag,
  push,
  login,
  logout,
  images,
  history,
  ps,
  exec,
  logs,
  diff,
  commit,
  inspect: (cmd, args) => inspect(cmd, args),
  start: (cmd, args) => eachContainer(cmd, 'ContainerStart', args),
  stop: (cmd, args) => eachContainer(cmd, 'ContainerStop', args),
  restart: (cmd, args) => eachContainer(cmd, 'ContainerRestart', args),
  rm: (cmd, args) => eachContainer(cmd, 'ContainerDelete', args, { force: args.some((a) => /^-\w*f/.test(a) || a === '--force'), volumes: args.some((a) => /^-\w*v/.test(a) || a === '--volumes') }),
  image: (cmd, [sub, ...rest]) => {
    const handler = { inspect: (c: DockerCommand, a: string[]) => inspect(c, a, 'image'), ls: images, history, pull, build, tag, push }[sub ?? '']
    return handler ? handler(cmd, rest) : unknown(cmd, `image ${sub ?? ''}`)
  },
  container: (cmd, [sub, ...rest]) => (sub && sub !== 'container' && COMMANDS[sub === 'ls' ? 'ps' : sub] ? COMMANDS[sub === 'ls' ? 'ps' : sub](cmd, rest) : unknown(cmd, `container ${sub ?? ''}`)),
  volume,
  network,
  system,
  context,
}

const USAGE = `
Usage:  docker [OPTIONS] COMMAND

A self-sufficient runtime for containers

Common Commands:
  run         Create and run a new container from an image
  exec        Execute a command in a running container
  ps          List containers
  images      List images
  pull        Download an image from a registry
  push        Upload an image to a registry
  build       Build an image from a Dockerfile
  login       Authenticate to a registry
  logout      Log out from a registry

Management Commands:
  container   Manage containers
  context     Manage contexts
  image       Manage images
  network     Manage networks
  system      Manage Docker
  volume      Manage volumes

Commands:
  commit      Create a new image from a container's changes
  diff        Inspect changes to files or directories on a container's filesystem
  history     Show the history of an image
  inspect     Return low-level information on Docker objects
  logs        Fetch the logs of a container
  restart     Restart one or more containers
  rm          Remove one or more containers
  start       Start one or more stopped containers
  stop        Stop one or more running containers
  tag         Create a tag TARGET_IMAGE that refers to SOURCE_IMAGE

Global Options:
  -c, --context string     Name of the context to use to connect to the daemon (overrides DOCKER_HOST env var and default context set with "docker context use")
  -H, --host string        Daemon socket to connect to
`

/**
 * `docker`: the CLI of the Docker engine on the learner's workstation. Daemon errors print as
 * `Error response from daemon: …` and exit 1 (`docker run`: 125, or the container's 126/127); see aws-fidelity.md §7.
 */
export function createDockerProgram(backend: DockerBackend): Program {
  return (args, io) => {
    const parsed = globalOptions(args)
    if ('error' in parsed) {
      io.stderr(`${parsed.error}\nSee 'docker --help'.\n`)
      return 125
    }
    const [name, ...rest] = parsed.rest
    if (!name || name === '--help' || name === 'help') {
      io.stdout(USAGE)
      return 0
    }
    const handler = Object.hasOwn(COMMANDS, name) ? COMMANDS[name] : undefined
    if (!handler) return unknown({ backend, io }, name)
    try {
      // Contexts are the client's own business; every other command talks to the endpoint -H, DOCKER_HOST or the
      // current context names (the workstation's socket unless one of them says otherwise).
      const endpoint = name === 'context' ? LOCAL_HOST : resolveEndpoint(backend, parsed.options, io.env)
      const engine: DockerBackend = endpoint === LOCAL_HOST ? backend : { ...backend, docker: (operation, input) => backend.docker(operation, { ...input, endpoint }) }
      return handler({ backend: engine, io }, rest)
    } catch (e) {
      if (e instanceof HostError) {
        io.stderr(`${e.message}\n`)
        return 1
      }
      if (isDockerError(e)) {
        io.stderr(`${errorText(e)}\n`)
        return 1
      }
      if (e instanceof FlagError) {
        io.stderr(`${e.message}\nSee 'docker ${name} --help'.\n`)
        return 125
      }
      throw e
    }
  }
}
