import { describe, expect, it } from 'vitest'
import { createSandbox } from '../../../src/sandbox/index.ts'
import { createWebService, describeService, messages, ok, tasksOf, walkthrough } from './helpers.ts'

describe('the course notes’ Fargate walkthrough (without the load balancer)', () => {
  it('create-cluster answers an ACTIVE cluster with no instances and containerInsights disabled', () => {
    const sandbox = walkthrough()
    const { clusters } = ok(sandbox, 'aws ecs describe-clusters --clusters fargate-cluster')
    expect(clusters[0]).toMatchObject({
      clusterArn: 'arn:aws:ecs:us-east-1:123456789012:cluster/fargate-cluster',
      clusterName: 'fargate-cluster',
      status: 'ACTIVE',
      registeredContainerInstancesCount: 0,
      settings: [{ name: 'containerInsights', value: 'disabled' }],
    })
    expect(ok(sandbox, 'aws ecs list-container-instances --cluster fargate-cluster')).toEqual({ containerInstanceArns: [] })
  })

  it('register-task-definition stores .5vCPU and 1GB as 512 and 1024 and fills ECS’s container defaults', () => {
    const { taskDefinition } = ok(walkthrough(), 'aws ecs describe-task-definition --task-definition python-web-app')
    expect(taskDefinition).toMatchObject({
      taskDefinitionArn: 'arn:aws:ecs:us-east-1:123456789012:task-definition/python-web-app:1',
      family: 'python-web-app',
      revision: 1,
      status: 'ACTIVE',
      networkMode: 'awsvpc',
      cpu: '512',
      memory: '1024',
      compatibilities: ['EC2', 'FARGATE'],
      requiresCompatibilities: ['FARGATE'],
      executionRoleArn: 'arn:aws:iam::123456789012:role/ecsTaskExecutionRole',
    })
    expect(taskDefinition.containerDefinitions[0]).toMatchObject({
      name: 'webapp',
      cpu: 0,
      essential: true,
      portMappings: [{ containerPort: 8080, hostPort: 8080, protocol: 'tcp' }],
    })
  })

  it('create-service answers at once with no tasks yet and an IN_PROGRESS PRIMARY deployment', () => {
    const service = createWebService(walkthrough())
    expect(service).toMatchObject({ status: 'ACTIVE', desiredCount: 2, runningCount: 0, pendingCount: 0, launchType: 'FARGATE', events: [] })
    expect(service.deployments).toHaveLength(1)
    expect(service.deployments[0]).toMatchObject({ status: 'PRIMARY', rolloutState: 'IN_PROGRESS' })
    expect(service.deployments[0].id).toMatch(/^ecs-svc\/\d{19}$/)
  })

  it('a minute later two tasks are RUNNING in two AZs, each with its own ENI and public IP', () => {
    const sandbox = walkthrough()
    createWebService(sandbox)
    sandbox.advance(60_000)
    const tasks = tasksOf(sandbox)
    expect(tasks.map((t: { lastStatus: string }) => t.lastStatus)).toEqual(['RUNNING', 'RUNNING'])
    expect(new Set(tasks.map((t: { availabilityZone: string }) => t.availabilityZone)).size).toBe(2)
    for (const task of tasks) {
      expect(task.taskArn).toMatch(/^arn:aws:ecs:us-east-1:123456789012:task\/fargate-cluster\/[0-9a-f]{32}$/)
      expect(task.group).toBe('service:FargateDemoService2')
      const [attachment] = task.attachments
      expect(attachment).toMatchObject({ type: 'ElasticNetworkInterface', status: 'ATTACHED' })
      expect(attachment.details.map((d: { name: string }) => d.name)).toEqual(['subnetId', 'networkInterfaceId', 'macAddress', 'privateDnsName', 'privateIPv4Address'])
      const ip = attachment.details[4].value
      expect(task.containers[0].networkInterfaces).toEqual([{ attachmentId: attachment.id, privateIpv4Address: ip }])
      const { NetworkInterfaces } = ok(sandbox, `aws ec2 describe-network-interfaces --network-interface-ids ${attachment.details[1].value}`)
      expect(NetworkInterfaces[0]).toMatchObject({ PrivateIpAddress: ip, InterfaceType: 'interface' })
      expect(NetworkInterfaces[0].Description).toMatch(/^arn:aws:ecs:us-east-1:123456789012:attachment\/[0-9a-f-]{36}$/)
      expect(sandbox.world().ec2.networkInterfaces[attachment.details[1].value].PublicIp).toMatch(/^\d+\.\d+\.\d+\.\d+$/)
    }
  })

  it('the service’s events say, newest first, that it started 2 tasks, completed its deployment and is steady', () => {
    const sandbox = walkthrough()
    createWebService(sandbox)
    sandbox.advance(60_000)
    const service = describeService(sandbox)
    const ids = tasksOf(sandbox).map((t: { taskArn: string }) => t.taskArn.split('/').pop())
    expect(messages(service)).toEqual([
      '(service FargateDemoService2) has reached a steady state.',
      `(service FargateDemoService2) (deployment ${service.deployments[0].id}) deployment completed.`,
      `(service FargateDemoService2) has started 2 tasks: (task ${ids[0]}) (task ${ids[1]}).`,
    ])
    expect(service).toMatchObject({ runningCount: 2, pendingCount: 0 })
    expect(service.deployments[0]).toMatchObject({ rolloutState: 'COMPLETED', runningCount: 2, desiredCount: 2 })
    const { clusters } = ok(sandbox, 'aws ecs describe-clusters --clusters fargate-cluster')
    expect(clusters[0]).toMatchObject({ runningTasksCount: 2, pendingTasksCount: 0, activeServicesCount: 1 })
  })

  it('the lifecycle is visible step by step: PROVISIONING, PENDING, ACTIVATING, RUNNING', () => {
    const sandbox = walkthrough()
    createWebService(sandbox)
    const seen: string[] = []
    for (let t = 0; t < 60; t++) {
      sandbox.advance(1_000)
      const status = tasksOf(sandbox)[0]?.lastStatus
      if (status && seen.at(-1) !== status) seen.push(status)
    }
    expect(seen).toEqual(['PROVISIONING', 'PENDING', 'ACTIVATING', 'RUNNING'])
    const [task] = tasksOf(sandbox)
    const ms = (iso: string) => Date.parse(iso) - Date.parse(task.createdAt)
    expect(ms(task.startedAt)).toBeGreaterThanOrEqual(30_000)
    expect(ms(task.startedAt)).toBeLessThanOrEqual(60_000)
    expect(ms(task.pullStartedAt)).toBeLessThan(ms(task.pullStoppedAt))
  })

  it('aws ecs wait services-stable advances the clock until the service is steady', () => {
    const sandbox = walkthrough()
    createWebService(sandbox)
    const before = sandbox.now()
    expect(sandbox.exec('aws ecs wait services-stable --cluster fargate-cluster --services FargateDemoService2')).toEqual({ stdout: '', stderr: '', exitCode: 0 })
    expect(sandbox.now() - before).toBeGreaterThanOrEqual(30_000)
    expect(describeService(sandbox).runningCount).toBe(2)
  })

  it('list-services shows the service', () => {
    const sandbox = walkthrough()
    createWebService(sandbox)
    expect(ok(sandbox, 'aws ecs list-services --cluster fargate-cluster').serviceArns).toEqual([
      'arn:aws:ecs:us-east-1:123456789012:service/fargate-cluster/FargateDemoService2',
    ])
  })

  it('the same commands twice give the same snapshot', () => {
    const run = () => {
      const sandbox = walkthrough()
      createWebService(sandbox)
      sandbox.advance(120_000)
      sandbox.exec('aws ecs stop-task --cluster fargate-cluster --task ' + tasksOf(sandbox)[0].taskArn)
      sandbox.advance(120_000)
      return JSON.stringify(sandbox.snapshot())
    }
    expect(run()).toBe(run())
  })
})

describe('snapshots', () => {
  it('a snapshot taken mid-lifecycle resumes exactly', () => {
    const straight = walkthrough()
    createWebService(straight)
    straight.advance(20_000)
    const resumed = createSandbox({ snapshot: JSON.parse(JSON.stringify(straight.snapshot())) })
    straight.advance(100_000)
    resumed.advance(100_000)
    expect(JSON.stringify(resumed.snapshot().world)).toBe(JSON.stringify(straight.snapshot().world))
    expect(describeService(resumed).runningCount).toBe(2)
  })
})
