import type { Rng } from '../core/index.ts'
import { instanceTypeFacts } from '../ec2/index.ts'
import type { World } from '../world.ts'
import { attachmentOf } from './attachments.ts'
import { parseQuery, type Query } from './clusterQuery.ts'
import { attributeOf, liveTasksOn, querySubject } from './containerInstances.ts'
import { taskReservation } from './containerResources.ts'
import { awsvpcTaskLimit, EPHEMERAL_PORTS } from './hostFacts.ts'
import { PlacementPass } from './placementPass.ts'
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
  /** What a pass placing several of the group's tasks keeps between them (`groupTasks` only grows meanwhile). */
  pass?: PlacementPass
  placementStrategy?: readonly PlacementStrategy[]
  placementConstraints?: readonly PlacementConstraint[]
  networkConfiguration?: { awsvpcConfiguration?: AwsVpcConfiguration }
  /** Only this container instance (a daemon service's task for an instance). */
  onlyOn?: string
  /** Only instances with these EC2 IDs: a capacity provider's tasks go on its Auto Scaling group's instances. */
  eligible?: ReadonlySet<string>
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

/** Binds each port mapping to a host port, or says which resource is short. `taken`: the ports in use, per protocol. */
function bindPorts(td: TaskDefinition, taken: { tcp: ReadonlySet<number>[]; udp: ReadonlySet<number>[] }): Record<string, NetworkBinding[]> | 'RESOURCE:PORTS' | 'RESOURCE:PORTS_UDP' {
  const out: Record<string, NetworkBinding[]> = {}
  // The sets in use are read, not copied (an instance of 64 tasks binds 64 ports); this task's own go in `mine`.
  const mine = { tcp: new Set<number>(), udp: new Set<number>() }
  const inUse = (protocol: 'tcp' | 'udp', port: number) => mine[protocol].has(port) || taken[protocol].some((set) => set.has(port))
  for (const c of td.containerDefinitions) {
    const bindings: NetworkBinding[] = []
    for (const p of c.portMappings) {
      if (p.containerPort === undefined) continue
      const protocol = (p.protocol ?? 'tcp') === 'udp' ? 'udp' : 'tcp'
      let hostPort = td.networkMode === 'host' ? p.containerPort : p.hostPort
      if (hostPort) {
        if (inUse(protocol, hostPort)) return protocol === 'udp' ? 'RESOURCE:PORTS_UDP' : 'RESOURCE:PORTS'
      } else {
        hostPort = EPHEMERAL_PORTS.from
        while (inUse(protocol, hostPort) && hostPort <= EPHEMERAL_PORTS.to) hostPort++
        if (hostPort > EPHEMERAL_PORTS.to) return protocol === 'udp' ? 'RESOURCE:PORTS_UDP' : 'RESOURCE:PORTS'
      }
      mine[protocol].add(hostPort)
      bindings.push({ bindIP: '0.0.0.0', containerPort: p.containerPort, hostPort, protocol })
    }
    out[c.name] = bindings
  }
  return out
}

/** The attribute a spread field reads (`attribute:ecs.availability-zone` → `ecs.availability-zone`). */
const spreadAttribute = (field: string): string => (field.startsWith('attribute:') ? field.slice('attribute:'.length) : field)

/** Host ports (bridge/host) and ENIs (awsvpc): the checks that read the instance's tasks. */
function costlyChecks(world: Readonly<World>, pass: PlacementPass, n: number, td: TaskDefinition, needsPorts: boolean, awsvpc: boolean): FailureReason | Record<string, NetworkBinding[]> {
  const ci = pass.instances[n]
  let bindings: Record<string, NetworkBinding[]> = {}
  if (needsPorts) {
    const bound = bindPorts(td, {
      tcp: [pass.boundPorts(world, n), pass.reservedPorts(n, 'PORTS')],
      udp: [pass.reservedPorts(n, 'PORTS_UDP')],
    })
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
 * How one strategy scores the fitting instances (lower is better; `fits` holds their numbers in the pass), and what
 * it adds to `why`. Spread counts the group's live tasks per value of its field (per instance, or per Availability
 * Zone wherever those instances are); binpack takes the remaining resource; random draws one number per instance.
 */
function strategyScores(world: Readonly<World>, pass: PlacementPass, rng: Rng, s: PlacementStrategy, fits: readonly number[]): { scores: number[]; why: string } | undefined {
  if (s.type === 'spread') {
    const field = s.field ?? 'instanceId'
    if (field === 'instanceId' || field === 'host') return { scores: fits.map((n) => pass.groupCounts[n]), why: 'spread across instances' }
    const attribute = spreadAttribute(field)
    return { scores: pass.spreadCounts(world, attribute, fits), why: `spread across ${attribute}` }
  }
  if (s.type === 'binpack') {
    const resource = (s.field ?? 'memory').toUpperCase()
    const remaining = pass.remaining(resource)
    return { scores: fits.map((n) => remaining[n]?.integerValue ?? 0), why: `binpacked on ${resource === 'CPU' ? 'cpu' : 'memory'}` }
  }
  if (s.type === 'random') return { scores: fits.map(() => rng.next()), why: 'chosen at random' }
  return undefined
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
  const pass = req.pass ?? new PlacementPass(world, req.cluster.clusterArn, req.groupTasks)
  pass.update()
  // Instances ruled out by the costly checks (the cheap checks' are read from their verdicts only if nothing fits).
  const failures: { arn: string; reason: FailureReason }[] = []
  // First the cheap checks (agent, constraints, CPU, memory) on every instance; the strategies rank what is left;
  // then the costlier ones (host ports, ENIs) in rank order until one instance passes — the same choice as checking
  // everything first, without reading every instance's tasks for each placement. Within a pass, the cheap checks'
  // verdicts are kept for the same kind of request and redone only on the instances whose tasks changed since.
  const cpu = pass.remaining('CPU')
  const memory = pass.remaining('MEMORY')
  const check = (n: number): { verdict: string | undefined; subnetId?: string } => {
    const ci = pass.instances[n]
    if (ci.status !== 'ACTIVE') return { verdict: undefined }
    if (req.onlyOn && ci.containerInstanceArn !== req.onlyOn) return { verdict: undefined }
    if (req.eligible && !req.eligible.has(ci.ec2InstanceId)) return { verdict: undefined }
    if (!ci.agentConnected) return { verdict: 'AGENT' }
    if (constraints.memberOf.length) {
      const subject = querySubject(world, ci)
      if (!constraints.memberOf.every((q) => q(subject))) return { verdict: 'ATTRIBUTE' }
    }
    let subnetId: string | undefined
    if (awsvpc) {
      const az = pass.attribute(n, 'ecs.availability-zone')
      const own = pass.attribute(n, 'ecs.subnet-id')
      subnetId = awsvpc.subnets.includes(own ?? '') ? own : awsvpc.subnets.find((sn) => world.ec2.subnets[sn]?.AvailabilityZone === az)
      if (!subnetId) return { verdict: 'ATTRIBUTE' }
    }
    if (constraints.distinct && pass.groupCounts[n] > 0) return { verdict: 'DISTINCT_INSTANCE' }
    if ((cpu[n]?.integerValue ?? 0) < need.cpu) return { verdict: 'RESOURCE:CPU' }
    if ((memory[n]?.integerValue ?? 0) < need.memory) return { verdict: 'RESOURCE:MEMORY' }
    return { verdict: 'fit', subnetId }
  }
  const key = [td, req.placementConstraints, req.networkConfiguration, req.onlyOn, req.eligible ? [...req.eligible].join(',') : '']
  const kept = pass.memo
  const changed = pass.takeChanged()
  let memo: NonNullable<PlacementPass['memo']>
  // The instances that fit, in number order, are listed again only when an instance's verdict turned to or from
  // 'fit' (placing a task changes one instance, which usually still fits).
  let refit = false
  if (kept && kept.key.length === key.length && kept.key.every((k, i) => k === key[i])) {
    memo = kept
    for (const n of changed) {
      const { verdict, subnetId } = check(n)
      if ((verdict === 'fit') !== (memo.verdicts[n] === 'fit')) refit = true
      memo.verdicts[n] = verdict
      memo.subnets[n] = subnetId
    }
  } else {
    memo = pass.memo = { key, verdicts: new Array(pass.instances.length), subnets: new Array(pass.instances.length), fits: [] }
    for (let n = 0; n < pass.instances.length; n++) {
      const { verdict, subnetId } = check(n)
      memo.verdicts[n] = verdict
      memo.subnets[n] = subnetId
    }
    refit = true
  }
  if (refit) {
    memo.fits = []
    for (let n = 0; n < memo.verdicts.length; n++) if (memo.verdicts[n] === 'fit') memo.fits.push(n)
  }
  const fits: readonly number[] = memo.fits
  const subnets = memo.subnets
  const strategies = req.placementStrategy?.length ? req.placementStrategy : DEFAULT_STRATEGY
  // Each strategy gives every fitting instance a score (lower is better); instances compare score by score, ties
  // going to the earlier instance.
  const ranked: number[][] = []
  const whys: string[] = []
  for (const s of strategies) {
    const scored = strategyScores(world, pass, rng, s, fits)
    if (!scored) continue
    ranked.push(scored.scores)
    whys.push(scored.why)
  }
  const better = (x: number, y: number): boolean => {
    for (const scores of ranked) if (scores[x] !== scores[y]) return scores[x] < scores[y]
    return x < y
  }
  // The best-ranked instance not yet ruled out, found by a scan: usually the first one passes the costly checks, so
  // sorting every instance for each task would be wasted (and `ruledOut` is only made once one is ruled out).
  let ruledOut: Uint8Array | undefined
  let chosen: { ci: ContainerInstance; subnetId?: string; bindings: Record<string, NetworkBinding[]> } | undefined
  for (let tries = 0; tries < fits.length && !chosen; tries++) {
    let best = -1
    for (let i = 0; i < fits.length; i++) if (!ruledOut?.[i] && (best < 0 || better(i, best))) best = i
    const ci = pass.instances[fits[best]]
    const reason = costlyChecks(world, pass, fits[best], td, needsPorts, !!awsvpc)
    if (typeof reason === 'string') {
      failures.push({ arn: ci.containerInstanceArn, reason })
      ;(ruledOut ??= new Uint8Array(fits.length))[best] = 1
    } else chosen = subnets[fits[best]] ? { ci, subnetId: subnets[fits[best]], bindings: reason } : { ci, bindings: reason }
  }
  if (!chosen) {
    let closest: { arn: string; reason: FailureReason } | undefined
    const all: { arn: string; reason: FailureReason }[] = []
    for (let n = 0; n < memo.verdicts.length; n++) {
      const verdict = memo.verdicts[n]
      if (verdict !== undefined && verdict !== 'fit') all.push({ arn: pass.instances[n].containerInstanceArn, reason: verdict as FailureReason })
    }
    all.push(...failures)
    for (const f of all) if (!closest || STAGE[f.reason] > STAGE[closest.reason]) closest = f
    throw new PlacementFailure(all, closest)
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
