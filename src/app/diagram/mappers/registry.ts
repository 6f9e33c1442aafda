import type { World } from '../../../sandbox/index.ts'
import type { GraphItem } from '../layout.ts'
import type { DiagramEdge } from '../types.ts'

/** What a mapper writes into: nodes (before layout) and edges. */
export interface GraphSink {
  addNode(item: GraphItem): void
  addEdge(edge: DiagramEdge): void
}

/**
 * One resource kind's contribution to the diagram. A later issue adds ECS tasks or load balancers by
 * writing one of these and listing it in `resourceMappers` (plus a ContainerSpec if it contains others).
 */
export interface ResourceMapper {
  kind: string
  map(world: Readonly<World>, out: GraphSink): void
}

/** Sort key that keeps creation (insertion) order: a new resource goes after the ones already drawn. */
export const creationOrder = (index: number): string => String(index).padStart(6, '0')

/** The `Name` tag, which the console shows in place of the ID when present. */
export function nameTag(tags: readonly { Key: string; Value: string }[] | undefined): string | undefined {
  return tags?.find((t) => t.Key === 'Name')?.Value
}

/** "web-a (subnet-0abc…)" when named, else just the ID. */
export function labelOf(id: string, tags?: readonly { Key: string; Value: string }[]): string {
  const name = nameTag(tags)
  return name ? `${name} (${id})` : id
}
