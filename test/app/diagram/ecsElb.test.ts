import { beforeAll, describe, expect, it } from 'vitest'
import {
  COLLAPSED_HEIGHT, absoluteBoxes, changedNodeIds, decorate, graphToSvg, newRequests, requestFlow, toGraph, toGraphIncremental,
  type DiagramGraph, type DiagramNode,
} from '../../../src/app/diagram/index.ts'
import type { World } from '../../../src/sim/world.ts'
import { fargateWalkthrough } from './walkthrough.ts'

type Session = ReturnType<typeof fargateWalkthrough>

const byKind = (g: DiagramGraph, kind: string) => g.nodes.filter((n) => n.data.kind === kind)
const node = (g: DiagramGraph, id: string) => g.nodes.find((n) => n.id === id)!
const run = (s: Session, line: string) => {
  const r = s.exec(line)
  expect(r.stderr, line).toBe('')
  return r.stdout.trim()
}

let session: Session
let world: World
let graph: DiagramGraph
let tasks: World['ecs']['tasks'][string][]
let tgArn: string
let lbArn: string

beforeAll(() => {
  session = fargateWalkthrough()
  world = structuredClone(session.sandbox.world())
  graph = toGraph(world)
  tasks = Object.values(world.ecs.tasks)
  tgArn = Object.keys(world.elbv2.targetGroups)[0]
  lbArn = Object.keys(world.elbv2.loadBalancers)[0]
})

describe('toGraph: the Fargate walkthrough', () => {
  it('draws the cluster and its service beside the VPC, with desired/running/pending counts', () => {
    const [cluster] = byKind(graph, 'ECS cluster')
    expect(cluster).toMatchObject({ id: 'arn:aws:ecs:us-east-1:123456789012:cluster/fargate-cluster', parentId: 'us-east-1', type: 'group' })
    expect(cluster.data.ariaLabel).toBe('ECS cluster fargate-cluster ACTIVE, 1 service, 2 running, 0 pending')
    const [service] = byKind(graph, 'ECS service')
    expect(service.parentId).toBe(cluster.id)
    expect(service.data).toMatchObject({ label: 'FargateDemoService2', badge: '2/2', status: 'ok', detail: 'desired 2 · running 2 · pending 0' })
    expect(service.data.ariaLabel).toBe('ECS service FargateDemoService2 ACTIVE, desired 2, running 2, pending 0')
    expect(service.data.accent).toMatch(/^#[0-9a-f]{6}$/)
  })

  it('draws each Fargate task as its ENI in its subnet, the task inside, its container inside the task', () => {
    expect(tasks).toHaveLength(2)
    const zones = new Set<string>()
    for (const t of tasks) {
      const eniId = t.attachments[0].details.find((d) => d.name === 'networkInterfaceId')!.value
      const eni = world.ec2.networkInterfaces[eniId]
      expect(node(graph, eniId)).toMatchObject({ parentId: eni.SubnetId, type: 'group' })
      expect(node(graph, eniId).data.securityGroups).toEqual(['web'])
      const taskNode = node(graph, t.taskArn)
      expect(taskNode.parentId).toBe(eniId)
      const id = t.taskArn.split('/').at(-1)!
      expect(taskNode.data.ariaLabel).toBe(`Task ${id} RUNNING, healthy, ${t.availabilityZone}, ${eni.PrivateIpAddress}, service FargateDemoService2, python-web-app:1`)
      expect(taskNode.data).toMatchObject({ label: `${id.slice(0, 8)}…`, state: 'RUNNING', badge: 'healthy', status: 'ok' })
      expect(taskNode.data.accent).toBe(byKind(graph, 'ECS service')[0].data.accent)
      const containers = graph.nodes.filter((n) => n.parentId === t.taskArn)
      expect(containers.map((c) => c.data.ariaLabel)).toEqual(['Container webapp RUNNING, image pythonwebapp:latest, port 8080'])
      zones.add(t.availabilityZone!)
    }
    expect(zones.size).toBe(2)
  })

  it('stretches the load balancer across the AZ columns of its subnets, with its security group badge', () => {
    const lb = node(graph, lbArn)
    const vpcId = world.elbv2.loadBalancers[lbArn].VpcId
    expect(lb).toMatchObject({ parentId: vpcId, type: 'group' })
    const boxes = absoluteBoxes(graph)
    const [a, b] = ['us-east-1a', 'us-east-1b'].map((z) => boxes.get(`${vpcId}/${z}`)!)
    const box = boxes.get(lbArn)!
    expect(box.x).toBe(a.x)
    expect(box.x + box.width).toBe(b.x + b.width)
    expect(box.y + box.height).toBeLessThan(a.y)
    expect(lb.data.securityGroups).toEqual(['web'])
    expect(lb.data.ariaLabel).toMatch(/^Load balancer FargateLoadBalancer active, application, internet-facing, FargateLoadBalancer-\d+\.us-east-1\.elb\.amazonaws\.com, in us-east-1a, us-east-1b, security group web$/)
  })

  it('puts listeners inside the load balancer, rules inside listeners, target groups in the VPC below it', () => {
    const [listener] = byKind(graph, 'Listener')
    expect(listener).toMatchObject({ parentId: lbArn, data: { label: 'HTTP:80' } })
    const [rule] = byKind(graph, 'Listener rule')
    expect(rule.parentId).toBe(listener.id)
    expect(rule.data.ariaLabel).toBe('Listener rule default on HTTP:80, forward to FargateTargetGroup')
    const tg = node(graph, tgArn)
    expect(tg.parentId).toBe(world.elbv2.loadBalancers[lbArn].VpcId)
    expect(tg.data).toMatchObject({ badge: '2/2', status: 'ok' })
    expect(tg.data.ariaLabel).toBe('Target group FargateTargetGroup HTTP:8080, ip, 2 of 2 targets healthy')
  })

  it('draws edges rule → target group (listener port → target port) and target group → each task ENI', () => {
    const [rule] = byKind(graph, 'Listener rule')
    expect(graph.edges.find((e) => e.source === rule.id)).toMatchObject({ target: tgArn, label: '80 → 8080' })
    const targets = graph.edges.filter((e) => e.source === tgArn)
    expect(targets).toHaveLength(2)
    for (const e of targets) {
      expect(e.target).toMatch(/^eni-/)
      expect(e).toMatchObject({ label: ':8080', className: 'cs-edge-ok', data: { state: 'healthy' } })
    }
  })

  it('gives every node an aria-label that begins with its kind, and unique ids', () => {
    for (const n of graph.nodes) expect(n.data.ariaLabel.startsWith(n.data.kind), n.data.ariaLabel).toBe(true)
    expect(new Set(graph.nodes.map((n) => n.id)).size).toBe(graph.nodes.length)
  })

  it('keeps every child inside its parent', () => {
    const byId = new Map(graph.nodes.map((n) => [n.id, n]))
    for (const n of graph.nodes) {
      if (!n.parentId) continue
      const p = byId.get(n.parentId)!
      expect(n.position.x + n.width!, n.id).toBeLessThanOrEqual(p.width!)
      expect(n.position.y + n.height!, n.id).toBeLessThanOrEqual(p.height!)
    }
  })
})

describe('toGraph: live state', () => {
  const withTask = (edit: (t: World['ecs']['tasks'][string], w: World) => void) => {
    const w = structuredClone(world)
    edit(Object.values(w.ecs.tasks)[0], w)
    return { w, g: toGraph(w), arn: Object.keys(w.ecs.tasks)[0] }
  }

  it.each([
    ['PROVISIONING', 'pending'],
    ['PENDING', 'pending'],
    ['ACTIVATING', 'pending'],
    ['RUNNING', 'ok'],
    ['DEACTIVATING', 'warning'],
    ['STOPPING', 'warning'],
    ['DEPROVISIONING', 'warning'],
    ['STOPPED', 'stopped'],
  ])('a task in %s is coloured %s and says so', (state, status) => {
    const { g, arn } = withTask((t) => (t.lastStatus = state))
    expect(node(g, arn).data).toMatchObject({ state, status })
    expect(node(g, arn).data.ariaLabel).toMatch(new RegExp(`^Task [0-9a-f]{32} ${state}, healthy`))
  })

  it.each([
    ['initial', 'pending', 'cs-edge-pending'],
    ['healthy', 'ok', 'cs-edge-ok'],
    ['unhealthy', 'error', 'cs-edge-error'],
    ['draining', 'warning', 'cs-edge-warning'],
  ])('a running task whose target is %s is coloured %s, and so is its edge', (health, status, edgeClass) => {
    const { g, arn, w } = withTask((t, w) => {
      const ip = t.attachments[0].details.find((d) => d.name === 'privateIPv4Address')!.value
      w.elbv2.targets[tgArn].find((x) => x.Id === ip)!.state = health as 'healthy'
    })
    expect(node(g, arn).data).toMatchObject({ badge: health, status })
    expect(node(g, arn).data.ariaLabel).toContain(`RUNNING, ${health},`)
    const eni = Object.values(w.ec2.networkInterfaces).find((e) => e.RequesterId === arn)!
    expect(g.edges.find((e) => e.target === eni.NetworkInterfaceId)!.className).toBe(edgeClass)
    expect(node(g, tgArn).data.status).toBe(health === 'healthy' ? 'ok' : status)
  })

  it.each([
    ['provisioning', 'pending'],
    ['active', 'ok'],
    ['active_impaired', 'error'],
    ['failed', 'error'],
  ])('a load balancer in state %s is coloured %s', (code, status) => {
    const w = structuredClone(world)
    w.elbv2.loadBalancers[lbArn].State = { Code: code }
    expect(node(toGraph(w), lbArn).data).toMatchObject({ state: code, status })
  })

  it('shows a service short of its desired count as pending, and a failed rollout as an error', () => {
    const w = structuredClone(world)
    const s = Object.values(w.ecs.services)[0]
    s.runningCount = 1
    s.pendingCount = 1
    expect(node(toGraph(w), s.serviceArn).data).toMatchObject({ badge: '1/2', status: 'pending' })
    s.deployments[0].rolloutState = 'FAILED'
    expect(node(toGraph(w), s.serviceArn).data.status).toBe('error')
  })

  it('shows what the tasks look like right after create-service, before the clock moves', () => {
    const early = fargateWalkthrough({ upToStep: 'create-service' })
    early.advance(2_000) // the scheduler's first pass starts the tasks
    const g = toGraph(early.sandbox.world())
    const states = byKind(g, 'Task').map((t) => t.data.state)
    expect(states).toEqual(['PROVISIONING', 'PROVISIONING'])
    expect(byKind(g, 'Task').every((t) => t.data.status === 'pending')).toBe(true)
    expect(node(g, Object.keys(early.sandbox.world().elbv2.loadBalancers)[0]).data.state).toBe('provisioning')
  })

  it('draws a path-pattern rule with its pattern, ordered by priority before the default rule', () => {
    const s = fargateWalkthrough()
    run(s, "LISTENER=$(aws elbv2 describe-listeners --load-balancer-arn $LB_ARN --query 'Listeners[0].ListenerArn' --output text)")
    run(s, "aws elbv2 create-rule --listener-arn $LISTENER --priority 10 --conditions Field=path-pattern,Values='/api/*' --actions Type=forward,TargetGroupArn=$TG_ARN")
    const g = toGraph(s.sandbox.world())
    const rules = byKind(g, 'Listener rule')
    expect(rules.map((r) => r.data.label)).toEqual(['10: path /api/*', 'default'])
    expect(rules[0].data.ariaLabel).toBe('Listener rule 10 on HTTP:80, if path /api/*, forward to FargateTargetGroup')
    expect(rules[0].position.y).toBeLessThan(rules[1].position.y)
  })

  it('does not move the tasks already drawn when the service scales out', () => {
    const s = fargateWalkthrough()
    const before = absoluteBoxes(toGraph(s.sandbox.world()))
    run(s, 'aws ecs update-service --cluster fargate-cluster --service FargateDemoService2 --desired-count 4 --query service.desiredCount')
    s.advance(10_000)
    const g = toGraph(s.sandbox.world())
    expect(byKind(g, 'Task')).toHaveLength(4)
    const after = absoluteBoxes(g)
    for (const t of tasks) {
      expect(after.get(t.taskArn)!.x).toBe(before.get(t.taskArn)!.x)
      expect(after.get(t.taskArn)!.y).toBe(before.get(t.taskArn)!.y)
    }
  })
})

describe('request flow and changes between snapshots', () => {
  it('thickens the edges a request went through, from traffic.recent', () => {
    const s = fargateWalkthrough()
    const g0 = toGraph(s.sandbox.world())
    const width = (g: DiagramGraph, id: string) => (g.edges.find((e) => e.id === id)?.style?.strokeWidth as number | undefined) ?? 0
    const ruleEdge = g0.edges.find((e) => e.source.includes(':listener-rule/'))!
    for (let i = 0; i < 4; i++) run(s, 'curl -s -o /dev/null http://$DNS/')
    const g1 = toGraph(s.sandbox.world())
    expect(width(g1, ruleEdge.id)).toBeGreaterThan(width(g0, ruleEdge.id))
    expect(g1.edges.find((e) => e.id === ruleEdge.id)).toMatchObject({ animated: true, data: { requests: 5 } })
  })

  it('lights the path of a new curl: listener → rule → target group → target → task', () => {
    const s = fargateWalkthrough()
    const prev = structuredClone(s.sandbox.world())
    run(s, 'curl -s -o /dev/null http://$DNS/')
    const next = structuredClone(s.sandbox.world())
    const requests = newRequests(prev, next)
    expect(requests).toHaveLength(1)
    const flow = requestFlow(next, requests)
    const kinds = flow.nodes.map((id) => node(toGraph(next), id).data.kind)
    expect(kinds).toEqual(['Load balancer', 'Listener', 'Listener rule', 'Target group', 'Network interface', 'Task'])
    expect(flow.edges).toHaveLength(2)
    expect(newRequests(next, next)).toEqual([])
  })

  it('marks what the last command changed from the log entries newer than the previous world', () => {
    const s = fargateWalkthrough()
    const prev = structuredClone(s.sandbox.world())
    run(s, 'aws ecs update-service --cluster fargate-cluster --service FargateDemoService2 --desired-count 3 --query service.desiredCount')
    s.advance(3_000)
    const next = structuredClone(s.sandbox.world())
    const changed = changedNodeIds(prev, next, toGraph(next))
    const newTask = Object.keys(next.ecs.tasks).find((a) => !prev.ecs.tasks[a])!
    expect(changed).toContain(newTask)
    expect(changed).toContain(Object.keys(next.ecs.services)[0])
    expect(changedNodeIds(undefined, next, toGraph(next))).toEqual([])
  })
})

describe('incremental runs and decorations', () => {
  it('gives the same graph as toGraph, reusing the node objects that did not change', () => {
    const first = toGraphIncremental(world)
    const w = structuredClone(world)
    const arn = Object.keys(w.ecs.tasks)[0]
    w.ecs.tasks[arn].lastStatus = 'STOPPED'
    const second = toGraphIncremental(w, first.memo)
    expect(second.graph).toEqual(toGraph(w))
    const changed = second.graph.nodes.filter((n, i) => n !== first.graph.nodes[i]).map((n) => n.id)
    expect(changed).toEqual([arn])
    expect(toGraphIncremental(w, second.memo).graph).toBe(second.graph)
  })

  it('collapses an AZ: its contents and their edges are hidden, the AZ shrinks to its title', () => {
    const vpcId = Object.keys(world.ec2.vpcs)[0]
    const az = `${vpcId}/us-east-1a`
    const g = decorate(graph, { changed: [], lit: { nodes: [], edges: [] }, collapsed: [az] })
    const task = tasks.find((t) => t.availabilityZone === 'us-east-1a')!
    expect(node(g, task.taskArn).hidden).toBe(true)
    expect(node(g, az)).toMatchObject({ height: COLLAPSED_HEIGHT, className: 'cs-collapsed' })
    expect(node(g, az).data.ariaLabel).toMatch(/, collapsed$/)
    expect(g.edges.filter((e) => e.hidden)).toHaveLength(1)
    const other = tasks.find((t) => t.availabilityZone === 'us-east-1b')!
    expect(node(g, other.taskArn)).toBe(node(graph, other.taskArn))
  })

  it('dims the tasks of other services when filtering by service, and leaves the rest untouched', () => {
    const g = decorate(graph, { changed: [], lit: { nodes: [], edges: [] }, collapsed: [], service: 'arn:aws:ecs:us-east-1:123456789012:service/fargate-cluster/other' })
    expect(byKind(g, 'Task').every((n: DiagramNode) => n.className === 'cs-dimmed')).toBe(true)
    expect(node(g, lbArn)).toBe(node(graph, lbArn))
  })

  it('exports the graph as a standalone SVG with every visible node and edge label', () => {
    const svg = graphToSvg(graph)
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true)
    expect(svg.match(/<g data-id=/g)).toHaveLength(graph.nodes.length)
    expect(svg).toContain('80 → 8080')
    expect(svg).toContain('FargateLoadBalancer')
    expect(svg).not.toMatch(/<(?!\/?(svg|title|rect|g|text|circle|line)[ >/])/)
  })
})
