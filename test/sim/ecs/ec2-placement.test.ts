import { describe, expect, it } from 'vitest'
import { containerInstances as containerInstancesView } from '../../../src/sandbox/index.ts'
import { fails, messages, ok, type Sandbox } from './helpers.ts'
import { containerInstances, ec2Cluster, registerEc2TaskDefinition, resource, WEB } from './ec2Helpers.ts'

const runTask = (s: Sandbox, cluster: string, family: string, extra = '') => ok(s, `aws ecs run-task --cluster ${cluster} --task-definition ${family} --launch-type EC2 ${extra}`)
const service = (s: Sandbox, cluster: string, name: string) => ok(s, `aws ecs describe-services --cluster ${cluster} --services ${name}`).services[0]

describe('EC2 tasks are placed on container instances by CPU, memory and ports', () => {
  it('a bridge task with hostPort 0 gets a dynamic host port from the ephemeral range; describe-tasks shows its instance and bindings', () => {
    const { s, cluster } = ec2Cluster()
    registerEc2TaskDefinition(s, 'web', [WEB(512)])
    const { tasks, failures } = runTask(s, cluster, 'web', '--count 2')
    expect(failures).toEqual([])
    const [ci] = containerInstances(s, cluster)
    expect(tasks.map((t: { containerInstanceArn: string }) => t.containerInstanceArn)).toEqual([ci.containerInstanceArn, ci.containerInstanceArn])
    expect(tasks[0].containers[0].networkBindings).toEqual([{ bindIP: '0.0.0.0', containerPort: 80, hostPort: 32768, protocol: 'tcp' }])
    expect(tasks[1].containers[0].networkBindings[0].hostPort).toBe(32769)
    expect(tasks[0].attachments).toEqual([])
    expect(tasks[0].platformVersion).toBeUndefined()
    // Memory is taken from the instance; dynamic ports are not reserved ports.
    expect(resource(ci, 'MEMORY').integerValue).toBe(resource({ remainingResources: ci.registeredResources }, 'MEMORY').integerValue - 1024)
    expect(resource(ci, 'PORTS').stringSetValue).toEqual(['22', '2376', '2375', '51678', '51679'])
    expect(ci.pendingTasksCount).toBe(2)
    s.advance(60_000)
    const [running] = containerInstances(s, cluster)
    expect(running.runningTasksCount).toBe(2)
    // The docker0 addresses and host ports, as the diagram reads them.
    const [view] = containerInstancesView(s.world(), cluster)
    expect(view.tasks.map((t) => t.bridgeIps.web)).toEqual(['172.17.0.2', '172.17.0.3'])
    expect(view.remaining.memory).toBe(view.registered.memory - 1024)
  })

  it('a bridge task started after another stopped takes the lowest docker0 address left free', () => {
    const { s, cluster } = ec2Cluster()
    registerEc2TaskDefinition(s, 'web', [WEB(256)])
    const { tasks } = runTask(s, cluster, 'web', '--count 3')
    s.advance(60_000)
    ok(s, `aws ecs stop-task --cluster ${cluster} --task ${tasks[0].taskArn}`)
    s.advance(120_000)
    expect(ok(s, `aws ecs describe-tasks --cluster ${cluster} --tasks ${tasks[0].taskArn}`).tasks[0].lastStatus).toBe('STOPPED')
    const next = runTask(s, cluster, 'web').tasks[0]
    const [view] = containerInstancesView(s.world(), cluster)
    const addressOf = (taskArn: string) => view.tasks.find((t) => t.taskArn === taskArn)?.bridgeIps.web
    expect([tasks[1].taskArn, tasks[2].taskArn, next.taskArn].map(addressOf)).toEqual(['172.17.0.3', '172.17.0.4', '172.17.0.2'])
  })

  it('a fixed host port is reserved on the instance; a second task needing it fails with RESOURCE:PORTS', () => {
    const { s, cluster } = ec2Cluster()
    registerEc2TaskDefinition(s, 'fixed', [WEB(256, 8080)])
    expect(runTask(s, cluster, 'fixed').tasks[0].containers[0].networkBindings[0].hostPort).toBe(8080)
    const [ci] = containerInstances(s, cluster)
    expect(resource(ci, 'PORTS').stringSetValue).toContain('8080')
    const second = runTask(s, cluster, 'fixed')
    expect(second.tasks).toEqual([])
    expect(second.failures).toEqual([{ arn: ci.containerInstanceArn, reason: 'RESOURCE:PORTS' }])
  })

  it('host mode binds containerPort on the instance; a service that needs a second one says the port is in use, in ECS words', () => {
    const { s, cluster } = ec2Cluster()
    registerEc2TaskDefinition(s, 'hostweb', [WEB(256, 80)], '--network-mode host')
    ok(s, `aws ecs create-service --cluster ${cluster} --service-name hostweb --task-definition hostweb --desired-count 2 --launch-type EC2`)
    s.advance(10_000)
    const svc = service(s, cluster, 'hostweb')
    const [ci] = containerInstances(s, cluster)
    const id = ci.containerInstanceArn.split('/').pop()
    expect(messages(svc)).toContain(
      `(service hostweb) was unable to place a task because no container instance met all of its requirements. The closest matching (container-instance ${id}) is already using a port required by your task. For more information, see the Troubleshooting section of the Amazon ECS Developer Guide.`,
    )
    expect(svc.pendingCount + svc.runningCount).toBe(1)
  })

  it('run out of memory: run-task reports RESOURCE:MEMORY and a service says the closest instance has insufficient memory', () => {
    const { s, cluster } = ec2Cluster({ type: 't3.micro' })
    registerEc2TaskDefinition(s, 'big', [WEB(600)])
    const first = runTask(s, cluster, 'big', '--count 2')
    const [ci] = containerInstances(s, cluster)
    expect(first.tasks).toHaveLength(1)
    expect(first.failures).toEqual([{ arn: ci.containerInstanceArn, reason: 'RESOURCE:MEMORY' }])
    ok(s, `aws ecs create-service --cluster ${cluster} --service-name big --task-definition big --desired-count 1 --launch-type EC2`)
    s.advance(5_000)
    const id = ci.containerInstanceArn.split('/').pop()
    expect(messages(service(s, cluster, 'big'))).toContain(
      `(service big) was unable to place a task because no container instance met all of its requirements. The closest matching (container-instance ${id}) has insufficient memory available. For more information, see the Troubleshooting section of the Amazon ECS Developer Guide.`,
    )
  })

  it('memoryReservation (the soft limit) is what placement counts; CPU units run out with RESOURCE:CPU', () => {
    const { s, cluster } = ec2Cluster()
    registerEc2TaskDefinition(s, 'soft', [WEB(4096, 0, { memoryReservation: 128 })])
    runTask(s, cluster, 'soft', '--count 3')
    const [ci] = containerInstances(s, cluster)
    expect(resource({ remainingResources: ci.registeredResources }, 'MEMORY').integerValue - resource(ci, 'MEMORY').integerValue).toBe(384)
    registerEc2TaskDefinition(s, 'cpu', [WEB(64, 0, { cpu: 1024 })])
    expect(runTask(s, cluster, 'cpu', '--count 3').failures).toEqual([{ arn: ci.containerInstanceArn, reason: 'RESOURCE:CPU' }])
  })

  it('awsvpc tasks on EC2 take an ENI each: t3.large runs 2, then RESOURCE:ENI; trunking raises the cap on m5.large', () => {
    const { s, cluster } = ec2Cluster()
    registerEc2TaskDefinition(s, 'vpcweb', [WEB(128, 80)], '--network-mode awsvpc')
    const subnets = ok(s, 'aws ec2 describe-subnets --query Subnets[].SubnetId').join(',')
    const net = `--network-configuration 'awsvpcConfiguration={subnets=[${subnets}]}'`
    const [ci] = containerInstances(s, cluster)
    const placed = runTask(s, cluster, 'vpcweb', `--count 3 ${net}`)
    expect(placed.tasks).toHaveLength(2)
    expect(placed.tasks[0].attachments[0].type).toBe('ElasticNetworkInterface')
    expect(placed.failures).toEqual([{ arn: ci.containerInstanceArn, reason: 'RESOURCE:ENI' }])

    const trunked = ec2Cluster({ type: 'm5.large' })
    ok(trunked.s, 'aws ecs put-account-setting --name awsvpcTrunking --value enabled')
    // The setting applies to instances registered afterwards: launch one more.
    trunked.s.exec(`aws ec2 run-instances --image-id ${containerInstances(trunked.s, trunked.cluster)[0].attributes.find((a: { name: string }) => a.name === 'ecs.ami-id').value} --instance-type m5.large --iam-instance-profile Name=ecsInstanceRole --user-data file://join.sh`)
    trunked.s.advance(90_000)
    ok(trunked.s, `aws ecs update-container-instances-state --cluster ${trunked.cluster} --container-instances ${containerInstances(trunked.s, trunked.cluster)[0].containerInstanceArn} --status DRAINING`)
    registerEc2TaskDefinition(trunked.s, 'vpcweb', [WEB(128, 80)], '--network-mode awsvpc')
    const many = runTask(trunked.s, trunked.cluster, 'vpcweb', `--count 8 ${net}`)
    expect(many.failures).toEqual([])
    expect(many.tasks).toHaveLength(8)
  })
})

describe('container instances: filters, draining and deregistering', () => {
  it('list-container-instances --filter takes the cluster query language', () => {
    const { s, cluster } = ec2Cluster({ count: 2 })
    const [a] = containerInstances(s, cluster)
    const az = a.attributes.find((x: { name: string }) => x.name === 'ecs.availability-zone').value
    const byType = ok(s, `aws ecs list-container-instances --cluster ${cluster} --filter "attribute:ecs.instance-type =~ t3.*"`).containerInstanceArns
    expect(byType).toHaveLength(2)
    const byAz = ok(s, `aws ecs list-container-instances --cluster ${cluster} --filter "attribute:ecs.availability-zone in [${az}]"`).containerInstanceArns
    expect(byAz).toContain(a.containerInstanceArn)
    expect(ok(s, `aws ecs list-container-instances --cluster ${cluster} --filter "attribute:ecs.instance-type == m5.large"`).containerInstanceArns).toEqual([])
    expect(fails(s, `aws ecs list-container-instances --cluster ${cluster} --filter "attribute:ecs.instance-type =="`)).toContain('InvalidParameterException')
  })

  it('draining an instance moves a service’s tasks to another instance within minimumHealthyPercent', () => {
    const { s, cluster } = ec2Cluster({ count: 2 })
    registerEc2TaskDefinition(s, 'web', [WEB(256)])
    ok(s, `aws ecs create-service --cluster ${cluster} --service-name web --task-definition web --desired-count 2 --launch-type EC2 --deployment-configuration minimumHealthyPercent=50,maximumPercent=200`)
    s.advance(60_000)
    const [a, b] = containerInstances(s, cluster)
    expect([a.runningTasksCount, b.runningTasksCount]).toEqual([1, 1]) // spread across instances
    ok(s, `aws ecs update-container-instances-state --cluster ${cluster} --container-instances ${a.containerInstanceArn} --status DRAINING`)
    s.advance(120_000)
    const after = containerInstances(s, cluster)
    expect(after.find((c: { containerInstanceArn: string }) => c.containerInstanceArn === a.containerInstanceArn).runningTasksCount).toBe(0)
    expect(after.find((c: { containerInstanceArn: string }) => c.containerInstanceArn === b.containerInstanceArn).runningTasksCount).toBe(2)
    expect(service(s, cluster, 'web').runningCount).toBe(2)
    // A drained instance takes no new tasks.
    expect(runTask(s, cluster, 'web', '--count 1').tasks[0].containerInstanceArn).toBe(b.containerInstanceArn)
  })

  it('deregister-container-instance refuses while tasks run, --force stops them', () => {
    const { s, cluster } = ec2Cluster()
    registerEc2TaskDefinition(s, 'web', [WEB(256)])
    const [task] = runTask(s, cluster, 'web').tasks
    const [ci] = containerInstances(s, cluster)
    expect(fails(s, `aws ecs deregister-container-instance --cluster ${cluster} --container-instance ${ci.containerInstanceArn}`)).toContain('InvalidParameterException')
    const out = ok(s, `aws ecs deregister-container-instance --cluster ${cluster} --container-instance ${ci.containerInstanceArn} --force`)
    expect(out.containerInstance.status).toBe('INACTIVE')
    s.advance(30_000)
    const stopped = ok(s, `aws ecs describe-tasks --cluster ${cluster} --tasks ${task.taskArn}`).tasks[0]
    expect(stopped.stoppedReason).toBe('Container instance deregistration forced by user')
    expect(fails(s, `aws ecs run-task --cluster ${cluster} --task-definition web --launch-type EC2`)).toContain('No Container Instances were found in your cluster.')
  })

  it('put-attributes adds a custom attribute that memberOf can select on', () => {
    const { s, cluster } = ec2Cluster({ count: 2 })
    const [a] = containerInstances(s, cluster)
    const id = a.containerInstanceArn.split('/').pop()
    ok(s, `aws ecs put-attributes --cluster ${cluster} --attributes name=stack,value=prod,targetId=${id}`)
    expect(ok(s, `aws ecs list-attributes --cluster ${cluster} --target-type container-instance --attribute-name stack`).attributes).toEqual([
      { name: 'stack', value: 'prod', targetType: 'container-instance', targetId: id },
    ])
    registerEc2TaskDefinition(s, 'web', [WEB(128)])
    const placed = runTask(s, cluster, 'web', `--count 3 --placement-constraints type=memberOf,expression="attribute:stack == prod"`)
    expect(placed.tasks.map((t: { containerInstanceArn: string }) => t.containerInstanceArn)).toEqual([a.containerInstanceArn, a.containerInstanceArn, a.containerInstanceArn])
  })
})

describe('list-tasks --container-instance', () => {
  it('lists only the tasks on that container instance, by its ID or full ARN', () => {
    const { s, cluster } = ec2Cluster({ count: 2 })
    registerEc2TaskDefinition(s, 'web', [WEB(128)])
    ok(s, `aws ecs run-task --cluster ${cluster} --task-definition web --launch-type EC2 --count 4`)
    const [a, b] = containerInstances(s, cluster) as { containerInstanceArn: string; runningTasksCount: number; pendingTasksCount: number }[]
    const onA = ok(s, `aws ecs list-tasks --cluster ${cluster} --container-instance ${a.containerInstanceArn}`).taskArns
    const onB = ok(s, `aws ecs list-tasks --cluster ${cluster} --container-instance ${b.containerInstanceArn.split('/').pop()}`).taskArns
    expect(onA).toHaveLength(a.runningTasksCount + a.pendingTasksCount)
    expect(onB).toHaveLength(b.runningTasksCount + b.pendingTasksCount)
    expect(onA.length + onB.length).toBe(4)
    const { tasks } = ok(s, `aws ecs describe-tasks --cluster ${cluster} --tasks ${onA.join(' ')}`)
    expect(new Set(tasks.map((t: { containerInstanceArn: string }) => t.containerInstanceArn))).toEqual(new Set([a.containerInstanceArn]))
  })
})
