import { AwsError } from '../core/index.ts'

/**
 * ELBv2 errors with the query protocol's short codes (fidelity §1.19, §4.6). Messages marked (unverified) follow
 * the fact file where it has them and ELBv2's usual style otherwise.
 */
export const loadBalancerNotFound = () => new AwsError('LoadBalancerNotFound', 'One or more load balancers not found')
export const targetGroupNotFound = () => new AwsError('TargetGroupNotFound', 'One or more target groups not found')
export const listenerNotFound = () => new AwsError('ListenerNotFound', 'One or more listeners not found')
export const ruleNotFound = () => new AwsError('RuleNotFound', 'One or more rules not found')
export const validation = (message: string) => new AwsError('ValidationError', message)

/** AWS's generic constraint wording (the query protocol's validation errors). */
export const constraint = (value: unknown, at: string, rule: string) =>
  validation(`1 validation error detected: Value '${String(value)}' at '${at}' failed to satisfy constraint: ${rule}`)

/** Load balancer and target group names: ≤32 chars, alphanumerics and hyphens, no hyphen at either end (§4.1). */
export function checkName(kind: 'LoadBalancer' | 'TargetGroup', name: string): void {
  const label = kind === 'LoadBalancer' ? 'Load balancer' : 'Target group'
  if (name.length === 0) throw validation(`${label} name cannot be empty`)
  if (name.length > 32) throw validation(`${kind === 'LoadBalancer' ? 'LoadBalancer' : 'Target group'} name cannot be longer than 32 characters`)
  if (!/^[A-Za-z0-9-]+$/.test(name))
    throw validation(`${label} name '${name}' can only contain characters that are alphanumeric characters or hyphens(-)`)
  if (name.startsWith('-') || name.endsWith('-')) throw validation(`${label} name '${name}' cannot begin or end with '-' character`)
  if (kind === 'LoadBalancer' && name.toLowerCase().startsWith('internal-')) throw validation(`Load balancer name '${name}' cannot begin with 'internal-'`)
}
