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

describe('ECS-managed EBS volumes for a service: one volume per task, each in its task’s zone', () => {
  const role = 'arn:aws:iam::123456789012:role/ecsTaskExecutionRole'
  function setUp() {
    const s = createSandbox()
    register(s, { family: 'db', ...fargate, volumes: [{ name: 'data', configuredAtLaunch: true }], containerDefinitions: [web([{ sourceVolume: 'data', containerPath: '/var/lib/data' }])] })
    ok(s, 'aws ecs create-cluster --cluster-name storage')
    const subnets = s.exec('aws ec2 describe-subnets --query Subnets[].SubnetId --output text').stdout.trim().split(/\s+/).join(',')
    return { s, network: `'awsvpcConfiguration={subnets=[${subnets}],assignPublicIp=ENABLED}'` }
  }
  const ecsVolumes = (s: Sandbox) =>
    ok(s, 'aws ec2 describe-volumes --filters Name=tag:AmazonECSManaged,Values=true').Volumes as { VolumeId: string; AvailabilityZone: string; Size: number; State: string; Attachments: { AssociatedResource: string }[] }[]
  const tasks = (s: Sandbox) => {
    const arns = ok(s, 'aws ecs list-tasks --cluster storage --service-name db').taskArns as string[]
    return arns.length ? (ok(s, `aws ecs describe-tasks --cluster storage --tasks ${arns.join(' ')}`).tasks as { taskArn: string; availabilityZone: string; lastStatus: string }[]) : []
  }

  it('create-service --volume-configurations gives each task its own volume in the task’s zone; a replacement task gets a new one', () => {
    const { s, network } = setUp()
    s.files.write('volumes.json', JSON.stringify([{ name: 'data', managedEBSVolume: { roleArn: role, sizeInGiB: 20, volumeType: 'gp3' } }]))
    const created = ok(s, `aws ecs create-service --cluster storage --service-name db --task-definition db --desired-count 3 --launch-type FARGATE --network-configuration ${network} --volume-configurations file://volumes.json`)
    expect(created.service.deployments[0].volumeConfigurations).toEqual([{ name: 'data', managedEBSVolume: { roleArn: role, sizeInGiB: 20, volumeType: 'gp3' } }])
    s.advance(120_000)
    const running = tasks(s)
    expect(running).toHaveLength(3)
    const volumes = ecsVolumes(s)
    expect(volumes).toHaveLength(3)
    for (const task of running) {
      const mine = volumes.filter((v) => v.Attachments[0]?.AssociatedResource === task.taskArn)
      expect(mine).toHaveLength(1)
      expect(mine[0]).toMatchObject({ AvailabilityZone: task.availabilityZone, Size: 20, State: 'in-use' })
    }
    // A stopped task's volume goes with it; the scheduler's replacement gets a volume of its own, in its own zone.
    ok(s, `aws ecs stop-task --cluster storage --task ${running[0].taskArn}`)
    s.advance(180_000)
    const gone = volumes.find((v) => v.Attachments[0]?.AssociatedResource === running[0].taskArn)!
    expect(ecsVolumes(s).map((v) => v.VolumeId)).not.toContain(gone.VolumeId)
    const now = tasks(s).filter((t) => t.lastStatus === 'RUNNING')
    expect(now).toHaveLength(3)
    const replacement = now.find((t) => !running.some((r) => r.taskArn === t.taskArn))!
    const its = ecsVolumes(s).filter((v) => v.State === 'in-use' && v.Attachments[0]?.AssociatedResource === replacement.taskArn)
    expect(its).toHaveLength(1)
    expect(its[0].AvailabilityZone).toBe(replacement.availabilityZone)
  })

  it('update-service with other volume configurations rolls out new tasks with new volumes', () => {
    const { s, network } = setUp()
    s.files.write('volumes.json', JSON.stringify([{ name: 'data', managedEBSVolume: { roleArn: role, sizeInGiB: 10 } }]))
    ok(s, `aws ecs create-service --cluster storage --service-name db --task-definition db --desired-count 1 --launch-type FARGATE --network-configuration ${network} --volume-configurations file://volumes.json`)
    s.advance(120_000)
    s.files.write('bigger.json', JSON.stringify([{ name: 'data', managedEBSVolume: { roleArn: role, sizeInGiB: 50 } }]))
    const updated = ok(s, 'aws ecs update-service --cluster storage --service db --volume-configurations file://bigger.json')
    expect(updated.service.deployments).toHaveLength(2)
    expect(updated.service.deployments[0].volumeConfigurations[0].managedEBSVolume.sizeInGiB).toBe(50)
    s.advance(600_000)
    const inUse = ecsVolumes(s).filter((v) => v.State === 'in-use')
    expect(inUse.map((v) => v.Size)).toEqual([50])
    // The same configurations again change nothing: no new deployment.
    expect(ok(s, 'aws ecs update-service --cluster storage --service db --volume-configurations file://bigger.json').service.deployments).toHaveLength(1)
  })

  it('a service configuring a volume the task definition does not configure at launch is refused, and no service exists', () => {
    const { s, network } = setUp()
    s.files.write('volumes.json', JSON.stringify([{ name: 'logs', managedEBSVolume: { roleArn: role, sizeInGiB: 5 } }]))
    const refused = s.exec(`aws ecs create-service --cluster storage --service-name db --task-definition db --launch-type FARGATE --network-configuration ${network} --volume-configurations file://volumes.json`)
    expect(refused.exitCode).toBe(254)
    expect(refused.stderr).toContain("(InvalidParameterException) when calling the CreateService operation: The volume 'logs' is not configured at launch in the task definition db:1.")
    expect(ok(s, 'aws ecs list-services --cluster storage').serviceArns).toEqual([])
  })
})
