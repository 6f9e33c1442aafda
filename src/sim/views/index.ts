/**
 * The read model: every question a reader asks of the world (is this target healthy, which service owns this task,
 * where does this rule forward, is this subnet public), answered once. The simulation's own rules call these, and the
 * sandbox exports them, so the CLI, the diagram, the inspector and lesson goals cannot disagree (README.md).
 */
export { isoTimestamp, withIsoTimestamps } from './time.ts'
export {
  describeTarget,
  healthCheckPort,
  inEnabledZone,
  targetGroupHealth,
  targetHealth,
  targetHealthByAddress,
  targetHealthOf,
  type AddressHealth,
  type TargetGroupHealth,
  type TargetHealth,
  type TargetHealthDescription,
} from './targetHealth.ts'
export { conditionValues, forwardedTargetGroups, listenersOf, loadBalancersOfTargetGroup, targetGroupsOfActions, terminalAction } from './routing.ts'
export { internetRoute, isPublicSubnet, routeTableOfSubnet, vpcHasInternetRoute } from './network.ts'
export {
  eniDetail,
  serviceArnOfTask,
  serviceHealth,
  serviceOfTask,
  taskAttachment,
  taskHealth,
  taskNetworkInterfaceId,
  taskPrivateIp,
  taskSubnetId,
  tasksOfService,
  type ServiceHealth,
  type TaskHealth,
} from './tasks.ts'
export { imagesOfRepository, repositoryNamed, roleNamed, trustedPrincipals } from './accounts.ts'
export { clusterArnOf, clusterNamed, DEFAULT_CLUSTER, loadBalancerNamed, serviceNamed, targetGroupNamed } from './names.ts'
export { autoScalingGroupByArn, autoScalingGroupOfInstance, autoScalingGroups, scalingActivitiesOf, type AutoScalingGroupView, type AutoScalingMemberView } from './autoScaling.ts'
export { capacityProviders, type CapacityProviderView } from './capacityProviders.ts'
export { costMeter, type CostLine, type CostMeterView } from './costMeter.ts'
export { blockDevices, snapshotsView, volumesView, type BlockDeviceView, type SnapshotView, type VolumeView } from '../ec2/volumeViews.ts'
export {
  containerInstanceOfEc2,
  containerInstances,
  ecsAgentOf,
  hostPortBindings,
  type ContainerInstanceView,
  type EcsAgentView,
  type HostPortBinding,
  type HostTaskView,
} from './containerInstances.ts'
/** The workstation's Docker engine: its containers and a container's layer stack (the inspector's layer microscope). */
export {
  containerStorage,
  dockerContainer,
  dockerContainers,
  pathOrigin,
  type ContainerStorageView,
  type DockerContainerSummary,
  type LayerFile,
  type LayerView,
  type MountView,
} from '../docker/views.ts'
export { HOST_HOME, type HostFiles } from '../docker/stores.ts'
export { metricSeries, type MetricDimension, type MetricPoint } from './metrics.ts'
export { alarmsOnMetric, type AlarmOnMetric } from './alarms.ts'
export { causeChain, type CauseLink } from './causeChain.ts'
