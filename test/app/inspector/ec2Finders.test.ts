import { describe, expect, it } from 'vitest'
import { findResource } from '../../../src/app/inspector/findResource.ts'
import { createSandbox } from '../../../src/sandbox/index.ts'

const out = (s: ReturnType<typeof createSandbox>, line: string) => s.exec(line).stdout.trim()

describe('the inspector on an EC2 instance', () => {
  it('shows the user data as the script it is, and the ECS agent’s log saying why it never joined', () => {
    const s = createSandbox()
    const ami = out(s, 'aws ssm get-parameters --names /aws/service/ecs/optimized-ami/amazon-linux-2023/recommended/image_id --query Parameters[0].Value --output text')
    s.files.write('join.sh', '#!/bin/bash\necho ECS_CLUSTER=web >> /etc/ecs/ecs.config\n')
    // No instance profile: the agent starts but cannot register.
    const id = out(s, `aws ec2 run-instances --image-id ${ami} --instance-type t3.micro --user-data file://join.sh --query Instances[0].InstanceId --output text`)
    s.advance(180_000)
    const found = findResource(s.world(), id)
    expect(found?.kind).toBe('EC2 instance')
    const data = found?.data as { UserData: string; EcsAgentLog: string[] }
    expect(data.UserData).toBe('#!/bin/bash\necho ECS_CLUSTER=web >> /etc/ecs/ecs.config\n')
    expect(data.EcsAgentLog.join('\n')).toMatch(/NoCredentialProviders/)
    expect(Object.fromEntries(found?.facts ?? [])).toMatchObject({
      State: 'running',
      'Instance profile': 'none (the ECS agent cannot register without one)',
      'ECS agent': 'failing, cluster web',
    })
    expect(found?.describeCommand).toBe(`aws ec2 describe-instances --instance-ids ${id}`)
  })

  it('shows a volume with its zone and where it is attached', () => {
    const s = createSandbox()
    const vol = out(s, 'aws ec2 create-volume --availability-zone us-east-1b --size 20 --volume-type gp3 --query VolumeId --output text')
    s.advance(30_000)
    expect(Object.fromEntries(findResource(s.world(), vol)?.facts ?? [])).toEqual({
      State: 'available',
      Size: '20 GiB gp3',
      'Availability Zone': 'us-east-1b',
      'Attached to': 'nothing',
    })
  })
})
