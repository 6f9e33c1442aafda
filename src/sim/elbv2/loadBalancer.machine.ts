import { setup } from 'xstate'
import { initialState } from '../core/index.ts'

/**
 * A load balancer's `State.Code` (ELBv2 API Reference, LoadBalancerState: active | provisioning |
 * active_impaired | failed). CreateLoadBalancer answers `provisioning`; the scheduler sends ACTIVE after
 * ELBV2_TIMINGS.loadBalancerActiveMs (or FAIL when it cannot be provisioned).
 * https://docs.aws.amazon.com/elasticloadbalancing/latest/APIReference/API_LoadBalancerState.html
 */
export const LOAD_BALANCER_STATES = ['provisioning', 'active', 'active_impaired', 'failed'] as const
export type LoadBalancerStateCode = (typeof LOAD_BALANCER_STATES)[number]

export const loadBalancerMachine = setup({ types: { events: {} as { type: 'ACTIVE' } | { type: 'IMPAIR' } | { type: 'FAIL' } } }).createMachine({
  id: 'loadBalancer',
  initial: 'provisioning',
  states: {
    provisioning: { on: { ACTIVE: 'active', FAIL: 'failed' } },
    active: { on: { IMPAIR: 'active_impaired' } },
    active_impaired: { on: { ACTIVE: 'active' } },
    failed: { type: 'final' },
  },
})

/** What CreateLoadBalancer answers. */
export const INITIAL_LOAD_BALANCER_STATE = initialState(loadBalancerMachine) as LoadBalancerStateCode

/** The states in which a load balancer routes traffic and runs health checks. */
export const isInService = (code: string): boolean => code === 'active' || code === 'active_impaired'
