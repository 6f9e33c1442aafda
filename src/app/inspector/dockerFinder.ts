import type { World } from '../../sandbox/index.ts'
import { dockerContainer } from '../../sandbox/views.ts'
import type { ResourceFinder } from './findResource.ts'

/** The kind the inspector names a workstation container by; the layer microscope shows under it. */
export const DOCKER_CONTAINER = 'Docker container'

/** A container of the workstation's engine, by ID or name (selected from the inspector's container list). */
export const dockerContainerFinder: ResourceFinder = {
  kind: DOCKER_CONTAINER,
  find(world: Readonly<World>, id: string) {
    // Only full IDs: a short name could shadow an AWS resource's id.
    if (!/^[0-9a-f]{64}$/.test(id)) return undefined
    const c = dockerContainer(world, id)
    if (!c) return undefined
    return {
      kind: DOCKER_CONTAINER,
      id: c.id,
      title: c.name,
      data: c,
      describeCommand: `docker inspect ${c.name}`,
      facts: [
        ['Image', c.image],
        ['Status', c.status === 'exited' ? `exited (${c.exitCode})` : c.status],
        ...(c.ports.length ? ([['Ports', c.ports.join(', ')]] as [string, string][]) : []),
      ],
    }
  },
}
