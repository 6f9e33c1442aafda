/**
 * Elastic Load Balancing v2 slice of the world. Owned by src/sim/elbv2 (load balancers, target groups,
 * listeners, rules, target health).
 */
export interface Elbv2State {
  loadBalancers: Record<string, unknown>
}

export const emptyElbv2State = (): Elbv2State => ({ loadBalancers: {} })
