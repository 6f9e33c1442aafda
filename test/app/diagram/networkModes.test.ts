import { describe, expect, it } from 'vitest'
import { requestsByEdge, toGraph, type DiagramNode } from '../../../src/app/diagram/index.ts'
import { pathNodes } from '../../../src/app/diagram/mappers/index.ts'
import { LessonSession } from '../../../src/course/session.ts'
import { lesson, stepIndex } from '../../course/support.ts'

/** A lesson's solutions played up to and including `lastStep`. */
function playedTo(id: string, lastStep: string): LessonSession {
  const l = lesson(id)
  const session = new LessonSession(l)
  for (const step of l.steps.slice(0, stepIndex(l, lastStep) + 1)) session.runSolution(step)
  return session
}

const kindOf = (nodes: DiagramNode[], id: string | undefined) => nodes.find((n) => n.id === id)?.data.kind

describe('the four network modes on one instance (lesson 08)', () => {
  const session = playedTo('network-modes', 'awsvpc')
  const { nodes } = toGraph(session.sandbox.world())
  const tasks = nodes.filter((n) => n.data.kind === 'Task')
  const ofFamily = (family: string) => tasks.filter((t) => t.data.detail.startsWith(`${family}:`))
  const instance = nodes.find((n) => n.data.kind === 'EC2 instance')!

  it('bridge tasks sit on docker0, each showing its docker0 address and host port → container port', () => {
    const bridge = ofFamily('web-bridge')
    expect(bridge).toHaveLength(2)
    for (const t of bridge) expect(kindOf(nodes, t.parentId)).toBe('Docker bridge')
    expect(bridge.map((t) => t.data.detail).sort()).toEqual([
      expect.stringMatching(/^web-bridge:1 · 172\.17\.0\.\d+ · :32768 → 80$/),
      expect.stringMatching(/^web-bridge:1 · 172\.17\.0\.\d+ · :32769 → 80$/),
    ])
    expect(bridge[0].data.ariaLabel).toMatch(/network mode bridge, 172\.17\.0\.\d+ on docker0, host port 3276\d to container port 80$/)
  })

  it('the host-mode task is bound on the instance’s own address, straight on the instance', () => {
    const [host] = ofFamily('web-host')
    expect(host.parentId).toBe(instance.id)
    const ip = instance.data.detail.split(' · ')[1]
    expect(host.data.detail).toBe(`web-host:1 · host · ${ip}:80`)
    expect(host.data.ariaLabel).toContain(`network mode host: bound on the instance's ${ip} port 80`)
  })

  it('the none-mode task is on the instance, isolated, with no address', () => {
    const [none] = ofFamily('web-none')
    expect(none.parentId).toBe(instance.id)
    expect(none.data.badge).toBe('isolated')
    expect(none.data.detail).toBe('web-none:1 · none · loopback only')
  })

  it('each awsvpc task is inside its own ENI, attached to the instance', () => {
    const awsvpc = ofFamily('web-awsvpc')
    expect(awsvpc).toHaveLength(2)
    const enis = awsvpc.map((t) => nodes.find((n) => n.id === t.parentId)!)
    expect(enis.map((e) => e.data.kind)).toEqual(['Network interface', 'Network interface'])
    expect(new Set(enis.map((e) => e.id)).size).toBe(2)
    for (const eni of enis) expect(eni.parentId).toBe(instance.id)
  })
})

describe('dynamic host ports behind the load balancer (lesson 09)', () => {
  const session = playedTo('dynamic-host-ports', 'open-the-range')
  const world = () => session.sandbox.world()

  it('the target group has an edge to each task on the one instance, labelled instance :host port → container port', () => {
    const { nodes, edges } = toGraph(world())
    const tg = nodes.find((n) => n.data.kind === 'Target group')!
    const fromTg = edges.filter((e) => e.source === tg.id)
    expect(fromTg).toHaveLength(2)
    for (const e of fromTg) {
      expect(kindOf(nodes, e.target)).toBe('Task')
      expect(e.label).toMatch(/^i-[0-9a-f]{8}… :\d{5} → 80$/)
    }
    expect(new Set(fromTg.map((e) => e.target)).size).toBe(2)
    expect(new Set(fromTg.map((e) => e.label)).size).toBe(2)
  })

  it('a request through the load balancer lights the edge and the task that answered it', () => {
    const dns = session.exec("aws elbv2 describe-load-balancers --names ports-alb --query 'LoadBalancers[0].DNSName' --output text").stdout.trim()
    const answer = session.exec(`curl -v http://${dns}/`)
    const task = /task ([0-9a-f]{32}) container web:80 \(host port (\d+)\)/.exec(answer.stderr)!
    const last = world().elbv2.traffic.recent.at(-1)!
    const lit = pathNodes(world(), last.hops.map((h) => h.resource))
    const taskArn = lit.find((id) => id.endsWith(`/${task[1]}`))
    expect(taskArn).toBeDefined()
    const { edges } = toGraph(world())
    const edge = edges.find((e) => e.target === taskArn && e.label?.toString().includes(`:${task[2]} → 80`))!
    expect(requestsByEdge(world()).get(edge.id)).toBe(1)
  })
})
