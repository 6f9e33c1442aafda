import type { Rng } from '../core/index.ts'
import { instanceTypeFacts } from '../ec2/index.ts'
import type { World } from '../world.ts'
import { attachmentOf } from './attachments.ts'
import { parseQuery, type Query } from './clusterQuery.ts'
import { attributeOf, liveTasksOn, querySubject } from './containerInstances.ts'
import { boundHostPorts, integerOf, portsOf, taskReservation } from './containerResources.ts'
import { awsvpcTaskLimit, EPHEMERAL_PORTS } from './hostFacts.ts'
import type { AwsVpcConfiguration, Cluster, ContainerInstance, NetworkBinding, Task, TaskDefinition } from './state.ts'

/**
 * EC2 launch type placement (ECS Developer Guide, task-placement.html): the container instances of the cluster
 * that are ACTIVE with a connected agent, filtered by the placement constraints and by what the task needs — CPU,
 * memory, host ports (bridge: fixed or dynamic from the ephemeral range; host: hostPort = containerPort), an ENI
 * (awsvpc: tasks per instance capped by the type's ENIs, or the trunk's limit) — then ranked by the placement
 * strategies in order (spread, binpack, random). What does not fit says why, with the reasons run-task reports in
 * `failures` (api_failures_messages.html: RESOURCE:CPU, RESOURCE:MEMORY, RESOURCE:PORTS, RESOURCE:PORTS_UDP,
 * RESOURCE:ENI, AGENT, ATTRIBUTE).
 */
export interface PlacementStrategy {
  type?: string
  field?: string
}

export interface PlacementConstraint {
  type?: string
  expression?: string
}

/**
 * Without a strategy tasks are spread across Availability Zones, then across instances: what the console sets for a
 * service ("AZ balanced spread") and how ECS describes its default behaviour (task-placement-strategies.html).
 */
export const DEFAULT_STRATEGY: readonly PlacementStrategy[] = [
  { type: 'spread', field: 'attribute:ecs.availability-zone' },
  { type: 'spread', field: 'instanceId' },
]

export interface HostRequest {
  cluster: Cluster
  taskDefinition: TaskDefinition
  group: string
  /** The group's tasks so far (spread and distinctInstance count the live ones). */
  groupTasks: readonly Task[]
  placementStrategy?: readonly PlacementStrategy[]
  placementConstraints?: readonly PlacementConstraint[]
  networkConfiguration?: { awsvpcConfiguration?: AwsVpcConfiguration }
  /** Only this container instance (a daemon service's task for an instance). */
  onlyOn?: string
}

export interface HostChoice {
  containerInstance: ContainerInstance
  availabilityZone: string
  /** Per container, in definition order: the host ports bound (bridge/host). */
  bindings: Record<string, NetworkBinding[]>
  /** awsvpc: the subnet (in the instance's AZ) for the task's ENI. */
  subnetId?: string
  why: string
}

export type FailureReason = 'RESOURCE:CPU' | 'RESOURCE:MEMORY' | 'RESOURCE:PORTS' | 'RESOURCE:PORTS_UDP' | 'RESOURCE:ENI' | 'AGENT' | 'ATTRIBUTE' | 'DISTINCT_INSTANCE'

/** The instances that did not fit and why; `closest`: the one that passed most checks (the service event names it). */
export class PlacementFailure extends Error {
  readonly failures: { arn: string; reason: FailureReason }[]
  readonly closest: { arn: string; reason: FailureReason } | undefined
  constructor(failures: { arn: string; reason: FailureReason }[], closest: { arn: string; reason: FailureReason } | undefined) {
    super('no container instance met all of its requirements')
    this.failures = failures
    this.closest = closest
  }
}

/** How far a failing instance got: the later the check it failed, the closer it came. */
const STAGE: Readonly<Record<FailureReason, number>> = {
  AGENT: 0, ATTRIBUTE: 1, DISTINCT_INSTANCE: 2, 'RESOURCE:CPU': 3, 'RESOURCE:MEMORY': 4, 'RESOURCE:PORTS': 5, 'RESOURCE:PORTS_UDP': 5, 'RESOURCE:ENI': 6,
}

/** The constraints' predicates (memberOf parsed once per call; checkPlacement validated them already). */
function constraintQueries(constraints: readonly PlacementConstraint[]): { memberOf: Query[]; distinct: boolean } {
  const memberOf: Query[] = []
  let distinct = false
  for (const c of constraints) {
    if (c.type === 'distinctInstance') distinct = true
    else if (c.type === 'memberOf' && c.expression) memberOf.push(parseQuery(c.expression))
  }
  return { memberOf, distinct }
}

/** Binds each port mapping to a host port, or says which resource is short. */
function bindPorts(td: TaskDefinition, taken: { tcp: Set<number>; udp: Set<number> }): Record<string, NetworkBinding[]> | 'RESOURCE:PORTS' | 'RESOURCE:PORTS_UDP' {
  const out: Record<string, NetworkBinding[]> = {}
  const used = { tcp: new Set(taken.tcp), udp: new Set(taken.udp) }
  for (const c of td.containerDefinitions) {
    const bindings: NetworkBinding[] = []
    for (const p of c.portMappings) {
      if (p.containerPort === undefined) continue
      const protocol = (p.protocol ?? 'tcp') === 'udp' ? 'udp' : 'tcp'
      const set = used[protocol]
      let hostPort = td.networkMode === 'host' ? p.containerPort : p.hostPort
      if (hostPort) {
        if (set.has(hostPort)) return protocol === 'udp' ? 'RESOURCE:PORTS_UDP' : 'RESOURCE:PORTS'
      } else {
        hostPort = EPHEMERAL_PORTS.from
        while (set.has(hostPort) && hostPort <= EPHEMERAL_PORTS.to) hostPort++
        if (hostPort > EPHEMERAL_PORTS.to) return protocol === 'udp' ? 'RESOURCE:PORTS_UDP' : 'RESOURCE:PORTS'
      }
      set.add(hostPort)
      bindings.push({ bindIP: '0.0.0.0', containerPort: p.containerPort, hostPort, protocol })
    }
    out[c.name] = bindings
  }
  return out
}

const isLive = (t: Task) => t.lastStatus !== 'STOPPED' && t.desiredStatus !== 'STOPPED'

/** The value a spread field gives an instance: `instanceId`/`host` → the instance, `attribute:x` → its attribute. */
function spreadValue(ci: ContainerInstance, field: string): string {
  if (field === 'instanceId' || field === 'host') return ci.containerInstanceArn
  return attributeOf(ci, field.startsWith('attribute:') ? field.slice('attribute:'.length) : field) ?? ''
}

/** Host ports (bridge/host) and ENIs (awsvpc): the checks that read the instance's tasks. */
function costlyChecks(world: Readonly<World>, td: TaskDefinition, ci: ContainerInstance, needsPorts: boolean, awsvpc: boolean): FailureReason | Record<string, NetworkBinding[]> {
  let bindings: Record<string, NetworkBinding[]> = {}
  if (needsPorts) {
    const tcp = boundHostPorts(liveTasksOn(world, ci.containerInstanceArn))
    for (const p of portsOf(ci.remainingResources, 'PORTS')) tcp.add(p)
    const udp = new Set(portsOf(ci.remainingResources, 'PORTS_UDP'))
    const bound = bindPorts(td, { tcp, udp })
    if (typeof bound === 'string') return bound
    bindings = bound
  }
  if (awsvpc) {
    const typeName = attributeOf(ci, 'ecs.instance-type') ?? ''
    const type = instanceTypeFacts(typeName)
    const limit = type ? awsvpcTaskLimit(typeName, type, attributeOf(ci, 'ecs.awsvpc-trunk-id') !== undefined) : 1
    const enis = liveTasksOn(world, ci.containerInstanceArn).filter((t) => attachmentOf(t, 'ElasticNetworkInterface')).length
    if (enis >= limit) return 'RESOURCE:ENI'
  }
  return bindings
}

/**
 * Picks the container instance for one task, or throws PlacementFailure. `rng` is drawn from only for the random
 * strategy.
 */
export function chooseHost(world: Readonly<World>, rng: Rng, req: HostRequest): HostChoice {
  const td = req.taskDefinition
  const need = taskReservation(td)
  const constraints = constraintQueries([...(td.placementConstraints as PlacementConstraint[]), ...(req.placementConstraints ?? [])])
  const awsvpc = td.networkMode === 'awsvpc' ? req.networkConfiguration?.awsvpcConfiguration : undefined
  const needsPorts = (td.networkMode === 'bridge' || td.networkMode === 'host') && td.containerDefinitions.some((c) => c.portMappings.length > 0)
  // The group's live tasks per instance, counted once: spread and distinctInstance read these.
  const groupPerInstance = new Map<string, number>()
  for (const t of req.groupTasks)
    if (t.containerInstanceArn && isLive(t)) groupPerInstance.set(t.containerInstanceArn, (groupPerInstance.get(t.containerInstanceArn) ?? 0) + 1)
  const prefix = `${req.cluster.clusterArn.replace(':cluster/', ':container-instance/')}/`
  const failures: { arn: string; reason: FailureReason }[] = []
  // First the cheap checks (agent, constraints, CPU, memory) on every instance; the strategies rank what is left;
  // then the costlier ones (host ports, ENIs) in rank order until one instance passes — the same choice as checking
  // everything first, without reading every instance's tasks for each placement.
  const fits: { ci: ContainerInstance; subnetId?: string }[] = []
  for (const ci of Object.values(world.ecs.containerInstances)) {
    if (ci.status !== 'ACTIVE' || !ci.containerInstanceArn.startsWith(prefix)) continue
    if (req.onlyOn && ci.containerInstanceArn !== req.onlyOn) continue
    if (!ci.agentConnected) {
      failures.push({ arn: ci.containerInstanceArn, reason: 'AGENT' })
      continue
    }
    if (constraints.memberOf.length) {
      const subject = querySubject(world, ci)
      if (!constraints.memberOf.every((q) => q(subject))) {
        failures.push({ arn: ci.containerInstanceArn, reason: 'ATTRIBUTE' })
        continue
      }
    }
    let subnetId: string | undefined
    if (awsvpc) {
      const az = attributeOf(ci, 'ecs.availability-zone')
      const own = attributeOf(ci, 'ecs.subnet-id')
      subnetId = awsvpc.subnets.includes(own ?? '') ? own : awsvpc.subnets.find((sn) => world.ec2.subnets[sn]?.AvailabilityZone === az)
      if (!subnetId) {
        failures.push({ arn: ci.containerInstanceArn, reason: 'ATTRIBUTE' })
        continue
      }
    }
    if (constraints.distinct && groupPerInstance.has(ci.containerInstanceArn)) failures.push({ arn: ci.containerInstanceArn, reason: 'DISTINCT_INSTANCE' })
    else if (integerOf(ci.remainingResources, 'CPU') < need.cpu) failures.push({ arn: ci.containerInstanceArn, reason: 'RESOURCE:CPU' })
    else if (integerOf(ci.remainingResources, 'MEMORY') < need.memory) failures.push({ arn: ci.containerInstanceArn, reason: 'RESOURCE:MEMORY' })
    else fits.push(subnetId ? { ci, subnetId } : { ci })
  }
  const strategies = req.placementStrategy?.length ? req.placementStrategy : DEFAULT_STRATEGY
  // Each strategy gives every fitting instance a score (lower is better); instances compare score by score.
  const scores = fits.map(() => [] as number[])
  const whys: string[] = []
  for (const s of strategies) {
    if (s.type === 'spread') {
      const field = s.field ?? 'instanceId'
      const values = fits.map((f) => spreadValue(f.ci, field))
      const counts = new Map<string, number>()
      for (const v of values) counts.set(v, 0)
      for (const [ciArn, n] of groupPerInstance) {
        const ci = world.ecs.containerInstances[ciArn]
        const v = ci && spreadValue(ci, field)
        if (v !== undefined && counts.has(v)) counts.set(v, counts.get(v)! + n)
      }
      values.forEach((v, i) => scores[i].push(counts.get(v)!))
      whys.push(field === 'instanceId' || field === 'host' ? 'spread across instances' : `spread across ${field.replace(/^attribute:/, '')}`)
    } else if (s.type === 'binpack') {
      const resource = (s.field ?? 'memory').toUpperCase()
      fits.forEach((f, i) => scores[i].push(integerOf(f.ci.remainingResources, resource)))
      whys.push(`binpacked on ${resource === 'CPU' ? 'cpu' : 'memory'}`)
    } else if (s.type === 'random') {
      fits.forEach((_, i) => scores[i].push(rng.next()))
      whys.push('chosen at random')
    }
  }
  const order = fits.map((_, i) => i)
  order.sort((x, y) => {
    const a = scores[x]
    const b = scores[y]
    for (let k = 0; k < a.length; k++) if (a[k] !== b[k]) return a[k] - b[k]
    return x - y
  })
  let chosen: { ci: ContainerInstance; subnetId?: string; bindings: Record<string, NetworkBinding[]> } | undefined
  for (const i of order) {
    const f = fits[i]
    const reason = costlyChecks(world, td, f.ci, needsPorts, !!awsvpc)
    if (typeof reason === 'string') failures.push({ arn: f.ci.containerInstanceArn, reason })
    else {
      chosen = { ...f, bindings: reason }
      break
    }
  }
  if (!chosen) {
    let closest: { arn: string; reason: FailureReason } | undefined
    for (const f of failures) if (!closest || STAGE[f.reason] > STAGE[closest.reason]) closest = f
    throw new PlacementFailure(failures, closest)
  }
  const availabilityZone = attributeOf(chosen.ci, 'ecs.availability-zone') ?? ''
  return {
    containerInstance: chosen.ci,
    availabilityZone,
    bindings: chosen.bindings,
    subnetId: chosen.subnetId,
    why: `placed on ${chosen.ci.ec2InstanceId} in ${availabilityZone} (${whys.join(', then ')})`,
  }
}
