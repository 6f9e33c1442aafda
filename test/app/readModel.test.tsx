// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest'
import { cleanup, render, screen } from '@testing-library/react'
import {
  createSandbox, forwardedTargetGroups, isPublicSubnet, serviceHealth, serviceOfTask, targetGroupHealth, targetHealth, taskHealth,
  type Sandbox, type World,
} from '../../src/sandbox/index.ts'
import { toGraph, type DiagramGraph } from '../../src/app/diagram/index.ts'
import { InspectorPanel } from '../../src/app/inspector/index.ts'
import { evaluateGoal } from '../../src/course/index.ts'
import { fargateWalkthrough } from './diagram/walkthrough.ts'

// One question, one answer (DESIGN.md "One truth for every reader"): what the CLI says about a target's health is
// what the diagram, the inspector and a lesson's goals say, because all of them ask the sandbox's read model.

afterEach(cleanup)

const json = (sandbox: Sandbox, line: string) => {
  const r = sandbox.exec(`${line} --output json`)
  expect(r.stderr, line).toBe('')
  return JSON.parse(r.stdout) as unknown
}

const cliTargetHealth = (sandbox: Sandbox, tgArn: string) =>
  (json(sandbox, `aws elbv2 describe-target-health --target-group-arn ${tgArn}`) as { TargetHealthDescriptions: unknown[] }).TargetHealthDescriptions

const node = (graph: DiagramGraph, id: string) => {
  const found = graph.nodes.find((n) => n.id === id)
  if (!found) throw new Error(`no node ${id}`)
  return found
}

const noFiles = { read: () => undefined }

describe('a target group with registered targets and no listener', () => {
  const setUp = () => {
    const sandbox = createSandbox()
    const vpc = Object.keys(sandbox.world().ec2.vpcs)[0]
    const created = json(sandbox, `aws elbv2 create-target-group --name api --protocol HTTP --port 80 --vpc-id ${vpc} --target-type ip`) as {
      TargetGroups: { TargetGroupArn: string }[]
    }
    const tgArn = created.TargetGroups[0].TargetGroupArn
    expect(sandbox.exec(`aws elbv2 register-targets --target-group-arn ${tgArn} --targets Id=172.31.0.10 Id=172.31.16.10`).exitCode).toBe(0)
    sandbox.advance(60_000)
    return { sandbox, tgArn, world: structuredClone(sandbox.world()) as World }
  }

  it('is unused (Target.NotInUse) in the CLI and in the read model, target for target', () => {
    const { sandbox, tgArn, world } = setUp()
    const cli = cliTargetHealth(sandbox, tgArn)
    expect(cli).toHaveLength(2)
    for (const d of cli) expect(d).toMatchObject({ TargetHealth: { State: 'unused', Reason: 'Target.NotInUse' } })
    expect(targetHealth(world, tgArn)).toEqual(cli)
    expect(targetGroupHealth(world, tgArn)).toMatchObject({ total: 2, healthy: 0, states: { unused: 2 } })
  })

  it('is unused on the diagram, not "initial" (pending)', () => {
    const { tgArn, world } = setUp()
    const tg = node(toGraph(world), tgArn)
    expect(tg.data.status).toBe('neutral')
    expect(tg.data.ariaLabel).toBe('Target group api HTTP:80, ip, 0 of 2 targets healthy, 2 unused')
  })

  it('is unused in the inspector, with the reason the CLI gives', () => {
    const { tgArn, world } = setUp()
    render(<InspectorPanel world={world} selectedId={tgArn} />)
    expect(screen.getByRole('heading', { name: 'Target group api' })).toBeInTheDocument()
    const facts = document.querySelector('dl[aria-label="Key facts"]')
    expect(facts).toHaveTextContent('Targets172.31.0.10:80 unused (Target.NotInUse), 172.31.16.10:80 unused (Target.NotInUse)')
    expect(facts).not.toHaveTextContent('initial')
  })
})

describe('the walkthrough’s healthy targets after their listener is deleted', () => {
  const setUp = () => {
    const session = fargateWalkthrough()
    const { sandbox } = session
    const listenerArn = Object.keys(sandbox.world().elbv2.listeners)[0]
    expect(sandbox.exec(`aws elbv2 delete-listener --listener-arn ${listenerArn}`).exitCode).toBe(0)
    const world = structuredClone(sandbox.world()) as World
    return { sandbox, world, tgArn: Object.keys(world.elbv2.targetGroups)[0] }
  }

  it('are unused in the CLI at once, and a goal for two healthy targets is no longer met', () => {
    const { sandbox, world, tgArn } = setUp()
    for (const d of cliTargetHealth(sandbox, tgArn)) expect(d).toMatchObject({ TargetHealth: { State: 'unused', Reason: 'Target.NotInUse' } })
    const name = world.elbv2.targetGroups[tgArn].TargetGroupName
    const goal = evaluateGoal({ kind: 'targetGroup', name, healthyTargets: 2 }, { world, files: noFiles, commands: [] })
    expect(goal).toMatchObject({ met: false, detail: 'healthy targets is 0' })
  })

  it('shows each task as unused on the diagram, as the read model says', () => {
    const { world } = setUp()
    const graph = toGraph(world)
    const tasks = Object.values(world.ecs.tasks).filter((t) => t.lastStatus === 'RUNNING')
    expect(tasks).toHaveLength(2)
    for (const task of tasks) {
      expect(taskHealth(world, task)).toMatchObject({ state: 'unused', reason: 'Target.NotInUse' })
      expect(node(graph, task.taskArn).data.badge).toBe('unused')
    }
  })
})

describe('the walkthrough’s service, as every reader sees it', () => {
  it('is 2/2 healthy, owns both tasks, and its listener forwards to its target group; the inspector says so', () => {
    const world = structuredClone(fargateWalkthrough().sandbox.world()) as World
    const service = Object.values(world.ecs.services)[0]
    expect(serviceHealth(world, service.serviceArn)).toMatchObject({ desiredCount: 2, runningCount: 2, healthyCount: 2, rolloutFailed: false })
    for (const task of Object.values(world.ecs.tasks)) expect(serviceOfTask(world, task)).toBe(service)
    const listener = Object.values(world.elbv2.listeners)[0]
    expect(forwardedTargetGroups(listener.DefaultActions[0])).toEqual([service.loadBalancers[0].targetGroupArn])
    // The default VPC's subnets route 0.0.0.0/0 to its internet gateway, so the diagram calls them public.
    const subnet = Object.keys(world.ec2.subnets)[0]
    expect(isPublicSubnet(world, subnet)).toBe(true)
    expect(node(toGraph(world), subnet).data.variant).toBe('public')
    render(<InspectorPanel world={world} selectedId={service.serviceArn} />)
    expect(document.querySelector('dl[aria-label="Key facts"]')).toHaveTextContent('Healthy2/2 running tasks healthy')
  })
})
