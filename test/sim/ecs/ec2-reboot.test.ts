import { describe, expect, it } from 'vitest'
import { createSandbox } from '../../../src/sandbox/index.ts'
import { containerInstances, ec2Cluster, registerEc2TaskDefinition, WEB } from './ec2Helpers.ts'
import { ok, type Sandbox } from './helpers.ts'

const stateOf = (s: Sandbox, id: string) => ok(s, `aws ec2 describe-instances --instance-ids ${id} --query Reservations[0].Instances[0].State`)
const serviceTasks = (s: Sandbox, cluster: string, status: 'RUNNING' | 'STOPPED') =>
  ok(s, `aws ecs list-tasks --cluster ${cluster} --service-name web --desired-status ${status}`).taskArns as string[]

describe('aws ec2 reboot-instances on an ECS container instance', () => {
  function rebootedHost() {
    const { s, cluster, instanceIds } = ec2Cluster()
    registerEc2TaskDefinition(s, 'web', [WEB(256)])
    ok(s, `aws ecs create-service --cluster ${cluster} --service-name web --task-definition web --desired-count 2 --launch-type EC2`)
    s.advance(60_000)
    const before = serviceTasks(s, cluster, 'RUNNING')
    expect(before).toHaveLength(2)
    ok(s, `aws ec2 reboot-instances --instance-ids ${instanceIds[0]}`)
    s.advance(5_000)
    return { s, cluster, instanceId: instanceIds[0], before }
  }

  it('kills the host’s containers: its tasks stop with the container-exit reason, and the instance stays running', () => {
    const { s, cluster, instanceId, before } = rebootedHost()
    expect(stateOf(s, instanceId)).toEqual({ Code: 16, Name: 'running' })
    const stopped = ok(s, `aws ecs describe-tasks --cluster ${cluster} --tasks ${before.join(' ')}`).tasks
    for (const t of stopped) {
      expect(t.desiredStatus).toBe('STOPPED')
      expect(t.stopCode).toBe('EssentialContainerExited')
      expect(t.stoppedReason).toBe('Essential container in task exited')
      expect(t.containers[0].exitCode).toBe(137)
    }
  })

  it('disconnects the agent while the OS restarts, and the agent connects again as the same container instance', () => {
    const { s, cluster } = rebootedHost()
    const [during] = containerInstances(s, cluster)
    expect(during.agentConnected).toBe(false)
    expect(during.status).toBe('ACTIVE')
    s.advance(90_000)
    const [after] = containerInstances(s, cluster)
    expect(after.containerInstanceArn).toBe(during.containerInstanceArn)
    expect(after.agentConnected).toBe(true)
  })

  it('the service replaces its tasks on the host once the agent is back', () => {
    const { s, cluster, before } = rebootedHost()
    s.advance(30_000)
    // Its only host is disconnected: nowhere to place yet.
    expect(serviceTasks(s, cluster, 'RUNNING')).toEqual([])
    s.advance(120_000)
    const now = serviceTasks(s, cluster, 'RUNNING')
    expect(now).toHaveLength(2)
    expect(now.filter((arn) => before.includes(arn))).toEqual([])
    expect(ok(s, `aws ecs describe-services --cluster ${cluster} --services web --query services[0].runningCount`)).toBe(2)
  })

  it('a second reboot while the first is under way changes nothing more', () => {
    const { s, cluster, instanceId } = rebootedHost()
    ok(s, `aws ec2 reboot-instances --instance-ids ${instanceId}`)
    s.advance(90_000)
    expect(containerInstances(s, cluster)[0].agentConnected).toBe(true)
  })

  it('a stop during the reboot wins: the instance stops, and its agent stays away', () => {
    const { s, cluster, instanceId } = rebootedHost()
    ok(s, `aws ec2 stop-instances --instance-ids ${instanceId}`)
    s.advance(120_000)
    expect(stateOf(s, instanceId).Name).toBe('stopped')
    expect(containerInstances(s, cluster)[0].agentConnected).toBe(false)
  })
})

describe('aws ec2 reboot-instances on an instance without the ECS agent', () => {
  it('changes nothing a learner can see, but the event log records the reboot', () => {
    const s = createSandbox()
    const ami = ok(s, 'aws ec2 describe-images --owners amazon --filters Name=name,Values=al2023-ami-2023* --query Images[0].ImageId').toString()
    const id = ok(s, `aws ec2 run-instances --image-id ${ami} --instance-type t3.micro`).Instances[0].InstanceId
    s.advance(20_000)
    const described = () => ok(s, `aws ec2 describe-instances --instance-ids ${id}`)
    const before = described()
    expect(s.exec(`aws ec2 reboot-instances --instance-ids ${id}`)).toEqual({ stdout: '', stderr: '', exitCode: 0 })
    s.advance(5_000)
    expect(described()).toEqual(before)
    s.advance(60_000)
    expect(described()).toEqual(before)
    const why = s.world().log.entries.filter((e) => e.resource === id).map((e) => e.why ?? '')
    expect(why.filter((w) => /^reboot/.test(w))).toEqual(['rebooting: the operating system restarts, the instance stays running', 'rebooted: the operating system is up again'])
  })

  it('help says where the sandbox’s reboot departs from AWS', () => {
    const help = createSandbox().exec('aws ec2 reboot-instances help').stdout.replace(/\s+/g, ' ')
    expect(help).toContain('In Container Sandbox: the operating system restarts in about 15 seconds')
  })

  it('a terminated instance is ignored, as EC2 ignores it', () => {
    const s = createSandbox()
    const ami = ok(s, 'aws ec2 describe-images --owners amazon --filters Name=name,Values=al2023-ami-2023* --query Images[0].ImageId').toString()
    const id = ok(s, `aws ec2 run-instances --image-id ${ami} --instance-type t3.micro`).Instances[0].InstanceId
    ok(s, `aws ec2 terminate-instances --instance-ids ${id}`)
    s.advance(60_000)
    expect(s.exec(`aws ec2 reboot-instances --instance-ids ${id}`).exitCode).toBe(0)
    expect(stateOf(s, id).Name).toBe('terminated')
  })
})
