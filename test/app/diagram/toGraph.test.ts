import { describe, expect, it } from 'vitest'
import { statusOf, toGraph, type DiagramNode } from '../../../src/app/diagram/index.ts'
import { startingWorld, withSubnet } from './world.ts'

const byKind = (nodes: DiagramNode[], kind: string) => nodes.filter((n) => n.data.kind === kind)

function absolute(nodes: DiagramNode[]): Map<string, { x: number; y: number }> {
  const out = new Map<string, { x: number; y: number }>()
  for (const n of nodes) {
    const p = n.parentId ? out.get(n.parentId) : undefined
    out.set(n.id, { x: (p?.x ?? 0) + n.position.x, y: (p?.y ?? 0) + n.position.y })
  }
  return out
}

describe('toGraph over the starting world', () => {
  const world = startingWorld()
  const { nodes, edges } = toGraph(world)
  const vpc = Object.values(world.ec2.vpcs)[0]

  it('nests Region → VPC → three Availability Zones, each holding one subnet', () => {
    const [region] = byKind(nodes, 'Region')
    expect(region.id).toBe('us-east-1')
    const [vpcNode] = byKind(nodes, 'VPC')
    expect(vpcNode).toMatchObject({ id: vpc.VpcId, parentId: 'us-east-1', extent: 'parent', type: 'group' })
    const zones = byKind(nodes, 'Availability Zone')
    expect(zones.map((z) => z.data.label)).toEqual(['us-east-1a', 'us-east-1b', 'us-east-1c'])
    for (const zone of zones) {
      expect(zone.parentId).toBe(vpc.VpcId)
      const subnets = nodes.filter((n) => n.parentId === zone.id)
      expect(subnets).toHaveLength(1)
      expect(subnets[0].data.kind).toBe('Subnet')
      expect(world.ec2.subnets[subnets[0].id].AvailabilityZone).toBe(zone.data.label)
    }
  })

  it('uses the resources’ own IDs as node IDs', () => {
    const ids = new Set(nodes.map((n) => n.id))
    for (const id of [
      vpc.VpcId,
      ...Object.keys(world.ec2.subnets),
      ...Object.keys(world.ec2.securityGroups),
      ...Object.keys(world.ec2.internetGateways),
      ...Object.values(world.iam.roles).map((r) => r.Arn),
      world.ecr.repositories.pythonwebapp.repositoryArn,
    ]) {
      expect(ids).toContain(id)
    }
    expect(ids).toContain(`${vpc.VpcId}/us-east-1a`)
    expect(ids.size).toBe(nodes.length)
  })

  it('puts AZ columns side by side in name order and subnets inside them', () => {
    const zones = byKind(nodes, 'Availability Zone')
    expect(zones[0].position.x).toBeLessThan(zones[1].position.x)
    expect(zones[1].position.x).toBeLessThan(zones[2].position.x)
    expect(new Set(zones.map((z) => z.position.y)).size).toBe(1)
  })

  it('keeps every child inside its parent and lists parents before children', () => {
    const seen = new Set<string>()
    const byId = new Map(nodes.map((n) => [n.id, n]))
    for (const n of nodes) {
      if (n.parentId) {
        expect(seen).toContain(n.parentId)
        expect(n.extent).toBe('parent')
        const parent = byId.get(n.parentId)!
        expect(n.position.x).toBeGreaterThanOrEqual(0)
        expect(n.position.y).toBeGreaterThanOrEqual(0)
        expect(n.position.x + n.width!).toBeLessThanOrEqual(parent.width!)
        expect(n.position.y + n.height!).toBeLessThanOrEqual(parent.height!)
      }
      seen.add(n.id)
    }
  })

  it('draws security groups as badges inside the VPC, and IAM roles and ECR outside it', () => {
    for (const sg of byKind(nodes, 'Security group')) expect(sg).toMatchObject({ parentId: vpc.VpcId, type: 'badge' })
    expect(byKind(nodes, 'Security group').map((n) => n.data.label)).toEqual(['default', 'web'])
    const [repo] = byKind(nodes, 'ECR repository')
    expect(repo.parentId).toBe('us-east-1')
    for (const role of byKind(nodes, 'IAM role')) expect(role.parentId).toBeUndefined()
    expect(byKind(nodes, 'IAM role').map((n) => n.data.label)).toEqual(['ecsTaskExecutionRole', 'PythonECSTask', 'ecsInstanceRole'])
  })

  it('places the internet gateway above its VPC with an "attached" edge', () => {
    const [igw] = byKind(nodes, 'Internet gateway')
    const vpcNode = nodes.find((n) => n.id === vpc.VpcId)!
    expect(igw.parentId).toBe(vpcNode.parentId)
    expect(igw.position.y + igw.height!).toBeLessThan(vpcNode.position.y)
    expect(edges).toEqual([expect.objectContaining({ source: igw.id, target: vpc.VpcId, label: 'attached' })])
    expect(igw.data).toMatchObject({ state: 'available', status: 'ok' })
  })

  it('gives every node an aria-label that begins with its kind and names the resource', () => {
    for (const n of nodes) {
      expect(n.ariaLabel).toBe(n.data.ariaLabel)
      expect(n.data.ariaLabel.startsWith(n.data.kind)).toBe(true)
    }
    const subnet = Object.values(world.ec2.subnets).find((s) => s.AvailabilityZone === 'us-east-1a')!
    const node = nodes.find((n) => n.id === subnet.SubnetId)!
    expect(node.data.ariaLabel).toBe(`Subnet ${subnet.SubnetId} us-east-1a 172.31.0.0/20, public, 4091 free IPs, available`)
    expect(node.data).toMatchObject({ variant: 'public', status: 'ok', detail: '172.31.0.0/20 · public · 4091 IPs free' })
    expect(nodes.find((n) => n.id === vpc.VpcId)!.data.ariaLabel).toBe(`VPC ${vpc.VpcId} 172.31.0.0/16 default, available`)
  })

  it('gives the same output for the same world, every time', () => {
    expect(toGraph(world)).toEqual({ nodes, edges })
    expect(JSON.stringify(toGraph(startingWorld()))).toBe(JSON.stringify({ nodes, edges }))
    expect(toGraph(JSON.parse(JSON.stringify(world)))).toEqual({ nodes, edges })
  })
})

describe('toGraph as the world changes', () => {
  it('does not move existing nodes when a subnet is added to an AZ', () => {
    const before = startingWorld()
    const after = withSubnet(before, 'subnet-0123456789abcdef0', 'us-east-1a', '172.31.48.0/20')
    const a = absolute(toGraph(before).nodes)
    const graph = toGraph(after)
    const b = absolute(graph.nodes)
    for (const [id, pos] of a) expect(b.get(id), id).toEqual(pos)
    const added = graph.nodes.find((n) => n.id === 'subnet-0123456789abcdef0')!
    const vpcId = Object.keys(before.ec2.vpcs)[0]
    expect(added.parentId).toBe(`${vpcId}/us-east-1a`)
    const sibling = graph.nodes.find((n) => n.parentId === added.parentId && n.id !== added.id)!
    expect(added.position.y).toBeGreaterThan(sibling.position.y)
  })

  it('adds a column for a new AZ to the right, without moving the subnets already drawn', () => {
    const before = startingWorld()
    const after = withSubnet(before, 'subnet-0fedcba9876543210', 'us-east-1d', '172.31.64.0/20')
    const a = absolute(toGraph(before).nodes)
    const graph = toGraph(after)
    const b = absolute(graph.nodes)
    for (const id of Object.keys(before.ec2.subnets)) expect(b.get(id)).toEqual(a.get(id))
    expect(byKind(graph.nodes, 'Availability Zone').map((z) => z.data.label)).toEqual(['us-east-1a', 'us-east-1b', 'us-east-1c', 'us-east-1d'])
  })

  it('shows a subnet as private when its route table has no route to an internet gateway', () => {
    const world = startingWorld()
    for (const t of Object.values(world.ec2.routeTables)) t.Routes = t.Routes.filter((r) => !r.GatewayId.startsWith('igw-'))
    const subnets = byKind(toGraph(world).nodes, 'Subnet')
    expect(subnets.every((s) => s.data.variant === 'private' && s.data.ariaLabel.includes(', private,'))).toBe(true)
  })

  it('colours a resource by its state', () => {
    const world = startingWorld()
    const subnet = Object.values(world.ec2.subnets)[0]
    subnet.State = 'pending'
    const node = toGraph(world).nodes.find((n) => n.id === subnet.SubnetId)!
    expect(node.data).toMatchObject({ state: 'pending', status: 'pending' })
    expect(node.data.ariaLabel.endsWith(', pending')).toBe(true)
  })

  it('shows a detached internet gateway without an edge', () => {
    const world = startingWorld()
    const igw = Object.values(world.ec2.internetGateways)[0]
    igw.Attachments = []
    const graph = toGraph(world)
    expect(graph.edges).toEqual([])
    expect(graph.nodes.find((n) => n.id === igw.InternetGatewayId)!.data).toMatchObject({ state: 'detached', status: 'stopped' })
  })
})

describe('statusOf', () => {
  it.each([
    ['available', 'ok'],
    ['RUNNING', 'ok'],
    ['healthy', 'ok'],
    ['PROVISIONING', 'pending'],
    ['draining', 'warning'],
    ['unhealthy', 'error'],
    ['STOPPED', 'stopped'],
    ['something-new', 'neutral'],
    [undefined, 'neutral'],
  ] as const)('%s → %s', (state, status) => {
    expect(statusOf(state)).toBe(status)
  })
})
