import { isDockerError } from '../../sim/docker/index.ts'
import { errorText, type DockerCommand } from './backend.ts'

/** `docker volume rm NAME...`: each removed name is echoed; refusals are the daemon's words. */
export function eachVolume({ backend, io }: DockerCommand, args: string[]): number {
  const force = args.includes('-f') || args.includes('--force')
  let code = 0
  for (const name of args.filter((a) => !a.startsWith('-'))) {
    try {
      backend.docker('VolumeDelete', { name, force })
      io.stdout(`${name}\n`)
    } catch (e) {
      if (!isDockerError(e)) throw e
      io.stderr(`${errorText(e)}\n`)
      code = 1
    }
  }
  return code
}
