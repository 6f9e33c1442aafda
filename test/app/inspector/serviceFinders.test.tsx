// @vitest-environment jsdom
import { afterEach, beforeAll, describe, expect, it } from 'vitest'
import { cleanup, render, screen, within } from '@testing-library/react'
import { findResource, historyOf, InspectorPanel } from '../../../src/app/inspector/index.ts'
import type { World } from '../../../src/sim/world.ts'
import { fargateWalkthrough } from '../diagram/walkthrough.ts'

afterEach(cleanup)

let world: World
beforeAll(() => {
  world = structuredClone(fargateWalkthrough().sandbox.world())
})

describe('the inspector for ECS and load balancing resources', () => {
  it('finds every new kind the diagram draws, with the command that describes it', () => {
    const task = Object.values(world.ecs.tasks)[0]
    const taskId = task.taskArn.split('/').at(-1)
    const lb = Object.values(world.elbv2.loadBalancers)[0]
    const tg = Object.values(world.elbv2.targetGroups)[0]
    const listener = Object.values(world.elbv2.listeners)[0]
    const rule = Object.values(world.elbv2.rules)[0]
    const service = Object.values(world.ecs.services)[0]
    const cluster = Object.values(world.ecs.clusters)[0]
    const cases: [string, string, string][] = [
      [cluster.clusterArn, 'ECS cluster', 'aws ecs describe-clusters --clusters fargate-cluster'],
      [service.serviceArn, 'ECS service', 'aws ecs describe-services --cluster fargate-cluster --services FargateDemoService2'],
      [task.taskArn, 'Task', `aws ecs describe-tasks --cluster fargate-cluster --tasks ${taskId}`],
      [task.containers[0].containerArn, 'Container', `aws ecs describe-tasks --cluster fargate-cluster --tasks ${taskId} --query 'tasks[0].containers[?name==\`webapp\`]'`],
      [lb.LoadBalancerArn, 'Load balancer', `aws elbv2 describe-load-balancers --load-balancer-arns ${lb.LoadBalancerArn}`],
      [listener.ListenerArn, 'Listener', `aws elbv2 describe-listeners --listener-arns ${listener.ListenerArn}`],
      [rule.RuleArn, 'Listener rule', `aws elbv2 describe-rules --rule-arns ${rule.RuleArn}`],
      [tg.TargetGroupArn, 'Target group', `aws elbv2 describe-target-health --target-group-arn ${tg.TargetGroupArn}`],
    ]
    for (const [id, kind, command] of cases) expect(findResource(world, id), id).toMatchObject({ kind, id, describeCommand: command })
    expect(findResource(world, rule.RuleArn)!.data).not.toHaveProperty('ListenerArn')
    expect(findResource(world, task.taskArn)!.data).toMatchObject({ createdAt: expect.stringMatching(/^2026-01-05T09:00:02\+00:00$/) })
  })

  it('shows a task’s IDs, IPs and ports, and its state history with virtual timestamps', () => {
    const task = Object.values(world.ecs.tasks)[0]
    render(<InspectorPanel world={world} selectedId={task.taskArn} />)
    const facts = document.querySelector('dl[aria-label="Key facts"]')!
    expect(facts).toHaveTextContent(`Task ARN${task.taskArn}`)
    expect(facts).toHaveTextContent(/Private IP172\.31\.\d+\.\d+/)
    expect(facts).toHaveTextContent('Portswebapp:8080/tcp')
    const history = screen.getByRole('region', { name: 'State history' })
    const items = within(history).getAllByRole('listitem').map((li) => li.textContent)
    expect(items).toEqual(historyOf(world, { id: task.taskArn }).map((e) => expect.stringContaining(e.change)))
    expect(items[0]).toMatch(/^2026-01-05T09:00:02Z created, lastStatus PROVISIONING — placed in us-east-1[ab] to spread across AZs Why\?$/)
    expect(items.some((t) => /^2026-01-05T09:00:\d\dZ lastStatus ACTIVATING → RUNNING Why\?$/.test(t ?? ''))).toBe(true)
    expect(within(history).getAllByRole('listitem')[0].querySelector('time')).toHaveAttribute('dateTime', '2026-01-05T09:00:02.000Z')
  })

  it('shows the load balancer’s DNS name and a target group’s target health history', () => {
    const lb = Object.values(world.elbv2.loadBalancers)[0]
    const { unmount } = render(<InspectorPanel world={world} selectedId={lb.LoadBalancerArn} />)
    expect(screen.getByRole('heading', { name: 'Load balancer FargateLoadBalancer' })).toBeInTheDocument()
    expect(screen.getByText(lb.DNSName, { selector: 'code' })).toBeInTheDocument()
    expect(screen.getByRole('region', { name: 'State history' })).toHaveTextContent('State provisioning → active')
    unmount()
    const tg = Object.values(world.elbv2.targetGroups)[0]
    render(<InspectorPanel world={world} selectedId={tg.TargetGroupArn} />)
    expect(screen.getByRole('region', { name: 'State history' })).toHaveTextContent(/initial → healthy/)
  })
})
