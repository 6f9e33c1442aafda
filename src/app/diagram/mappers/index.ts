import type { ContainerSpec } from '../layout.ts'
import type { DiagramKind } from '../types.ts'
import type { ResourceMapper } from './registry.ts'
import {
  availabilityZoneMapper,
  internetGatewayMapper,
  regionMapper,
  securityGroupMapper,
  subnetMapper,
  vpcMapper,
} from './network.ts'
import { ecrRepositoryMapper, iamRoleMapper } from './services.ts'
import { ecsClusterMapper, ecsServiceMapper, taskMapper } from './ecs.ts'
import { autoScalingGroupMapper, instanceMapper, volumeMapper } from './hosts.ts'
import { capacityProviderMapper, PROVIDER_SECTION } from './capacityProviders.ts'
import { listenerMapper, loadBalancerMapper, ruleMapper, targetGroupMapper } from './loadBalancing.ts'

export { creationOrder, labelOf, nameTag, type GraphSink, type ResourceMapper } from './registry.ts'
export { azNodeId, SIZES } from './network.ts'
export { bridgeNodeId } from './hosts.ts'
export { capacityProviderNodeId, groupNodeId } from './nodeIds.ts'
export { abbreviate, ecsIndex, ECS_SIZES, SERVICE_COLOURS, serviceColour, shortId } from './ecs.ts'
export { conditionText, LB_SIZES, pathEdges, pathNodes, RATE_WINDOW_MS, requestsByEdge, targetNodeIds } from './loadBalancing.ts'

/** Every kind the diagram draws. Order does not matter: layout sorts by section and `order`. */
export const resourceMappers: readonly ResourceMapper[] = [
  regionMapper,
  vpcMapper,
  availabilityZoneMapper,
  subnetMapper,
  internetGatewayMapper,
  securityGroupMapper,
  ecrRepositoryMapper,
  iamRoleMapper,
  ecsClusterMapper,
  ecsServiceMapper,
  taskMapper,
  autoScalingGroupMapper,
  capacityProviderMapper,
  instanceMapper,
  volumeMapper,
  loadBalancerMapper,
  listenerMapper,
  ruleMapper,
  targetGroupMapper,
]

/**
 * How each container arranges its children. Heights grow downwards and new items go last, so adding
 * a subnet (or, later, a task) never moves what is already drawn.
 */
export const containerSpecs: Partial<Record<DiagramKind, ContainerSpec>> = {
  Region: {
    header: 44,
    padding: 24,
    flow: 'row',
    sectionGap: 40,
    sections: [
      { name: 'network', flow: 'column', gap: 40 },
      { name: 'regional', flow: 'column', gap: 16 },
      // ECS clusters: a logical overlay beside the network, not a box around it (mappers/ecs.ts).
      { name: 'clusters', flow: 'column', gap: 16 },
      // Only gateways with no VPC to sit above fall back into the flow.
      { name: 'gateways', flow: 'column', gap: 16 },
    ],
  },
  VPC: {
    header: 44,
    padding: 20,
    flow: 'column',
    sectionGap: 20,
    sections: [
      { name: 'securityGroups', flow: 'row', gap: 10, wrap: 4 },
      // Load balancers are stretched across the AZ columns they use (GraphItem.spanAcross).
      { name: 'loadBalancers', flow: 'column', gap: 16 },
      { name: 'targetGroups', flow: 'row', gap: 16, wrap: 4 },
      { name: 'zones', flow: 'row', gap: 20, stretch: true },
    ],
  },
  'Availability Zone': {
    header: 40,
    padding: 16,
    flow: 'column',
    sectionGap: 12,
    sections: [{ name: 'subnets', flow: 'column', gap: 12 }],
  },
  Subnet: { header: 60, padding: 12, flow: 'column', sectionGap: 12, sections: [{ name: 'enis', flow: 'column', gap: 10 }] },
  'Network interface': { header: 48, padding: 10, flow: 'column', sectionGap: 8, sections: [{ name: 'tasks', flow: 'column', gap: 8 }] },
  Task: { header: 52, padding: 8, flow: 'column', sectionGap: 6, sections: [{ name: 'containers', flow: 'column', gap: 6 }] },
  'ECS cluster': {
    header: 52,
    padding: 12,
    flow: 'column',
    sectionGap: 10,
    sections: [
      { name: 'services', flow: 'column', gap: 10 },
      { name: PROVIDER_SECTION, flow: 'column', gap: 10 },
    ],
  },
  'Load balancer': { header: 58, padding: 12, flow: 'row', sectionGap: 12, sections: [{ name: 'listeners', flow: 'row', gap: 12 }] },
  Listener: { header: 44, padding: 8, flow: 'column', sectionGap: 6, sections: [{ name: 'rules', flow: 'column', gap: 6 }] },
}

/** The top level: regions, then global services (IAM) to their right. */
export const rootSpec: ContainerSpec = {
  header: 0,
  padding: 0,
  flow: 'row',
  sectionGap: 48,
  sections: [
    { name: 'regions', flow: 'column', gap: 40 },
    { name: 'global', flow: 'column', gap: 12 },
  ],
}
