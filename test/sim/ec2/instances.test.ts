import { describe, expect, it } from 'vitest'
import { createSandbox, instanceHost } from '../../../src/sandbox/index.ts'
import { ok, fails, type Sandbox } from '../../support/exec.ts'

const ECS_AMI = (s: Sandbox) => ok(s, 'aws ssm get-parameters --names /aws/service/ecs/optimized-ami/amazon-linux-2023/recommended/image_id --query Parameters[0].Value --output text')

function launch(s: Sandbox, extra = ''): string {
  return ok(s, `aws ec2 run-instances --image-id ${ECS_AMI(s)} --instance-type t3.micro ${extra} --query Instances[0].InstanceId --output text`)
}

const stateOf = (s: Sandbox, id: string) => ok(s, `aws ec2 describe-instances --instance-ids ${id} --query Reservations[0].Instances[0].State.Name --output text`)

describe('aws ec2 run-instances launches instances that boot on the virtual clock', () => {
  it('a new instance is pending (code 0) with an address from its subnet, then running (code 16)', () => {
    const s = createSandbox()
    const out = JSON.parse(ok(s, `aws ec2 run-instances --image-id ${ECS_AMI(s)} --instance-type t3.micro`))
    const [instance] = out.Instances
    expect(out.ReservationId).toMatch(/^r-0[0-9a-f]{16}$/)
    expect(instance.InstanceId).toMatch(/^i-0[0-9a-f]{16}$/)
    expect(instance.State).toEqual({ Code: 0, Name: 'pending' })
    expect(instance.StateReason).toEqual({ Code: 'pending', Message: 'pending' })
    const subnetCidr = ok(s, `aws ec2 describe-subnets --subnet-ids ${instance.SubnetId} --query Subnets[0].CidrBlock --output text`)
    expect(subnetCidr.startsWith(instance.PrivateIpAddress.split('.').slice(0, 2).join('.'))).toBe(true)
    // The default subnets map public IPs: the instance has one, shown on its ENI too.
    expect(instance.PublicIpAddress).toMatch(/^\d+\.\d+\.\d+\.\d+$/)
    expect(instance.NetworkInterfaces[0].Association.PublicIp).toBe(instance.PublicIpAddress)
    const eni = JSON.parse(ok(s, `aws ec2 describe-network-interfaces --filters Name=attachment.instance-id,Values=${instance.InstanceId} --query NetworkInterfaces[0]`))
    expect(eni.Attachment.InstanceId).toBe(instance.InstanceId)
    expect(eni.PrivateIpAddress).toBe(instance.PrivateIpAddress)
    s.advance(20_000)
    const running = JSON.parse(ok(s, `aws ec2 describe-instances --instance-ids ${instance.InstanceId} --query Reservations[0].Instances[0]`))
    expect(running.State).toEqual({ Code: 16, Name: 'running' })
    expect(running.StateReason).toBeUndefined()
  })

  it('--count 2 launches two instances in one reservation; --count 1:3 up to three', () => {
    const s = createSandbox()
    const two = JSON.parse(ok(s, `aws ec2 run-instances --image-id ${ECS_AMI(s)} --instance-type t3.micro --count 2`))
    expect(two.Instances.map((i: { AmiLaunchIndex: number }) => i.AmiLaunchIndex)).toEqual([0, 1])
    const three = ok(s, `aws ec2 run-instances --image-id ${ECS_AMI(s)} --instance-type t3.micro --count 1:3 --query 'length(Instances)'`)
    expect(three).toBe('3')
    expect(ok(s, 'aws ec2 describe-instances --query "length(Reservations)"')).toBe('2')
  })

  it('errors in EC2’s words, and nothing launched', () => {
    const s = createSandbox()
    const ami = ECS_AMI(s)
    expect(fails(s, 'aws ec2 run-instances --image-id ami-0123456789abcdef0 --instance-type t3.micro')).toContain(
      "An error occurred (InvalidAMIID.NotFound) when calling the RunInstances operation: The image id '[ami-0123456789abcdef0]' does not exist")
    expect(fails(s, 'aws ec2 run-instances --image-id ami-xyz --instance-type t3.micro')).toContain('(InvalidAMIID.Malformed)')
    expect(fails(s, `aws ec2 run-instances --image-id ${ami} --instance-type t3.mirco`)).toContain("(InvalidParameterValue) when calling the RunInstances operation: Invalid value 't3.mirco' for InstanceType.")
    expect(fails(s, `aws ec2 run-instances --image-id ${ami} --instance-type t3.micro --subnet-id subnet-0123456789abcdef0`)).toContain(
      "(InvalidSubnetID.NotFound) when calling the RunInstances operation: The subnet ID 'subnet-0123456789abcdef0' does not exist")
    expect(fails(s, `aws ec2 run-instances --image-id ${ami} --instance-type t3.micro --security-group-ids sg-0123456789abcdef0`)).toContain(
      "(InvalidGroup.NotFound) when calling the RunInstances operation: The security group 'sg-0123456789abcdef0' does not exist")
    expect(fails(s, `aws ec2 run-instances --image-id ${ami} --instance-type t3.micro --key-name mykey`)).toContain("(InvalidKeyPair.NotFound) when calling the RunInstances operation: The key pair 'mykey' does not exist")
    expect(fails(s, `aws ec2 run-instances --image-id ${ami} --instance-type t3.micro --iam-instance-profile Name=ecsInstanceRole`)).toContain(
      '(InvalidParameterValue) when calling the RunInstances operation: Value (ecsInstanceRole) for parameter iamInstanceProfile.name is invalid. Invalid IAM Instance Profile name')
    expect(ok(s, 'aws ec2 describe-instances --query "length(Reservations)"')).toBe('0')
    expect(ok(s, 'aws ec2 describe-network-interfaces --query "length(NetworkInterfaces)"')).toBe('0')
  })

  it('keeps the options it was given: key pair, security groups, tags, instance profile and its role', () => {
    const s = createSandbox()
    ok(s, 'aws ec2 create-key-pair --key-name mykey')
    ok(s, 'aws iam create-instance-profile --instance-profile-name ecsInstanceRole')
    ok(s, 'aws iam add-role-to-instance-profile --instance-profile-name ecsInstanceRole --role-name ecsInstanceRole')
    const sg = ok(s, 'aws ec2 describe-security-groups --group-names web --query SecurityGroups[0].GroupId --output text')
    const id = launch(s, `--key-name mykey --security-group-ids ${sg} --iam-instance-profile Name=ecsInstanceRole --tag-specifications 'ResourceType=instance,Tags=[{Key=Name,Value=ecs-host}]'`)
    const instance = JSON.parse(ok(s, `aws ec2 describe-instances --filters Name=tag:Name,Values=ecs-host --query Reservations[0].Instances[0]`))
    expect(instance.InstanceId).toBe(id)
    expect(instance.KeyName).toBe('mykey')
    expect(instance.SecurityGroups).toEqual([{ GroupId: sg, GroupName: 'web' }])
    expect(instance.IamInstanceProfile.Arn).toMatch(/:instance-profile\/ecsInstanceRole$/)
    expect(ok(s, `aws ec2 describe-instances --filters Name=iam-instance-profile.arn,Values=${instance.IamInstanceProfile.Arn} --query Reservations[].Instances[].InstanceId --output text`)).toBe(id)
    // The instance records its profile's role: what the ECS agent will run as.
    expect(roleOf(s, id)).toBe('ecsInstanceRole')
  })

  it('--user-data file:// is sent base64 and returned so by describe-instance-attribute', () => {
    const s = createSandbox()
    const script = '#!/bin/bash\necho ECS_CLUSTER=web >> /etc/ecs/ecs.config\n'
    s.files.write('bootstrap.sh', script)
    const id = launch(s, '--user-data file://bootstrap.sh')
    const value = ok(s, `aws ec2 describe-instance-attribute --instance-id ${id} --attribute userData --query UserData.Value --output text`)
    expect(atob(value)).toBe(script)
    // The inspector reads the script decoded, with the image's capability: this AMI starts the ECS agent.
    const host = instanceHost(s.world(), id)
    expect(host?.userData).toBe(script)
    expect(host?.ecsAgent).toBe(true)
  })

  it('--associate-public-ip-address gives a public IP in a subnet that does not map one; --no-... leaves it out', () => {
    const s = createSandbox()
    const subnet = ok(s, 'aws ec2 describe-subnets --query Subnets[0].SubnetId --output text')
    const without = launch(s, `--subnet-id ${subnet} --no-associate-public-ip-address`)
    expect(ok(s, `aws ec2 describe-instances --instance-ids ${without} --query Reservations[0].Instances[0].[SubnetId,PublicIpAddress] --output text`)).toBe(`${subnet}\tNone`)
    const withIp = launch(s, `--subnet-id ${subnet} --associate-public-ip-address`)
    expect(ok(s, `aws ec2 describe-instances --instance-ids ${withIp} --query Reservations[0].Instances[0].PublicIpAddress --output text`)).toMatch(/^\d+\.\d+\.\d+\.\d+$/)
  })

  it('an instance from plain Amazon Linux 2023 has no ECS agent', () => {
    const s = createSandbox()
    const ami = ok(s, 'aws ssm get-parameter --name /aws/service/ami-amazon-linux-latest/al2023-ami-kernel-default-x86_64 --query Parameter.Value --output text')
    const id = ok(s, `aws ec2 run-instances --image-id ${ami} --instance-type t3.micro --query Instances[0].InstanceId --output text`)
    expect(instanceHost(s.world(), id)?.ecsAgent).toBe(false)
  })
})

function roleOf(s: Sandbox, id: string): string | undefined {
  return (JSON.parse(JSON.stringify(s.snapshot())) as { world: { ec2: { instanceData: Record<string, { roleName?: string }> } } }).world.ec2.instanceData[id]?.roleName
}

describe('stop, start, terminate and reboot answer with EC2’s state changes', () => {
  it('stop: running → stopping → stopped, with the user-initiated reason; start: back to pending then running', () => {
    const s = createSandbox()
    const id = launch(s)
    s.advance(20_000)
    const stop = JSON.parse(ok(s, `aws ec2 stop-instances --instance-ids ${id}`))
    expect(stop).toEqual({ StoppingInstances: [{ InstanceId: id, CurrentState: { Code: 64, Name: 'stopping' }, PreviousState: { Code: 16, Name: 'running' } }] })
    const stopping = JSON.parse(ok(s, `aws ec2 describe-instances --instance-ids ${id} --query Reservations[0].Instances[0]`))
    expect(stopping.StateTransitionReason).toBe('User initiated (2026-01-05 09:00:20 GMT)')
    expect(stopping.StateReason).toEqual({ Code: 'Client.UserInitiatedShutdown', Message: 'Client.UserInitiatedShutdown: User initiated shutdown' })
    s.advance(30_000)
    expect(stateOf(s, id)).toBe('stopped')
    expect(ok(s, `aws ec2 describe-instances --instance-ids ${id} --query Reservations[0].Instances[0].PublicIpAddress --output text`)).toBe('None')
    const start = JSON.parse(ok(s, `aws ec2 start-instances --instance-ids ${id}`))
    expect(start.StartingInstances[0].CurrentState).toEqual({ Code: 0, Name: 'pending' })
    expect(start.StartingInstances[0].PreviousState).toEqual({ Code: 80, Name: 'stopped' })
    s.advance(20_000)
    expect(stateOf(s, id)).toBe('running')
  })

  it('terminate: shutting-down (32) → terminated (48); the ENI is released; about an hour later it is gone', () => {
    const s = createSandbox()
    const id = launch(s)
    s.advance(20_000)
    const out = JSON.parse(ok(s, `aws ec2 terminate-instances --instance-ids ${id}`))
    expect(out.TerminatingInstances[0].CurrentState).toEqual({ Code: 32, Name: 'shutting-down' })
    s.advance(30_000)
    expect(stateOf(s, id)).toBe('terminated')
    expect(ok(s, 'aws ec2 describe-network-interfaces --query "length(NetworkInterfaces)"')).toBe('0')
    expect(fails(s, `aws ec2 start-instances --instance-ids ${id}`)).toContain('(IncorrectInstanceState)')
    s.advance(60 * 60_000)
    expect(fails(s, `aws ec2 describe-instances --instance-ids ${id}`)).toContain(`(InvalidInstanceID.NotFound) when calling the DescribeInstances operation: The instance ID '${id}' does not exist`)
  })

  it('a stop refused for one instance changes none of them', () => {
    const s = createSandbox()
    const a = launch(s)
    const b = launch(s)
    s.advance(20_000)
    ok(s, `aws ec2 terminate-instances --instance-ids ${b}`)
    expect(fails(s, `aws ec2 stop-instances --instance-ids ${a} ${b}`)).toContain(`(IncorrectInstanceState) when calling the StopInstances operation: This instance '${b}' is not in a state from which it can be stopped.`)
    expect(stateOf(s, a)).toBe('running')
    ok(s, `aws ec2 reboot-instances --instance-ids ${a}`)
    expect(stateOf(s, a)).toBe('running')
  })

  it('filters instance-state-name and instance-type; describe-instance-status lists running ones unless --include-all-instances', () => {
    const s = createSandbox()
    const a = launch(s)
    expect(ok(s, 'aws ec2 describe-instances --filters Name=instance-state-name,Values=running --query "length(Reservations)"')).toBe('0')
    expect(ok(s, 'aws ec2 describe-instance-status --query "length(InstanceStatuses)"')).toBe('0')
    expect(ok(s, 'aws ec2 describe-instance-status --include-all-instances --query InstanceStatuses[0].InstanceState.Name --output text')).toBe('pending')
    s.advance(20_000)
    expect(ok(s, 'aws ec2 describe-instances --filters Name=instance-state-name,Values=running Name=instance-type,Values=t3.* --query Reservations[].Instances[].InstanceId --output text')).toBe(a)
    expect(ok(s, 'aws ec2 describe-instance-status --query InstanceStatuses[0].InstanceStatus.Status --output text')).toBe('ok')
  })
})

describe('a refused launch changes nothing', () => {
  it('the world is byte-identical after run-instances fails on its last check', () => {
    const s = createSandbox()
    const ami = ECS_AMI(s)
    const before = JSON.stringify(s.snapshot().world)
    fails(s, `aws ec2 run-instances --image-id ${ami} --instance-type t3.micro --key-name missing`)
    expect(JSON.stringify(s.snapshot().world)).toBe(before)
  })
})

describe('waiters run on the virtual clock', () => {
  it('instance-running fails on an instance that is shutting down, in the waiter’s words', () => {
    const s = createSandbox()
    const id = launch(s)
    ok(s, `aws ec2 terminate-instances --instance-ids ${id}`)
    expect(fails(s, `aws ec2 wait instance-running --instance-ids ${id}`)).toBe(
      'aws: [ERROR]: Waiter InstanceRunning failed: Waiter encountered a terminal failure state: For expression "Reservations[].Instances[].State.Name" we matched expected path: "shutting-down" at least once')
  })

  it('instance-running, instance-stopped and instance-terminated return once the state is reached', () => {
    const s = createSandbox()
    const id = launch(s)
    const start = s.now()
    ok(s, `aws ec2 wait instance-running --instance-ids ${id}`)
    expect(s.now()).toBeGreaterThan(start)
    expect(stateOf(s, id)).toBe('running')
    ok(s, `aws ec2 stop-instances --instance-ids ${id}`)
    ok(s, `aws ec2 wait instance-stopped --instance-ids ${id}`)
    expect(stateOf(s, id)).toBe('stopped')
    ok(s, `aws ec2 terminate-instances --instance-ids ${id}`)
    ok(s, `aws ec2 wait instance-terminated --instance-ids ${id}`)
    expect(stateOf(s, id)).toBe('terminated')
  })
})
