import { describe, expect, it } from 'vitest'
import { createSandbox } from '../../../src/sandbox/index.ts'
import { curl, dnsName } from '../elbv2/harness.ts'
import { createWebService, ECR_IMAGE, fails, messages, ok, tasksOf, describeService, type Sandbox } from './helpers.ts'

/**
 * How traffic finds a task: by the task's ENI attachment (looked up by its type, wherever it sits among the
 * attachments) and by the (address, port) it listens on, whichever task held that address before.
 */

/** The course walkthrough with its load balancer: a cluster, python-web-app:1 and an ALB forwarding to an ip target group. */
function behindLoadBalancer(sandbox: Sandbox = createSandbox()): Sandbox {
  sandbox.files.write('fargate-container.json', sandbox.files.read('fargate-container.json')!.replace('<image-from-ecr>', ECR_IMAGE))
  ok(sandbox, 'aws ecs create-cluster --cluster-name fargate-cluster')
  ok(
    sandbox,
    'aws ecs register-task-definition --family python-web-app --task-role-arn arn:aws:iam::123456789012:role/PythonECSTask ' +
      '--execution-role-arn arn:aws:iam::123456789012:role/ecsTaskExecutionRole --network-mode awsvpc ' +
      '--container-definitions file://fargate-container.json --cpu .5vCPU --memory 1GB --requires-compatibilities FARGATE',
  )
  const world = sandbox.world()
  const subnets = Object.values(world.ec2.subnets).sort((a, b) => a.AvailabilityZone.localeCompare(b.AvailabilityZone)).slice(0, 2).map((s) => s.SubnetId)
  const web = Object.values(world.ec2.securityGroups).find((g) => g.GroupName === 'web')!.GroupId
  const vpc = Object.keys(world.ec2.vpcs)[0]
  const lb = ok(sandbox, `aws elbv2 create-load-balancer --name FargateLoadBalancer --subnets ${subnets.join(' ')} --security-groups ${web} --scheme internet-facing --type application`).LoadBalancers[0]
  const tg = ok(sandbox, `aws elbv2 create-target-group --name FargateTargetGroup --protocol HTTP --port 8080 --vpc-id ${vpc} --target-type ip --health-check-path /`).TargetGroups[0]
  ok(sandbox, `aws elbv2 create-listener --load-balancer-arn ${lb.LoadBalancerArn} --protocol HTTP --port 80 --default-actions Type=forward,TargetGroupArn=${tg.TargetGroupArn}`)
  sandbox.files.write('load-balancer.json', sandbox.files.read('load-balancer.json')!.replace('<target-group-arn>', tg.TargetGroupArn))
  return sandbox
}

type TaskJson = { taskArn: string; lastStatus: string; attachments: { id: string; type: string; details: { name: string; value: string }[] }[] }
const eniDetail = (task: TaskJson, name: string) => task.attachments.find((a) => a.type === 'ElasticNetworkInterface')!.details.find((d) => d.name === name)!.value

/** The task and container the last request through the load balancer reached (its last hop). */
function lastTarget(sandbox: Sandbox): string | undefined {
  return sandbox.world().elbv2.traffic.recent.at(-1)?.hops.at(-1)?.label
}

/** A sandbox resumed from `sandbox`'s snapshot after `edit` rewrote it (snapshots are plain JSON). */
function resumedWith(sandbox: Sandbox, edit: (json: string) => string): Sandbox {
  return createSandbox({ snapshot: JSON.parse(edit(JSON.stringify(sandbox.snapshot()))) })
}

describe('a task is reached through its ENI attachment, found by type', () => {
  it('a Fargate task gets one ElasticNetworkInterface in a subnet it was given, and is registered in its target group at that address', () => {
    const sandbox = behindLoadBalancer()
    createWebService(sandbox, '--load-balancers file://load-balancer.json')
    sandbox.advance(300_000)
    const given: string[] = JSON.parse(sandbox.files.read('task-networking.json')!).awsvpcConfiguration.subnets
    for (const task of tasksOf(sandbox) as TaskJson[]) {
      expect(task.attachments.filter((a) => a.type === 'ElasticNetworkInterface')).toHaveLength(1)
      expect(given).toContain(eniDetail(task, 'subnetId'))
    }
    const health = ok(sandbox, `aws elbv2 describe-target-health --target-group-arn ${JSON.parse(sandbox.files.read('load-balancer.json')!)[0].targetGroupArn}`).TargetHealthDescriptions
    expect(health.map((h: { Target: { Id: string } }) => h.Target.Id).sort()).toEqual((tasksOf(sandbox) as TaskJson[]).map((t) => eniDetail(t, 'privateIPv4Address')).sort())
  })

  it('a task whose ENI is not its first attachment still gets traffic, stays healthy, and releases its ENI when stopped', () => {
    const before = behindLoadBalancer()
    createWebService(before, '--load-balancers file://load-balancer.json')
    before.advance(300_000)
    // Another attachment ahead of the ENI (as an EBS volume's attachment will be).
    const sandbox = resumedWith(before, (json) =>
      json.replaceAll(
        '"attachments":[{',
        '"attachments":[{"id":"0e2b1f34-0000-4000-8000-000000000001","type":"AmazonElasticBlockStorage","status":"ATTACHED","details":[{"name":"volumeId","value":"vol-0123456789abcdef0"}]},{',
      ),
    )
    const tasks = tasksOf(sandbox) as TaskJson[]
    expect(tasks.every((t) => t.attachments[0].type === 'AmazonElasticBlockStorage')).toBe(true)

    const reached = new Set<string>()
    for (let i = 0; i < 10; i++) {
      expect(curl(sandbox, ['-s', '-o', '/dev/null', '-w', '%{http_code}', `http://${dnsName(sandbox)}/`]).stdout).toBe('200')
      reached.add(lastTarget(sandbox) ?? '')
    }
    expect(reached.size).toBe(2)

    sandbox.advance(300_000)
    expect(tasksOf(sandbox).map((t: TaskJson) => t.taskArn).sort()).toEqual(tasks.map((t) => t.taskArn).sort())
    expect(messages(describeService(sandbox)).some((m) => m.includes('is unhealthy'))).toBe(false)

    const eniId = eniDetail(tasks[0], 'networkInterfaceId')
    ok(sandbox, `aws ecs stop-task --cluster fargate-cluster --task ${tasks[0].taskArn}`)
    sandbox.advance(400_000)
    expect(fails(sandbox, `aws ec2 describe-network-interfaces --network-interface-ids ${eniId}`)).toContain('InvalidNetworkInterfaceID.NotFound')
  })
})

describe('the endpoint index answers by (address, port)', () => {
  it('after a task is replaced at the same IP, requests reach the new task’s container and the service keeps it', () => {
    const sandbox = behindLoadBalancer()
    ok(sandbox, "aws ecs create-service --cluster fargate-cluster --service-name FargateDemoService2 --task-definition python-web-app --desired-count 1 --launch-type FARGATE --network-configuration file://task-networking.json --load-balancers file://load-balancer.json")
    sandbox.advance(300_000)
    const [old] = tasksOf(sandbox) as TaskJson[]
    ok(sandbox, `aws ecs stop-task --cluster fargate-cluster --task ${old.taskArn}`)
    sandbox.advance(600_000)
    const [replacement] = tasksOf(sandbox) as TaskJson[]
    expect(replacement.taskArn).not.toBe(old.taskArn)
    expect(eniDetail(replacement, 'subnetId')).toBe(eniDetail(old, 'subnetId'))
    // The replacement given the stopped task's address (which AWS may reuse once the old ENI is deleted).
    const oldIp = eniDetail(old, 'privateIPv4Address')
    const newIp = eniDetail(replacement, 'privateIPv4Address')
    const resumed = resumedWith(sandbox, (json) => json.replaceAll(`"${newIp}"`, `"${oldIp}"`).replaceAll(`/${newIp}"`, `/${oldIp}"`).replaceAll(`"${newIp}:`, `"${oldIp}:`))
    const stopped = ok(resumed, `aws ecs describe-tasks --cluster fargate-cluster --tasks ${old.taskArn}`).tasks[0] as TaskJson
    expect(stopped.lastStatus).toBe('STOPPED')
    expect(eniDetail(tasksOf(resumed)[0], 'privateIPv4Address')).toBe(oldIp)

    expect(curl(resumed, ['-s', '-o', '/dev/null', '-w', '%{http_code}', `http://${dnsName(resumed)}/`]).stdout).toBe('200')
    expect(lastTarget(resumed)).toBe(`task ${replacement.taskArn.slice(replacement.taskArn.lastIndexOf('/') + 1)} container webapp:8080`)
    resumed.advance(300_000)
    expect((tasksOf(resumed) as TaskJson[]).map((t) => t.taskArn)).toEqual([replacement.taskArn])
    expect(describeService(resumed)).toMatchObject({ runningCount: 1, desiredCount: 1 })
  })
})
