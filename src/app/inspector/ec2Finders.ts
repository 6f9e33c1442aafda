import type { World } from '../../sandbox/index.ts'
import { blockDevices, ecsAgentOf, isoTimestamp, volumesView } from '../../sandbox/views.ts'
import type { FoundResource, ResourceFinder } from './findResource.ts'

/**
 * User data as the instance runs it: RunInstances takes it base64-encoded (the CLI encodes a `file://` for you), and
 * describe-instance-attribute gives it back that way; the inspector shows the script.
 */
function decodeUserData(base64: string | undefined): string | undefined {
  if (base64 === undefined) return undefined
  try {
    return new TextDecoder().decode(Uint8Array.from(atob(base64), (c) => c.charCodeAt(0)))
  } catch {
    return base64
  }
}

/** An EC2 instance: its describe-instances record, its decoded user data, and the ECS agent's state and log (why it joined, or not). */
export const instanceFinder: ResourceFinder = {
  kind: 'EC2 instance',
  find(world: Readonly<World>, id: string): FoundResource | undefined {
    const instance = world.ec2.instances[id]
    if (!instance) return undefined
    const userData = decodeUserData(world.ec2.instanceData?.[id]?.userData)
    const agent = ecsAgentOf(world, id)
    const devices = blockDevices(world as World, id)
    const facts: [string, string][] = [
      ['State', instance.State.Name],
      ['Instance type', instance.InstanceType],
      ['Private IP', instance.PrivateIpAddress ?? '–'],
      ...(instance.PublicIpAddress ? ([['Public IP', instance.PublicIpAddress]] as [string, string][]) : []),
      ['Availability Zone', instance.Placement.AvailabilityZone],
      ['Image', instance.ImageId],
      ['Instance profile', instance.IamInstanceProfile?.Arn ?? 'none (the ECS agent cannot register without one)'],
      ['ECS agent', agent ? `${agent.state}, cluster ${agent.cluster}` : 'not running on this instance'],
      ...(devices.length ? ([['Block devices', devices.map((d) => `${d.name} ${d.sizeGiB} GiB ${d.volumeId}`).join('; ')]] as [string, string][]) : []),
    ]
    return {
      kind: 'EC2 instance',
      id,
      title: instance.Tags.find((t) => t.Key === 'Name')?.Value ?? id,
      data: {
        ...instance,
        LaunchTime: isoTimestamp(instance.LaunchTime),
        ...(userData === undefined ? {} : { UserData: userData }),
        ...(agent ? { EcsAgentLog: agent.log } : {}),
      },
      describeCommand: `aws ec2 describe-instances --instance-ids ${id}`,
      facts,
    }
  },
}

/** An EBS volume, as describe-volumes lists it, with where it is attached. */
export const volumeFinder: ResourceFinder = {
  kind: 'EBS volume',
  find(world: Readonly<World>, id: string): FoundResource | undefined {
    if (!id.startsWith('vol-')) return undefined
    const volume = volumesView(world as World).find((v) => v.volumeId === id)
    if (!volume) return undefined
    return {
      kind: 'EBS volume',
      id,
      title: volume.name ?? id,
      data: world.ec2.volumes[id],
      describeCommand: `aws ec2 describe-volumes --volume-ids ${id}`,
      facts: [
        ['State', volume.state],
        ['Size', `${volume.sizeGiB} GiB ${volume.volumeType}`],
        ['Availability Zone', volume.availabilityZone],
        ['Attached to', volume.attachments.map((a) => `${a.instanceId ?? a.taskArn} as ${a.device} (${a.state})`).join('; ') || 'nothing'],
      ],
    }
  },
}
