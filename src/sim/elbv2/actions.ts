import { AwsError } from '../core/index.ts'
import type { SimContext } from '../context.ts'
import { constraint, targetGroupNotFound, validation } from './errors.ts'
import { actionTargetGroups, loadBalancerArnsOf } from './lookup.ts'
import type { Action, LoadBalancer } from './state.ts'

const ACTION_TYPES = ['forward', 'authenticate-oidc', 'authenticate-cognito', 'redirect', 'fixed-response']
const CONTENT_TYPES = ['text/plain', 'text/css', 'text/html', 'application/javascript', 'application/json']

/**
 * Validates listener/rule actions and returns them as ELBv2 echoes them (fidelity §4.5): a forward to one
 * TargetGroupArn also shows `ForwardConfig` with `Weight: 1` and stickiness off; a redirect shows its defaults
 * (`#{protocol}`, `#{port}`, `#{host}`, `/#{path}`, `#{query}`); a fixed response its content type.
 */
export function normalizeActions(ctx: SimContext, lb: LoadBalancer, actions: Action[] | undefined, at: string): Action[] {
  if (!actions || actions.length === 0) throw constraint('[]', at, 'Member must have length greater than or equal to 1')
  const { elbv2 } = ctx.world
  return actions.map((input, i) => {
    const action: Action = { ...input }
    if (!ACTION_TYPES.includes(action.Type)) throw constraint(action.Type, `${at}.${i + 1}.member.type`, `Member must satisfy enum value set: [${ACTION_TYPES.join(', ')}]`)
    if (action.Type === 'forward') {
      const tuples = action.ForwardConfig?.TargetGroups ?? []
      if (!action.TargetGroupArn && tuples.length === 0) throw validation('A target group ARN must be specified')
      if (action.TargetGroupArn && tuples.length && (tuples.length > 1 || tuples[0].TargetGroupArn !== action.TargetGroupArn))
        throw validation('You cannot specify both a target group ARN and a forward config with different target groups')
      if (tuples.length > 5) throw validation('A forward action can have at most 5 target groups')
      for (const tgArn of actionTargetGroups(action)) {
        const tg = elbv2.targetGroups[tgArn]
        if (!tg) throw targetGroupNotFound()
        const others = loadBalancerArnsOf(elbv2, tgArn).filter((a) => a !== lb.LoadBalancerArn)
        if (others.length) throw new AwsError('TargetGroupAssociationLimit', `The following target groups cannot be associated with more than one load balancer: ${tgArn}`)
        const http = tg.TargetType === 'lambda' || tg.Protocol === 'HTTP' || tg.Protocol === 'HTTPS'
        if ((lb.Type === 'application') !== http)
          throw validation(`The target group '${tgArn}' has protocol '${tg.Protocol ?? 'none'}', which is not compatible with a ${lb.Type} load balancer`)
        if (tg.VpcId && tg.VpcId !== lb.VpcId) throw validation(`The target group '${tgArn}' is not in the load balancer's VPC '${lb.VpcId}'`)
      }
      const groups = tuples.length ? tuples.map((t) => ({ TargetGroupArn: t.TargetGroupArn, Weight: t.Weight ?? 1 })) : [{ TargetGroupArn: action.TargetGroupArn ?? '', Weight: 1 }]
      for (const g of groups) if (g.Weight < 0 || g.Weight > 999) throw constraint(g.Weight, `${at}.${i + 1}.member.forwardConfig.targetGroups.member.weight`, 'Member must have value between 0 and 999')
      action.ForwardConfig = {
        TargetGroups: groups,
        TargetGroupStickinessConfig: { Enabled: false, ...action.ForwardConfig?.TargetGroupStickinessConfig },
      }
      if (groups.length === 1) action.TargetGroupArn = groups[0].TargetGroupArn
    } else if (action.Type === 'fixed-response') {
      const c = action.FixedResponseConfig
      if (lb.Type !== 'application') throw validation(`Action type '${action.Type}' is not supported for ${lb.Type} load balancers`)
      if (!c?.StatusCode) throw validation('A fixed-response action must have a status code')
      if (!/^[245]\d\d$/.test(c.StatusCode)) throw constraint(c.StatusCode, `${at}.${i + 1}.member.fixedResponseConfig.statusCode`, 'Member must satisfy regular expression pattern: ^(2|4|5)\\d\\d$')
      if (c.ContentType && !CONTENT_TYPES.includes(c.ContentType)) throw validation(`Content type '${c.ContentType}' is not valid. Valid values: ${CONTENT_TYPES.join(', ')}`)
      if ((c.MessageBody ?? '').length > 1024) throw constraint('…', `${at}.${i + 1}.member.fixedResponseConfig.messageBody`, 'Member must have length less than or equal to 1024')
      action.FixedResponseConfig = { ...(c.MessageBody !== undefined ? { MessageBody: c.MessageBody } : {}), StatusCode: c.StatusCode, ContentType: c.ContentType ?? 'text/plain' }
    } else if (action.Type === 'redirect') {
      const c = action.RedirectConfig
      if (lb.Type !== 'application') throw validation(`Action type '${action.Type}' is not supported for ${lb.Type} load balancers`)
      if (!c?.StatusCode) throw validation('A redirect action must have a status code')
      if (c.StatusCode !== 'HTTP_301' && c.StatusCode !== 'HTTP_302') throw constraint(c.StatusCode, `${at}.${i + 1}.member.redirectConfig.statusCode`, 'Member must satisfy enum value set: [HTTP_301, HTTP_302]')
      action.RedirectConfig = {
        Protocol: c.Protocol ?? '#{protocol}',
        Port: c.Port ?? '#{port}',
        Host: c.Host ?? '#{host}',
        Path: c.Path ?? '/#{path}',
        Query: c.Query ?? '#{query}',
        StatusCode: c.StatusCode,
      }
    } else {
      throw validation(`Action type '${action.Type}' is not simulated in this sandbox`)
    }
    return action
  })
}
