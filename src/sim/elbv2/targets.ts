import { AwsError } from '../core/index.ts'
import { handler, type TimerHandler } from '../context.ts'
import { cidrContains } from '../ec2/index.ts'
import { constraint, validation } from './errors.ts'
import { countsOf, forgetCounts, groupBookkeeping, setCounts } from './bookkeeping.ts'
import { healthCheckPort, send, startHealthChecks } from './healthChecks.ts'
import { getTargetGroup, loadBalancerArnsOf } from './lookup.ts'
import type { RegisteredTarget, TargetGroup } from './state.ts'
import { REASONS } from './targetHealth.machine.ts'
import { deregistrationDelayMs } from './targetGroups.ts'
import { describeTarget } from '../views/targetHealth.ts'
import type { World } from '../world.ts'

interface TargetDescription {
  Id: string
  Port?: number
  AvailabilityZone?: string
}

const IPV4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/

/** The message AWS gives for a target it cannot accept (seen for instances; used here for IPs too). */
const invalidTarget = () =>
  new AwsError('InvalidTarget', 'The specified target does not exist, is not in the same VPC as the target group, or has an unsupported instance type.')

/**
 * An instance target must exist in the target group's VPC (else the generic InvalidTarget); its zone is the
 * instance's. ELBv2 does not echo the zone of an instance target (fidelity §4.3): it is kept for the zone rules.
 */
function instanceTarget(world: World, tg: TargetGroup, id: string): string {
  const instance = /^i-[0-9a-f]{8,17}$/.test(id ?? '') ? world.ec2.instances[id] : undefined
  if (!instance || instance.VpcId !== tg.VpcId) throw invalidTarget()
  return instance.Placement.AvailabilityZone
}

/**
 * Instances that exist but are not running are refused together, as ELBv2 words it [seen: hashicorp/terraform#20345,
 * terraform-provider-aws#8537, cluster-api-provider-aws#5037]: "If the target is an EC2 instance, it must be in the
 * running state when you register it" (RegisterTargets).
 */
function notRunning(world: World, targets: TargetDescription[]): void {
  const stopped = targets.filter((t) => {
    const instance = world.ec2.instances[t.Id]
    return instance !== undefined && instance.State.Name !== 'running'
  })
  if (stopped.length)
    throw new AwsError('InvalidTarget', `The following targets are not in a running state and cannot be registered: ${stopped.map((t) => `'${t.Id}'`).join(', ')}`)
}

function targetPort(tg: TargetGroup, t: TargetDescription): number {
  const port = t.Port ?? tg.Port
  if (port === undefined) throw validation(`A port must be specified for target '${t.Id}'`)
  if (port < 1 || port > 65535) throw constraint(port, 'targets.member.port', 'Member must have value between 1 and 65535')
  return port
}

/**
 * RegisterTargets: ip targets must be IPv4 addresses inside the target group's VPC (their AZ is the subnet's);
 * instance targets (`Id=i-…,Port=…`) running instances in that VPC, each port a target of its own (dynamic host ports). A new target starts `initial` /
 * `Elb.RegistrationInProgress`; a draining one registered again starts over.
 */
export const registerTargets = handler((ctx, input: { TargetGroupArn: string; Targets: TargetDescription[] }) => {
  const { world } = ctx
  const tg = getTargetGroup(ctx, input.TargetGroupArn)
  if (!input.Targets?.length) throw constraint('[]', 'targets', 'Member must have length greater than or equal to 1')
  if (tg.TargetType === 'lambda' || tg.TargetType === 'alb') throw validation(`Registering targets of type '${tg.TargetType}' is not simulated in this sandbox`)
  const vpc = world.ec2.vpcs[tg.VpcId ?? '']
  if (tg.TargetType === 'instance') notRunning(world, input.Targets)
  const accepted = input.Targets.map((t) => {
    const port = targetPort(tg, t)
    if (tg.TargetType === 'instance') return { Id: t.Id, Port: port, AvailabilityZone: instanceTarget(world, tg, t.Id) }
    const m = IPV4.exec(t.Id ?? '')
    if (!m || m.slice(1).some((o) => Number(o) > 255)) throw validation(`The IP address '${t.Id}' is not a valid IPv4 address`)
    const inVpc = vpc?.CidrBlockAssociationSet.some((a) => cidrContains(a.CidrBlock, t.Id))
    if (!inVpc && t.AvailabilityZone !== 'all') throw invalidTarget()
    const subnet = Object.values(world.ec2.subnets).find((s) => s.VpcId === tg.VpcId && cidrContains(s.CidrBlock, t.Id))
    return { Id: t.Id, Port: port, AvailabilityZone: t.AvailabilityZone ?? subnet?.AvailabilityZone }
  })
  const list = world.elbv2.targets[tg.TargetGroupArn]
  const book = groupBookkeeping(ctx, tg.TargetGroupArn)
  for (const t of accepted) {
    const existing = list.findIndex((r) => r.Id === t.Id && r.Port === t.Port)
    if (existing >= 0 && list[existing].state !== 'draining') continue
    if (existing >= 0) list.splice(existing, 1)
    const target: RegisteredTarget = {
      ...t,
      state: 'initial',
      reason: 'Elb.RegistrationInProgress',
      description: REASONS['Elb.RegistrationInProgress'],
    }
    if (target.AvailabilityZone === undefined) delete target.AvailabilityZone
    list.push(target)
    setCounts(book, target, { registeredAt: ctx.now(), passes: 0, failures: 0 })
    ctx.log(tg.TargetGroupArn, { kind: 'target.registration', targetId: t.Id, port: t.Port, state: 'registered', reason: 'initial: Elb.RegistrationInProgress' })
  }
  startHealthChecks(ctx, tg.TargetGroupArn)
  return {}
})

/**
 * DeregisterTargets: a target of a group in use drains for `deregistration_delay.timeout_seconds` (300 s by default),
 * then is gone; in a group no load balancer uses it is gone at once. Deregistering an unknown target is a no-op.
 */
export const deregisterTargets = handler((ctx, input: { TargetGroupArn: string; Targets: TargetDescription[] }) => {
  const { elbv2 } = ctx.world
  const tg = getTargetGroup(ctx, input.TargetGroupArn)
  if (!input.Targets?.length) throw constraint('[]', 'targets', 'Member must have length greater than or equal to 1')
  const list = elbv2.targets[tg.TargetGroupArn]
  const inUse = loadBalancerArnsOf(elbv2, tg.TargetGroupArn).length > 0
  const delay = deregistrationDelayMs(elbv2, tg.TargetGroupArn)
  for (const t of input.Targets) {
    const port = t.Port ?? tg.Port
    const i = list.findIndex((r) => r.Id === t.Id && (port === undefined || r.Port === port))
    if (i < 0) continue
    const target = list[i]
    if (target.state === 'draining') continue
    if (!inUse || delay === 0) {
      list.splice(i, 1)
      forgetCounts(elbv2.bookkeeping[tg.TargetGroupArn], target)
      ctx.log(tg.TargetGroupArn, { kind: 'target.registration', targetId: target.Id, port: target.Port, state: 'deregistered' })
      continue
    }
    if (send(ctx, tg, target, groupBookkeeping(ctx, tg.TargetGroupArn), { type: 'DEREGISTER', delayMs: delay }) === undefined) continue
    ctx.log(tg.TargetGroupArn, { kind: 'target.registration', targetId: target.Id, port: target.Port, state: 'draining', reason: `deregistration delay ${delay / 1000} s` })
  }
  return {}
})

/** The deregistration delay is over: the draining target is unused and leaves the group (timer `elbv2.targetGroup.drained`). */
export const targetDrained: TimerHandler = (ctx, payload) => {
  const arn = String(payload.targetGroupArn)
  const tg = ctx.world.elbv2.targetGroups[arn]
  const list = ctx.world.elbv2.targets[arn]
  if (!tg || !list) return
  const book = groupBookkeeping(ctx, arn)
  const target = list.find((r) => r.Id === payload.id && r.Port === payload.port && r.state === 'draining' && (countsOf(book, r)?.drainUntil ?? 0) <= ctx.now())
  if (!target || send(ctx, tg, target, book, { type: 'DRAINED' }) === undefined) return
  ctx.log(String(payload.targetGroupArn), { kind: 'target.registration', targetId: String(payload.id), port: Number(payload.port), state: 'deregistered', reason: 'deregistration delay elapsed' })
}

export const describeTargetHealth = handler((ctx, input: { TargetGroupArn: string; Targets?: TargetDescription[] }) => {
  const tg = getTargetGroup(ctx, input.TargetGroupArn)
  const list = ctx.world.elbv2.targets[tg.TargetGroupArn] ?? []
  const lbArns = loadBalancerArnsOf(ctx.world.elbv2, tg.TargetGroupArn)
  // Each target's health is the read model's rule (../views/targetHealth.ts): one answer for the CLI and every reader.
  const describe = (target: RegisteredTarget) => describeTarget(ctx.world, tg, target, lbArns)
  if (!input.Targets?.length) return { TargetHealthDescriptions: list.map(describe) }
  return {
    TargetHealthDescriptions: input.Targets.flatMap((t) => {
      const found = list.filter((r) => r.Id === t.Id && (t.Port === undefined || r.Port === t.Port))
      if (found.length) return found.map(describe)
      const port = t.Port ?? tg.Port ?? 0
      return [
        {
          Target: { Id: t.Id, Port: port },
          HealthCheckPort: String(healthCheckPort(tg, { Port: port })),
          TargetHealth: { State: 'unused', Reason: 'Target.NotRegistered', Description: REASONS['Target.NotRegistered'] },
        },
      ]
    }),
  }
})
