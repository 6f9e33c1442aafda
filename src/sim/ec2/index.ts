import type { ServiceSim } from '../context.ts'
import {
  describeAvailabilityZones,
  describeInternetGateways,
  describeNetworkInterfaces,
  describeRouteTables,
  describeSecurityGroups,
  describeSubnets,
  describeVpcs,
} from './describe.ts'
import { createVpc, vpcStep } from './vpcs.ts'
import { authorizeSecurityGroupIngress, createSecurityGroup, deleteSecurityGroup, revokeSecurityGroupIngress } from './securityGroupOps.ts'

export type { Ec2State } from './state.ts'
export { cidrContains, usableAddressCount } from './cidr.ts'
export { createNetworkInterface, deleteNetworkInterface, hasInternetRoute } from './networkInterfaces.ts'

/** EC2 as far as the course needs it: the VPC and its network, keyed by the model's operation names. */
export const ec2: ServiceSim = {
  operations: {
    DescribeVpcs: describeVpcs,
    DescribeSubnets: describeSubnets,
    DescribeSecurityGroups: describeSecurityGroups,
    DescribeInternetGateways: describeInternetGateways,
    DescribeRouteTables: describeRouteTables,
    DescribeNetworkInterfaces: describeNetworkInterfaces,
    DescribeAvailabilityZones: describeAvailabilityZones,
    CreateVpc: createVpc,
    CreateSecurityGroup: createSecurityGroup,
    DeleteSecurityGroup: deleteSecurityGroup,
    AuthorizeSecurityGroupIngress: authorizeSecurityGroupIngress,
    RevokeSecurityGroupIngress: revokeSecurityGroupIngress,
  },
  timers: { 'ec2.vpc.step': vpcStep },
}
