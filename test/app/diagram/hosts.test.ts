import { describe, expect, it } from 'vitest'
import { toGraph, type DiagramNode } from '../../../src/app/diagram/index.ts'
import { createSandbox } from '../../../src/sandbox/index.ts'

const ok = (s: ReturnType<typeof createSandbox>, line: string) => {
  const r = s.exec(line)
  expect(r.stderr, line).toBe('')
  return r.stdout.trim()
}

/** Two t3.large container instances in one cluster, then two bridge tasks and one host task, and a volume. */
function ec2World() {
  const s = createSandbox()
  ok(s, 'aws ecs create-cluster --cluster-name ec2-cluster')
  ok(s, 'aws iam create-instance-profile --instance-profile-name ecsInstanceRole')
  ok(s, 'aws iam add-role-to-instance-profile --instance-profile-name ecsInstanceRole --role-name ecsInstanceRole')
  const ami = ok(s, 'aws ssm get-parameters --names /aws/service/ecs/optimized-ami/amazon-linux-2023/recommended/image_id --query Parameters[0].Value --output text')
  const subnet = ok(s, "aws ec2 describe-subnets --filters Name=availability-zone,Values=us-east-1a --query 'Subnets[0].SubnetId' --output text")
  s.files.write('join.sh', '#!/bin/bash\necho ECS_CLUSTER=ec2-cluster >> /etc/ecs/ecs.config\n')
  const instanceId = ok(s, `aws ec2 run-instances --image-id ${ami} --instance-type t3.large --subnet-id ${subnet} --iam-instance-profile Name=ecsInstanceRole --user-data file://join.sh --query 'Instances[0].InstanceId' --output text`)
  s.advance(120_000)
  s.files.write('web.json', JSON.stringify([{ name: 'web', image: 'nginx:latest', memory: 256, portMappings: [{ containerPort: 80, hostPort: 0 }] }]))
  ok(s, 'aws ecs register-task-definition --family web --network-mode bridge --requires-compatibilities EC2 --container-definitions file://web.json')
  ok(s, 'aws ecs run-task --cluster ec2-cluster --task-definition web --count 2 --launch-type EC2')
  s.advance(60_000)
  const volumeId = ok(s, "aws ec2 create-volume --availability-zone us-east-1a --size 8 --query VolumeId --output text")
  s.advance(30_000)
  ok(s, `aws ec2 attach-volume --volume-id ${volumeId} --instance-id ${instanceId} --device /dev/sdf`)
  s.advance(30_000)
  return { s, instanceId, subnet, volumeId }
}

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
