import { describe, expect, it } from 'vitest'
import { ok, type Sandbox } from '../ecs/helpers.ts'
import { containerInstances, ec2Cluster, registerEc2TaskDefinition, WEB } from '../ecs/ec2Helpers.ts'

const CLUSTER = 'ec2-cluster'
const GROUP = `/aws/ecs/containerinsights/${CLUSTER}/performance`
const AGENT = { name: 'cloudwatch-agent', image: 'public.ecr.aws/cloudwatch-agent/cloudwatch-agent:latest', memory: 128, essential: true }

/**
 * Two t3.large container instances in a cluster with Container Insights on, a bridge nginx service behind an ALB
 * (two tasks; the load balancer also in the instances' default security group, which lets its members in), and, when `agent`, the CloudWatch agent as a daemon service. $DNS holds the load balancer's name.
 */
function cluster(agent: boolean): { s: Sandbox; instanceIds: string[] } {
  const { s, instanceIds } = ec2Cluster({ count: 2 })
  ok(s, `aws ecs update-cluster-settings --cluster ${CLUSTER} --settings name=containerInsights,value=enabled`)
  const world = s.world()
  const subnets = Object.keys(world.ec2.subnets)
  const group = (name: string) => Object.values(world.ec2.securityGroups).find((g) => g.GroupName === name)!.GroupId
  const vpc = Object.keys(world.ec2.vpcs)[0]
  const lb = ok(s, `aws elbv2 create-load-balancer --name ec2lb --subnets ${subnets.join(' ')} --security-groups ${group('web')} ${group('default')}`).LoadBalancers[0]
  const tg = ok(s, `aws elbv2 create-target-group --name ec2tg --protocol HTTP --port 80 --vpc-id ${vpc} --target-type instance`).TargetGroups[0]
  ok(s, `aws elbv2 create-listener --load-balancer-arn ${lb.LoadBalancerArn} --protocol HTTP --port 80 --default-actions Type=forward,TargetGroupArn=${tg.TargetGroupArn}`)
  registerEc2TaskDefinition(s, 'web', [WEB(256)])
  ok(s, `aws ecs create-service --cluster ${CLUSTER} --service-name web --task-definition web --desired-count 2 --launch-type EC2 --placement-strategy type=spread,field=instanceId --load-balancers targetGroupArn=${tg.TargetGroupArn},containerName=web,containerPort=80`)
  if (agent) {
    registerEc2TaskDefinition(s, 'cwagent', [AGENT])
    ok(s, `aws ecs create-service --cluster ${CLUSTER} --service-name cwagent-daemon --task-definition cwagent --launch-type EC2 --scheduling-strategy DAEMON`)
  }
  s.advance(3 * 60_000)
  s.exec('DNS=$(aws elbv2 describe-load-balancers --names ec2lb --query LoadBalancers[0].DNSName --output text)')
  return { s, instanceIds }
}

function instanceEvents(s: Sandbox): Record<string, string | number>[] {
  const out = s.exec(`aws logs filter-log-events --log-group-name ${GROUP} --filter-pattern '{ $.Type = "Instance" }' --query events[].message`)
  expect(out.stderr).toBe('')
  return (JSON.parse(out.stdout) as string[]).map((m) => JSON.parse(m))
}

function query(s: Sandbox, text: string) {
  s.files.write('q.txt', text)
  const { queryId } = ok(s, `aws logs start-query --log-group-name ${GROUP} --start-time 0 --end-time ${Math.floor(s.now() / 1000)} --query-string file://q.txt`)
  s.advance(5000)
  return ok(s, `aws logs get-query-results --query-id ${queryId}`) as { status: string; results: { field: string; value: string }[][] }
}

describe('Container Insights instance-level data on an EC2 cluster', () => {
  it('with the CloudWatch agent daemon, each container instance gets one Instance event a minute and instance_* metrics', () => {
    const { s, instanceIds } = cluster(true)
    s.advance(5 * 60_000)
    const ids = containerInstances(s, CLUSTER).map((ci: { containerInstanceArn: string }) => ci.containerInstanceArn.split('/').pop())
    const streams = ok(s, `aws logs describe-log-streams --log-group-name ${GROUP} --query logStreams[].logStreamName`)
    for (const id of ids) expect(streams).toContain(`NodeTelemetry-${id}`)

    const events = instanceEvents(s)
    const perMinute = new Map<string, number>()
    for (const e of events) perMinute.set(`${e.ContainerInstanceId}@${e.Timestamp}`, (perMinute.get(`${e.ContainerInstanceId}@${e.Timestamp}`) ?? 0) + 1)
    expect([...perMinute.values()].every((n) => n === 1)).toBe(true)
    expect(new Set(events.map((e) => e.InstanceId))).toEqual(new Set(instanceIds))
    const last = events.at(-1)!
    expect(last).toMatchObject({ Version: '0', Type: 'Instance', ClusterName: CLUSTER, instance_cpu_limit: 2048, instance_memory_limit: 8192 * 2 ** 20, instance_number_of_running_tasks: 2 })
    // nginx (256 MiB) and the agent (128 MiB) reserved of a t3.large's registered memory; some CPU and memory in use.
    expect(last.instance_memory_reserved_capacity).toBeGreaterThan(3)
    expect(last.instance_memory_reserved_capacity).toBeLessThan(10)
    expect(last.instance_cpu_utilization).toBeGreaterThan(0)
    expect(last.instance_memory_utilization).toBeGreaterThan(1)
    expect(last.instance_filesystem_utilization).toBeGreaterThan(5)
    expect(last.instance_filesystem_utilization).toBeLessThan(50)

    const found = query(s, 'filter Type = "Instance" | stats count(*) as n by ContainerInstanceId')
    expect(found.status).toBe('Complete')
    expect(found.results.length).toBe(2)

    const metrics = ok(s, 'aws cloudwatch list-metrics --namespace ECS/ContainerInsights --metric-name instance_cpu_utilization').Metrics as { Dimensions: { Name: string; Value: string }[] }[]
    const sets = metrics.map((m) => m.Dimensions.map((d) => d.Name).join(','))
    expect(sets.filter((d) => d === 'InstanceId,ContainerInstanceId,ClusterName').length).toBe(2)
    expect(sets).toContain('ClusterName')
  })

  it('instance CPU utilization and network bytes rise under hey’s load and fall back after it', () => {
    const { s } = cluster(true)
    const idle = instanceEvents(s).at(-1)!
    const out = s.exec('hey -z 3m -c 50 http://$DNS/')
    expect(out.stdout).toContain('[200]')
    const busy = instanceEvents(s)
    const busiest = Math.max(...busy.map((e) => Number(e.instance_cpu_utilization)))
    expect(busiest).toBeGreaterThan(Number(idle.instance_cpu_utilization) * 5)
    expect(Math.max(...busy.map((e) => Number(e.instance_network_total_bytes)))).toBeGreaterThan(Number(idle.instance_network_total_bytes) + 10_000)
    s.advance(3 * 60_000)
    expect(Number(instanceEvents(s).at(-1)!.instance_cpu_utilization)).toBeLessThan(busiest / 5)
  })

  it('without the agent daemon there are no Instance events and no instance_* metrics, though Task events are there', () => {
    const { s } = cluster(false)
    s.advance(5 * 60_000)
    expect(instanceEvents(s)).toEqual([])
    expect(ok(s, 'aws cloudwatch list-metrics --namespace ECS/ContainerInsights --metric-name instance_cpu_utilization').Metrics).toEqual([])
    expect(query(s, 'filter Type = "Instance" | stats count(*) as n').results).toEqual([[{ field: 'n', value: '0' }]])
    expect(query(s, 'filter Type = "Task" | stats count(*) as n').results[0][0].value).not.toBe('0')
  })

  it('the Cluster event counts the cluster’s registered container instances', () => {
    const { s } = cluster(false)
    s.advance(3 * 60_000)
    expect(query(s, 'filter Type = "Cluster" | stats max(ContainerInstanceCount) as n').results).toEqual([[{ field: 'n', value: '2' }]])
  })
})
