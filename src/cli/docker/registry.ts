import { HOST_HOME, isDockerError } from '../../sim/docker/index.ts'
import type { PushResult } from '../../sim/docker/registry.ts'
import { errorText, type DockerCommand } from './backend.ts'
import { parseFlags } from './flags.ts'

/** `docker tag SOURCE_IMAGE[:TAG] TARGET_IMAGE[:TAG]`: silent on success. */
export function tag({ backend, io }: DockerCommand, args: string[]): number {
  const f = parseFlags(args, {}, true)
  if (f.positional.length !== 2) {
    io.stderr(`"docker tag" requires exactly 2 arguments.\nSee 'docker tag --help'.\n\nUsage:  docker tag SOURCE_IMAGE[:TAG] TARGET_IMAGE[:TAG]\n\nCreate a tag TARGET_IMAGE that refers to SOURCE_IMAGE\n`)
    return 1
  }
  const [source, target] = f.positional
  backend.docker('ImageTag', { source, target })
  return 0
}

// docker/cli cli/config/credentials/file_store.go: printed once when a password is saved in the config file.
const UNENCRYPTED = `\nWARNING! Your credentials are stored unencrypted in '${HOST_HOME}/.docker/config.json'.\nConfigure a credential helper to remove this warning. See\nhttps://docs.docker.com/go/credential-store/\n\n`

/**
 * `docker login [-u USER] [-p PASS | --password-stdin] [SERVER]` (docker/cli cli/command/registry/login.go): the
 * password comes from a pipe with `--password-stdin` (`aws ecr get-login-password | docker login ...`), its last line
 * ending trimmed. Without credentials it would prompt, which a console without a terminal cannot.
 */
export function login({ backend, io }: DockerCommand, args: string[]): number {
  const f = parseFlags(args, { username: { short: 'u' }, password: { short: 'p' }, 'password-stdin': { bool: true } }, true)
  const fail = (message: string) => {
    io.stderr(`${message}\n`)
    return 1
  }
  let password = f.values.password?.at(-1)
  const username = f.values.username?.at(-1)
  const fromStdin = f.bools.has('password-stdin') || password === '-'
  if (fromStdin) {
    if (password !== undefined && password !== '-') return fail('conflicting options: cannot specify both --password and --password-stdin')
    if (username === undefined) return fail('the --password-stdin option requires --username to be set')
  }
  if (username === '') return fail('username is empty')
  if (password === '') return fail('password is empty')
  if (password !== undefined && !fromStdin) io.stderr('WARNING! Using --password via the CLI is insecure. Use --password-stdin.\n')
  if (fromStdin) {
    password = (io.stdin ?? '').replace(/(\r\n|\n|\r)$/, '')
    if (password.trim() === '') return fail('password is empty')
  }
  if (username === undefined || password === undefined) return fail('error: cannot perform an interactive login from a non-TTY device')
  const server = f.positional[0] ?? 'docker.io'
  try {
    backend.docker('SystemAuth', { server, username, password })
  } catch (e) {
    if (!isDockerError(e)) throw e
    return fail(errorText(e))
  }
  io.stderr(UNENCRYPTED)
  io.stdout('Login Succeeded\n')
  return 0
}

/** `docker logout [SERVER]`. */
export function logout({ backend, io }: DockerCommand, args: string[]): number {
  const server = args.find((a) => !a.startsWith('-'))
  backend.docker('Logout', { server: server ?? 'docker.io' })
  io.stdout(`Removing login credentials for ${server ?? 'https://index.docker.io/v1/'}\n`)
  return 0
}

/** `docker push NAME[:TAG]`: progress on stdout as the daemon streams it; a registry's refusal on stderr (exit 1). */
export function push({ backend, io }: DockerCommand, args: string[]): number {
  const f = parseFlags(args, { 'all-tags': { short: 'a', bool: true }, quiet: { short: 'q', bool: true }, 'disable-content-trust': { bool: true } }, true)
  const ref = f.positional[0]
  if (!ref || f.positional.length > 1) {
    io.stderr(`"docker push" requires exactly 1 argument.\nSee 'docker push --help'.\n\nUsage:  docker push [OPTIONS] NAME[:TAG]\n\nUpload an image to a registry\n`)
    return 1
  }
  const hasTag = ref.lastIndexOf(':') > ref.lastIndexOf('/')
  if (!hasTag) io.stdout('Using default tag: latest\n')
  try {
    const r = backend.docker('ImagePush', { ref: hasTag ? ref : `${ref}:latest` }) as PushResult
    if (f.bools.has('quiet')) {
      io.stdout(`${r.repository}:${r.tag}\n`)
      return 0
    }
    let out = `The push refers to repository [${r.repository}]\n`
    out += r.layers.map((l) => `${l.id}: Preparing\n`).join('')
    out += r.layers.map((l) => `${l.id}: ${l.existed ? 'Layer already exists' : 'Pushed'}\n`).join('')
    out += `${r.tag}: digest: ${r.digest} size: ${r.size}\n`
    io.stdout(out)
    return 0
  } catch (e) {
    if (!isDockerError(e)) throw e
    io.stdout(e.progress)
    io.stderr(`${e.message}\n`)
    return 1
  }
}
