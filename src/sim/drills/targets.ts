import type { SimContext } from '../context.ts'
import { targetGroupNamed } from '../views/names.ts'
import { interfaceByIp } from '../network/addresses.ts'
import { DrillError, drillsOf, type DrillsState } from './state.ts'

export type FailMode = 'http-500' | 'timeout'

/** The slice, created on first use in worlds from before drills existed. */
function slice(ctx: SimContext): DrillsState {
  const w = ctx.world as { drills?: DrillsState }
  if (!w.drills) w.drills = drillsOf(w)
  return w.drills
}

/** A target group's registered target by IP address (or the first, when no address is given). */
function targetAddress(ctx: SimContext, targetGroup: string, address?: string): string {
  const tg = targetGroupNamed(ctx.world, targetGroup)
  if (!tg) throw new DrillError(`no target group ${targetGroup}`)
  const targets = ctx.world.elbv2.targets[tg.TargetGroupArn] ?? []
  const ips = targets.map((t) => t.Id).filter((id) => /^\d+\.\d+\.\d+\.\d+$/.test(id))
  if (address !== undefined && !ips.includes(address)) throw new DrillError(`${targetGroup} has no target ${address} (targets: ${ips.join(', ') || 'none'})`)
  const ip = address ?? ips[0]
  if (!ip) throw new DrillError(`${targetGroup} has no IP target to fail (instance targets: fail the instance's task instead)`)
  return ip
}

/**
 * A target starts failing: every request to it (health checks included) answers HTTP 500, or is never answered
 * (the connection times out), until restored. The load balancer finds out on its own clock: after
 * UnhealthyThresholdCount failed checks the target is unhealthy, and ECS replaces a service's task.
 */
export function failTarget(ctx: SimContext, targetGroup: string, mode: FailMode, address?: string): string {
  const ip = targetAddress(ctx, targetGroup, address)
  slice(ctx).failingTargets[ip] = mode
  logOnInterface(ctx, ip, `drill: ${ip} ${mode === 'timeout' ? 'stops answering' : 'answers HTTP 500'}`)
  return `${ip} in ${targetGroup} now ${mode === 'timeout' ? 'never answers (requests time out)' : 'answers HTTP 500'}`
}

export function restoreTarget(ctx: SimContext, targetGroup: string, address?: string): string {
  const ip = targetAddress(ctx, targetGroup, address)
  const failing = slice(ctx).failingTargets
  if (!failing[ip]) throw new DrillError(`${ip} is not failing`)
  delete failing[ip]
  logOnInterface(ctx, ip, `drill: ${ip} answers normally again`)
  return `${ip} in ${targetGroup} answers normally again`
}

/** Logged on the target's network interface: the change moves the EC2 slice, so health checks look again. */
function logOnInterface(ctx: SimContext, ip: string, detail: string) {
  const eni = interfaceByIp(ctx.world, ip, 'private')
  ctx.log(eni?.NetworkInterfaceId ?? ip, { kind: 'resource.modified', type: 'AWS::EC2::NetworkInterface', detail })
}
