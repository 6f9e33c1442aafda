import type { World } from '../../../sandbox/index.ts'
import { containerInstanceOfEc2, volumesView, type ContainerInstanceView } from '../../../sandbox/views.ts'
import { HOST_SECTIONS, HOST_SIZES } from '../hostLayout.ts'
import type { DiagramNodeData } from '../types.ts'
import { statusOf } from '../status.ts'
import { azNodeId } from './network.ts'
import { groupNodeId } from './nodeIds.ts'
import { creationOrder, labelOf, nameTag, type ResourceMapper } from './registry.ts'

// ECS on EC2 and storage on the diagram (the places are hostLayout.ts's): an instance in its subnet, or in its Auto
// Scaling group's box there; the ECS container instance it runs as, with what is left of its CPU and memory; a
// docker0 bridge around its bridge-mode tasks; EBS volumes in their Availability Zone with an edge to the instance
// each is attached to.

/** The tag EC2 Auto Scaling puts on every instance it launches (EC2 Auto Scaling User Guide, "Tag Auto Scaling groups and instances"). */
const GROUP_TAG = 'aws:autoscaling:groupName'

/** Where bridge-mode tasks of an instance are drawn (one per instance). */
export const bridgeNodeId = (instanceId: string): string => `${instanceId}/docker0`

/** Instances still worth drawing: terminated ones leave the picture as they leave describe-instances' default view. */
const drawnInstances = (world: Readonly<World>) => Object.values(world.ec2.instances).filter((i) => i.State.Name !== 'terminated' && i.SubnetId !== undefined)

export const autoScalingGroupMapper: ResourceMapper = {
  kind: 'Auto Scaling group',
  map(world, out) {
    Object.values(world.autoscaling?.groups ?? {}).forEach((group, i) => {
      const sizes = `desired ${group.DesiredCapacity}, min ${group.MinSize}, max ${group.MaxSize}`
      for (const subnetId of group.VPCZoneIdentifier.split(',').map((s) => s.trim()).filter(Boolean)) {
        if (world.ec2.subnets[subnetId] === undefined) continue
        out.addNode({
          id: groupNodeId(group.AutoScalingGroupARN, subnetId),
          parentId: subnetId,
          nodeType: 'group',
          section: HOST_SECTIONS.inSubnet,
          order: creationOrder(i),
          size: HOST_SIZES.autoScalingGroup,
          data: {
            kind: 'Auto Scaling group',
            label: group.AutoScalingGroupName,
            detail: sizes.replace(/, /g, ' · '),
            badge: `${group.Instances.length}/${group.DesiredCapacity}`,
            status: group.Instances.length < group.DesiredCapacity ? 'pending' : 'ok',
            ariaLabel: `Auto Scaling group ${group.AutoScalingGroupName} in ${subnetId}, ${sizes}, ${group.Instances.length} instances in all`,
          },
        })
      }
    })
  },
}

/** Used against registered CPU and memory, as describe-container-instances' registered and remaining resources give them. */
const usageOf = (host: ContainerInstanceView): DiagramNodeData['usage'] => ({
  cpu: { used: host.registered.cpu - host.remaining.cpu, registered: host.registered.cpu },
  memory: { used: host.registered.memory - host.remaining.memory, registered: host.registered.memory },
})

export const instanceMapper: ResourceMapper = {
  kind: 'EC2 instance',
  map(world, out) {
    drawnInstances(world).forEach((instance, i) => {
      const subnetId = instance.SubnetId as string
      const groupName = instance.Tags.find((t) => t.Key === GROUP_TAG)?.Value
      const group = groupName === undefined ? undefined : world.autoscaling?.groups[groupName]
      const inGroup = group !== undefined && group.VPCZoneIdentifier.split(',').map((s) => s.trim()).includes(subnetId)
      const host = containerInstanceOfEc2(world, instance.InstanceId)
      const name = nameTag(instance.Tags)
      const ecs = host
        ? `${host.status === 'ACTIVE' ? 'container instance' : host.status.toLowerCase()}${host.agentConnected ? '' : ', agent disconnected'}, CPU ${host.remaining.cpu}/${host.registered.cpu}, memory ${host.remaining.memory}/${host.registered.memory} MiB free`
        : undefined
      // The container instance's own state shows only when it is not the usual ACTIVE and connected: the state word
      // on the node is EC2's (`running`), which a DRAINING or disconnected host keeps.
      const detail = [instance.InstanceType, instance.PrivateIpAddress, host && host.status !== 'ACTIVE' ? host.status : undefined, host && !host.agentConnected ? 'agent disconnected' : undefined]
      out.addNode({
        id: instance.InstanceId,
        parentId: inGroup ? groupNodeId(group.AutoScalingGroupARN, subnetId) : subnetId,
        nodeType: 'group',
        section: inGroup ? HOST_SECTIONS.inGroup : HOST_SECTIONS.inSubnet,
        order: creationOrder(i),
        size: host ? HOST_SIZES.instance : HOST_SIZES.plainInstance,
        data: {
          kind: 'EC2 instance',
          label: name ?? instance.InstanceId,
          detail: detail.filter(Boolean).join(' · '),
          state: instance.State.Name,
          status: host && !host.agentConnected ? 'warning' : statusOf(instance.State.Name),
          badge: host ? `${host.runningTasksCount} task${host.runningTasksCount === 1 ? '' : 's'}` : undefined,
          usage: host ? usageOf(host) : undefined,
          ariaLabel:
            `EC2 instance ${labelOf(instance.InstanceId, instance.Tags)} ${instance.State.Name}, ${instance.InstanceType}` +
            `${instance.PrivateIpAddress ? `, ${instance.PrivateIpAddress}` : ''}${groupName ? `, Auto Scaling group ${groupName}` : ''}` +
            `${ecs ? `, ${ecs}` : ', not an ECS container instance'}`,
        },
      })
      if (host?.tasks.some((t) => Object.keys(t.bridgeIps).length > 0)) {
        out.addNode({
          id: bridgeNodeId(instance.InstanceId),
          parentId: instance.InstanceId,
          nodeType: 'group',
          section: HOST_SECTIONS.bridge,
          order: creationOrder(0),
          size: HOST_SIZES.bridge,
          data: {
            kind: 'Docker bridge',
            label: 'docker0',
            // Docker's default bridge network (Docker docs, "Bridge network driver"); the ECS-optimized AMI keeps it.
            detail: '172.17.0.1/16',
            status: 'neutral',
            ariaLabel: `Docker bridge docker0 172.17.0.1/16 on ${instance.InstanceId}`,
          },
        })
      }
    })
  },
}

export const volumeMapper: ResourceMapper = {
  kind: 'EBS volume',
  map(world, out) {
    const volumes = volumesView(world as World)
    if (volumes.length === 0) return
    const defaultVpc = Object.values(world.ec2.vpcs).find((v) => v.IsDefault)?.VpcId
    volumes.forEach((volume, i) => {
      const attachedTo = volume.attachments.map((a) => (a.instanceId === undefined ? undefined : world.ec2.instances[a.instanceId])).find((inst) => inst?.VpcId !== undefined)
      const vpcId = attachedTo?.VpcId ?? defaultVpc
      if (vpcId === undefined) return
      // An ECS-managed volume is attached to its task (AssociatedResource), drawn on the task.
      const attached = volume.attachments.map((a) => `${a.state} to ${a.instanceId ?? a.taskArn} as ${a.device}`).join(', ')
      out.addNode({
        id: volume.volumeId,
        parentId: azNodeId(vpcId, volume.availabilityZone),
        nodeType: 'resource',
        section: HOST_SECTIONS.volumes,
        order: creationOrder(i),
        size: HOST_SIZES.volume,
        data: {
          kind: 'EBS volume',
          label: volume.name ?? volume.volumeId,
          detail: `${volume.sizeGiB} GiB ${volume.volumeType}${volume.snapshotId ? ` · from ${volume.snapshotId}` : ''}`,
          state: volume.state,
          status: statusOf(volume.state),
          ariaLabel: `EBS volume ${volume.volumeId} ${volume.state}, ${volume.sizeGiB} GiB ${volume.volumeType} in ${volume.availabilityZone}${attached ? `, ${attached}` : ''}`,
        },
      })
      for (const a of volume.attachments) {
        const target = a.instanceId ?? a.taskArn
        if (target === undefined || (world.ec2.instances[target] === undefined && world.ecs.tasks[target] === undefined)) continue
        out.addEdge({
          id: `${volume.volumeId}->${target}`,
          source: volume.volumeId,
          target,
          label: a.device,
          className: `cs-edge-${statusOf(a.state)}`,
          data: { relation: `EBS volume ${volume.volumeId} ${a.state} to ${target} as ${a.device}`, state: a.state },
        })
      }
    })
  },
}
