import { setup } from 'xstate'

/**
 * A load balancer's `State.Code` (ELBv2 API Reference, LoadBalancerState: active | provisioning |
 * active_impaired | failed). CreateLoadBalancer answers `provisioning`; the scheduler sends ACTIVE after
 * ELBV2_TIMINGS.loadBalancerActiveMs.
 * https://docs.aws.amazon.com/elasticloadbalancing/latest/APIReference/API_LoadBalancerState.html
 */
export const loadBalancerMachine = setup({ types: { events: {} as { type: 'ACTIVE' } | { type: 'IMPAIR' } | { type: 'FAIL' } } }).createMachine({
  id: 'loadBalancer',
  initial: 'provisioning',
  states: {
    provisioning: { on: { ACTIVE: 'active', FAIL: 'failed' } },
    active: { on: { IMPAIR: 'active_impaired' } },
    active_impaired: { on: { ACTIVE: 'active' } },
    failed: {},
  },
})
