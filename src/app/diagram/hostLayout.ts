import type { ContainerSpec, Size } from './layout.ts'
import type { DiagramKind } from './types.ts'

/**
 * Where ECS on EC2 and storage go (mappers/hosts.ts draws them). Nothing here invents data: a mapper that produces
 * these kinds puts its items in the sections named below, and the layout does the rest (test/app/diagram/hostLayout.test.ts).
 *
 * - An **Auto Scaling group** is a box in its subnet around the instances it launched (`instances`); instances it
 *   did not launch sit straight in the subnet, in the same `enis` column as Fargate tasks' network interfaces.
 * - An **EC2 instance** holds, in order: its `bridge` (docker0, when tasks use bridge mode), its `tasks` (awsvpc or
 *   host mode), then its attached `volumes`' badges are beside it, not in it (below).
 * - The **docker0 bridge** groups the bridge-mode tasks of one instance (`tasks`); their containers stay inside them.
 * - An **EBS volume** lives in an AZ, not in a subnet: it goes in its AZ's `volumes` row, under the subnets, so the
 *   volume and the instance it is attached to read in the same column. (The AZ's own spec belongs to the network
 *   mappers; until they list a `volumes` section, the layout's fallback row puts them after the subnets, which is the
 *   same place.)
 */
export const HOST_KINDS: readonly DiagramKind[] = ['EC2 instance', 'Docker bridge', 'Auto Scaling group', 'EBS volume']

/** Sections a mapper puts these kinds' items in. */
export const HOST_SECTIONS = {
  /** In a subnet: an Auto Scaling group or a stand-alone instance (beside task ENIs, in creation order). */
  inSubnet: 'enis',
  /** In an Auto Scaling group: its instances. */
  inGroup: 'instances',
  /** In an instance: its docker0 bridge. */
  bridge: 'bridge',
  /** In an instance or a bridge: tasks. */
  tasks: 'tasks',
  /** In an AZ: EBS volumes. */
  volumes: 'volumes',
} as const

/** Leaf and minimum sizes, in the same units as the mappers' SIZES. */
export const HOST_SIZES: Readonly<Record<'instance' | 'plainInstance' | 'bridge' | 'autoScalingGroup' | 'volume', Size>> = {
  instance: { width: 226, height: 120 },
  /** An instance that is no container instance has no usage bars to make room for (it holds no tasks either). */
  plainInstance: { width: 226, height: 92 },
  bridge: { width: 214, height: 72 },
  autoScalingGroup: { width: 250, height: 110 },
  volume: { width: 200, height: 48 },
}

/** How each of these containers arranges its children (layout.ts). */
export const hostContainerSpecs: Partial<Record<DiagramKind, ContainerSpec>> = {
  'Auto Scaling group': { header: 48, padding: 10, flow: 'column', sectionGap: 10, sections: [{ name: HOST_SECTIONS.inGroup, flow: 'column', gap: 10 }] },
  'EC2 instance': {
    // Title, detail line, and the container instance's two usage bars (nodes.tsx).
    header: 76,
    padding: 10,
    flow: 'column',
    sectionGap: 8,
    sections: [
      { name: HOST_SECTIONS.bridge, flow: 'column', gap: 8 },
      { name: HOST_SECTIONS.tasks, flow: 'column', gap: 8 },
    ],
  },
  'Docker bridge': { header: 48, padding: 8, flow: 'column', sectionGap: 6, sections: [{ name: HOST_SECTIONS.tasks, flow: 'column', gap: 6 }] },
}
