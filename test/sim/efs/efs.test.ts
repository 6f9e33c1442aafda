import { describe, expect, it } from 'vitest'
import { createSandbox } from '../../../src/sandbox/index.ts'
import { ok, fails, type Sandbox } from '../../support/exec.ts'

const subnetIn = (s: Sandbox, zone: string, index = 0) =>
  ok(s, `aws ec2 describe-subnets --filters Name=availability-zone,Values=${zone} --query Subnets[${index}].SubnetId --output text`)

describe('aws efs: a file system reached through one mount target per Availability Zone', () => {
  it('create-file-system is creating, then available; a repeated creation token is FileSystemAlreadyExists', () => {
    const s = createSandbox()
    const fs = JSON.parse(ok(s, 'aws efs create-file-system --creation-token site --tags Key=Name,Value=site'))
    expect(fs).toMatchObject({ LifeCycleState: 'creating', CreationToken: 'site', Name: 'site', NumberOfMountTargets: 0, PerformanceMode: 'generalPurpose', OwnerId: '123456789012' })
    expect(fs.FileSystemId).toMatch(/^fs-0[0-9a-f]{16}$/)
    expect(fs.FileSystemArn).toBe(`arn:aws:elasticfilesystem:us-east-1:123456789012:file-system/${fs.FileSystemId}`)
    s.advance(10_000)
    expect(ok(s, `aws efs describe-file-systems --file-system-id ${fs.FileSystemId} --query FileSystems[0].LifeCycleState --output text`)).toBe('available')
    expect(fails(s, 'aws efs create-file-system --creation-token site')).toContain(`An error occurred (FileSystemAlreadyExists) when calling the CreateFileSystem operation: File system '${fs.FileSystemId}' already exists with creation token 'site'`)
    expect(fails(s, 'aws efs describe-file-systems --file-system-id fs-0123456789abcdef0')).toContain("(FileSystemNotFound) when calling the DescribeFileSystems operation: File system 'fs-0123456789abcdef0' does not exist.")
  })

  it('one mount target per zone (MountTargetConflict), each an ENI in its subnet; the file system cannot be deleted while it has any', () => {
    const s = createSandbox()
    const id = ok(s, 'aws efs create-file-system --query FileSystemId --output text')
    s.advance(10_000)
    const mt = JSON.parse(ok(s, `aws efs create-mount-target --file-system-id ${id} --subnet-id ${subnetIn(s, 'us-east-1a')}`))
    expect(mt).toMatchObject({ FileSystemId: id, LifeCycleState: 'creating', AvailabilityZoneName: 'us-east-1a' })
    expect(ok(s, `aws ec2 describe-network-interfaces --network-interface-ids ${mt.NetworkInterfaceId} --query NetworkInterfaces[0].PrivateIpAddress --output text`)).toBe(mt.IpAddress)
    const before = JSON.stringify(s.snapshot().world)
    expect(fails(s, `aws efs create-mount-target --file-system-id ${id} --subnet-id ${subnetIn(s, 'us-east-1a')}`)).toContain('An error occurred (MountTargetConflict) when calling the CreateMountTarget operation: mount target already exists in this AZ')
    expect(JSON.stringify(s.snapshot().world)).toBe(before)
    ok(s, `aws efs create-mount-target --file-system-id ${id} --subnet-id ${subnetIn(s, 'us-east-1b')}`)
    s.advance(120_000)
    const targets = JSON.parse(ok(s, `aws efs describe-mount-targets --file-system-id ${id} --query MountTargets`))
    expect(targets.map((t: { AvailabilityZoneName: string; LifeCycleState: string }) => [t.AvailabilityZoneName, t.LifeCycleState])).toEqual([['us-east-1a', 'available'], ['us-east-1b', 'available']])
    expect(ok(s, `aws efs describe-file-systems --file-system-id ${id} --query FileSystems[0].NumberOfMountTargets`)).toBe('2')
    expect(fails(s, `aws efs delete-file-system --file-system-id ${id}`)).toContain(`(FileSystemInUse) when calling the DeleteFileSystem operation: The file system '${id}' cannot be deleted because it has mount targets. You must delete the mount targets, and then try again.`)
    for (const t of targets) ok(s, `aws efs delete-mount-target --mount-target-id ${t.MountTargetId}`)
    s.advance(60_000)
    expect(ok(s, `aws ec2 describe-network-interfaces --filters Name=network-interface-id,Values=${mt.NetworkInterfaceId} --query "length(NetworkInterfaces)"`)).toBe('0')
    ok(s, `aws efs delete-file-system --file-system-id ${id}`)
    s.advance(10_000)
    expect(ok(s, 'aws efs describe-file-systems --query "length(FileSystems)"')).toBe('0')
  })
})
