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
export { metricSeries, type MetricDimension, type MetricPoint } from './metrics.ts'
