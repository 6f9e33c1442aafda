import { describe, expect, it } from 'vitest'
import { createWebService, describeService, ECR_IMAGE, fails, messages, ok, tasksOf, walkthrough, type Sandbox } from './helpers.ts'

const stable = (sandbox: Sandbox) => ok(sandbox, 'aws ecs wait services-stable --cluster fargate-cluster --services FargateDemoService2')
const taskId = (arn: string) => arn.split('/').pop()

function registerRevision(sandbox: Sandbox, image: string) {
  sandbox.files.write('fargate-container.json', sandbox.files.read('fargate-container.json')!.replace(/"image": "[^"]*"/, `"image": "${image}"`))
  return ok(
    sandbox,
    'aws ecs register-task-definition --family python-web-app --execution-role-arn ecsTaskExecutionRole --network-mode awsvpc ' +
      '--container-definitions file://fargate-container.json --cpu 512 --memory 1024 --requires-compatibilities FARGATE',
  ).taskDefinition.taskDefinitionArn
}

describe('a service keeps its tasks running', () => {
  it('replaces a task stopped with stop-task', () => {
    const sandbox = walkthrough()
    createWebService(sandbox)
    stable(sandbox)
    const [victim] = tasksOf(sandbox)
    ok(sandbox, `aws ecs stop-task --cluster fargate-cluster --task ${victim.taskArn}`)
    sandbox.advance(5_000)
    const service = describeService(sandbox)
    const replacement = tasksOf(sandbox).find((t: { taskArn: string; lastStatus: string }) => t.taskArn !== victim.taskArn && t.lastStatus !== 'RUNNING')
    expect(replacement).toBeDefined()
    expect(replacement.availabilityZone).toBe(victim.availabilityZone)
    expect(messages(service)[0]).toBe(`(service FargateDemoService2) has started 1 tasks: (task ${taskId(replacement.taskArn)}).`)
    stable(sandbox)
    expect(describeService(sandbox)).toMatchObject({ runningCount: 2, pendingCount: 0 })
    expect(messages(describeService(sandbox))[0]).toBe('(service FargateDemoService2) has reached a steady state.')
  })

  it('update-service --desired-count scales out across AZs and back in with "has stopped"', () => {
    const sandbox = walkthrough()
    createWebService(sandbox)
    stable(sandbox)
    ok(sandbox, 'aws ecs update-service --cluster fargate-cluster --service FargateDemoService2 --desired-count 4')
    stable(sandbox)
    const tasks = tasksOf(sandbox)
    expect(tasks).toHaveLength(4)
    const perAz = new Map<string, number>()
    for (const t of tasks) perAz.set(t.availabilityZone, (perAz.get(t.availabilityZone) ?? 0) + 1)
    expect([...perAz.values()]).toEqual([2, 2])
    ok(sandbox, 'aws ecs update-service --cluster fargate-cluster --service FargateDemoService2 --desired-count 1')
    sandbox.advance(5_000)
    expect(messages(describeService(sandbox))[0]).toMatch(/^\(service FargateDemoService2\) has stopped 3 running tasks: \(task [0-9a-f]{32}\) \(task [0-9a-f]{32}\) \(task [0-9a-f]{32}\)\.$/)
    const stopped = ok(sandbox, 'aws ecs list-tasks --cluster fargate-cluster --desired-status STOPPED').taskArns
    const task = ok(sandbox, `aws ecs describe-tasks --cluster fargate-cluster --tasks ${stopped[0]}`).tasks[0]
    expect(task).toMatchObject({ stopCode: 'ServiceSchedulerInitiated' })
    expect(task.stoppedReason).toMatch(/^Scaling activity initiated by \(deployment ecs-svc\/\d{19}\)$/)
    stable(sandbox)
    expect(describeService(sandbox).runningCount).toBe(1)
  })
})

describe('deployments', () => {
  it('update-service --task-definition rolls tasks over step by step: new PRIMARY, old ACTIVE, then COMPLETED', () => {
    const sandbox = walkthrough()
    createWebService(sandbox)
    stable(sandbox)
    const oldTasks = tasksOf(sandbox).map((t: { taskArn: string }) => t.taskArn)
    const v2 = registerRevision(sandbox, ECR_IMAGE)
    const { service } = ok(sandbox, `aws ecs update-service --cluster fargate-cluster --service FargateDemoService2 --task-definition ${v2}`)
    expect(service.taskDefinition).toBe(v2)
    expect(service.deployments.map((d: { status: string; rolloutState: string }) => [d.status, d.rolloutState])).toEqual([
      ['PRIMARY', 'IN_PROGRESS'],
      ['ACTIVE', 'COMPLETED'],
    ])
    sandbox.advance(10_000)
    let now = describeService(sandbox)
    expect(now.deployments[0]).toMatchObject({ desiredCount: 2, pendingCount: 2, runningCount: 0 })
    expect(now.deployments[1]).toMatchObject({ runningCount: 2 })
    expect(now.runningCount).toBe(2)
    sandbox.advance(40_000)
    now = describeService(sandbox)
    expect(now.deployments).toHaveLength(1)
    expect(now.deployments[0]).toMatchObject({ rolloutState: 'COMPLETED', runningCount: 2, taskDefinition: v2 })
    const texts = messages(now)
    expect(texts[0]).toBe('(service FargateDemoService2) has reached a steady state.')
    expect(texts).toContain(`(service FargateDemoService2) has stopped 2 running tasks: ${oldTasks.map((a: string) => `(task ${taskId(a)})`).join(' ')}.`)
    expect(tasksOf(sandbox).every((t: { taskDefinitionArn: string }) => t.taskDefinitionArn === v2)).toBe(true)
  })

  it('the circuit breaker fails a broken revision and rolls back to the last one that completed', () => {
    const sandbox = walkthrough()
    createWebService(sandbox, `--deployment-configuration '{"deploymentCircuitBreaker":{"enable":true,"rollback":true},"maximumPercent":200,"minimumHealthyPercent":100}'`)
    stable(sandbox)
    const broken = registerRevision(sandbox, ECR_IMAGE.replace(':latest', ':broken'))
    ok(sandbox, `aws ecs update-service --cluster fargate-cluster --service FargateDemoService2 --task-definition ${broken}`)
    sandbox.advance(600_000)
    const service = describeService(sandbox)
    const texts = messages(service)
    const failed = texts.find((m) => m.endsWith('deployment failed: tasks failed to start.'))
    expect(failed).toMatch(/^\(service FargateDemoService2\) \(deployment ecs-svc\/\d{19}\) deployment failed: tasks failed to start\.$/)
    expect(service.taskDefinition).toBe('arn:aws:ecs:us-east-1:123456789012:task-definition/python-web-app:1')
    expect(service.deployments).toHaveLength(1)
    expect(service.deployments[0]).toMatchObject({ rolloutState: 'COMPLETED', runningCount: 2 })
    expect(service.runningCount).toBe(2)
    const stopped = ok(sandbox, 'aws ecs list-tasks --cluster fargate-cluster --desired-status STOPPED').taskArns
    const reasons = ok(sandbox, `aws ecs describe-tasks --cluster fargate-cluster --tasks ${stopped.join(' ')}`).tasks.map((t: { stoppedReason: string }) => t.stoppedReason)
    expect(reasons.filter((r: string) => r.startsWith('CannotPullContainerError')).length).toBeGreaterThanOrEqual(3)
  })

  it('the circuit breaker trips after 3 failures and rolloutStateReason says why', () => {
    const sandbox = walkthrough()
    createWebService(sandbox, `--deployment-configuration '{"deploymentCircuitBreaker":{"enable":true,"rollback":false}}'`)
    stable(sandbox)
    const broken = registerRevision(sandbox, 'busybox')
    ok(sandbox, `aws ecs update-service --cluster fargate-cluster --service FargateDemoService2 --task-definition ${broken}`)
    sandbox.advance(600_000)
    const service = describeService(sandbox)
    const failedDeployment = service.deployments.find((d: { rolloutState: string }) => d.rolloutState === 'FAILED')
    expect(failedDeployment).toMatchObject({ status: 'PRIMARY', rolloutStateReason: 'ECS deployment circuit breaker: tasks failed to start.' })
    expect(failedDeployment.failedTasks).toBeGreaterThanOrEqual(3)
    // The old tasks keep serving: minimumHealthyPercent 100 never let them go.
    expect(service.runningCount).toBe(2)
  })
})

describe('deleting', () => {
  it('delete-service is refused while desiredCount > 0; --force drains it to INACTIVE', () => {
    const sandbox = walkthrough()
    createWebService(sandbox)
    stable(sandbox)
    expect(fails(sandbox, 'aws ecs delete-service --cluster fargate-cluster --service FargateDemoService2')).toBe(
      '\naws: [ERROR]: An error occurred (InvalidParameterException) when calling the DeleteService operation: The service cannot be stopped while it is scaled above 0.\n',
    )
    const { service } = ok(sandbox, 'aws ecs delete-service --cluster fargate-cluster --service FargateDemoService2 --force')
    expect(service).toMatchObject({ status: 'DRAINING', desiredCount: 0 })
    expect(ok(sandbox, 'aws ecs list-services --cluster fargate-cluster').serviceArns).toHaveLength(1)
    sandbox.advance(60_000)
    expect(describeService(sandbox).status).toBe('INACTIVE')
    expect(ok(sandbox, 'aws ecs list-services --cluster fargate-cluster').serviceArns).toEqual([])
    expect(ok(sandbox, 'aws ecs list-tasks --cluster fargate-cluster').taskArns).toEqual([])
  })

  it('delete-cluster is refused while a service or a task is active', () => {
    const sandbox = walkthrough()
    createWebService(sandbox)
    const error = (code: string, message: string) => `\naws: [ERROR]: An error occurred (${code}) when calling the DeleteCluster operation: ${message}\n`
    expect(fails(sandbox, 'aws ecs delete-cluster --cluster fargate-cluster')).toBe(error('ClusterContainsServicesException', 'The Cluster cannot be deleted while Services are active.'))
    stable(sandbox)
    ok(sandbox, 'aws ecs delete-service --cluster fargate-cluster --service FargateDemoService2 --force')
    sandbox.advance(1_000)
    expect(fails(sandbox, 'aws ecs delete-cluster --cluster fargate-cluster')).toBe(error('ClusterContainsServicesException', 'The Cluster cannot be deleted while Services are active.'))
    sandbox.advance(120_000)
    const { cluster } = ok(sandbox, 'aws ecs delete-cluster --cluster fargate-cluster')
    expect(cluster.status).toBe('INACTIVE')
    expect(ok(sandbox, 'aws ecs list-clusters').clusterArns).toEqual([])
    expect(ok(sandbox, 'aws ecs describe-clusters --clusters fargate-cluster').clusters[0].status).toBe('INACTIVE')
  })

  it('delete-cluster with only a run-task task running says Tasks are active', () => {
    const sandbox = walkthrough()
    const subnet = Object.keys(sandbox.world().ec2.subnets)[0]
    ok(sandbox, `aws ecs run-task --cluster fargate-cluster --task-definition python-web-app --launch-type FARGATE --network-configuration "awsvpcConfiguration={subnets=[${subnet}],assignPublicIp=ENABLED}"`)
    expect(fails(sandbox, 'aws ecs delete-cluster --cluster fargate-cluster')).toContain('(ClusterContainsTasksException) when calling the DeleteCluster operation: The Cluster cannot be deleted while Tasks are active.')
  })
})

describe('service errors', () => {
  it('describe-services reports an unknown service as MISSING; update-service says Service not found.', () => {
    const sandbox = walkthrough()
    expect(ok(sandbox, 'aws ecs describe-services --cluster fargate-cluster --services nope')).toEqual({
      services: [],
      failures: [{ arn: 'arn:aws:ecs:us-east-1:123456789012:service/fargate-cluster/nope', reason: 'MISSING' }],
    })
    expect(fails(sandbox, 'aws ecs update-service --cluster fargate-cluster --service nope --desired-count 1')).toBe(
      '\naws: [ERROR]: An error occurred (ServiceNotFoundException) when calling the UpdateService operation: Service not found.\n',
    )
  })

  it('creating the same service twice is not idempotent', () => {
    const sandbox = walkthrough()
    createWebService(sandbox)
    expect(fails(sandbox, 'aws ecs create-service --cluster fargate-cluster --service-name FargateDemoService2 --task-definition python-web-app --desired-count 1 --launch-type FARGATE --network-configuration file://task-networking.json')).toContain(
      '(InvalidParameterException) when calling the CreateService operation: Creation of service was not idempotent.',
    )
  })

  it('a service in an unknown cluster: Cluster not found.', () => {
    expect(fails(walkthrough(), 'aws ecs create-service --cluster nope --service-name s --task-definition python-web-app --desired-count 1 --launch-type FARGATE --network-configuration file://task-networking.json')).toBe(
      '\naws: [ERROR]: An error occurred (ClusterNotFoundException) when calling the CreateService operation: Cluster not found.\n',
    )
  })

  it('an EC2 service in a cluster without instances posts ECS’s "unable to place a task" event', () => {
    const sandbox = walkthrough()
    ok(sandbox, `aws ecs register-task-definition --family ec2web --memory 256 --container-definitions '[{"name":"web","image":"nginx","portMappings":[{"containerPort":80}]}]'`)
    ok(sandbox, 'aws ecs create-service --cluster fargate-cluster --service-name ec2web --task-definition ec2web --desired-count 1')
    sandbox.advance(10_000)
    expect(messages(describeService(sandbox, 'ec2web'))).toEqual([
      '(service ec2web) was unable to place a task because no container instance met all of its requirements. Reason: No Container Instances were found in your cluster. For more information, see the Troubleshooting section of the Amazon ECS Developer Guide.',
    ])
  })
})
