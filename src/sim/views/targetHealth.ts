import { loadBalancerArnsOf } from '../elbv2/lookup.ts'
import { REASONS } from '../elbv2/reasons.ts'
import type { LoadBalancer, RegisteredTarget, TargetGroup } from '../elbv2/state.ts'
import type { World } from '../world.ts'
import { perWorld } from './memo.ts'

/** A target's health as DescribeTargetHealth reports it (fidelity §4.3). */
export interface TargetHealth {
  State: string
  Reason?: string
  Description?: string
}

/** One entry of DescribeTargetHealth's `TargetHealthDescriptions`. */
export interface TargetHealthDescription {
  Target: { Id: string; Port: number; AvailabilityZone?: string }
  HealthCheckPort: string
  TargetHealth: TargetHealth
}

/** The port the checks go to: the target's port for `traffic-port`. */
export const healthCheckPort = (tg: TargetGroup, target: { Port: number }): number =>
  tg.HealthCheckPort && tg.HealthCheckPort !== 'traffic-port' ? Number(tg.HealthCheckPort) : target.Port

/** Whether a target's AZ is one the load balancer is enabled in (otherwise `unused` / Target.NotInUse). */
export const inEnabledZone = (lb: LoadBalancer | undefined, target: RegisteredTarget): boolean =>
  !lb || !target.AvailabilityZone || lb.AvailabilityZones.some((z) => z.ZoneName === target.AvailabilityZone)

/**
 * The rule (fidelity §4.3): what ELBv2 says about a registered target. The target's own health-check state is only
 * part of it: a group no listener or rule forwards to makes every target `unused` (Target.NotInUse) whatever its last
 * checks said, as does an AZ the load balancer is not enabled in; checks turned off make it `unavailable`.
 * DescribeTargetHealth answers with this, and so does every other reader (the diagram, the inspector, lesson goals).
 * `lbArns`: the group's load balancers, when the caller already has them (one lookup per group, not per target).
 */
export function targetHealthOf(
  world: Readonly<World>,
  tg: TargetGroup,
  target: RegisteredTarget,
  lbArns: readonly string[] = loadBalancerArnsOf(world.elbv2, tg.TargetGroupArn),
): TargetHealth {
  const { elbv2 } = world
  if (target.state === 'draining') return { State: 'draining', Reason: 'Target.DeregistrationInProgress', Description: REASONS['Target.DeregistrationInProgress'] }
  const instanceState = target.Id.startsWith('i-') ? (world.ec2.instances[target.Id]?.State.Name ?? 'terminated') : 'running'
  // An instance target that stopped is kept but gets no traffic (fidelity §4.3, Target.InvalidState).
  if (instanceState !== 'running') return { State: 'unused', Reason: 'Target.InvalidState', Description: `Target is in the ${instanceState} state` }
  if (lbArns.length === 0) return { State: 'unused', Reason: 'Target.NotInUse', Description: REASONS['Target.NotInUse'] }
  if (!lbArns.some((a) => inEnabledZone(elbv2.loadBalancers[a], target)))
    return { State: 'unused', Reason: 'Target.NotInUse', Description: 'Target is in an Availability Zone that is not enabled for the load balancer' }
  if (!tg.HealthCheckEnabled) return { State: 'unavailable', Reason: 'Target.HealthCheckDisabled', Description: REASONS['Target.HealthCheckDisabled'] }
  if (target.state === 'healthy') return { State: 'healthy' }
  return { State: target.state, Reason: target.reason, Description: target.description }
}

/** One registered target as DescribeTargetHealth lists it. */
export function describeTarget(world: Readonly<World>, tg: TargetGroup, target: RegisteredTarget, lbArns?: readonly string[]): TargetHealthDescription {
  return {
    // Only ip targets echo their zone; an instance target is `{"Id": "i-…", "Port": 32768}` (fidelity §4.3).
    Target: { Id: target.Id, Port: target.Port, ...(target.AvailabilityZone && !target.Id.startsWith('i-') ? { AvailabilityZone: target.AvailabilityZone } : {}) },
    HealthCheckPort: String(healthCheckPort(tg, target)),
    TargetHealth: targetHealthOf(world, tg, target, lbArns),
  }
}

/**
 * Every registered target of a group with its health, exactly as `aws elbv2 describe-target-health` prints it.
 * Worked out once per group per world (the diagram, the group's counts and the health-by-address index all ask);
 * DescribeTargetHealth itself describes each target afresh (`describeTarget`), as it runs inside a changing world.
 */
export function targetHealth(world: Readonly<World>, targetGroupArn: string): readonly TargetHealthDescription[] {
  const byGroup = perWorld(world, 'targetHealth', () => new Map<string, readonly TargetHealthDescription[]>())
  let found = byGroup.get(targetGroupArn)
  if (!found) {
    const tg = world.elbv2.targetGroups[targetGroupArn]
    const lbArns = tg ? loadBalancerArnsOf(world.elbv2, targetGroupArn) : []
    found = tg ? (world.elbv2.targets[targetGroupArn] ?? []).map((t) => describeTarget(world, tg, t, lbArns)) : []
    byGroup.set(targetGroupArn, found)
  }
  return found
}

/** A group's targets counted by state, as the learner reads "1 of 2 targets healthy". */
export interface TargetGroupHealth {
  total: number
  healthy: number
  /** State → how many targets are in it (`healthy`, `initial`, `unhealthy`, `draining`, `unused`, `unavailable`). */
  states: Record<string, number>
}

export function targetGroupHealth(world: Readonly<World>, targetGroupArn: string): TargetGroupHealth {
  const states: Record<string, number> = {}
  const all = targetHealth(world, targetGroupArn)
  for (const d of all) states[d.TargetHealth.State] = (states[d.TargetHealth.State] ?? 0) + 1
  return { total: all.length, healthy: states.healthy ?? 0, states }
}

/** How bad a state is, for an address registered in several groups: the worst one is what the learner must see. */
const SEVERITY: Readonly<Record<string, number>> = { healthy: 0, unavailable: 1, unused: 2, initial: 3, draining: 4, unhealthy: 5 }

/** A target's health in one of its groups, and which group says so (`health` is describe-target-health's object). */
export interface AddressHealth {
  health: TargetHealth
  targetGroupArn: string
  port: number
}

/** Target health by registered address (`Id`: a task's IP), across every group it is in; the worst state wins. */
export function targetHealthByAddress(world: Readonly<World>): ReadonlyMap<string, AddressHealth> {
  return perWorld(world, 'targetHealthByAddress', () => {
    const out = new Map<string, AddressHealth>()
    for (const tgArn of Object.keys(world.elbv2.targets)) {
      for (const d of targetHealth(world, tgArn)) {
        const seen = out.get(d.Target.Id)
        if (seen && (SEVERITY[seen.health.State] ?? 0) >= (SEVERITY[d.TargetHealth.State] ?? 0)) continue
        out.set(d.Target.Id, { health: d.TargetHealth, targetGroupArn: tgArn, port: d.Target.Port })
      }
    }
    return out
  })
}
