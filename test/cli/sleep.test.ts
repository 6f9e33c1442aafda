import { describe, expect, it } from 'vitest'
import { createSandbox } from '../../src/sandbox/index.ts'

describe('sleep', () => {
  it('moves the virtual clock by the sum of its arguments, as a waiter does', () => {
    const s = createSandbox()
    const before = s.now()
    expect(s.exec('sleep 90')).toEqual({ stdout: '', stderr: '', exitCode: 0 })
    expect(s.now() - before).toBe(90_000)
    s.exec('sleep 1m 30s 0.5')
    expect(s.now() - before).toBe(180_500)
  })

  it('refuses what coreutils refuses, in its words, and moves nothing', () => {
    const s = createSandbox()
    const before = s.now()
    expect(s.exec('sleep soon')).toEqual({ stdout: '', stderr: "sleep: invalid time interval 'soon'\nTry 'sleep --help' for more information.\n", exitCode: 1 })
    expect(s.exec('sleep').stderr).toBe("sleep: missing operand\nTry 'sleep --help' for more information.\n")
    expect(s.now()).toBe(before)
  })

  it('lets an ECS-optimized instance boot and its agent register', () => {
    const s = createSandbox()
    s.exec('aws ecs create-cluster --cluster-name default')
    s.exec('aws iam create-instance-profile --instance-profile-name ecsInstanceRole')
    s.exec('aws iam add-role-to-instance-profile --instance-profile-name ecsInstanceRole --role-name ecsInstanceRole')
    s.exec('AMI=$(aws ssm get-parameters --names /aws/service/ecs/optimized-ami/amazon-linux-2023/recommended/image_id --query Parameters[0].Value --output text)')
    s.exec('aws ec2 run-instances --image-id $AMI --instance-type t3.small --iam-instance-profile Name=ecsInstanceRole')
    expect(s.exec('aws ecs list-container-instances --query containerInstanceArns --output text').stdout.trim()).toBe('')
    s.exec('sleep 2m')
    expect(s.exec('aws ecs list-container-instances --query containerInstanceArns --output text').stdout).toMatch(/container-instance\/default\//)
  })
})
