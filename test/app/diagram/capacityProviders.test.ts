import { describe, expect, it } from 'vitest'
import { toGraph } from '../../../src/app/diagram/index.ts'
import { withSummaries } from '../../../src/app/diagram/semantic.ts'
import { findResource } from '../../../src/app/inspector/findResource.ts'
import { historyOf } from '../../../src/app/inspector/index.ts'
import { createSandbox } from '../../../src/sandbox/index.ts'

type Sandbox = ReturnType<typeof createSandbox>

const ok = (s: Sandbox, line: string) => {
  const r = s.exec(line)
  expect(r.stderr, line).toBe('')
  return r.stdout.trim()
}

/**
 * Cluster `hosts` with an empty Auto Scaling group `asg` in two subnets behind capacity provider `cp` (managed scaling,
 * target 100 %, managed termination protection), cp and FARGATE associated, cp the default strategy; then a service
 * of three tasks of 3,000 MiB (two fit on a t3.large), which wait for the group to scale out.
 */
function managedCluster(): { s: Sandbox; subnets: string[] } {
  const s = createSandbox()
  ok(s, 'aws ecs create-cluster --cluster-name hosts')
  ok(s, 'aws iam create-instance-profile --instance-profile-name ecsInstanceRole')
  ok(s, 'aws iam add-role-to-instance-profile --instance-profile-name ecsInstanceRole --role-name ecsInstanceRole')
  const ami = ok(s, 'aws ssm get-parameters --names /aws/service/ecs/optimized-ami/amazon-linux-2023/recommended/image_id --query Parameters[0].Value --output text')
  const userData = Buffer.from('#!/bin/bash\necho ECS_CLUSTER=hosts >> /etc/ecs/ecs.config\n').toString('base64')
  ok(s, `aws ec2 create-launch-template --launch-template-name ecs-hosts --launch-template-data '{"ImageId":"${ami}","InstanceType":"t3.large","IamInstanceProfile":{"Name":"ecsInstanceRole"},"UserData":"${userData}"}'`)
  const subnets = ok(s, "aws ec2 describe-subnets --query 'Subnets[0:2].SubnetId' --output text").split('\t')
  ok(s, `aws autoscaling create-auto-scaling-group --auto-scaling-group-name asg --launch-template LaunchTemplateName=ecs-hosts --min-size 0 --max-size 4 --desired-capacity 0 --vpc-zone-identifier ${subnets.join(',')} --new-instances-protected-from-scale-in`)
  const groupArn = ok(s, 'aws autoscaling describe-auto-scaling-groups --query AutoScalingGroups[0].AutoScalingGroupARN --output text')
  ok(s, `aws ecs create-capacity-provider --name cp --auto-scaling-group-provider 'autoScalingGroupArn=${groupArn},managedScaling={status=ENABLED,targetCapacity=100},managedTerminationProtection=ENABLED'`)
  ok(s, 'aws ecs put-cluster-capacity-providers --cluster hosts --capacity-providers cp FARGATE --default-capacity-provider-strategy capacityProvider=cp,weight=1')
  s.files.write('web.json', JSON.stringify([{ name: 'web', image: 'nginx:latest', memory: 3000, portMappings: [{ containerPort: 80, hostPort: 0 }] }]))
  ok(s, 'aws ecs register-task-definition --family web --container-definitions file://web.json --requires-compatibilities EC2')
  ok(s, 'aws ecs create-service --cluster hosts --service-name web --task-definition web --desired-count 3')
  return { s, subnets }
}

const providerNode = (s: Sandbox, name: string) => toGraph(s.world()).nodes.find((n) => n.data.kind === 'Capacity provider' && n.data.label === name)

describe('a capacity provider on the diagram', () => {
  it('sits in its cluster, with an edge to its Auto Scaling group in each subnet labelled with managed scaling’s target', () => {
    const { s, subnets } = managedCluster()
    const { nodes, edges } = toGraph(s.world())
    const cp = providerNode(s, 'cp')
    expect(cp?.parentId).toBe(nodes.find((n) => n.data.kind === 'ECS cluster')?.id)
    const groupBoxes = nodes.filter((n) => n.data.kind === 'Auto Scaling group')
    expect(groupBoxes.map((g) => g.parentId).sort()).toEqual([...subnets].sort())
    const links = edges.filter((e) => e.source === cp?.id)
    expect(links.map((e) => e.target).sort()).toEqual(groupBoxes.map((g) => g.id).sort())
    expect(links.map((e) => e.label)).toEqual(['target 100 %', 'target 100 %'])
    expect(links[0].data?.relation).toMatch(/^Capacity provider cp launches instances into Auto Scaling group asg in subnet-\w+, managed scaling to target 100 %$/)
  })

  it('shows tasks waiting in PROVISIONING and the reservation above the target while the group scales out, then 100 % once they run', () => {
    const { s } = managedCluster()
    s.advance(20_000)
    expect(providerNode(s, 'cp')?.data).toMatchObject({ status: 'pending', detail: 'asg · target 100 % · weight 1 · 3 PROVISIONING' })
    // Managed scaling publishes CapacityProviderReservation each minute: no instances and tasks waiting is 200 %.
    s.advance(60_000)
    expect(providerNode(s, 'cp')?.data.badge).toBe('200 %')
    // Zoomed out, the reservation is what the provider says of itself.
    expect(withSummaries(toGraph(s.world())).nodes.find((n) => n.data.label === 'cp')?.data.summary).toBe('reservation 200 %')
    expect(providerNode(s, 'cp')?.data.ariaLabel).toBe(
      'Capacity provider cp, Auto Scaling group asg, managed scaling target 100 %, CapacityProviderReservation 200 %, managed termination protection, default strategy weight 1, 3 tasks waiting in PROVISIONING',
    )
    s.advance(15 * 60_000)
    const tasks = JSON.parse(ok(s, 'aws ecs list-tasks --cluster hosts --desired-status RUNNING')).taskArns
    expect(tasks).toHaveLength(3)
    expect(providerNode(s, 'cp')?.data).toMatchObject({ status: 'ok', badge: '100 %', detail: 'asg · target 100 % · weight 1' })
  })

  it('draws FARGATE as a provider of the cluster too, with no group to link to', () => {
    const { s } = managedCluster()
    const fargate = providerNode(s, 'FARGATE')
    expect(fargate?.data).toMatchObject({ detail: 'Fargate', ariaLabel: 'Capacity provider FARGATE, Fargate capacity, managed by AWS', status: 'ok' })
    expect(toGraph(s.world()).edges.filter((e) => e.source === fargate?.id)).toEqual([])
  })
})

describe('the inspector on Auto Scaling', () => {
  it('shows a group’s capacity, its capacity provider and its latest scaling activity', () => {
    const { s } = managedCluster()
    s.advance(3 * 60_000)
    const box = toGraph(s.world()).nodes.find((n) => n.data.kind === 'Auto Scaling group')
    const found = findResource(s.world(), box?.id ?? '')
    expect(found?.kind).toBe('Auto Scaling group')
    expect(found?.describeCommand).toBe('aws autoscaling describe-auto-scaling-groups --auto-scaling-group-names asg')
    const facts = Object.fromEntries(found?.facts ?? [])
    expect(facts.Capacity).toMatch(/^desired [1-4], min 0, max 4$/)
    expect(facts['Capacity provider']).toBe('cp')
    expect(historyOf(s.world(), found!).map((e) => e.kind)).toContain('resource.modified')
    expect(facts['Latest activity']).toMatch(/^Successful at \d{4}-\d\d-\d\dT[\d:]+\+00:00: Launching a new EC2 instance: i-\w+$/)
  })

  it('shows a capacity provider’s settings and the reservation managed scaling acts on', () => {
    const { s } = managedCluster()
    s.advance(80_000)
    const node = providerNode(s, 'cp')
    const found = findResource(s.world(), node?.id ?? '')
    expect(found?.describeCommand).toBe('aws ecs describe-capacity-providers --capacity-providers cp')
    expect(Object.fromEntries(found?.facts ?? [])).toEqual({
      Cluster: 'hosts',
      Capacity: 'Auto Scaling group asg',
      'Managed scaling': 'ENABLED, target 100 %',
      CapacityProviderReservation: '200 %',
      'Managed termination protection': 'ENABLED',
      'Default strategy': 'weight 1, base 0',
      'Tasks waiting (PROVISIONING)': '3',
    })
    expect((found?.data as { name: string }).name).toBe('cp')
    // Its state history is the provider's own, though the diagram draws it under the cluster.
    expect(historyOf(s.world(), found!).map((e) => e.kind)).toEqual(['resource.created'])
  })
})
