import type { World } from '../../sandbox/index.ts'
import { dockerContainers } from '../../sandbox/views.ts'

export interface ContainerListProps {
  world: Readonly<World>
  onSelect(id: string): void
}

/**
 * The workstation's Docker containers (they are not AWS resources, so the diagram does not draw them): each a button
 * that opens its layer stack in the inspector. Nothing is shown while there are none.
 */
export function ContainerList({ world, onSelect }: ContainerListProps) {
  const containers = dockerContainers(world)
  if (containers.length === 0) return null
  return (
    <section className="cs-container-list" aria-labelledby="cs-container-list-title">
      <h4 id="cs-container-list-title">Docker containers on your workstation</h4>
      <ul>
        {containers.map((c) => (
          <li key={c.id}>
            <button type="button" onClick={() => onSelect(c.id)}>
              {c.name}
            </button>{' '}
            <span className="cs-container-meta">
              {c.image}, {c.status === 'exited' ? `exited (${c.exitCode})` : c.status}
              {c.ports.length ? `, ${c.ports.join(', ')}` : ''}
            </span>
          </li>
        ))}
      </ul>
    </section>
  )
}
