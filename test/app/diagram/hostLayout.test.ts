import { describe, expect, it } from 'vitest'
import { containerSpecs, layout, rootSpec, type Box, type GraphItem } from '../../../src/app/diagram/index.ts'
import { HOST_SECTIONS, HOST_SIZES, hostContainerSpecs } from '../../../src/app/diagram/hostLayout.ts'
import type { DiagramKind, DiagramNodeType } from '../../../src/app/diagram/types.ts'

// ECS on EC2 and storage are not simulated yet; this is the story their mappers will tell, built by hand: one AZ with a
// subnet holding an Auto Scaling group of two instances (the first with a docker0 bridge and a bridge-mode task, the
// second with an awsvpc task), a stand-alone instance, and an EBS volume in the AZ.

const item = (
  id: string,
  kind: DiagramKind,
  parentId: string | undefined,
  section: string,
  order: string,
  nodeType: DiagramNodeType,
  size = { width: 180, height: 40 },
): GraphItem => ({
  id,
  parentId,
  section,
  order,
  nodeType,
  size,
  data: { kind, label: id, detail: '', status: 'neutral', ariaLabel: `${kind} ${id}` },
})

function story(instancesInGroup = 2): GraphItem[] {
  const items: GraphItem[] = [
    item('us-east-1', 'Region', undefined, 'regions', '0', 'group'),
    item('vpc-1', 'VPC', 'us-east-1', 'network', '0', 'group'),
    item('vpc-1/us-east-1a', 'Availability Zone', 'vpc-1', 'zones', 'us-east-1a', 'group'),
    item('subnet-1', 'Subnet', 'vpc-1/us-east-1a', 'subnets', '0', 'group'),
    item('asg', 'Auto Scaling group', 'subnet-1', HOST_SECTIONS.inSubnet, '0', 'group', HOST_SIZES.autoScalingGroup),
    item('i-solo', 'EC2 instance', 'subnet-1', HOST_SECTIONS.inSubnet, '1', 'group', HOST_SIZES.instance),
    item('vol-1', 'EBS volume', 'vpc-1/us-east-1a', HOST_SECTIONS.volumes, '0', 'resource', HOST_SIZES.volume),
  ]
  for (let k = 0; k < instancesInGroup; k++) items.push(item(`i-${k}`, 'EC2 instance', 'asg', HOST_SECTIONS.inGroup, String(k), 'group', HOST_SIZES.instance))
  items.push(
    item('docker0', 'Docker bridge', 'i-0', HOST_SECTIONS.bridge, '0', 'group', HOST_SIZES.bridge),
    item('task-bridge', 'Task', 'docker0', HOST_SECTIONS.tasks, '0', 'group', { width: 206, height: 66 }),
    item('c-web', 'Container', 'task-bridge', 'containers', '0', 'resource', { width: 190, height: 40 }),
    item('task-awsvpc', 'Task', 'i-1', HOST_SECTIONS.tasks, '0', 'group', { width: 206, height: 66 }),
  )
  return items.filter((i) => i.parentId === undefined || i.parentId === 'us-east-1' || items.some((p) => p.id === i.parentId))
}

const run = (items: GraphItem[]) => layout({ items, containers: { ...containerSpecs, ...hostContainerSpecs }, root: rootSpec })

/** Absolute boxes from the layout's parent-relative ones. */
function absolute(items: GraphItem[]): Map<string, Box> {
  const { boxes, ordered } = run(items)
  const out = new Map<string, Box>()
  for (const i of ordered) {
    const b = boxes.get(i.id)!
    const p = i.parentId ? out.get(i.parentId) : undefined
    out.set(i.id, { ...b, x: b.x + (p?.x ?? 0), y: b.y + (p?.y ?? 0) })
  }
  return out
}

const inside = (inner: Box, outer: Box) =>
  inner.x >= outer.x && inner.y >= outer.y && inner.x + inner.width <= outer.x + outer.width && inner.y + inner.height <= outer.y + outer.height

describe('layout of ECS on EC2 and storage (hand-built graph)', () => {
  const boxes = absolute(story())

  it('draws instances in their subnet, inside the Auto Scaling group that launched them, holding their tasks and containers', () => {
    const chain = ['c-web', 'task-bridge', 'docker0', 'i-0', 'asg', 'subnet-1', 'vpc-1/us-east-1a', 'vpc-1', 'us-east-1']
    for (let k = 0; k < chain.length - 1; k++) expect(inside(boxes.get(chain[k])!, boxes.get(chain[k + 1])!), `${chain[k]} in ${chain[k + 1]}`).toBe(true)
    expect(inside(boxes.get('task-awsvpc')!, boxes.get('i-1')!)).toBe(true)
    expect(inside(boxes.get('i-1')!, boxes.get('asg')!)).toBe(true)
    // The stand-alone instance is in the subnet, outside the group, after it.
    expect(inside(boxes.get('i-solo')!, boxes.get('subnet-1')!)).toBe(true)
    expect(inside(boxes.get('i-solo')!, boxes.get('asg')!)).toBe(false)
    expect(boxes.get('i-solo')!.y).toBeGreaterThanOrEqual(boxes.get('asg')!.y + boxes.get('asg')!.height)
  })

  it('stacks the instances of a group, each below the last', () => {
    expect(boxes.get('i-1')!.y).toBeGreaterThanOrEqual(boxes.get('i-0')!.y + boxes.get('i-0')!.height)
  })

  it('puts an EBS volume in its AZ, under the subnets, in the same column as the instances', () => {
    const vol = boxes.get('vol-1')!
    const subnet = boxes.get('subnet-1')!
    expect(inside(vol, boxes.get('vpc-1/us-east-1a')!)).toBe(true)
    expect(vol.y).toBeGreaterThanOrEqual(subnet.y + subnet.height)
    expect(vol.x).toBeLessThan(subnet.x + subnet.width)
  })

  it('moves nothing already drawn when the group launches another instance', () => {
    const grown = absolute(story(3))
    for (const id of ['i-0', 'i-1', 'docker0', 'task-bridge', 'c-web', 'task-awsvpc', 'vpc-1/us-east-1a']) {
      expect({ id, x: grown.get(id)!.x, y: grown.get(id)!.y }).toEqual({ id, x: boxes.get(id)!.x, y: boxes.get(id)!.y })
    }
    expect(inside(grown.get('i-2')!, grown.get('asg')!)).toBe(true)
  })
})
