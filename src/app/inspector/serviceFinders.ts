import type { Task, World } from '../../sandbox/index.ts'
import { listenersOf, serviceHealth, targetHealth, taskHealth, taskNetworkInterfaceId, taskPrivateIp, withIsoTimestamps as withIsoTimes } from '../../sandbox/views.ts'
import type { FoundResource, ResourceFinder } from './findResource.ts'

// Finders for the ECS and ELBv2 kinds the diagram draws (issue 6). Each returns the resource in its API shape
// (times as the CLI prints them), the facts a learner looks for first, and the command that describes it.

const lastPart = (arn: string): string => arn.slice(arn.lastIndexOf('/') + 1)
const clusterName = (world: Readonly<World>, clusterArn: string): string => world.ecs.clusters[clusterArn]?.clusterName ?? lastPart(clusterArn)

const TASK_TIMES = ['createdAt', 'connectivityAt', 'pullStartedAt', 'pullStoppedAt', 'startedAt', 'stoppingAt', 'stoppedAt', 'executionStoppedAt']

function taskPorts(world: Readonly<World>, task: Task): string {
  const def = world.ecs.taskDefinitions[task.taskDefinitionArn]
  const ports = (def?.containerDefinitions ?? []).flatMap((c) => c.portMappings.map((p) => `${c.name}:${p.containerPort ?? '?'}/${p.protocol ?? 'tcp'}`))
  return ports.join(', ') || 'none'
}

const ecsCluster: ResourceFinder = {
  kind: 'ECS cluster',
  find: (world, id) => {
    const c = world.ecs.clusters[id]
    return (
      c && {
        kind: 'ECS cluster',
        id,
        title: c.clusterName,
        data: c,
        facts: [
          ['Cluster ARN', c.clusterArn],
          ['Status', c.status],
          ['Tasks', `${c.runningTasksCount} running, ${c.pendingTasksCount} pending`],
        ],
        describeCommand: `aws ecs describe-clusters --clusters ${c.clusterName}`,
      }
    )
  },
}

const ecsService: ResourceFinder = {
  kind: 'ECS service',
  find: (world, id) => {
    const s = world.ecs.services[id]
    if (!s) return undefined
    const health = serviceHealth(world, id)
    const data = {
      ...withIsoTimes(s, ['createdAt']),
      deployments: s.deployments.map((d) => withIsoTimes(d, ['createdAt', 'updatedAt'])),
      events: s.events.slice(0, 10).map((e) => withIsoTimes(e, ['createdAt'])),
    }
    return {
      kind: 'ECS service',
      id,
      title: s.serviceName,
      data,
      facts: [
        ['Service ARN', s.serviceArn],
        ['Counts', `desired ${s.desiredCount}, running ${s.runningCount}, pending ${s.pendingCount}`],
        ...(health ? [['Healthy', `${health.healthyCount}/${health.runningCount} running tasks healthy`] as [string, string]] : []),
        ['Task definition', lastPart(s.taskDefinition)],
        ...s.loadBalancers.map((lb): [string, string] => ['Load balancer', `${lb.containerName}:${lb.containerPort} in ${lastPart(lb.targetGroupArn ?? lb.loadBalancerName ?? '')}`]),
      ],
      describeCommand: `aws ecs describe-services --cluster ${clusterName(world, s.clusterArn)} --services ${s.serviceName}`,
    }
  },
}

const task: ResourceFinder = {
  kind: 'Task',
  find: (world, id) => {
    const t = world.ecs.tasks[id]
    if (!t) return undefined
    const eni = taskNetworkInterfaceId(t)
    const publicIp = eni ? world.ec2.networkInterfaces[eni]?.PublicIp : undefined
    const health = taskHealth(world, t)
    return {
      kind: 'Task',
      id,
      title: lastPart(t.taskArn),
      data: withIsoTimes(t, TASK_TIMES),
      facts: [
        ['Task ARN', t.taskArn],
        ['Last status', `${t.lastStatus} (desired ${t.desiredStatus})`],
        ...(health ? [['Health', `${health.state}${health.reason ? ` (${health.reason})` : ''}`] as [string, string]] : []),
        ['Private IP', taskPrivateIp(t) ?? '—'],
        ...(publicIp ? [['Public IP', publicIp] as [string, string]] : []),
        ['Network interface', eni ?? '—'],
        ['Availability Zone', t.availabilityZone ?? '—'],
        ['Ports', taskPorts(world, t)],
        ...(t.stoppedReason ? [['Stopped reason', t.stoppedReason] as [string, string]] : []),
      ],
      describeCommand: `aws ecs describe-tasks --cluster ${clusterName(world, t.clusterArn)} --tasks ${lastPart(t.taskArn)}`,
    }
  },
}

const container: ResourceFinder = {
  kind: 'Container',
  find: (world, id) => {
    if (!id.includes(':container/')) return undefined
    const taskId = id.split('/').at(-2) ?? ''
    const t = Object.values(world.ecs.tasks).find((x) => lastPart(x.taskArn) === taskId)
    const c = t?.containers.find((x) => x.containerArn === id)
    if (!t || !c) return undefined
    return {
      kind: 'Container',
      id,
      title: c.name,
      data: c,
      facts: [
        ['Container ARN', c.containerArn],
        ['Image', c.image],
        ['Last status', c.lastStatus],
        ['Private IP', c.networkInterfaces[0]?.privateIpv4Address ?? '—'],
      ],
      describeCommand: `aws ecs describe-tasks --cluster ${clusterName(world, t.clusterArn)} --tasks ${taskId} --query 'tasks[0].containers[?name==\`${c.name}\`]'`,
    }
  },
}

const loadBalancer: ResourceFinder = {
  kind: 'Load balancer',
  find: (world, id) => {
    const lb = world.elbv2.loadBalancers[id]
    return (
      lb && {
        kind: 'Load balancer',
        id,
        title: lb.LoadBalancerName,
        data: withIsoTimes(lb, ['CreatedTime']),
        facts: [
          ['Load balancer ARN', lb.LoadBalancerArn],
          ['DNS name', lb.DNSName],
          ['State', lb.State.Code],
          ['Subnets', lb.AvailabilityZones.map((z) => `${z.SubnetId} (${z.ZoneName})`).join(', ')],
          ['Listeners', listenersOf(world, id).map((l) => `${l.Protocol}:${l.Port}`).join(', ') || 'none'],
        ],
        describeCommand: `aws elbv2 describe-load-balancers --load-balancer-arns ${lb.LoadBalancerArn}`,
      }
    )
  },
}

const listener: ResourceFinder = {
  kind: 'Listener',
  find: (world, id) => {
    const l = world.elbv2.listeners[id]
    return (
      l && {
        kind: 'Listener',
        id,
        title: `${l.Protocol}:${l.Port}`,
        data: l,
        facts: [
          ['Listener ARN', l.ListenerArn],
          ['Port', `${l.Protocol}:${l.Port}`],
        ],
        describeCommand: `aws elbv2 describe-listeners --listener-arns ${l.ListenerArn}`,
      }
    )
  },
}

const rule: ResourceFinder = {
  kind: 'Listener rule',
  find: (world, id) => {
    const r = world.elbv2.rules[id]
    if (!r) return undefined
    // ListenerArn is our bookkeeping, not part of the API's Rule shape.
    const { ListenerArn: _listener, ...data } = r
    return {
      kind: 'Listener rule',
      id,
      title: r.IsDefault ? 'default rule' : `priority ${r.Priority}`,
      data,
      facts: [
        ['Rule ARN', r.RuleArn],
        ['Priority', r.Priority],
      ],
      describeCommand: `aws elbv2 describe-rules --rule-arns ${r.RuleArn}`,
    }
  },
}

const targetGroup: ResourceFinder = {
  kind: 'Target group',
  find: (world, id) => {
    const tg = world.elbv2.targetGroups[id]
    if (!tg) return undefined
    // Target health exactly as describe-target-health prints it (the read model), not the raw health-check state.
    const targets = targetHealth(world, id)
    const data = { ...tg, TargetHealthDescriptions: targets }
    return {
      kind: 'Target group',
      id,
      title: tg.TargetGroupName,
      data,
      facts: [
        ['Target group ARN', tg.TargetGroupArn],
        ['Port', `${tg.Protocol ?? ''}:${tg.Port ?? ''} (${tg.TargetType})`],
        ['Targets', targets.map((d) => `${d.Target.Id}:${d.Target.Port} ${d.TargetHealth.State}${d.TargetHealth.Reason ? ` (${d.TargetHealth.Reason})` : ''}`).join(', ') || 'none'],
        ['Requests', String(world.elbv2.traffic.requestCount[id] ?? 0)],
      ],
      describeCommand: `aws elbv2 describe-target-health --target-group-arn ${tg.TargetGroupArn}`,
    }
  },
}

export const serviceFinders: readonly ResourceFinder[] = [ecsCluster, ecsService, task, container, loadBalancer, listener, rule, targetGroup]

/** Log entries about one resource, oldest first: the inspector's state history. */
export function historyOf(world: Readonly<World>, found: Pick<FoundResource, 'id' | 'resourceId'>, limit = 50): World['log']['entries'] {
  const id = found.resourceId ?? found.id
  return world.log.entries.filter((e) => e.resource === id).slice(-limit)
}
