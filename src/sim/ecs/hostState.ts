import type { NetworkConfiguration, Tag } from './state.ts'

/*
 * ECS state of the EC2 launch type: container instances and their resources, the ECS agent on each instance, the
 * scheduler's per-host bookkeeping, tasks waiting for capacity, and Auto Scaling group capacity providers with their
 * managed scaling (state.ts re-exports them beside the rest of ECS's state).
 */

/** One of a container instance's resources (ECS API `Resource`): CPU/MEMORY as integers, PORTS/PORTS_UDP as string sets. */
export interface Resource {
  name: string
  type: 'INTEGER' | 'STRINGSET'
  doubleValue: number
  longValue: number
  integerValue: number
  stringSetValue?: string[]
}

/** An attribute (ECS API `Attribute`): built-in ones such as `ecs.availability-zone`, or custom ones from put-attributes. */
export interface Attribute {
  name: string
  value?: string
  targetType?: 'container-instance'
  targetId?: string
}

/** A container instance in the ECS API's `ContainerInstance` shape (containerInstances.ts). */
export interface ContainerInstance {
  containerInstanceArn: string
  ec2InstanceId: string
  version: number
  versionInfo: { agentVersion: string; agentHash: string; dockerVersion: string }
  remainingResources: Resource[]
  registeredResources: Resource[]
  /** ACTIVE | DRAINING | INACTIVE (deregistered, still describable for a while). */
  status: 'ACTIVE' | 'DRAINING' | 'INACTIVE'
  statusReason?: string
  agentConnected: boolean
  runningTasksCount: number
  pendingTasksCount: number
  attributes: Attribute[]
  registeredAt: number
  attachments: unknown[]
  tags: Tag[]
}

/** A log line of the ECS agent on an instance (for the inspector): virtual time and the text as the agent writes it. */
export interface AgentLogLine {
  at: number
  level: 'info' | 'warn' | 'error'
  msg: string
}

/**
 * The ECS container agent on one EC2 instance (agent.ts): whether it runs, which cluster it was told to join, what
 * it registered as, and what it logged. Not an API shape: ECS has no API for an agent that never registered.
 */
export interface EcsAgent {
  instanceId: string
  /** starting (instance running, agent not up yet) → registered | failing (retrying) → disconnected (instance stopped). */
  state: 'starting' | 'registered' | 'failing' | 'disconnected'
  cluster: string
  containerInstanceArn?: string
  log: AgentLogLine[]
}

/** What ECS keeps about a container instance beside its API shape: its live tasks and their docker0 addresses. */
export interface HostBookkeeping {
  /** Tasks placed here that have not STOPPED yet (placement reads these, never every task). */
  taskArns: string[]
  /** Bridge tasks: container name → its 172.17.x address on the instance's docker0 bridge, by task ARN. */
  bridgeIps: Record<string, Record<string, string>>
}

/** A task waiting in PROVISIONING for its capacity provider's group to grow, and what placing it later needs. */
export interface WaitingTask {
  capacityProvider: string
  since: number
  networkConfiguration?: NetworkConfiguration
  placementStrategy?: { type?: string; field?: string }[]
  placementConstraints?: { type?: string; expression?: string }[]
}

/** ECS managed scaling of one provider: the cluster it scales for and when its next minute's pass is due. */
export interface ManagedScalingBookkeeping {
  clusterArn: string
  passAt: number
}

/**
 * ECS managed draining of one provider (managedDraining.ts): when its pass started (a timer of an earlier start is
 * ignored), and per instance held in Terminating:Wait, when ECS last recorded a heartbeat and whether it completed
 * its lifecycle action.
 */
export interface ManagedDrainingBookkeeping {
  startedAt: number
  instances: Record<string, { heartbeatAt: number; completed?: true }>
}

/** API `ManagedScaling`. */
export interface ManagedScaling {
  status: 'ENABLED' | 'DISABLED'
  targetCapacity: number
  minimumScalingStepSize: number
  maximumScalingStepSize: number
  instanceWarmupPeriod: number
}

/** The built-in capacity providers: every cluster may use them, and they have no Auto Scaling group. */
export const FARGATE_PROVIDERS: readonly string[] = ['FARGATE', 'FARGATE_SPOT']

/** API `CapacityProvider` (an Auto Scaling group one; `type` EC2_AUTOSCALING). */
export interface CapacityProvider {
  capacityProviderArn: string
  name: string
  status: 'ACTIVE' | 'INACTIVE'
  autoScalingGroupProvider: {
    autoScalingGroupArn: string
    managedScaling: ManagedScaling
    managedTerminationProtection: 'ENABLED' | 'DISABLED'
    managedDraining: 'ENABLED' | 'DISABLED'
  }
  updateStatus?: string
  updateStatusReason?: string
  tags: Tag[]
  type: 'EC2_AUTOSCALING'
}

/** API `CapacityProviderStrategyItem` as stored (weight and base filled in). */
export interface CapacityProviderStrategyItem {
  capacityProvider: string
  weight: number
  base: number
}
