import type { RouteTable, Subnet } from '../ec2/state.ts'
import type { World } from '../world.ts'

/**
 * Which way a subnet's traffic leaves the VPC (VPC User Guide, "Subnet types": a public subnet has a direct route to
 * an internet gateway; a private one reaches the internet, if at all, through a NAT gateway). A subnet uses the route
 * table explicitly associated with it, else its VPC's main route table ("Route tables", subnet route tables).
 */
export function routeTableOfSubnet(world: Readonly<World>, subnetId: string): RouteTable | undefined {
  const subnet = world.ec2.subnets[subnetId]
  if (!subnet) return undefined
  const tables = Object.values(world.ec2.routeTables).filter((t) => t.VpcId === subnet.VpcId)
  const explicit = tables.find((t) => t.Associations.some((a) => (a as { SubnetId?: string }).SubnetId === subnetId))
  return explicit ?? tables.find((t) => t.Associations.some((a) => a.Main))
}

/** Where the subnet's default route (0.0.0.0/0) goes: an internet gateway, a NAT gateway, or nowhere. */
export function internetRoute(world: Readonly<World>, subnetId: string): 'internet-gateway' | 'nat-gateway' | undefined {
  const route = routeTableOfSubnet(world, subnetId)?.Routes.find((r) => r.DestinationCidrBlock === '0.0.0.0/0')
  if (route?.GatewayId.startsWith('igw-')) return 'internet-gateway'
  if (route?.GatewayId.startsWith('nat-')) return 'nat-gateway'
  return undefined
}

/** Public: its route table sends 0.0.0.0/0 to an internet gateway, so an ENI in it can have a public IP that works. */
export const isPublicSubnet = (world: Readonly<World>, subnet: string | Subnet): boolean =>
  internetRoute(world, typeof subnet === 'string' ? subnet : subnet.SubnetId) === 'internet-gateway'

/**
 * Whether the VPC has a route to an internet gateway in any of its route tables: CreateLoadBalancer refuses an
 * internet-facing load balancer in a VPC without one ("VPC … has no internet gateway").
 */
export const vpcHasInternetRoute = (world: Readonly<World>, vpcId: string): boolean =>
  Object.values(world.ec2.routeTables).some(
    (rt) => rt.VpcId === vpcId && rt.Routes.some((r) => r.DestinationCidrBlock === '0.0.0.0/0' && r.GatewayId.startsWith('igw-')),
  )
