import type { ServiceSim } from '../context.ts'
import { healthCheckRound } from './healthChecks.ts'
import { createListener, deleteListener, describeListeners, modifyListener } from './listeners.ts'
import {
  createLoadBalancer,
  deleteLoadBalancer,
  describeLoadBalancerAttributes,
  describeLoadBalancers,
  loadBalancerStep,
  modifyLoadBalancerAttributes,
} from './loadBalancers.ts'
import { createRule, deleteRule, describeRules, modifyRule, setRulePriorities } from './rules.ts'
import { addTags, describeTags, removeTags } from './tags.ts'
import {
  createTargetGroup,
  deleteTargetGroup,
  describeTargetGroupAttributes,
  describeTargetGroups,
  modifyTargetGroup,
  modifyTargetGroupAttributes,
} from './targetGroups.ts'
import { deregisterTargets, describeTargetHealth, registerTargets, targetDrained } from './targets.ts'

export { emptyElbv2State, type Elbv2State } from './state.ts'
export type { Action, Listener, LoadBalancer, RegisteredTarget, Rule, RuleCondition, TargetGroup } from './state.ts'
export { ELBV2_TIMINGS } from './timings.ts'
export { loadBalancerArnsOf, actionTargetGroups } from './lookup.ts'

/** Elastic Load Balancing v2 (Application and Network Load Balancers), keyed by the model's operation names. */
export const elbv2: ServiceSim = {
  operations: {
    CreateLoadBalancer: createLoadBalancer,
    DescribeLoadBalancers: describeLoadBalancers,
    DeleteLoadBalancer: deleteLoadBalancer,
    DescribeLoadBalancerAttributes: describeLoadBalancerAttributes,
    ModifyLoadBalancerAttributes: modifyLoadBalancerAttributes,
    CreateTargetGroup: createTargetGroup,
    DescribeTargetGroups: describeTargetGroups,
    ModifyTargetGroup: modifyTargetGroup,
    DeleteTargetGroup: deleteTargetGroup,
    DescribeTargetGroupAttributes: describeTargetGroupAttributes,
    ModifyTargetGroupAttributes: modifyTargetGroupAttributes,
    CreateListener: createListener,
    DescribeListeners: describeListeners,
    ModifyListener: modifyListener,
    DeleteListener: deleteListener,
    CreateRule: createRule,
    DescribeRules: describeRules,
    ModifyRule: modifyRule,
    DeleteRule: deleteRule,
    SetRulePriorities: setRulePriorities,
    RegisterTargets: registerTargets,
    DeregisterTargets: deregisterTargets,
    DescribeTargetHealth: describeTargetHealth,
    AddTags: addTags,
    RemoveTags: removeTags,
    DescribeTags: describeTags,
  },
  timers: {
    'elbv2.loadBalancer.step': loadBalancerStep,
    'elbv2.targetGroup.healthCheck': healthCheckRound,
    'elbv2.targetGroup.drained': targetDrained,
  },
}
