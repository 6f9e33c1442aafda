import { describe, expect, it } from 'vitest'
import { toGraph, type DiagramNode } from '../../../src/app/diagram/index.ts'
import { createSandbox } from '../../../src/sandbox/index.ts'
import { ec2World, ok } from './ec2World.ts'

const parentChain = (nodes: DiagramNode[], id: string): string[] => {
  const byId = new Map(nodes.map((n) => [n.id, n]))
  const chain: string[] = []
  for (let n = byId.get(id); n?.parentId; n = byId.get(n.parentId)) chain.push(byId.get(n.parentId)?.data.kind ?? '?')
  return chain
}

describe('ECS on EC2 on the diagram', () => {
  const { s, instanceId, subnet, volumeId } = ec2World()
  const { nodes, edges } = toGraph(s.world())

  it('draws the instance in its subnet as a container instance with what is left of its CPU and memory', () => {
    const instance = nodes.find((n) => n.id === instanceId)
    expect(instance?.data.kind).toBe('EC2 instance')
    expect(instance?.parentId).toBe(subnet)
    expect(instance?.data.ariaLabel).toMatch(/^EC2 instance i-\w+ running, t3\.large, 172\.31\.\d+\.\d+, container instance, CPU 2048\/2048, memory \d+\/\d+ MiB free$/)
    expect(instance?.data.badge).toBe('2 tasks')
  })

  it('gives the instance its CPU and memory in use against what it registered, as describe-container-instances has them', () => {
    const ci = JSON.parse(ok(s, 'aws ecs describe-container-instances --cluster ec2-cluster --container-instances $(aws ecs list-container-instances --cluster ec2-cluster --query containerInstanceArns --output text)')).containerInstances[0]
    const value = (list: { name: string; integerValue: number }[], name: string) => list.find((r) => r.name === name)!.integerValue
    const registered = { cpu: value(ci.registeredResources, 'CPU'), memory: value(ci.registeredResources, 'MEMORY') }
    const instance = nodes.find((n) => n.id === instanceId)
    expect(instance?.data.usage).toEqual({
      cpu: { used: registered.cpu - value(ci.remainingResources, 'CPU'), registered: registered.cpu },
      memory: { used: 512, registered: registered.memory },
    })
    // A plain ACTIVE, connected container instance adds nothing to the detail line.
    expect(instance?.data.detail).toMatch(/^t3\.large · 172\.31\.\d+\.\d+$/)
  })

  it('puts bridge-mode tasks on the instance’s docker0 bridge, inside the instance', () => {
    const tasks = nodes.filter((n) => n.data.kind === 'Task')
    expect(tasks).toHaveLength(2)
    for (const t of tasks) expect(parentChain(nodes, t.id).slice(0, 3)).toEqual(['Docker bridge', 'EC2 instance', 'Subnet'])
    expect(nodes.find((n) => n.data.kind === 'Docker bridge')?.data.detail).toBe('172.17.0.1/16')
  })

  it('draws an EBS volume in its Availability Zone with an edge to the instance it is attached to', () => {
    const volume = nodes.find((n) => n.id === volumeId)
    expect(parentChain(nodes, volumeId)[0]).toBe('Availability Zone')
    expect(volume?.data.ariaLabel).toMatch(/^EBS volume vol-\w+ in-use, 8 GiB gp\d in us-east-1a, attached to i-\w+ as \/dev\/sdf$/)
    expect(edges.find((e) => e.source === volumeId)?.target).toBe(instanceId)
  })

  it('an instance that terminates leaves the diagram, and its tasks with it', () => {
    ok(s, `aws ec2 terminate-instances --instance-ids ${instanceId}`)
    s.advance(120_000)
    const after = toGraph(s.world()).nodes
    expect(after.filter((n) => n.data.kind === 'EC2 instance' || n.data.kind === 'Task')).toEqual([])
  })
})

describe('an Auto Scaling group on the diagram', () => {
  it('is a box in each of its subnets around the instances it launched there, with desired, min and max', () => {
    const s = createSandbox()
    const ami = ok(s, 'aws ssm get-parameters --names /aws/service/ecs/optimized-ami/amazon-linux-2023/recommended/image_id --query Parameters[0].Value --output text')
    ok(s, `aws ec2 create-launch-template --launch-template-name web --launch-template-data '{"ImageId":"${ami}","InstanceType":"t3.micro"}'`)
    const subnets = ok(s, "aws ec2 describe-subnets --query 'Subnets[0:2].SubnetId' --output text").split('\t')
    ok(s, `aws autoscaling create-auto-scaling-group --auto-scaling-group-name asg --launch-template LaunchTemplateName=web --min-size 1 --max-size 4 --desired-capacity 2 --vpc-zone-identifier ${subnets.join(',')}`)
    s.advance(60_000)
    const { nodes } = toGraph(s.world())
    const boxes = nodes.filter((n) => n.data.kind === 'Auto Scaling group')
    expect(boxes.map((b) => b.parentId)).toEqual(subnets)
    expect(boxes[0].data.detail).toBe('desired 2 · min 1 · max 4')
    const instances = nodes.filter((n) => n.data.kind === 'EC2 instance')
    expect(instances).toHaveLength(2)
    expect(new Set(instances.map((i) => i.parentId))).toEqual(new Set(boxes.map((b) => b.id)))
    expect(instances[0].data.ariaLabel).toContain('Auto Scaling group asg, not an ECS container instance')
  })
})

describe('a container instance that is not simply ACTIVE and connected', () => {
  // The live world is one object that changes in place: the read model's indexes follow its version.
  const instanceNode = (s: ReturnType<typeof createSandbox>, id: string) => toGraph(s.world()).nodes.find((n) => n.id === id)!

  it('says DRAINING on the node’s detail line, beside EC2’s running', () => {
    const { s, instanceId } = ec2World()
    const arn = ok(s, 'aws ecs list-container-instances --cluster ec2-cluster --query containerInstanceArns[0] --output text')
    ok(s, `aws ecs update-container-instances-state --cluster ec2-cluster --container-instances ${arn} --status DRAINING`)
    const node = instanceNode(s, instanceId)
    expect(node.data.state).toBe('running')
    expect(node.data.detail).toMatch(/ · DRAINING$/)
  })

  it('says the agent is disconnected while the instance reboots, and no longer once it is back', () => {
    const { s, instanceId } = ec2World()
    ok(s, `aws ec2 reboot-instances --instance-ids ${instanceId}`)
    s.advance(5_000)
    const during = instanceNode(s, instanceId)
    expect(during.data.detail).toMatch(/ · agent disconnected$/)
    expect(during.data.status).toBe('warning')
    expect(during.data.usage?.memory.used).toBe(0)
    s.advance(120_000)
    expect(instanceNode(s, instanceId).data.detail).not.toContain('agent disconnected')
  })
})
