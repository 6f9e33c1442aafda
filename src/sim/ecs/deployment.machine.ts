import { setup } from 'xstate'
import { initialState, runEffects, transitionOf } from '../core/index.ts'
import type { SimContext } from '../context.ts'
import type { Deployment } from './state.ts'

/**
 * A service deployment's two lifecycles (ECS API Reference, `Deployment`:
 * https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_Deployment.html, and the rolling update guide,
 * https://docs.aws.amazon.com/AmazonECS/latest/developerguide/deployment-type-ecs.html):
 * - `status`: PRIMARY (the newest) → ACTIVE once a newer deployment replaces it while its tasks drain → INACTIVE
 *   when none are left (it then drops out of `deployments`);
 * - `rolloutState`: IN_PROGRESS → COMPLETED (every task of it running and healthy) or FAILED (circuit breaker).
 * The service scheduler (deployments.ts) sends the events; the effects write the reason and `updatedAt`.
 */
export const DEPLOYMENT_STATUSES = ['PRIMARY', 'ACTIVE', 'INACTIVE'] as const
export type DeploymentStatus = (typeof DEPLOYMENT_STATUSES)[number]
export const ROLLOUT_STATES = ['IN_PROGRESS', 'COMPLETED', 'FAILED'] as const
export type RolloutState = (typeof ROLLOUT_STATES)[number]

export interface DeploymentEvent {
  type: 'SUPERSEDED' | 'DRAINED'
  deployment: Deployment
}

export const deploymentStatusMachine = setup({ types: { events: {} as DeploymentEvent } }).createMachine({
  id: 'ecsDeploymentStatus',
  initial: 'PRIMARY',
  states: {
    PRIMARY: { on: { SUPERSEDED: 'ACTIVE', DRAINED: 'INACTIVE' } },
    ACTIVE: { on: { DRAINED: 'INACTIVE' } },
    INACTIVE: { type: 'final' },
  },
})

export interface RolloutEvent {
  type: 'COMPLETE' | 'FAIL'
  ctx: SimContext
  deployment: Deployment
}

export const rolloutMachine = setup({
  types: { events: {} as RolloutEvent },
  actions: {
    completed: ({ event: { ctx, deployment } }) => {
      deployment.rolloutStateReason = `ECS deployment ${deployment.id} completed.`
      deployment.updatedAt = ctx.now()
    },
    /** The circuit breaker's reason (deployment-circuit-breaker.html). */
    failed: ({ event: { ctx, deployment } }) => {
      deployment.rolloutStateReason = 'ECS deployment circuit breaker: tasks failed to start.'
      deployment.updatedAt = ctx.now()
    },
  },
}).createMachine({
  id: 'ecsDeploymentRollout',
  initial: 'IN_PROGRESS',
  states: {
    IN_PROGRESS: { on: { COMPLETE: 'COMPLETED', FAIL: 'FAILED' } },
    COMPLETED: { type: 'final', entry: 'completed' },
    FAILED: { type: 'final', entry: 'failed' },
  },
})

export const INITIAL_DEPLOYMENT_STATUS = initialState(deploymentStatusMachine) as DeploymentStatus
export const INITIAL_ROLLOUT_STATE = initialState(rolloutMachine) as RolloutState

/** Moves the deployment's `status`; false when the machine does not take the event now. */
export function sendDeploymentStatus(event: DeploymentEvent): boolean {
  const t = transitionOf(deploymentStatusMachine, event.deployment.status, event.type)
  if (!t) return false
  event.deployment.status = t.value as DeploymentStatus
  runEffects(deploymentStatusMachine, t, event)
  return true
}

/** Moves the deployment's `rolloutState`, with its reason; false when the machine does not take the event now. */
export function sendRollout(event: RolloutEvent): boolean {
  const t = transitionOf(rolloutMachine, event.deployment.rolloutState, event.type)
  if (!t) return false
  event.deployment.rolloutState = t.value as RolloutState
  runEffects(rolloutMachine, t, event)
  return true
}
