import type { SimContext } from '../context.ts'
import type { NetworkInterface } from '../ec2/state.ts'
import { resolveImage } from '../runtime/index.ts'
import type { ImageSpec } from '../runtime/index.ts'
import { interfaceByIp } from './addresses.ts'
import { listeningContainer, type ListeningContainer } from './containers.ts'
import { lastHop, type LastHop } from './lastHop.ts'
import { egressRule, ingressRule } from './securityGroups.ts'

/** A security group decision on the way, in the learner's words, and the group that made it (for `curl -v`). */
export interface GroupDecision {
  groupId: string
  label: string
}

export type Connection =
  | { kind: 'timeout'; why: string; decisions: GroupDecision[] }
  | { kind: 'refused'; why: string; eni: NetworkInterface; decisions: GroupDecision[] }
  | { kind: 'open'; eni: NetworkInterface; container: ListeningContainer; image: ImageSpec; inside: LastHop; decisions: GroupDecision[] }

const groupIds = (eni: NetworkInterface) => eni.Groups.map((g) => g.GroupId)

/**
 * A TCP connection from inside the VPC (a load balancer node, `fromIp` in `fromGroups`) to `ip:port`: the source
 * groups' egress, an ENI with that private address, its groups' ingress, then a RUNNING container listening there
 * whose process serves that port (ECS says who receives the traffic; the image says whether anything listens).
 * Each security group decision is kept, allowing or dropping, with the rule that allowed.
 */
export function connectPrivate(ctx: SimContext, fromIp: string, fromGroups: readonly string[], ip: string, port: number): Connection {
  const { world } = ctx
  const eni = interfaceByIp(world, ip, 'private')
  const toGroups = eni ? groupIds(eni) : []
  const decisions: GroupDecision[] = []
  if (fromGroups.length) {
    const out = egressRule(world, fromGroups, port, ip, toGroups)
    if (!out) return { kind: 'timeout', why: `security group ${fromGroups.join(', ')} drops TCP ${port} to ${ip}: no outbound rule allows it`, decisions }
    decisions.push({ groupId: out.groupId, label: `security group ${out.groupId} allows outbound ${out.ports} to ${out.peer}` })
  }
  if (!eni) return { kind: 'timeout', why: `no network interface has address ${ip}`, decisions }
  const rule = ingressRule(world, toGroups, port, fromIp, fromGroups)
  if (!rule) {
    const from = `${fromIp}${fromGroups.length ? ` (${fromGroups.join(', ')})` : ''}`
    return { kind: 'timeout', why: `security group ${toGroups.join(', ')} drops TCP ${port} from ${from}: no inbound rule allows it`, decisions }
  }
  decisions.push({ groupId: rule.groupId, label: `security group ${rule.groupId} allows inbound ${rule.ports} from ${rule.peer}` })
  // A target failed by a live drill (../drills) accepts nothing: the connection times out.
  if (world.drills?.failingTargets[ip] === 'timeout') return { kind: 'timeout', why: `${ip} does not answer (a drill)`, decisions }
  return listening(ctx, eni, ip, port, decisions)
}

/** A connection from the internet (the learner) to a public address. */
export function connectPublic(ctx: SimContext, fromIp: string, eni: NetworkInterface, port: number): Connection {
  const rule = ingressRule(ctx.world, groupIds(eni), port, fromIp, [])
  if (!rule) return { kind: 'timeout', why: `security group ${groupIds(eni).join(', ')} drops TCP ${port} from ${fromIp}: no inbound rule allows it`, decisions: [] }
  return listening(ctx, eni, eni.PrivateIpAddress, port, [{ groupId: rule.groupId, label: `security group ${rule.groupId} allows inbound ${rule.ports} from ${rule.peer}` }])
}

function listening(ctx: SimContext, eni: NetworkInterface, ip: string, port: number, decisions: GroupDecision[]): Connection {
  const container = listeningContainer(ctx.world, ip, port)
  if (!container) return { kind: 'refused', why: `nothing listens on ${ip}:${port}`, eni, decisions }
  const image = resolveImage(ctx.world, container.image)
  // Behind a bridge host port the process listens on the container port the binding maps it to.
  const inside = lastHop(ctx.world, container, ip, port, eni.NetworkInterfaceId)
  if (!image || image.port !== inside.containerPort)
    return { kind: 'refused', why: `container ${container.containerName} does not listen on ${inside.containerPort}`, eni, decisions }
  return { kind: 'open', eni, container, image, inside, decisions }
}
