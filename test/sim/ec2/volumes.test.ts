import { describe, expect, it } from 'vitest'
import { blockDevices, createSandbox, snapshotsView, volumesView } from '../../../src/sandbox/index.ts'
import { ok, fails, type Sandbox } from '../../support/exec.ts'

const AMI = '/aws/service/ecs/optimized-ami/amazon-linux-2023/recommended/image_id'

/** A running instance in `zone`, launched into that zone's default subnet. */
function instanceIn(s: Sandbox, zone: string): string {
  const subnet = ok(s, `aws ec2 describe-subnets --filters Name=availability-zone,Values=${zone} --query Subnets[0].SubnetId --output text`)
  const ami = ok(s, `aws ssm get-parameters --names ${AMI} --query Parameters[0].Value --output text`)
  const id = ok(s, `aws ec2 run-instances --image-id ${ami} --instance-type t3.micro --subnet-id ${subnet} --query Instances[0].InstanceId --output text`)
  ok(s, `aws ec2 wait instance-running --instance-ids ${id}`)
  return id
}

function volumeIn(s: Sandbox, zone: string, extra = '--size 8'): string {
  const id = ok(s, `aws ec2 create-volume --availability-zone ${zone} ${extra} --query VolumeId --output text`)
  ok(s, `aws ec2 wait volume-available --volume-ids ${id}`)
  return id
}

const volume = (s: Sandbox, id: string) => JSON.parse(ok(s, `aws ec2 describe-volumes --volume-ids ${id} --query Volumes[0]`))

describe('aws ec2 create-volume makes a volume in one Availability Zone', () => {
  it('a new gp3 volume is creating, then available; gp3 gets 3000 IOPS and 125 MiB/s, gp2 3 IOPS per GiB', () => {
    const s = createSandbox()
    const created = JSON.parse(ok(s, 'aws ec2 create-volume --availability-zone us-east-1a --size 8 --volume-type gp3 --tag-specifications "ResourceType=volume,Tags=[{Key=Name,Value=data}]"'))
    expect(created).toMatchObject({ State: 'creating', Size: 8, VolumeType: 'gp3', Iops: 3000, Throughput: 125, AvailabilityZone: 'us-east-1a', SnapshotId: '', Encrypted: false, MultiAttachEnabled: false })
    expect(created.VolumeId).toMatch(/^vol-0[0-9a-f]{16}$/)
    expect(created.Tags).toEqual([{ Key: 'Name', Value: 'data' }])
    s.advance(10_000)
    expect(volume(s, created.VolumeId).State).toBe('available')
    const gp2 = JSON.parse(ok(s, 'aws ec2 create-volume --availability-zone us-east-1b --size 80'))
    expect(gp2).toMatchObject({ VolumeType: 'gp2', Iops: 240 })
    expect(gp2.Throughput).toBeUndefined()
    expect(ok(s, 'aws ec2 describe-volumes --filters Name=tag:Name,Values=data --query Volumes[].VolumeId --output text')).toBe(created.VolumeId)
    expect(ok(s, 'aws ec2 describe-volumes --filters Name=availability-zone,Values=us-east-1b Name=status,Values=creating --query Volumes[].VolumeId --output text')).toBe(gp2.VolumeId)
  })

  it('sizes, IOPS and throughput outside each type’s rules are refused in EC2’s words, and nothing is created', () => {
    const s = createSandbox()
    const before = JSON.stringify(s.snapshot().world)
    const error = (args: string) => fails(s, `aws ec2 create-volume --availability-zone us-east-1a ${args}`)
    expect(fails(s, 'aws ec2 create-volume --size 8')).toContain('An error occurred (MissingParameter) when calling the CreateVolume operation: The request must contain the parameter zone')
    expect(error('--size 8 --availability-zone us-east-1z')).toContain("(InvalidZone.NotFound) when calling the CreateVolume operation: The zone 'us-east-1z' does not exist.")
    expect(error('--size 20000 --volume-type gp2')).toContain('(InvalidParameterValue) when calling the CreateVolume operation: Volume of 20000GiB is too large for volume type gp2; maximum is 16384GiB')
    expect(error('--size 100 --volume-type st1')).toContain('Volume of 100GiB is too small for volume type st1; minimum is 125GiB')
    expect(error('--size 8 --volume-type io1')).toContain('(InvalidParameterCombination) when calling the CreateVolume operation: The parameter iops must be specified for io1 volumes.')
    expect(error('--size 8 --volume-type gp2 --iops 3000')).toContain('The parameter iops is not supported for gp2 volumes.')
    expect(error('--size 20 --volume-type io2 --iops 50')).toContain('Volume iops of 50 is too low; minimum is 100.')
    expect(error('--size 20 --volume-type gp3 --iops 15000')).toContain('Iops to volume size ratio of 750.000000 is too high; maximum is 500')
    expect(error('--size 20 --volume-type io1 --iops 1000 --throughput 200')).toContain('throughput can only be specified for volumeType gp3.')
    expect(error('--size 100 --volume-type gp3 --throughput 1000')).toContain('Throughput (MiBps) to iops ratio of 0.333333 is too high; maximum is 0.250000 MiBps per iops')
    expect(error('--size 8 --volume-type gp3 --multi-attach-enabled')).toContain('(InvalidParameterCombination)')
    expect(JSON.stringify(s.snapshot().world)).toBe(before)
  })

  it('wait volume-available moves the clock until the volume is available', () => {
    const s = createSandbox()
    const id = ok(s, 'aws ec2 create-volume --availability-zone us-east-1a --size 8 --query VolumeId --output text')
    ok(s, `aws ec2 wait volume-available --volume-ids ${id}`)
    expect(volume(s, id).State).toBe('available')
    expect(fails(s, 'aws ec2 describe-volumes --volume-ids vol-0123456789abcdef0')).toContain("(InvalidVolume.NotFound) when calling the DescribeVolumes operation: The volume 'vol-0123456789abcdef0' does not exist.")
  })
})

describe('attach-volume: one Availability Zone, one instance at a time', () => {
  it('a volume in us-east-1a does not attach to an instance in us-east-1b: InvalidVolume.ZoneMismatch, and nothing changes', () => {
    const s = createSandbox()
    const instance = instanceIn(s, 'us-east-1b')
    const vol = volumeIn(s, 'us-east-1a')
    const before = JSON.stringify(s.snapshot().world)
    expect(fails(s, `aws ec2 attach-volume --volume-id ${vol} --instance-id ${instance} --device /dev/sdf`)).toContain(
      `An error occurred (InvalidVolume.ZoneMismatch) when calling the AttachVolume operation: The volume '${vol}' is not in the same availability zone as instance '${instance}'`,
    )
    expect(JSON.stringify(s.snapshot().world)).toBe(before)
    expect(volume(s, vol)).toMatchObject({ State: 'available', Attachments: [] })
  })

  it('in the same zone: in-use at once, the attachment attaching then attached; the instance lists it under BlockDeviceMappings beside its root volume', () => {
    const s = createSandbox()
    const instance = instanceIn(s, 'us-east-1a')
    const vol = volumeIn(s, 'us-east-1a')
    const answer = JSON.parse(ok(s, `aws ec2 attach-volume --volume-id ${vol} --instance-id ${instance} --device /dev/sdf`))
    expect(answer).toMatchObject({ VolumeId: vol, InstanceId: instance, Device: '/dev/sdf', State: 'attaching' })
    expect(volume(s, vol)).toMatchObject({ State: 'in-use', Attachments: [{ State: 'attaching', InstanceId: instance, DeleteOnTermination: false }] })
    ok(s, `aws ec2 wait volume-in-use --volume-ids ${vol}`)
    s.advance(10_000)
    expect(volume(s, vol).Attachments[0].State).toBe('attached')
    const mappings = JSON.parse(ok(s, `aws ec2 describe-instances --instance-ids ${instance} --query Reservations[0].Instances[0].BlockDeviceMappings`))
    expect(mappings.map((m: { DeviceName: string }) => m.DeviceName)).toEqual(['/dev/xvda', '/dev/sdf'])
    expect(mappings[0].Ebs).toMatchObject({ Status: 'attached', DeleteOnTermination: true })
    expect(mappings[1].Ebs).toMatchObject({ Status: 'attached', DeleteOnTermination: false, VolumeId: vol })
    expect(ok(s, `aws ec2 describe-volumes --filters Name=attachment.instance-id,Values=${instance} --query "length(Volumes)"`)).toBe('2')
  })

  it('a second instance is refused (VolumeInUse), a taken or invalid device name too; io2 with Multi-Attach takes two instances', () => {
    const s = createSandbox()
    const first = instanceIn(s, 'us-east-1a')
    const second = instanceIn(s, 'us-east-1a')
    const vol = volumeIn(s, 'us-east-1a')
    ok(s, `aws ec2 attach-volume --volume-id ${vol} --instance-id ${first} --device /dev/sdf`)
    expect(fails(s, `aws ec2 attach-volume --volume-id ${vol} --instance-id ${second} --device /dev/sdf`)).toContain(`(VolumeInUse) when calling the AttachVolume operation: ${vol} is already attached to an instance`)
    const other = volumeIn(s, 'us-east-1a')
    expect(fails(s, `aws ec2 attach-volume --volume-id ${other} --instance-id ${first} --device /dev/sdf`)).toContain("Invalid value '/dev/sdf' for unixDevice. Attachment point /dev/sdf is already in use")
    expect(fails(s, `aws ec2 attach-volume --volume-id ${other} --instance-id ${first} --device /dev/sdk1`)).toContain('Value (/dev/sdk1) for parameter device is invalid. /dev/sdk1 is not a valid EBS device name.')
    const shared = volumeIn(s, 'us-east-1a', '--size 10 --volume-type io2 --iops 1000 --multi-attach-enabled')
    ok(s, `aws ec2 attach-volume --volume-id ${shared} --instance-id ${first} --device /dev/sdg`)
    ok(s, `aws ec2 attach-volume --volume-id ${shared} --instance-id ${second} --device /dev/sdg`)
    expect(volume(s, shared).Attachments.map((a: { InstanceId: string }) => a.InstanceId)).toEqual([first, second])
  })

  it('a volume still creating is not available to attach', () => {
    const s = createSandbox()
    const instance = instanceIn(s, 'us-east-1a')
    const vol = ok(s, 'aws ec2 create-volume --availability-zone us-east-1a --size 8 --query VolumeId --output text')
    expect(fails(s, `aws ec2 attach-volume --volume-id ${vol} --instance-id ${instance} --device /dev/sdf`)).toContain(`(IncorrectState) when calling the AttachVolume operation: ${vol} is not 'available'.`)
  })
})

describe('detach-volume and delete-volume', () => {
  it('delete is refused while attached; detaching then detached makes it available; then it is deleted', () => {
    const s = createSandbox()
    const instance = instanceIn(s, 'us-east-1a')
    const vol = volumeIn(s, 'us-east-1a')
    ok(s, `aws ec2 attach-volume --volume-id ${vol} --instance-id ${instance} --device /dev/sdf`)
    expect(fails(s, `aws ec2 delete-volume --volume-id ${vol}`)).toContain(`(VolumeInUse) when calling the DeleteVolume operation: Volume ${vol} is currently attached to ${instance}`)
    expect(JSON.parse(ok(s, `aws ec2 detach-volume --volume-id ${vol}`)).State).toBe('detaching')
    expect(volume(s, vol).Attachments[0].State).toBe('detaching')
    ok(s, `aws ec2 wait volume-available --volume-ids ${vol}`)
    expect(volume(s, vol).Attachments).toEqual([])
    expect(fails(s, `aws ec2 detach-volume --volume-id ${vol}`)).toContain(`(IncorrectState) when calling the DetachVolume operation: Volume '${vol}' is in the 'available' state.`)
    ok(s, `aws ec2 delete-volume --volume-id ${vol}`)
    ok(s, `aws ec2 wait volume-deleted --volume-ids ${vol}`)
  })

  it('--force detaches too; a running instance’s root volume cannot be detached', () => {
    const s = createSandbox()
    const instance = instanceIn(s, 'us-east-1a')
    const vol = volumeIn(s, 'us-east-1a')
    ok(s, `aws ec2 attach-volume --volume-id ${vol} --instance-id ${instance} --device /dev/sdf`)
    s.advance(10_000)
    ok(s, `aws ec2 detach-volume --volume-id ${vol} --force`)
    s.advance(3_000)
    expect(volume(s, vol).State).toBe('available')
    const root = ok(s, `aws ec2 describe-instances --instance-ids ${instance} --query Reservations[0].Instances[0].BlockDeviceMappings[0].Ebs.VolumeId --output text`)
    expect(fails(s, `aws ec2 detach-volume --volume-id ${root}`)).toContain('(IncorrectState)')
  })

  it('terminating the instance deletes its root volume and leaves an attached data volume available', () => {
    const s = createSandbox()
    const instance = instanceIn(s, 'us-east-1a')
    const vol = volumeIn(s, 'us-east-1a')
    ok(s, `aws ec2 attach-volume --volume-id ${vol} --instance-id ${instance} --device /dev/sdf`)
    const root = ok(s, `aws ec2 describe-volumes --filters Name=attachment.device,Values=/dev/xvda --query Volumes[0].VolumeId --output text`)
    ok(s, `aws ec2 terminate-instances --instance-ids ${instance}`)
    ok(s, `aws ec2 wait instance-terminated --instance-ids ${instance}`)
    s.advance(5_000)
    expect(volume(s, vol)).toMatchObject({ State: 'available', Attachments: [] })
    expect(volume(s, root).State).toBe('deleted')
  })
})

describe('snapshots: the way across Availability Zones', () => {
  it('create-snapshot is pending with a growing Progress, then completed; a volume from it in another zone attaches there', () => {
    const s = createSandbox()
    const vol = volumeIn(s, 'us-east-1a', '--size 20')
    const snap = JSON.parse(ok(s, `aws ec2 create-snapshot --volume-id ${vol} --description "before the move"`))
    expect(snap).toMatchObject({ State: 'pending', Progress: '', VolumeId: vol, VolumeSize: 20, Description: 'before the move', OwnerId: '123456789012' })
    expect(snap.SnapshotId).toMatch(/^snap-0[0-9a-f]{16}$/)
    expect(fails(s, `aws ec2 create-volume --availability-zone us-east-1b --snapshot-id ${snap.SnapshotId}`)).toContain(`(IncorrectState) when calling the CreateVolume operation: Snapshot '${snap.SnapshotId}' is not 'completed'.`)
    s.advance(20_000)
    expect(ok(s, `aws ec2 describe-snapshots --snapshot-ids ${snap.SnapshotId} --query Snapshots[0].Progress --output text`)).toBe('50%')
    ok(s, `aws ec2 wait snapshot-completed --snapshot-ids ${snap.SnapshotId}`)
    expect(JSON.parse(ok(s, 'aws ec2 describe-snapshots --owner-ids self --query Snapshots[0]'))).toMatchObject({ State: 'completed', Progress: '100%' })
    const copy = JSON.parse(ok(s, `aws ec2 create-volume --availability-zone us-east-1b --snapshot-id ${snap.SnapshotId}`))
    expect(copy).toMatchObject({ AvailabilityZone: 'us-east-1b', Size: 20, SnapshotId: snap.SnapshotId })
    const instance = instanceIn(s, 'us-east-1b')
    ok(s, `aws ec2 wait volume-available --volume-ids ${copy.VolumeId}`)
    ok(s, `aws ec2 attach-volume --volume-id ${copy.VolumeId} --instance-id ${instance} --device /dev/sdf`)
    ok(s, `aws ec2 wait volume-in-use --volume-ids ${copy.VolumeId}`)
    expect(fails(s, `aws ec2 create-volume --availability-zone us-east-1b --snapshot-id ${snap.SnapshotId} --size 10`)).toContain('Volume of 10GiB is too small; minimum is 20GiB.')
  })

  it('copy-snapshot makes a second pending snapshot; delete-snapshot removes one; unknown IDs in EC2’s words', () => {
    const s = createSandbox()
    const vol = volumeIn(s, 'us-east-1a')
    const snap = ok(s, `aws ec2 create-snapshot --volume-id ${vol} --query SnapshotId --output text`)
    ok(s, `aws ec2 wait snapshot-completed --snapshot-ids ${snap}`)
    const copy = ok(s, `aws ec2 copy-snapshot --source-snapshot-id ${snap} --source-region us-east-1 --query SnapshotId --output text`)
    expect(ok(s, `aws ec2 describe-snapshots --snapshot-ids ${copy} --query Snapshots[0].State --output text`)).toBe('pending')
    expect(ok(s, 'aws ec2 describe-snapshots --owner-ids self --query "length(Snapshots)"')).toBe('2')
    ok(s, `aws ec2 delete-snapshot --snapshot-id ${snap}`)
    expect(fails(s, `aws ec2 describe-snapshots --snapshot-ids ${snap}`)).toContain(`(InvalidSnapshot.NotFound) when calling the DescribeSnapshots operation: The snapshot '${snap}' does not exist.`)
  })
})

describe('the read model: block devices for the inspector, volumes and snapshots for the diagram', () => {
  it('an instance lists its root device mounted on / and an attached data volume, unmounted; a failed cross-zone attach draws no edge', () => {
    const s = createSandbox()
    const instance = instanceIn(s, 'us-east-1a')
    const here = volumeIn(s, 'us-east-1a', '--size 20 --tag-specifications "ResourceType=volume,Tags=[{Key=Name,Value=data}]"')
    const there = volumeIn(s, 'us-east-1b')
    ok(s, `aws ec2 attach-volume --volume-id ${here} --instance-id ${instance} --device /dev/sdf`)
    fails(s, `aws ec2 attach-volume --volume-id ${there} --instance-id ${instance} --device /dev/sdg`)
    s.advance(10_000)
    const devices = blockDevices(s.world(), instance)
    expect(devices.map((d) => [d.name, d.sizeGiB, d.mountPoint, d.state])).toEqual([['xvda', 30, '/', 'attached'], ['xvdf', 20, undefined, 'attached']])
    expect(devices[1].volumeId).toBe(here)
    const views = volumesView(s.world())
    expect(views.find((v) => v.volumeId === here)).toMatchObject({ name: 'data', availabilityZone: 'us-east-1a', state: 'in-use', attachments: [{ instanceId: instance, device: '/dev/sdf' }] })
    expect(views.find((v) => v.volumeId === there)).toMatchObject({ availabilityZone: 'us-east-1b', state: 'available', attachments: [] })
    ok(s, `aws ec2 create-snapshot --volume-id ${here}`)
    expect(snapshotsView(s.world())).toMatchObject([{ volumeId: here, state: 'pending', sizeGiB: 20 }])
  })
})

describe('modify-volume (Elastic Volumes)', () => {
  it('grows a volume: modifying, then optimizing with the new size, then completed; shrinking and a second change within six hours are refused', () => {
    const s = createSandbox()
    const vol = volumeIn(s, 'us-east-1a', '--size 8 --volume-type gp2')
    const answer = JSON.parse(ok(s, `aws ec2 modify-volume --volume-id ${vol} --size 20 --volume-type gp3`)).VolumeModification
    expect(answer).toMatchObject({ ModificationState: 'modifying', OriginalSize: 8, TargetSize: 20, OriginalVolumeType: 'gp2', TargetVolumeType: 'gp3', TargetIops: 3000, TargetThroughput: 125 })
    s.advance(15_000)
    expect(volume(s, vol)).toMatchObject({ Size: 20, VolumeType: 'gp3', Iops: 3000 })
    expect(ok(s, `aws ec2 describe-volumes-modifications --volume-ids ${vol} --query VolumesModifications[0].ModificationState --output text`)).toBe('optimizing')
    s.advance(60_000)
    expect(ok(s, `aws ec2 describe-volumes-modifications --volume-ids ${vol} --query VolumesModifications[0].ModificationState --output text`)).toBe('completed')
    expect(fails(s, `aws ec2 modify-volume --volume-id ${vol} --size 30`)).toContain('(VolumeModificationRateExceeded) when calling the ModifyVolume operation')
    s.advance(6 * 60 * 60_000)
    expect(fails(s, `aws ec2 modify-volume --volume-id ${vol} --size 10`)).toContain('(InvalidParameterValue)')
    ok(s, `aws ec2 modify-volume --volume-id ${vol} --size 30`)
  })
})
