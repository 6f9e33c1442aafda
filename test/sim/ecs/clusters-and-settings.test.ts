import { describe, expect, it } from 'vitest'
import { createSandbox } from '../../../src/sandbox/index.ts'
import { listeningContainer } from '../../../src/sim/ecs/index.ts'
import { createWebService, describeService, fails, messages, ok, tasksOf, walkthrough } from './helpers.ts'

describe('clusters and account settings', () => {
  it('describe-clusters reports unknown clusters as MISSING', () => {
    expect(ok(createSandbox(), 'aws ecs describe-clusters --clusters nope')).toEqual({
      clusters: [],
      failures: [{ arn: 'arn:aws:ecs:us-east-1:123456789012:cluster/nope', reason: 'MISSING' }],
    })
  })

  it('create-cluster --settings turns Container Insights on for that cluster', () => {
    const { cluster } = ok(createSandbox(), 'aws ecs create-cluster --cluster-name c --settings name=containerInsights,value=enabled --tags key=team,value=web')
    expect(cluster.settings).toEqual([{ name: 'containerInsights', value: 'enabled' }])
    expect(cluster.tags).toEqual([{ key: 'team', value: 'web' }])
  })

  it('put-account-setting containerInsights applies to clusters created afterwards only', () => {
    const sandbox = createSandbox()
    ok(sandbox, 'aws ecs create-cluster --cluster-name before')
    expect(ok(sandbox, 'aws ecs put-account-setting --name containerInsights --value enhanced')).toEqual({
      setting: { name: 'containerInsights', value: 'enhanced', principalArn: 'arn:aws:iam::123456789012:user/learner', type: 'user' },
    })
    ok(sandbox, 'aws ecs create-cluster --cluster-name after')
    const { clusters } = ok(sandbox, 'aws ecs describe-clusters --clusters before after')
    expect(clusters.map((c: { settings: { value: string }[] }) => c.settings[0].value)).toEqual(['disabled', 'enhanced'])
    expect(ok(sandbox, 'aws ecs list-account-settings --name containerInsights').settings).toHaveLength(1)
    const { cluster } = ok(sandbox, 'aws ecs update-cluster-settings --cluster before --settings name=containerInsights,value=enabled')
    expect(cluster.settings).toEqual([{ name: 'containerInsights', value: 'enabled' }])
  })

  it('list-account-settings --effective-settings shows AWS defaults', () => {
    const { settings } = ok(createSandbox(), 'aws ecs list-account-settings --effective-settings --name taskLongArnFormat')
    expect(settings).toEqual([{ name: 'taskLongArnFormat', value: 'enabled', principalArn: 'arn:aws:iam::123456789012:user/learner', type: 'aws_managed' }])
  })

  it('an unknown cluster for describe-services is ClusterNotFoundException', () => {
    expect(fails(createSandbox(), 'aws ecs describe-services --cluster nope --services x')).toBe(
      '\naws: [ERROR]: An error occurred (ClusterNotFoundException) when calling the DescribeServices operation: Cluster not found.\n',
    )
  })
})

describe('isolation and the network layer’s view', () => {
  it('a failing service leaves another service’s tasks untouched', () => {
    const sandbox = walkthrough()
    createWebService(sandbox)
    ok(sandbox, 'aws ecs wait services-stable --cluster fargate-cluster --services FargateDemoService2')
    const healthy = tasksOf(sandbox).map((t: { taskArn: string }) => t.taskArn).sort()
    ok(sandbox, `aws ecs register-task-definition --family broken --requires-compatibilities FARGATE --network-mode awsvpc --cpu 256 --memory 512 --container-definitions '[{"name":"app","image":"nginx:does-not-exist"}]'`)
    ok(sandbox, 'aws ecs create-service --cluster fargate-cluster --service-name broken --task-definition broken --desired-count 2 --launch-type FARGATE --network-configuration file://task-networking.json')
    sandbox.advance(300_000)
    expect(tasksOf(sandbox).map((t: { taskArn: string }) => t.taskArn).sort()).toEqual(healthy)
    expect(messages(describeService(sandbox))[0]).toBe('(service FargateDemoService2) has reached a steady state.')
    const stopped = ok(sandbox, 'aws ecs list-tasks --cluster fargate-cluster --service-name broken --desired-status STOPPED').taskArns
    expect(stopped.length).toBeGreaterThanOrEqual(2)
  })

  it('listeningContainer names the RUNNING container behind a task IP and containerPort, and nothing else', () => {
    const sandbox = walkthrough()
    createWebService(sandbox)
    sandbox.advance(5_000)
    const [pending] = tasksOf(sandbox)
    const ip = pending.attachments[0].details[4].value
    expect(listeningContainer(sandbox.world(), ip, 8080)).toBeUndefined()
    sandbox.advance(60_000)
    expect(listeningContainer(sandbox.world(), ip, 8080)).toEqual({
      taskArn: pending.taskArn,
      containerName: 'webapp',
      image: '123456789012.dkr.ecr.us-east-1.amazonaws.com/pythonwebapp:latest',
      containerPort: 8080,
      availabilityZone: pending.availabilityZone,
    })
    expect(listeningContainer(sandbox.world(), ip, 80)).toBeUndefined()
    expect(listeningContainer(sandbox.world(), '10.9.9.9', 8080)).toBeUndefined()
  })

  it('aws ecs wait tasks-stopped advances the clock until a stopped task is STOPPED', () => {
    const sandbox = walkthrough()
    createWebService(sandbox)
    ok(sandbox, 'aws ecs wait services-stable --cluster fargate-cluster --services FargateDemoService2')
    const [task] = tasksOf(sandbox)
    ok(sandbox, `aws ecs stop-task --cluster fargate-cluster --task ${task.taskArn}`)
    ok(sandbox, `aws ecs wait tasks-stopped --cluster fargate-cluster --tasks ${task.taskArn}`)
    expect(ok(sandbox, `aws ecs describe-tasks --cluster fargate-cluster --tasks ${task.taskArn}`).tasks[0].lastStatus).toBe('STOPPED')
  })
})
