import type { CapacityProvider, CapacityProviderStrategyItem, ContainerInstance, EcsAgent, HostBookkeeping, ManagedDrainingBookkeeping, ManagedScalingBookkeeping, WaitingTask } from './hostState.ts'
import type { TaskVolumeConfiguration } from './managedEbs.ts'
import type { ContainerStatus } from './container.machine.ts'
import type { DeploymentStatus, RolloutState } from './deployment.machine.ts'
import type { ServiceStatus } from './service.machine.ts'
import type { Endpoint } from './endpoints.ts'

/**
 * ECS slice of the world. Resources are kept in the ECS API's own shapes and member names (`Cluster`, `TaskDefinition`,
 * `Service`, `Deployment`, `Task`, `Container`), so describe-* returns them directly; the protocol layer drops any
 * member the model does not know. Times are epoch milliseconds (the CLI prints them as ISO). Maps are keyed by ARN.
 * Everything is plain JSON: snapshots, undo and byte-identical replays depend on it.
 */
export interface KeyValuePair {
  name: string
  value: string
}

export interface Tag {
  key: string
  value: string
}

export interface Cluster {
  clusterArn: string
  clusterName: string
  status: 'ACTIVE' | 'INACTIVE'
  registeredContainerInstancesCount: number
  runningTasksCount: number
  pendingTasksCount: number
  activeServicesCount: number
  statistics: KeyValuePair[]
  tags: Tag[]
  /** `containerInsights`: `enhanced | enabled | disabled` (fidelity §2.8). */
  settings: KeyValuePair[]
  capacityProviders: string[]
  defaultCapacityProviderStrategy: CapacityProviderStrategyItem[]
}

export interface PortMapping {
  containerPort?: number
  hostPort?: number
  protocol?: string
  name?: string
  appProtocol?: string
}

export interface HealthCheck {
  command: string[]
  interval?: number
  timeout?: number
  retries?: number
  startPeriod?: number
}

/** A container definition as registered (ECS fills cpu 0, essential true, empty lists; fidelity §2.7). */
export interface ContainerDefinition {
  name: string
  image: string
  cpu: number
  memory?: number
  memoryReservation?: number
  links?: string[]
  portMappings: PortMapping[]
  essential: boolean
  entryPoint?: string[]
  command?: string[]
  environment: KeyValuePair[]
  mountPoints: unknown[]
  volumesFrom: unknown[]
  stopTimeout?: number
  logConfiguration?: { logDriver: string; options?: Record<string, string> }
  healthCheck?: HealthCheck
  systemControls: unknown[]
  [member: string]: unknown
}

export interface TaskDefinition {
  taskDefinitionArn: string
  containerDefinitions: ContainerDefinition[]
  family: string
  taskRoleArn?: string
  executionRoleArn?: string
  networkMode: 'awsvpc' | 'bridge' | 'host' | 'none'
  revision: number
  volumes: unknown[]
  /** Fargate's task storage above the default 20 GiB (taskVolumes.ts). */
  ephemeralStorage?: { sizeInGiB: number }
  status: 'ACTIVE' | 'INACTIVE' | 'DELETE_IN_PROGRESS'
  requiresAttributes: { name: string }[]
  placementConstraints: unknown[]
  compatibilities: string[]
  requiresCompatibilities?: string[]
  /** Unit strings, e.g. `"512"` (fidelity §2.5). */
  cpu?: string
  memory?: string
  registeredAt: number
  deregisteredAt?: number
  registeredBy: string
}

export interface AwsVpcConfiguration {
  subnets: string[]
  securityGroups?: string[]
  assignPublicIp?: 'ENABLED' | 'DISABLED'
}

export interface NetworkConfiguration {
  awsvpcConfiguration?: AwsVpcConfiguration
}

export interface LoadBalancer {
  targetGroupArn?: string
  loadBalancerName?: string
  containerName: string
  containerPort: number
}

export interface DeploymentConfiguration {
  deploymentCircuitBreaker: { enable: boolean; rollback: boolean }
  maximumPercent: number
  minimumHealthyPercent: number
}

export interface Deployment {
  /** `ecs-svc/` + 19 digits; the deployment's tasks carry it as `startedBy`. */
  id: string
  /** deployment.machine.ts */
  status: DeploymentStatus
  taskDefinition: string
  desiredCount: number
  pendingCount: number
  runningCount: number
  failedTasks: number
  createdAt: number
  updatedAt: number
  launchType: string
  platformVersion?: string
  platformFamily?: string
  networkConfiguration?: NetworkConfiguration
  rolloutState: RolloutState
  rolloutStateReason: string
  /** ECS-managed EBS volumes each task of this deployment gets in its own zone (managedEbs.ts); absent when none. */
  volumeConfigurations?: TaskVolumeConfiguration[]
}

export interface ServiceEvent {
  id: string
  createdAt: number
  message: string
}

export interface Service {
  serviceArn: string
  serviceName: string
  clusterArn: string
  loadBalancers: LoadBalancer[]
  serviceRegistries: unknown[]
  /** service.machine.ts */
  status: ServiceStatus
  desiredCount: number
  runningCount: number
  pendingCount: number
  launchType: string
  /** The capacity provider strategy it was created with (capacityProviders.ts), if any. */
  capacityProviderStrategy?: CapacityProviderStrategyItem[]
  platformVersion?: string
  platformFamily?: string
  taskDefinition: string
  deploymentConfiguration: DeploymentConfiguration
  /** PRIMARY first, then older ACTIVE ones. */
  deployments: Deployment[]
  roleArn: string
  /** Newest first, at most 100 (fidelity §2.4). */
  events: ServiceEvent[]
  createdAt: number
  placementConstraints: unknown[]
  placementStrategy: unknown[]
  networkConfiguration?: NetworkConfiguration
  healthCheckGracePeriodSeconds: number
  schedulingStrategy: 'REPLICA' | 'DAEMON'
  deploymentController: { type: string }
  tags: Tag[]
  createdBy: string
  enableECSManagedTags: boolean
  propagateTags: string
  enableExecuteCommand: boolean
}

export interface Attachment {
  id: string
  type: 'ElasticNetworkInterface'
  /** PRECREATED → ATTACHED → DETACHING → DELETED (fidelity §2.7). */
  status: string
  details: KeyValuePair[]
}

export interface Container {
  containerArn: string
  taskArn: string
  name: string
  image: string
  imageDigest?: string
  runtimeId?: string
  /** container.machine.ts */
  lastStatus: ContainerStatus
  exitCode?: number
  reason?: string
  /** bridge/host mode: the host ports bound to container ports (empty for awsvpc; endpoints.ts). */
  networkBindings: NetworkBinding[]
  networkInterfaces: { attachmentId: string; privateIpv4Address: string }[]
  healthStatus: 'HEALTHY' | 'UNHEALTHY' | 'UNKNOWN'
  cpu: string
  memory?: string
  memoryReservation?: string
}

/** A container port bound to a port of its container instance (ECS API `NetworkBinding`). */
export interface NetworkBinding {
  bindIP?: string
  containerPort?: number
  hostPort?: number
  protocol?: 'tcp' | 'udp'
}

export interface ContainerOverride {
  name: string
  command?: string[]
  environment?: KeyValuePair[]
  cpu?: number
  memory?: number
}

export interface Task {
  attachments: Attachment[]
  attributes: KeyValuePair[]
  availabilityZone?: string
  /** The capacity provider it was launched through (a capacity provider strategy). */
  capacityProviderName?: string
  clusterArn: string
  connectivity?: 'CONNECTED' | 'DISCONNECTED'
  connectivityAt?: number
  /** EC2 launch type: the container instance the task was placed on. */
  containerInstanceArn?: string
  containers: Container[]
  cpu?: string
  createdAt: number
  /** RUNNING until something asks the task to stop. */
  desiredStatus: 'RUNNING' | 'PENDING' | 'STOPPED'
  enableExecuteCommand: boolean
  executionStoppedAt?: number
  /** `service:<name>` or `family:<family>` (fidelity §2.1). */
  group: string
  healthStatus: 'HEALTHY' | 'UNHEALTHY' | 'UNKNOWN'
  /** The task lifecycle's state, one of TASK_STATUSES (task.machine.ts); `string` because the app's fixtures build tasks from plain JSON. */
  lastStatus: string
  launchType: string
  memory?: string
  overrides: { containerOverrides: ContainerOverride[]; inferenceAcceleratorOverrides: unknown[] }
  platformVersion?: string
  platformFamily?: string
  pullStartedAt?: number
  pullStoppedAt?: number
  startedAt?: number
  /** A service's deployment id (`ecs-svc/…`) or run-task's `--started-by`. */
  startedBy?: string
  stopCode?: string
  stoppedAt?: number
  stoppedReason?: string
  stoppingAt?: number
  tags: Tag[]
  taskArn: string
  taskDefinitionArn: string
  version: number
  ephemeralStorage?: { sizeInGiB: number }
}

/** What the service scheduler keeps about a service between passes (wakeups.ts). */
export interface ServiceBookkeeping {
  /** When the service's next scheduler pass is due (one pending pass per service). */
  reconcileAt?: number
  /**
   * The version of what the scheduler reads (`sliceVersion`) at the service's last scheduler pass, when that pass changed nothing:
   * a poll finding the world unchanged has nothing to do.
   */
  quietAt?: number
}

export interface AccountSetting {
  name: string
  value: string
  principalArn: string
  type?: 'user' | 'aws_managed'
}

export type { Resource, Attribute, ContainerInstance, AgentLogLine, EcsAgent, HostBookkeeping, WaitingTask, ManagedScalingBookkeeping, ManagedDrainingBookkeeping, ManagedScaling, CapacityProvider, CapacityProviderStrategyItem } from './hostState.ts'

export interface EcsState {
  clusters: Record<string, Cluster>
  taskDefinitions: Record<string, TaskDefinition>
  /** Last revision registered per family (revisions are never reused, even after deregistering). */
  families: Record<string, number>
  services: Record<string, Service>
  tasks: Record<string, Task>
  /** Task ARNs per service ARN, so the service scheduler never scans every task (benchmark: 1,000 tasks). */
  serviceTasks: Record<string, string[]>
  /**
   * `address:port` → the task and container reached there, while the task holds its addresses (endpoints.ts), so
   * traffic lookups are O(1) and a task replaced at the same IP is found as itself.
   */
  endpoints: Record<string, Endpoint>
  /** Service ARN → the service scheduler's own bookkeeping (not part of the API's `Service`). */
  bookkeeping: Record<string, ServiceBookkeeping>
  /** Account settings set with put-account-setting(-default); keyed `<principalArn> <name>`. */
  accountSettings: Record<string, AccountSetting>
  /** Container instances by ARN (EC2 launch type). */
  containerInstances: Record<string, ContainerInstance>
  /** The ECS agent of each EC2 instance that has one, by instance ID. */
  agents: Record<string, EcsAgent>
  /** Container instance ARN → its live tasks and bridge addresses. */
  hosts: Record<string, HostBookkeeping>
  /** Task ARN → what a task waiting for capacity keeps (managedScaling.ts); absent in older worlds. */
  provisioning?: Record<string, WaitingTask>
  /** Capacity provider name → its managed scaling pass (managedScaling.ts); absent in older worlds. */
  managedScaling?: Record<string, ManagedScalingBookkeeping>
  /** Capacity provider name → its managed draining pass (managedDraining.ts); absent in older worlds. */
  managedDraining?: Record<string, ManagedDrainingBookkeeping>
  /** Auto Scaling group capacity providers by name (FARGATE and FARGATE_SPOT are built in, not stored). */
  capacityProviders: Record<string, CapacityProvider>
}

export const emptyEcsState = (): EcsState => ({
  clusters: {},
  taskDefinitions: {},
  families: {},
  services: {},
  tasks: {},
  serviceTasks: {},
  endpoints: {},
  bookkeeping: {},
  accountSettings: {},
  containerInstances: {},
  agents: {},
  hosts: {},
  capacityProviders: {},
})
