import { describe, expect, it } from 'vitest'
import { SERVICES } from '../../../src/sim/index.ts'
import { createWebService, describeService, messages, ok, fails, tasksOf, walkthrough, type Sandbox } from './helpers.ts'

/** These paths need the elbv2 simulation (built in parallel); they run as soon as it answers these operations. */
const elbv2Simulated = ['CreateLoadBalancer', 'CreateTargetGroup', 'CreateListener', 'RegisterTargets', 'DeregisterTargets', 'DescribeTargetHealth', 'DescribeTargetGroupAttributes'].every(
  (op) => SERVICES.elbv2?.operations[op] !== undefined,
)

/** The course notes' load balancer part, with this world's subnets and `web` group. */
function withLoadBalancer(sandbox: Sandbox, targetType = 'ip', healthCheck = '--health-check-path /') {
  const subnets = Object.values(sandbox.world().ec2.subnets).sort((a, b) => a.AvailabilityZone.localeCompare(b.AvailabilityZone)).slice(0, 2).map((s) => s.SubnetId)
  const web = Object.values(sandbox.world().ec2.securityGroups).find((g) => g.GroupName === 'web')!.GroupId
  const vpc = Object.keys(sandbox.world().ec2.vpcs)[0]
  const lb = ok(sandbox, `aws elbv2 create-load-balancer --name FargateLoadBalancer --subnets ${subnets.join(' ')} --security-groups ${web} --scheme internet-facing --type application --ip-address-type ipv4`).LoadBalancers[0]
  const tg = ok(sandbox, `aws elbv2 create-target-group --name FargateTargetGroup --protocol HTTP --port 8080 --vpc-id ${vpc} --target-type ${targetType} ${healthCheck}`).TargetGroups[0]
  ok(sandbox, `aws elbv2 create-listener --load-balancer-arn ${lb.LoadBalancerArn} --protocol HTTP --port 80 --default-actions Type=forward,TargetGroupArn=${tg.TargetGroupArn}`)
  sandbox.files.write('load-balancer.json', sandbox.files.read('load-balancer.json')!.replace('<target-group-arn>', tg.TargetGroupArn))
  return tg.TargetGroupArn as string
}

describe.skipIf(!elbv2Simulated)('a service behind an Application Load Balancer', () => {
  it('registers both tasks in the target group and becomes steady once they are healthy', () => {
    const sandbox = walkthrough()
    const tg = withLoadBalancer(sandbox)
    createWebService(sandbox, '--load-balancers file://load-balancer.json')
    sandbox.exec('aws ecs wait services-stable --cluster fargate-cluster --services FargateDemoService2')
    const service = describeService(sandbox)
    expect(service.loadBalancers).toEqual([{ targetGroupArn: tg, containerName: 'webapp', containerPort: 8080 }])
    expect(messages(service)).toContain(`(service FargateDemoService2) registered 2 targets in (target-group ${tg})`)
    const ips = tasksOf(sandbox).map((t: { attachments: { details: { value: string }[] }[] }) => t.attachments[0].details[4].value).sort()
    const health = ok(sandbox, `aws elbv2 describe-target-health --target-group-arn ${tg}`).TargetHealthDescriptions
    expect(health.map((h: { Target: { Id: string } }) => h.Target.Id).sort()).toEqual(ips)
    expect(health.every((h: { Target: { Port: number } }) => h.Target.Port === 8080)).toBe(true)
  })

  it('a stopped task is deregistered and drains for the deregistration delay in DEACTIVATING', () => {
    const sandbox = walkthrough()
    const tg = withLoadBalancer(sandbox)
    createWebService(sandbox, '--load-balancers file://load-balancer.json')
    sandbox.exec('aws ecs wait services-stable --cluster fargate-cluster --services FargateDemoService2')
    const [task] = tasksOf(sandbox)
    ok(sandbox, `aws ecs stop-task --cluster fargate-cluster --task ${task.taskArn}`)
    sandbox.advance(1_000)
    expect(messages(describeService(sandbox))).toContain(`(service FargateDemoService2) deregistered 1 targets in (target-group ${tg})`)
    const status = () => ok(sandbox, `aws ecs describe-tasks --cluster fargate-cluster --tasks ${task.taskArn}`).tasks[0].lastStatus
    sandbox.advance(290_000)
    expect(status()).toBe('DEACTIVATING')
    sandbox.advance(30_000)
    expect(status()).toBe('STOPPED')
  })

  it('a target group of type instance is refused for awsvpc tasks', () => {
    const sandbox = walkthrough()
    const tg = withLoadBalancer(sandbox, 'instance')
    expect(fails(sandbox, 'aws ecs create-service --cluster fargate-cluster --service-name s --task-definition python-web-app --desired-count 1 --launch-type FARGATE --network-configuration file://task-networking.json --load-balancers file://load-balancer.json')).toBe(
      `\naws: [ERROR]: An error occurred (InvalidParameterException) when calling the CreateService operation: The provided target group ${tg} has target type instance, which is incompatible with the awsvpc network mode specified in the task definition.\n`,
    )
  })

  it('a target group that does not exist gets ECS’s role-validation message', () => {
    const sandbox = walkthrough()
    withLoadBalancer(sandbox)
    sandbox.files.write('load-balancer.json', JSON.stringify([{ targetGroupArn: 'arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/nope/0123456789abcdef', containerName: 'webapp', containerPort: 8080 }]))
    expect(fails(sandbox, 'aws ecs create-service --cluster fargate-cluster --service-name s --task-definition python-web-app --desired-count 1 --launch-type FARGATE --network-configuration file://task-networking.json --load-balancers file://load-balancer.json')).toContain(
      'Unable to assume role and validate the specified targetGroupArn. Please verify that the ECS service role being passed has the proper permissions.',
    )
  })

  it('tasks failing their health checks (nothing listens on the health-check port) are stopped with "Task failed ELB health checks" and replaced', () => {
    const sandbox = walkthrough()
    const tg = withLoadBalancer(sandbox, 'ip', '--health-check-port 9999')
    createWebService(sandbox, '--load-balancers file://load-balancer.json')
    sandbox.advance(600_000)
    const stopped = ok(sandbox, 'aws ecs list-tasks --cluster fargate-cluster --desired-status STOPPED').taskArns
    expect(stopped.length).toBeGreaterThan(0)
    const task = ok(sandbox, `aws ecs describe-tasks --cluster fargate-cluster --tasks ${stopped[0]}`).tasks[0]
    expect(task).toMatchObject({ stopCode: 'ServiceSchedulerInitiated', stoppedReason: `Task failed ELB health checks in (target-group ${tg})` })
    expect(messages(describeService(sandbox)).some((m) => /^\(service FargateDemoService2\) \(task [0-9a-f]{32}\) \(port 8080\) is unhealthy in \(target-group .*\) due to \(reason Health checks failed.*\)\.$/.test(m))).toBe(true)
  })
})

it('elbv2 availability is reported (so a skipped block above is visible)', () => {
  expect(typeof elbv2Simulated).toBe('boolean')
})
