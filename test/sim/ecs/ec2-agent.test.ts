import { describe, expect, it } from 'vitest'
import { createSandbox, ecsAgentOf } from '../../../src/sandbox/index.ts'
import { fails, ok } from './helpers.ts'
import { containerInstances, ec2Cluster, ecsAmi, instanceProfile, launchHosts, resource } from './ec2Helpers.ts'

describe('the ECS agent joins an instance to its cluster about a minute after it runs', () => {
  it('an ECS-optimized instance with ECS_CLUSTER in its user data and the instance role registers a container instance', () => {
    const s = createSandbox()
    ok(s, 'aws ecs create-cluster --cluster-name ec2-cluster')
    instanceProfile(s)
    const [id] = launchHosts(s, 'ec2-cluster')
    s.advance(20_000) // running, agent not up yet
    expect(containerInstances(s, 'ec2-cluster')).toEqual([])
    s.advance(60_000)
    const [ci] = containerInstances(s, 'ec2-cluster')
    expect(ci.ec2InstanceId).toBe(id)
    expect(ci.status).toBe('ACTIVE')
    expect(ci.agentConnected).toBe(true)
    expect(ci.containerInstanceArn).toMatch(/^arn:aws:ecs:us-east-1:123456789012:container-instance\/ec2-cluster\/[0-9a-f]{32}$/)
    // t3.large: 2 vCPU = 2048 units; 8192 MiB less the OS's share.
    expect(resource(ci, 'CPU').integerValue).toBe(2048)
    expect(resource(ci, 'MEMORY').integerValue).toBeLessThan(8192)
    expect(resource(ci, 'MEMORY').integerValue).toBeGreaterThan(7800)
    expect(resource(ci, 'PORTS').stringSetValue).toEqual(['22', '2376', '2375', '51678', '51679'])
    expect(ci.versionInfo.agentVersion).toMatch(/^1\.\d+\.\d+$/)
    expect(ci.versionInfo.dockerVersion).toMatch(/^DockerVersion: /)
    const attrs = Object.fromEntries(ci.attributes.map((a: { name: string; value?: string }) => [a.name, a.value]))
    expect(attrs['ecs.instance-type']).toBe('t3.large')
    expect(attrs['ecs.ami-id']).toBe(ecsAmi(s))
    expect(attrs['ecs.availability-zone']).toMatch(/^us-east-1[a-f]$/)
    expect(attrs['ecs.os-type']).toBe('linux')
    expect(ok(s, 'aws ecs describe-clusters --clusters ec2-cluster').clusters[0].registeredContainerInstancesCount).toBe(1)
    const agent = ecsAgentOf(s.world(), id)!
    expect(agent.state).toBe('registered')
    expect(agent.log.at(-1)).toContain("Registration completed successfully. I am running as 'arn:aws:ecs:us-east-1:123456789012:container-instance/ec2-cluster/")
  })

  it('without an instance profile the instance never joins, and the agent log says why', () => {
    const s = createSandbox()
    ok(s, 'aws ecs create-cluster --cluster-name ec2-cluster')
    const [id] = launchHosts(s, 'ec2-cluster', { profile: null })
    s.advance(10 * 60_000)
    expect(containerInstances(s, 'ec2-cluster')).toEqual([])
    const agent = ecsAgentOf(s.world(), id)!
    expect(agent.state).toBe('failing')
    expect(agent.log.at(-1)).toContain('Unable to register as a container instance with ECS: NoCredentialProviders')
  })

  it('a role without the ECS policy is denied ecs:RegisterContainerInstance; attaching it lets the agent join on its next try', () => {
    const s = createSandbox()
    ok(s, 'aws ecs create-cluster --cluster-name ec2-cluster')
    s.files.write('trust.json', JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: 'ec2.amazonaws.com' }, Action: 'sts:AssumeRole' }] }))
    ok(s, 'aws iam create-role --role-name bare --assume-role-policy-document file://trust.json')
    ok(s, 'aws iam create-instance-profile --instance-profile-name bare')
    ok(s, 'aws iam add-role-to-instance-profile --instance-profile-name bare --role-name bare')
    const [id] = launchHosts(s, 'ec2-cluster', { profile: 'bare' })
    s.advance(90_000)
    expect(ecsAgentOf(s.world(), id)!.log.at(-1)).toContain(
      `AccessDeniedException: User: arn:aws:sts::123456789012:assumed-role/bare/${id} is not authorized to perform: ecs:RegisterContainerInstance on resource: arn:aws:ecs:us-east-1:123456789012:cluster/ec2-cluster`,
    )
    ok(s, 'aws iam attach-role-policy --role-name bare --policy-arn arn:aws:iam::aws:policy/service-role/AmazonEC2ContainerServiceforEC2Role')
    s.advance(60_000)
    expect(containerInstances(s, 'ec2-cluster')).toHaveLength(1)
  })

  it('no ECS_CLUSTER joins (and creates) the default cluster; a named cluster that does not exist is not found', () => {
    const s = createSandbox()
    instanceProfile(s)
    launchHosts(s, '', { userData: '#!/bin/bash\necho hello\n' })
    const [other] = launchHosts(s, 'nope')
    s.advance(90_000)
    expect(containerInstances(s, 'default')).toHaveLength(1)
    expect(ecsAgentOf(s.world(), other)!.log.at(-1)).toContain('ClusterNotFoundException: Cluster not found.')
  })

  it('plain Amazon Linux 2023 joins only when its user data installs and enables ecs-init', () => {
    const s = createSandbox()
    ok(s, 'aws ecs create-cluster --cluster-name ec2-cluster')
    instanceProfile(s)
    const al2023 = s.exec('aws ssm get-parameters --names /aws/service/ami-amazon-linux-latest/al2023-ami-kernel-default-x86_64 --query Parameters[0].Value --output text').stdout.trim()
    const [plain] = launchHosts(s, 'ec2-cluster', { image: al2023 })
    const [installed] = launchHosts(s, 'ec2-cluster', {
      image: al2023,
      userData: '#!/bin/bash\ndnf install -y ecs-init\necho ECS_CLUSTER=ec2-cluster >> /etc/ecs/ecs.config\nsystemctl enable --now ecs\n',
    })
    s.advance(90_000)
    expect(containerInstances(s, 'ec2-cluster').map((c: { ec2InstanceId: string }) => c.ec2InstanceId)).toEqual([installed])
    expect(ecsAgentOf(s.world(), plain)).toBeUndefined()
  })

  it('stopping the instance disconnects the agent and stops its tasks; starting it reconnects the same container instance', () => {
    const { s, cluster, instanceIds } = ec2Cluster()
    s.files.write('web.json', JSON.stringify([{ name: 'web', image: 'nginx:latest', memory: 256, portMappings: [{ containerPort: 80, hostPort: 0 }] }]))
    ok(s, 'aws ecs register-task-definition --family web --container-definitions file://web.json --requires-compatibilities EC2')
    const [task] = ok(s, `aws ecs run-task --cluster ${cluster} --task-definition web --launch-type EC2`).tasks
    s.advance(60_000)
    ok(s, `aws ec2 stop-instances --instance-ids ${instanceIds[0]}`)
    s.advance(60_000)
    const stopped = ok(s, `aws ecs describe-tasks --cluster ${cluster} --tasks ${task.taskArn}`).tasks[0]
    expect(stopped.lastStatus).toBe('STOPPED')
    expect(stopped.stoppedReason).toBe(`Host EC2 (instance ${instanceIds[0]}) stopped`)
    const [ci] = containerInstances(s, cluster)
    expect(ci.agentConnected).toBe(false)
    ok(s, `aws ec2 start-instances --instance-ids ${instanceIds[0]}`)
    s.advance(90_000)
    const [again] = containerInstances(s, cluster)
    expect(again.containerInstanceArn).toBe(ci.containerInstanceArn)
    expect(again.agentConnected).toBe(true)
    // The stopped task gave its memory back.
    expect(resource(again, 'MEMORY').integerValue).toBe(again.registeredResources.find((r: { name: string }) => r.name === 'MEMORY').integerValue)
  })

  it('terminating the instance deregisters its container instance (INACTIVE)', () => {
    const { s, cluster, instanceIds } = ec2Cluster()
    const [ci] = containerInstances(s, cluster)
    ok(s, `aws ec2 terminate-instances --instance-ids ${instanceIds[0]}`)
    s.advance(60_000)
    expect(containerInstances(s, cluster)).toEqual([])
    const described = ok(s, `aws ecs describe-container-instances --cluster ${cluster} --container-instances ${ci.containerInstanceArn}`).containerInstances[0]
    expect(described.status).toBe('INACTIVE')
    expect(fails(s, `aws ecs deregister-container-instance --cluster ${cluster} --container-instance ${ci.containerInstanceArn}`)).toContain('InvalidParameterException')
  })
})
