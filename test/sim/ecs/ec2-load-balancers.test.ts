import { describe, expect, it } from 'vitest'
import { fails, messages, ok, type Sandbox } from './helpers.ts'
import { containerInstances, ec2Cluster, registerEc2TaskDefinition, WEB } from './ec2Helpers.ts'

function albWithTargetGroup(s: Sandbox, targetType: string): string {
  const world = s.world()
  const subnets = Object.values(world.ec2.subnets).sort((a, b) => a.AvailabilityZone.localeCompare(b.AvailabilityZone)).slice(0, 2).map((x) => x.SubnetId)
  const web = Object.values(world.ec2.securityGroups).find((g) => g.GroupName === 'web')!.GroupId
  const vpc = Object.keys(world.ec2.vpcs)[0]
  const lb = ok(s, `aws elbv2 create-load-balancer --name ec2lb --subnets ${subnets.join(' ')} --security-groups ${web}`).LoadBalancers[0]
  const tg = ok(s, `aws elbv2 create-target-group --name ec2tg --protocol HTTP --port 80 --vpc-id ${vpc} --target-type ${targetType}`).TargetGroups[0]
  ok(s, `aws elbv2 create-listener --load-balancer-arn ${lb.LoadBalancerArn} --protocol HTTP --port 80 --default-actions Type=forward,TargetGroupArn=${tg.TargetGroupArn}`)
  return tg.TargetGroupArn
}

describe('a bridge service behind an Application Load Balancer', () => {
  it('a target group of type ip is refused for bridge tasks, in ECS words', () => {
    const { s, cluster } = ec2Cluster()
    registerEc2TaskDefinition(s, 'web', [WEB(256)])
    const tg = albWithTargetGroup(s, 'ip')
    expect(fails(s, `aws ecs create-service --cluster ${cluster} --service-name web --task-definition web --desired-count 1 --launch-type EC2 --load-balancers targetGroupArn=${tg},containerName=web,containerPort=80`)).toContain(
      `The provided target group ${tg} has target type ip, which is incompatible with the bridge network mode specified in the task definition.`,
    )
  })

  it('registers (instance ID, dynamic host port) per task: two tasks share one instance', () => {
    const { s, cluster, instanceIds } = ec2Cluster()
    registerEc2TaskDefinition(s, 'web', [WEB(256)])
    const tg = albWithTargetGroup(s, 'instance')
    ok(s, `aws ecs create-service --cluster ${cluster} --service-name web --task-definition web --desired-count 2 --launch-type EC2 --load-balancers targetGroupArn=${tg},containerName=web,containerPort=80`)
    s.advance(60_000)
    const targets = ok(s, `aws elbv2 describe-target-health --target-group-arn ${tg}`).TargetHealthDescriptions.map((d: { Target: { Id: string; Port: number } }) => d.Target)
    expect(targets.sort((a: { Port: number }, b: { Port: number }) => a.Port - b.Port)).toEqual([
      { Id: instanceIds[0], Port: 32768 },
      { Id: instanceIds[0], Port: 32769 },
    ])
    const svc = ok(s, `aws ecs describe-services --cluster ${cluster} --services web`).services[0]
    expect(messages(svc)).toContain(`(service web) registered 2 targets in (target-group ${tg})`)
    expect(containerInstances(s, cluster)[0].runningTasksCount).toBe(2)
  })
})
