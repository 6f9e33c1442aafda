import type { Task, TaskDefinition } from '../ecs/state.ts'
import { agentName } from './agentNames.ts'

/** libnetwork etchosts.go defaultContent. */
const HOSTS_DEFAULTS = '127.0.0.1\tlocalhost\n::1\tlocalhost ip6-localhost ip6-loopback\nfe00::0\tip6-localnet\nff00::0\tip6-mcastprefix\nff02::1\tip6-allnodes\nff02::2\tip6-allrouters\n'

/**
 * A bridge container's /etc/hosts: the defaults, one line per legacy link, its own address last. The agent passes a
 * container definition's `links` ("db" or "db:database") to Docker as links to the other container's Docker name, and
 * Docker writes each as `<ip>\t<alias> <hostname> <name>` (moby daemon/container_operations.go: the alias, the linked
 * container's hostname, and its name when the alias is not the name). A container that is not linked is not there.
 */
export function etcHostsOf(td: TaskDefinition, task: Task, name: string, ips: Record<string, string>): string {
  const def = td.containerDefinitions.find((d) => d.name === name)
  let text = HOSTS_DEFAULTS
  for (const link of def?.links ?? []) {
    const [target, alias = target] = link.split(':')
    const other = task.containers.find((c) => c.name === target)
    const ip = ips[target]
    if (!other?.runtimeId || !ip || other.lastStatus !== 'RUNNING') continue
    const dockerName = agentName(td, target, other.runtimeId)
    text += `${ip}\t${alias} ${other.runtimeId.slice(0, 12)}${alias === dockerName ? '' : ` ${dockerName}`}\n`
  }
  const own = task.containers.find((c) => c.name === name)
  if (ips[name] && own?.runtimeId) text += `${ips[name]}\t${own.runtimeId.slice(0, 12)}\n`
  return text
}
