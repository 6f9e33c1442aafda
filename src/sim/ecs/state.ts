/**
 * ECS slice of the world. Owned by src/sim/ecs (clusters, task definitions, tasks, services, account settings).
 * Resources are kept in the API's own shapes and member names so describe-* can return them directly.
 */
export interface EcsState {
  clusters: Record<string, unknown>
}

export const emptyEcsState = (): EcsState => ({ clusters: {} })
