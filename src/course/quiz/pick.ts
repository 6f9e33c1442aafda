import type { World } from '../../sandbox/index.ts'
import { clusterNamed, serviceNamed, targetGroupNamed, targetHealth, taskNetworkInterfaceId, taskPrivateIp, tasksOfService, taskSubnetId } from '../../sandbox/views.ts'

/**
 * "Click the part" questions: which resources in the diagram count as the right pick, by a rule over the read model
 * (never a stored answer: the IDs differ per seed, and the rule stays right when the simulation changes). The IDs
 * are the diagram's node IDs: AWS's own (subnet-…, eni-…, i-…) or ARNs (tasks, services).
 */
export type PickRule =
  /** The network interface(s) of a service's running tasks (awsvpc gives each task its own ENI). */
  | { networkInterfaceOf: { cluster: string; service: string } }
  /** The subnet(s) a service's running tasks were placed in. */
  | { subnetOf: { cluster: string; service: string } }
  /** The task or instance a target group reports unhealthy (by the target's IP address or instance ID). */
  | { unhealthyTarget: { targetGroup: string } }

export const PICK_RULES = ['networkInterfaceOf', 'subnetOf', 'unhealthyTarget'] as const

const running = (world: Readonly<World>, cluster: string, service: string) => {
  const c = clusterNamed(world, cluster)
  const s = c && serviceNamed(world, c, service)
  return s ? tasksOfService(world, s.serviceArn).filter((t) => t.lastStatus === 'RUNNING') : []
}

/** The IDs that answer the rule in this world (empty when the world holds no such resource). */
export function pickTargets(world: Readonly<World>, rule: PickRule): string[] {
  if ('networkInterfaceOf' in rule) {
    const { cluster, service } = rule.networkInterfaceOf
    return running(world, cluster, service).flatMap((t) => taskNetworkInterfaceId(t) ?? [])
  }
  if ('subnetOf' in rule) {
    const { cluster, service } = rule.subnetOf
    return [...new Set(running(world, cluster, service).flatMap((t) => taskSubnetId(t) ?? []))]
  }
  const tg = targetGroupNamed(world, rule.unhealthyTarget.targetGroup)
  if (!tg) return []
  const sick = targetHealth(world, tg.TargetGroupArn).filter((d) => d.TargetHealth.State === 'unhealthy').map((d) => d.Target.Id)
  // An IP target is the task with that address; an instance target is the instance itself.
  const tasks = Object.values(world.ecs.tasks).filter((t) => t.lastStatus === 'RUNNING' && sick.includes(taskPrivateIp(t) ?? ''))
  return [...tasks.map((t) => t.taskArn), ...sick.filter((id) => id.startsWith('i-'))]
}

/** Reads a rule from a question block's `answer:` (after its parameters are filled); a message when it does not read. */
export function readPickRule(v: unknown): PickRule | string {
  const keys = v && typeof v === 'object' && !Array.isArray(v) ? Object.keys(v) : []
  if (keys.length !== 1 || !(PICK_RULES as readonly string[]).includes(keys[0]))
    return `answer is one rule: ${PICK_RULES.map((r) => `${r}: { … }`).join(', ')}`
  const [name] = keys
  const args = (v as Record<string, unknown>)[name] as Record<string, unknown> | null
  const need = name === 'unhealthyTarget' ? ['targetGroup'] : ['cluster', 'service']
  if (!args || typeof args !== 'object' || !need.every((k) => typeof args[k] === 'string') || Object.keys(args).some((k) => !need.includes(k)))
    return `${name} takes ${need.map((k) => `${k}: (a name)`).join(' and ')}`
  return v as PickRule
}
