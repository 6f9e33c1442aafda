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

export { creationOrder, labelOf, nameTag, type GraphSink, type ResourceMapper } from './registry.ts'
export { azNodeId, isPublicSubnet, SIZES } from './network.ts'
export { trustedPrincipals } from './services.ts'

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
  Subnet: { header: 60, padding: 12, flow: 'column', sectionGap: 12, sections: [] },
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
