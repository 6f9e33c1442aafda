import { setup } from 'xstate'
import { initialState, runEffects, transitionOf } from '../core/index.ts'
import type { SimContext } from '../context.ts'
import type { Service } from './state.ts'

/**
 * A service's `status` (ECS API Reference, `Service.status`: ACTIVE | DRAINING | INACTIVE;
 * https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_DeleteService.html): DeleteService scales it to
 * zero and makes it DRAINING (it no longer counts among the cluster's active services); once its tasks have all
 * stopped the scheduler makes it INACTIVE, and a service of the same name can be created again.
 */
export const SERVICE_STATUSES = ['ACTIVE', 'DRAINING', 'INACTIVE'] as const
export type ServiceStatus = (typeof SERVICE_STATUSES)[number]

export interface ServiceEvent {
  type: 'DELETE' | 'TASKS_STOPPED'
  ctx: SimContext
  service: Service
}

export const serviceMachine = setup({
  types: { events: {} as ServiceEvent },
  actions: {
    scaleToZero: ({ event: { service } }) => {
      service.desiredCount = 0
    },
    leaveCluster: ({ event: { ctx, service } }) => {
      const cluster = ctx.world.ecs.clusters[service.clusterArn]
      if (cluster) cluster.activeServicesCount--
    },
  },
}).createMachine({
  id: 'ecsService',
  initial: 'ACTIVE',
  states: {
    ACTIVE: { on: { DELETE: 'DRAINING' } },
    DRAINING: { entry: ['scaleToZero', 'leaveCluster'], on: { TASKS_STOPPED: 'INACTIVE' } },
    INACTIVE: { type: 'final' },
  },
})

export const INITIAL_SERVICE_STATUS = initialState(serviceMachine) as ServiceStatus

/** Moves the service's `status`; false when the machine does not take the event now. */
export function sendService(event: ServiceEvent): boolean {
  const t = transitionOf(serviceMachine, event.service.status, event.type)
  if (!t) return false
  event.service.status = t.value as ServiceStatus
  runEffects(serviceMachine, t, event)
  return true
}
