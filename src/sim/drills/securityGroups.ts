import type { SimContext } from '../context.ts'
import { targetGroupNamed } from '../views/names.ts'
import { loadBalancersOfTargetGroup } from '../views/routing.ts'
import { interfaceByIp } from '../network/addresses.ts'
import { DrillError } from './state.ts'

interface Permission {
  IpProtocol: string
  FromPort?: number
  ToPort?: number
  IpRanges?: { CidrIp: string }[]
  UserIdGroupPairs?: { GroupId: string }[]
}

/**
 * Breaks the rule that lets a target group's load balancer reach its targets: on the targets' security groups, the
 * inbound rule covering the target port from the load balancer (by its security group, or an address range) is
 * revoked through EC2's own RevokeSecurityGroupIngress, as a colleague's change would be. Health checks then time
 * out, the targets turn unhealthy, and ECS replaces a service's tasks, which fail the same way.
 */
export function breakSecurityGroupRule(ctx: SimContext, targetGroup: string): string {
  const { world } = ctx
  const tg = targetGroupNamed(world, targetGroup)
  if (!tg) throw new DrillError(`no target group ${targetGroup}`)
  const lbGroups = new Set(loadBalancersOfTargetGroup(world, tg.TargetGroupArn).flatMap((arn) => world.elbv2.loadBalancers[arn]?.SecurityGroups ?? []))
  const revoked: string[] = []
  const done = new Set<string>()
  for (const target of world.elbv2.targets[tg.TargetGroupArn] ?? []) {
    const eni = interfaceByIp(world, target.Id, 'private')
    for (const { GroupId } of eni?.Groups ?? []) {
      if (done.has(`${GroupId}:${target.Port}`)) continue
      done.add(`${GroupId}:${target.Port}`)
      const perms = (world.ec2.securityGroups[GroupId]?.IpPermissions ?? []) as Permission[]
      const covers = (p: Permission) => p.IpProtocol === '-1' || ((p.FromPort ?? 0) <= target.Port && target.Port <= (p.ToPort ?? 65535))
      // Every rule that lets the load balancer in: by its security group, or by an address range (which holds its nodes).
      const rules = perms.filter((p) => covers(p) && (p.UserIdGroupPairs?.some((g) => lbGroups.has(g.GroupId)) || (p.IpRanges?.length ?? 0) > 0))
      for (const rule of rules.map((r) => JSON.parse(JSON.stringify(r)) as Permission)) {
        const permission = {
          IpProtocol: rule.IpProtocol,
          ...(rule.FromPort !== undefined ? { FromPort: rule.FromPort, ToPort: rule.ToPort } : {}),
          ...(rule.IpRanges?.length ? { IpRanges: rule.IpRanges.map((r) => ({ CidrIp: r.CidrIp })) } : {}),
          ...(rule.UserIdGroupPairs?.length ? { UserIdGroupPairs: rule.UserIdGroupPairs.map((g) => ({ GroupId: g.GroupId })) } : {}),
        }
        ctx.call('ec2', 'RevokeSecurityGroupIngress', { GroupId, IpPermissions: [permission] })
        const from = [...(permission.UserIdGroupPairs?.map((g) => g.GroupId) ?? []), ...(permission.IpRanges?.map((r) => r.CidrIp) ?? [])].join(', ')
        revoked.push(`the inbound rule of ${GroupId} allowing ${rule.IpProtocol === '-1' ? 'all traffic' : `TCP ${rule.FromPort}-${rule.ToPort}`} from ${from}`)
      }
    }
  }
  if (revoked.length) return `revoked ${revoked.join('; ')}`
  throw new DrillError(`no inbound rule lets the load balancer of ${targetGroup} reach its targets`)
}
