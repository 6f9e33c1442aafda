import type { DockerCommand } from './backend.ts'

/** docker/cli cmd/docker/docker.go (top level) and cli/required.go (a management command's unknown subcommand). */
export function unknown({ io }: DockerCommand, name: string): number {
  const [group, sub] = name.trim().split(' ')
  if (sub === undefined) io.stderr(`docker: unknown command: docker ${group}\n\nRun 'docker --help' for more information\n`)
  else if (sub === '') io.stderr(`Usage:  docker ${group} COMMAND\n\nRun 'docker ${group} --help' for more information\n`)
  else io.stderr(`docker ${group}: unknown command: docker ${group} ${sub}\n\nUsage:  docker ${group} COMMAND\n\nRun 'docker ${group} --help' for more information\n`)
  return 1
}
