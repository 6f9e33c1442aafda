import { describe, expect, it } from 'vitest'
import { createSandbox } from '../../../src/sandbox/index.ts'
import { fails, ok } from './helpers.ts'
import { ec2Cluster, registerEc2TaskDefinition, WEB } from './ec2Helpers.ts'

const containers = (defs: object[]) => `--container-definitions '${JSON.stringify(defs)}'`
const register = (mode: string | undefined, defs: object[]) =>
  `aws ecs register-task-definition --family web ${mode ? `--network-mode ${mode} ` : ''}--memory 512 ${containers(defs)}`
const web = (portMappings: object[], extra: object = {}) => [{ name: 'web', image: 'nginx', portMappings, ...extra }]
const error = (message: string) => `\naws: [ERROR]: An error occurred (ClientException) when calling the RegisterTaskDefinition operation: ${message}\n`

describe('register-task-definition applies the rules of each network mode', () => {
  it('a definition without a network mode is bridge, and an omitted hostPort is stored as 0 (dynamic)', () => {
    const { taskDefinition } = ok(createSandbox(), register(undefined, web([{ containerPort: 80 }])))
    expect(taskDefinition.networkMode).toBe('bridge')
    expect(taskDefinition.containerDefinitions[0].portMappings).toEqual([{ containerPort: 80, hostPort: 0, protocol: 'tcp' }])
  })

  it('bridge keeps a fixed hostPort different from the container port, and hostPort 0', () => {
    const { taskDefinition } = ok(createSandbox(), register('bridge', web([{ containerPort: 80, hostPort: 8080 }, { containerPort: 81, hostPort: 0 }])))
    expect(taskDefinition.containerDefinitions[0].portMappings.map((p: { hostPort: number }) => p.hostPort)).toEqual([8080, 0])
  })

  it.each(['host', 'awsvpc'])('%s fills hostPort with the container port when it is omitted or 0', (mode) => {
    const { taskDefinition } = ok(createSandbox(), register(mode, web([{ containerPort: 80 }, { containerPort: 81, hostPort: 0 }, { containerPort: 82, hostPort: 82 }])))
    expect(taskDefinition.networkMode).toBe(mode)
    expect(taskDefinition.containerDefinitions[0].portMappings.map((p: { hostPort: number }) => p.hostPort)).toEqual([80, 81, 82])
  })

  it.each([
    ['host with a different hostPort', register('host', web([{ containerPort: 80, hostPort: 8080 }])), 'When networkMode=host, the host ports and container ports in port mappings must match.'],
    ['awsvpc with a different hostPort', register('awsvpc', web([{ containerPort: 80, hostPort: 8080 }])), 'When networkMode=awsvpc, the host ports and container ports in port mappings must match.'],
    ['none with port mappings', register('none', web([{ containerPort: 80 }])), 'When networkMode=none, port mappings are not supported.'],
    ['a hostPort out of range', register('bridge', web([{ containerPort: 80, hostPort: 70000 }])), "Invalid 'hostPort' setting for container 'web'."],
    ['links in awsvpc mode', register('awsvpc', [...web([]), { name: 'app', image: 'nginx', links: ['web'] }]), 'Links are not supported when networkMode=awsvpc.'],
    ['links in host mode', register('host', [...web([]), { name: 'app', image: 'nginx', links: ['web'] }]), 'Links are not supported when networkMode=host.'],
  ])('%s is refused and nothing is registered', (_what, line, message) => {
    const sandbox = createSandbox()
    expect(fails(sandbox, line)).toBe(error(message))
    expect(ok(sandbox, 'aws ecs list-task-definitions').taskDefinitionArns).toEqual([])
  })

  it('none without port mappings registers; bridge accepts links between its containers', () => {
    const sandbox = createSandbox()
    expect(ok(sandbox, register('none', web([]))).taskDefinition.networkMode).toBe('none')
    const linked = ok(sandbox, register('bridge', [...web([{ containerPort: 80 }]), { name: 'app', image: 'nginx', links: ['web:backend'] }]))
    expect(linked.taskDefinition.containerDefinitions[1].links).toEqual(['web:backend'])
  })
})

describe('awsvpc tasks on EC2', () => {
  it('pull their images through the instance (their ENI has no public IP) and run, each with its own address', () => {
    const { s, cluster } = ec2Cluster()
    const subnet = Object.values(s.world().ec2.instances)[0].SubnetId
    registerEc2TaskDefinition(s, 'web', [WEB(256)], '--network-mode awsvpc')
    const run = ok(s, `aws ecs run-task --cluster ${cluster} --task-definition web --count 2 --launch-type EC2 --network-configuration "awsvpcConfiguration={subnets=[${subnet}]}"`)
    expect(run.failures).toEqual([])
    s.advance(60_000)
    const arns = ok(s, `aws ecs list-tasks --cluster ${cluster}`).taskArns
    const tasks = ok(s, `aws ecs describe-tasks --cluster ${cluster} --tasks ${arns.join(' ')}`).tasks
    expect(tasks.map((t: { lastStatus: string }) => t.lastStatus)).toEqual(['RUNNING', 'RUNNING'])
    const ips = tasks.map((t: { containers: { networkInterfaces: { privateIpv4Address: string }[] }[] }) => t.containers[0].networkInterfaces[0].privateIpv4Address)
    expect(new Set(ips).size).toBe(2)
  })

  it("each task's ENI shows in describe-network-interfaces attached to its instance, and --filters Name=interface-type finds them", () => {
    const { s, cluster, instanceIds } = ec2Cluster()
    const subnet = Object.values(s.world().ec2.instances)[0].SubnetId
    registerEc2TaskDefinition(s, 'web', [WEB(256)], '--network-mode awsvpc')
    ok(s, `aws ecs run-task --cluster ${cluster} --task-definition web --count 2 --launch-type EC2 --network-configuration "awsvpcConfiguration={subnets=[${subnet}]}"`)
    s.advance(60_000)
    const arns = ok(s, `aws ecs list-tasks --cluster ${cluster}`).taskArns
    const tasks = ok(s, `aws ecs describe-tasks --cluster ${cluster} --tasks ${arns.join(' ')}`).tasks
    const taskEnis = tasks.map((t: { attachments: { details: { name: string; value: string }[] }[] }) => t.attachments[0].details.find((d) => d.name === 'networkInterfaceId')!.value)
    const onInstance = ok(s, `aws ec2 describe-network-interfaces --filters Name=attachment.instance-id,Values=${instanceIds[0]}`).NetworkInterfaces
    // The instance's own interface (device 0) and one ENI per task, each its next device.
    expect(onInstance.map((n: { Attachment: { DeviceIndex: number } }) => n.Attachment.DeviceIndex).sort()).toEqual([0, 1, 2])
    const tasksOwn = onInstance.filter((n: { NetworkInterfaceId: string }) => taskEnis.includes(n.NetworkInterfaceId))
    expect(tasksOwn).toHaveLength(2)
    for (const eni of tasksOwn) {
      expect(eni.InterfaceType).toBe('interface')
      expect(eni.Attachment).toMatchObject({ InstanceId: instanceIds[0], Status: 'attached' })
      expect(eni.Description).toMatch(/^arn:aws:ecs:us-east-1:\d{12}:attachment\//)
    }
    const byType = ok(s, 'aws ec2 describe-network-interfaces --filters Name=interface-type,Values=interface --query NetworkInterfaces[].NetworkInterfaceId')
    expect(byType).toEqual(expect.arrayContaining(taskEnis))
    expect(ok(s, 'aws ec2 describe-network-interfaces --filters Name=interface-type,Values=branch').NetworkInterfaces).toEqual([])
  })
})
