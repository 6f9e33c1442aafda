import { describe, expect, it } from 'vitest'
import { createSandbox } from '../../../src/sandbox/index.ts'
import { fails, ok, type Sandbox } from './helpers.ts'

/** Registers a task definition from JSON the learner wrote (`--cli-input-json file://td.json`). */
function register(s: Sandbox, td: object) {
  s.files.write('td.json', JSON.stringify(td))
  return s.exec('aws ecs register-task-definition --cli-input-json file://td.json')
}

const web = (mountPoints: object[] = [], extra: object = {}) => ({ name: 'web', image: 'nginx', memory: 256, mountPoints, ...extra })
const fargate = { networkMode: 'awsvpc', requiresCompatibilities: ['FARGATE'], cpu: '256', memory: '512' }

describe('task definitions declare storage, validated as ECS does', () => {
  it('host paths, Docker volumes and EFS volumes register on EC2 and describe-task-definition shows them', () => {
    const s = createSandbox()
    const volumes = [
      { name: 'site', host: { sourcePath: '/srv/site' } },
      { name: 'cache', dockerVolumeConfiguration: { scope: 'shared', autoprovision: true, driver: 'local' } },
      { name: 'shared', efsVolumeConfiguration: { fileSystemId: 'fs-0123456789abcdef0' } },
    ]
    const result = register(s, { family: 'storage', volumes, containerDefinitions: [web([{ sourceVolume: 'site', containerPath: '/usr/share/nginx/html', readOnly: true }]), { name: 'sidecar', image: 'busybox', memory: 64, essential: false, volumesFrom: [{ sourceContainer: 'web' }] }] })
    expect(result.stderr).toBe('')
    const td = ok(s, 'aws ecs describe-task-definition --task-definition storage').taskDefinition
    expect(td.volumes).toEqual(volumes)
    expect(td.containerDefinitions[0].mountPoints).toEqual([{ sourceVolume: 'site', containerPath: '/usr/share/nginx/html', readOnly: true }])
    expect(td.containerDefinitions[1].volumesFrom).toEqual([{ sourceContainer: 'web' }])
    expect(td.compatibilities).toEqual(['EC2'])
  })

  it('a mount point naming an undeclared volume is refused in ECS’s words, and nothing is registered', () => {
    const s = createSandbox()
    expect(register(s, { family: 'bad', containerDefinitions: [web([{ sourceVolume: 'site', containerPath: '/data' }])] }).stderr).toContain(
      "An error occurred (ClientException) when calling the RegisterTaskDefinition operation: Unknown volume 'site'.",
    )
    expect(register(s, { family: 'bad', volumes: [{ name: 'site', host: { sourcePath: '' } }], containerDefinitions: [web()] }).stderr).toContain('host.sourcePath should not be blank.')
    expect(fails(s, 'aws ecs describe-task-definition --task-definition bad')).toContain('Unable to describe task definition.')
  })

  it('Fargate refuses host paths and Docker volume configurations; it takes EFS and ephemeral storage of 21 to 200 GiB', () => {
    const s = createSandbox()
    expect(register(s, { family: 'f', ...fargate, volumes: [{ name: 'site', host: { sourcePath: '/srv' } }], containerDefinitions: [web()] }).stderr).toContain(
      '(ClientException) when calling the RegisterTaskDefinition operation: Fargate compatible task definitions do not support sourcePath',
    )
    expect(register(s, { family: 'f', ...fargate, volumes: [{ name: 'c', dockerVolumeConfiguration: { scope: 'task' } }], containerDefinitions: [web()] }).stderr).toContain('do not support dockerVolumeConfiguration')
    expect(register(s, { family: 'f', ...fargate, ephemeralStorage: { sizeInGiB: 20 }, containerDefinitions: [web()] }).stderr).toContain('Ephemeral storage size must be between 21GiB and 200GiB')
    expect(register(s, { family: 'f', ...fargate, ephemeralStorage: { sizeInGiB: 201 }, containerDefinitions: [web()] }).exitCode).not.toBe(0)
    const okResult = register(s, { family: 'f', ...fargate, ephemeralStorage: { sizeInGiB: 50 }, volumes: [{ name: 'shared', efsVolumeConfiguration: { fileSystemId: 'fs-0123456789abcdef0' } }, { name: 'scratch' }], containerDefinitions: [web([{ sourceVolume: 'shared', containerPath: '/data' }, { sourceVolume: 'scratch', containerPath: '/tmp/scratch' }])] })
    expect(okResult.stderr).toBe('')
    const td = ok(s, 'aws ecs describe-task-definition --task-definition f').taskDefinition
    expect(td.ephemeralStorage).toEqual({ sizeInGiB: 50 })
    expect(td.compatibilities).toEqual(['EC2', 'FARGATE'])
  })
})

describe('an EFS volume mounts when the task starts, through a mount target in the task’s zone', () => {
  function runEfsTask(s: Sandbox, fileSystemId: string, subnet: string) {
    register(s, { family: 'efs-web', ...fargate, volumes: [{ name: 'shared', efsVolumeConfiguration: { fileSystemId } }], containerDefinitions: [web([{ sourceVolume: 'shared', containerPath: '/usr/share/nginx/html' }])] })
    ok(s, 'aws ecs create-cluster --cluster-name storage')
    const net = `awsvpcConfiguration={subnets=[${subnet}],assignPublicIp=ENABLED}`
    const taskArn = ok(s, `aws ecs run-task --cluster storage --task-definition efs-web --launch-type FARGATE --network-configuration '${net}'`).tasks[0].taskArn
    s.advance(120_000)
    return ok(s, `aws ecs describe-tasks --cluster storage --tasks ${taskArn}`).tasks[0]
  }

  const subnetA = (s: Sandbox) => s.exec('aws ec2 describe-subnets --filters Name=availability-zone,Values=us-east-1a --query Subnets[0].SubnetId --output text').stdout.trim()

  it('a file system with no mount target in the task’s zone stops the task with the agent’s ResourceInitializationError', () => {
    const s = createSandbox()
    const id = ok(s, 'aws efs create-file-system').FileSystemId
    const task = runEfsTask(s, id, subnetA(s))
    expect(task.lastStatus).toBe('STOPPED')
    expect(task.stoppedReason).toContain(`ResourceInitializationError: failed to invoke EFS utils commands to set up EFS volumes: stderr: Failed to resolve "${id}.efs.us-east-1.amazonaws.com"`)
  })

  it('with an available mount target in that zone, the task runs', () => {
    const s = createSandbox()
    const id = ok(s, 'aws efs create-file-system').FileSystemId
    s.advance(10_000)
    ok(s, `aws efs create-mount-target --file-system-id ${id} --subnet-id ${subnetA(s)}`)
    s.advance(100_000)
    expect(runEfsTask(s, id, subnetA(s)).lastStatus).toBe('RUNNING')
  })
})

describe('ECS-managed EBS volumes: configured at launch, created in the task’s zone, deleted with the task', () => {
  function setUp() {
    const s = createSandbox()
    register(s, { family: 'db', ...fargate, volumes: [{ name: 'data', configuredAtLaunch: true }], containerDefinitions: [web([{ sourceVolume: 'data', containerPath: '/var/lib/data' }])] })
    ok(s, 'aws ecs create-cluster --cluster-name storage')
    return s
  }
  const subnetIn = (s: Sandbox, zone: string) => s.exec(`aws ec2 describe-subnets --filters Name=availability-zone,Values=${zone} --query Subnets[0].SubnetId --output text`).stdout.trim()
  const run = (s: Sandbox, zone: string, ebs: object) => {
    s.files.write('volumes.json', JSON.stringify([{ name: 'data', managedEBSVolume: { roleArn: 'arn:aws:iam::123456789012:role/ecsTaskExecutionRole', ...ebs } }]))
    return s.exec(`aws ecs run-task --cluster storage --task-definition db --launch-type FARGATE --network-configuration 'awsvpcConfiguration={subnets=[${subnetIn(s, zone)}],assignPublicIp=ENABLED}' --volume-configurations file://volumes.json`)
  }

  it('run-task creates the volume in the task’s zone, tagged by ECS, in use; stopping the task deletes it', () => {
    const s = setUp()
    const result = run(s, 'us-east-1b', { sizeInGiB: 10 })
    expect(result.stderr).toBe('')
    const taskArn = JSON.parse(result.stdout).tasks[0].taskArn
    const volume = ok(s, 'aws ec2 describe-volumes --filters Name=tag:AmazonECSCreated,Values=true').Volumes[0]
    expect(volume).toMatchObject({ AvailabilityZone: 'us-east-1b', Size: 10, VolumeType: 'gp3', State: 'in-use' })
    expect(volume.Attachments[0]).toMatchObject({ AssociatedResource: taskArn, State: 'attached', DeleteOnTermination: true })
    ok(s, `aws ecs stop-task --cluster storage --task ${taskArn}`)
    s.advance(60_000)
    expect(ok(s, `aws ec2 describe-volumes --volume-ids ${volume.VolumeId}`).Volumes[0]).toMatchObject({ State: 'deleted', Attachments: [] })
  })

  it('a replacement task in another zone gets a new volume there, from the snapshot given', () => {
    const s = setUp()
    const vol = ok(s, 'aws ec2 create-volume --availability-zone us-east-1a --size 12').VolumeId
    s.advance(10_000)
    const snap = ok(s, `aws ec2 create-snapshot --volume-id ${vol}`).SnapshotId
    s.exec(`aws ec2 wait snapshot-completed --snapshot-ids ${snap}`)
    expect(run(s, 'us-east-1c', { snapshotId: snap, terminationPolicy: { deleteOnTermination: false } }).stderr).toBe('')
    const made = ok(s, 'aws ec2 describe-volumes --filters Name=tag:AmazonECSCreated,Values=true').Volumes[0]
    expect(made).toMatchObject({ AvailabilityZone: 'us-east-1c', Size: 12, SnapshotId: snap })
  })

  it('a configuration for a volume the task definition does not configure at launch is refused before any task starts', () => {
    const s = setUp()
    s.files.write('volumes.json', JSON.stringify([{ name: 'logs', managedEBSVolume: { roleArn: 'arn:aws:iam::123456789012:role/ecsTaskExecutionRole', sizeInGiB: 5 } }]))
    const result = s.exec(`aws ecs run-task --cluster storage --task-definition db --launch-type FARGATE --network-configuration 'awsvpcConfiguration={subnets=[${subnetIn(s, 'us-east-1a')}],assignPublicIp=ENABLED}' --volume-configurations file://volumes.json`)
    expect(result.stderr).toContain("(InvalidParameterException) when calling the RunTask operation: The volume 'logs' is not configured at launch")
    expect(ok(s, 'aws ecs list-tasks --cluster storage').taskArns).toEqual([])
  })
})
