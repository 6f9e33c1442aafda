import type { SimContext } from '../context.ts'
import type { NetworkInterface } from '../ec2/state.ts'
import { resolveImage } from '../runtime/index.ts'
import type { ImageSpec } from '../runtime/index.ts'
import { interfaceByIp } from './addresses.ts'
import { listeningContainer, type ListeningContainer } from './containers.ts'
import { allowsEgress, allowsIngress } from './securityGroups.ts'

export type Connection =
  | { kind: 'timeout'; why: string }
  | { kind: 'refused'; why: string; eni: NetworkInterface }
  | { kind: 'open'; eni: NetworkInterface; container: ListeningContainer; image: ImageSpec }

const groupIds = (eni: NetworkInterface) => eni.Groups.map((g) => g.GroupId)

/**
 * A TCP connection from inside the VPC (a load balancer node, `fromIp` in `fromGroups`) to `ip:port`: the source
 * groups' egress, an ENI with that private address, its groups' ingress, then a RUNNING container listening there
 * whose process serves that port (ECS says who receives the traffic; the image says whether anything listens).
 */
export function connectPrivate(ctx: SimContext, fromIp: string, fromGroups: readonly string[], ip: string, port: number): Connection {
  const { world } = ctx
  const eni = interfaceByIp(world, ip, 'private')
  const toGroups = eni ? groupIds(eni) : []
  if (fromGroups.length && !allowsEgress(world, fromGroups, port, ip, toGroups)) return { kind: 'timeout', why: `outbound rules of ${fromGroups.join(', ')} do not allow TCP ${port} to ${ip}` }
  if (!eni) return { kind: 'timeout', why: `no network interface has address ${ip}` }
  if (!allowsIngress(world, toGroups, port, fromIp, fromGroups)) return { kind: 'timeout', why: `inbound rules of ${toGroups.join(', ')} do not allow TCP ${port} from ${fromIp}${fromGroups.length ? ` (${fromGroups.join(', ')})` : ''}` }
  // A target failed by a live drill (../drills) accepts nothing: the connection times out.
  if (world.drills?.failingTargets[ip] === 'timeout') return { kind: 'timeout', why: `${ip} does not answer (a drill)` }
  return listening(ctx, eni, ip, port)
}

/** A connection from the internet (the learner) to a public address. */
export function connectPublic(ctx: SimContext, fromIp: string, eni: NetworkInterface, port: number): Connection {
  if (!allowsIngress(ctx.world, groupIds(eni), port, fromIp, [])) return { kind: 'timeout', why: `inbound rules of ${groupIds(eni).join(', ')} do not allow TCP ${port} from ${fromIp}` }
  return listening(ctx, eni, eni.PrivateIpAddress, port)
}

function listening(ctx: SimContext, eni: NetworkInterface, ip: string, port: number): Connection {
  const container = listeningContainer(ctx.world, ip, port)
  if (!container) return { kind: 'refused', why: `nothing listens on ${ip}:${port}`, eni }
  const image = resolveImage(ctx.world, container.image)
  if (!image || image.port !== container.containerPort)
    return { kind: 'refused', why: `container ${container.containerName} does not listen on ${container.containerPort}`, eni }
  return { kind: 'open', eni, container, image }
}
