import { describe, expect, it } from 'vitest'
import { createSandbox, type Sandbox } from '../../../src/sandbox/index.ts'

function ok(s: Sandbox, line: string): string {
  const r = s.exec(line)
  expect(r.stderr, line).toBe('')
  return r.stdout.trim()
}

const ami = (s: Sandbox) => ok(s, 'aws ssm get-parameters --names /aws/service/ecs/optimized-ami/amazon-linux-2023/recommended/image_id --query Parameters[0].Value --output text')
const status = (s: Sandbox, id: string) =>
  JSON.parse(ok(s, `aws ec2 describe-instance-status --instance-ids ${id} --query 'InstanceStatuses[0].{instance: InstanceStatus, system: SystemStatus}'`)) as {
    instance: { Status: string; Details?: { Name: string; Status: string; ImpairedSince?: string }[] }
    system: { Status: string; Details?: { Name: string; Status: string; ImpairedSince?: string }[] }
  }

/**
 * Cluster `hosts` on group `asg` (3 × t3.large across the zones, the ECS-optimized AMI joining the cluster) behind
 * capacity provider `cp` (managed draining, on by default), and a service `web` of 6 bridge tasks on it.
 */
function hostsWithService(): Sandbox {
  const s = createSandbox()
  ok(s, 'aws ecs create-cluster --cluster-name hosts')
  ok(s, 'aws iam create-instance-profile --instance-profile-name ecsInstanceRole')
  ok(s, 'aws iam add-role-to-instance-profile --instance-profile-name ecsInstanceRole --role-name ecsInstanceRole')
  const userData = Buffer.from('#!/bin/bash\necho ECS_CLUSTER=hosts >> /etc/ecs/ecs.config\n').toString('base64')
  ok(s, `aws ec2 create-launch-template --launch-template-name hosts --launch-template-data '{"ImageId":"${ami(s)}","InstanceType":"t3.large","IamInstanceProfile":{"Name":"ecsInstanceRole"},"UserData":"${userData}"}'`)
  const subnets = ok(s, 'aws ec2 describe-subnets --query Subnets[].SubnetId --output text').split(/\s+/).join(',')
  ok(s, `aws autoscaling create-auto-scaling-group --auto-scaling-group-name asg --launch-template LaunchTemplateName=hosts --min-size 3 --max-size 6 --desired-capacity 3 --vpc-zone-identifier ${subnets}`)
  const groupArn = ok(s, 'aws autoscaling describe-auto-scaling-groups --query AutoScalingGroups[0].AutoScalingGroupARN --output text')
  ok(s, `aws ecs create-capacity-provider --name cp --auto-scaling-group-provider 'autoScalingGroupArn=${groupArn},managedScaling={status=DISABLED}'`)
  ok(s, 'aws ecs put-cluster-capacity-providers --cluster hosts --capacity-providers cp --default-capacity-provider-strategy capacityProvider=cp,weight=1')
  s.advance(3 * 60_000)
  ok(s, `aws ecs register-task-definition --family web --requires-compatibilities EC2 --container-definitions '[{"name":"web","image":"nginx","memory":512,"portMappings":[{"containerPort":80,"hostPort":0}]}]'`)
  ok(s, 'aws ecs create-service --cluster hosts --service-name web --task-definition web --desired-count 6')
  s.advance(2 * 60_000)
  return s
}

describe('drill impair-instance: an instance whose host fails its status checks', () => {
  it('shows impaired checks in describe-instance-status until a stop and start moves it to a healthy host', () => {
    const s = createSandbox()
    const id = ok(s, `aws ec2 run-instances --image-id ${ami(s)} --instance-type t3.micro --query Instances[0].InstanceId --output text`)
    s.advance(60_000)
    expect(status(s, id).system.Status).toBe('ok')
    expect(ok(s, `drill impair-instance ${id}`)).toContain(`${id} is impaired`)
    const impaired = status(s, id)
    expect(impaired.system).toEqual({ Status: 'impaired', Details: [{ Name: 'reachability', Status: 'failed', ImpairedSince: expect.stringMatching(/^2026-01-05T09:01:00/) }] })
    expect(impaired.instance.Status).toBe('impaired')
    expect(ok(s, 'aws ec2 describe-instance-status --filters Name=instance-status.status,Values=impaired --query InstanceStatuses[].InstanceId --output text')).toBe(id)
    // It still runs: EC2's state is not its health.
    expect(ok(s, `aws ec2 describe-instances --instance-ids ${id} --query Reservations[0].Instances[0].State.Name --output text`)).toBe('running')
    ok(s, `aws ec2 stop-instances --instance-ids ${id}`)
    s.advance(120_000)
    ok(s, `aws ec2 start-instances --instance-ids ${id}`)
    s.advance(60_000)
    expect(status(s, id).system.Status).toBe('ok')
  })

  it('in an Auto Scaling group: the EC2 health check replaces it, and managed draining keeps the service whole', () => {
    const s = hostsWithService()
    const running = () => Number(ok(s, 'aws ecs describe-services --cluster hosts --services web --query services[0].runningCount'))
    expect(running()).toBe(6)
    const busy = ok(s, "aws ecs list-container-instances --cluster hosts --query 'containerInstanceArns[0]' --output text")
    const victim = ok(s, `aws ecs describe-container-instances --cluster hosts --container-instances ${busy} --query containerInstances[0].ec2InstanceId --output text`)
    ok(s, `drill impair-instance ${victim}`)
    const seen: number[] = []
    for (let i = 0; i < 60; i++) {
      s.advance(10_000)
      seen.push(running())
    }
    expect(Math.min(...seen)).toBe(6)
    expect(ok(s, `aws ec2 describe-instances --instance-ids ${victim} --query Reservations[0].Instances[0].State.Name --output text`)).toBe('terminated')
    const members = JSON.parse(ok(s, 'aws autoscaling describe-auto-scaling-groups --query AutoScalingGroups[0].Instances[].[InstanceId,LifecycleState,HealthStatus]')) as string[][]
    expect(members).toHaveLength(3)
    expect(members.every(([id, state, health]) => id !== victim && state === 'InService' && health === 'Healthy')).toBe(true)
    const causes = ok(s, "aws autoscaling describe-scaling-activities --auto-scaling-group-name asg --query 'Activities[].Cause'")
    expect(causes).toContain('an instance was taken out of service in response to an EC2 instance status checks failure.')
    expect(causes).toContain(`instance ${victim} was selected for termination.`)
    expect(causes).toContain('an instance was launched in response to an unhealthy instance needing to be replaced.')
  })

  it('says why when it cannot, and changes nothing', () => {
    const s = createSandbox()
    const before = JSON.stringify(s.snapshot().world)
    expect(s.exec('drill impair-instance i-0123456789abcdef0').stderr).toBe('drill: no instance i-0123456789abcdef0\n')
    expect(s.exec('drill impair-instance').stderr).toBe('drill: usage: drill impair-instance <instance-id>\n')
    expect(JSON.stringify(s.snapshot().world)).toBe(before)
    const id = ok(s, `aws ec2 run-instances --image-id ${ami(s)} --instance-type t3.micro --query Instances[0].InstanceId --output text`)
    expect(s.exec(`drill impair-instance ${id}`).stderr).toBe(`drill: instance ${id} is pending: only a running instance can be impaired\n`)
    s.advance(60_000)
    ok(s, `drill impair-instance ${id}`)
    expect(s.exec(`drill impair-instance ${id}`).stderr).toBe(`drill: instance ${id} is already impaired\n`)
  })
})
