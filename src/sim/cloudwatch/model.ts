import { DerivedCache, sliceVersion, unproxied, type Slice } from '../core/index.ts'
import type { Container, Task } from '../ecs/state.ts'
import { resolveImage, type ImageSpec } from '../runtime/index.ts'
import type { World } from '../world.ts'
import { IMAGE_USAGE, INSTANCE_CPU_UNITS, UNKNOWN_IMAGE_USAGE, type ImageUsage } from './usage.ts'

/**
 * The metrics model: what one container of a running task uses in one minute, computed from what happened to it
 * (the requests it answered that minute, the load balancer's health checks), its image's costs (usage.ts) and its
 * limits, plus a little noise drawn from (task, container, minute). Nothing per minute is stored: the same inputs
 * give the same numbers whenever they are asked for, so a day of metrics for 200 tasks costs only its arithmetic.
 */
export interface ContainerUsage {
  name: string
  image: string
  /** CPU units used (1,024 = one vCPU), capped by the ceiling. */
  cpu: number
  /** CPU units reserved: the container's `cpu` (0 when unset). */
  cpuReserved: number
  /** MiB resident. */
  memory: number
  /** The container's hard limit (`memory`), or the task's memory on Fargate; undefined when neither is set. */
  memoryLimit?: number
  memoryReserved: number
  /** Bytes per second over the minute, as the performance events give them (fidelity §5.1: Bytes/Second). */
  rxBytes: number
  txBytes: number
  rxPackets: number
  txPackets: number
  storageRead: number
  storageWrite: number
  /** Requests per second the container was asked to serve (before its CPU ceiling). */
  rps: number
  /** Whether the container wanted more CPU than its ceiling allowed (requests queue, latency grows). */
  saturated: boolean
}

export const MINUTE_MS = 60_000

/** The minute (epoch minutes) a time falls in. */
export const minuteOf = (ms: number): number => Math.floor(ms / MINUTE_MS)

/** The container that answers the task's HTTP traffic: the first whose image serves (the load balancer's container). */
export function servingContainer(world: Readonly<World>, task: Task): Container | undefined {
  return task.containers.find((c) => c.lastStatus === 'RUNNING' && (resolveImage(world, c.image)?.port ?? 0) > 0)
}

export function usageOfImage(world: Readonly<World>, image: string): ImageUsage {
  const app = resolveImage(world, image)?.app
  return app ? IMAGE_USAGE[app] : UNKNOWN_IMAGE_USAGE
}

/**
 * What the target groups say about each target ID, built in one pass over every target of every group: the health
 * checks it gets a minute (each node of each load balancer checks every registered target every
 * `HealthCheckIntervalSeconds`: ALB User Guide, "Health checks for your target groups"), and the size of the largest
 * group it is in (how many targets share the load with it).
 */
interface TargetIndex {
  checksPerMinute: Map<string, number>
  largestGroup: Map<string, number>
}

function buildTargetIndex(world: Readonly<World>): TargetIndex {
  const checksPerMinute = new Map<string, number>()
  const largestGroup = new Map<string, number>()
  const { elbv2 } = world
  for (const tgArn in elbv2.targets) {
    const targets = elbv2.targets[tgArn]
    for (const t of targets) largestGroup.set(t.Id, Math.max(largestGroup.get(t.Id) ?? 0, targets.length))
    const tg = elbv2.targetGroups[tgArn]
    if (!tg) continue
    const nodes = (tg.LoadBalancerArns ?? []).reduce((sum, lb) => sum + (elbv2.loadBalancerNodes[lb]?.length ?? 0), 0)
    const perMinute = (nodes * 60) / (tg.HealthCheckIntervalSeconds ?? 30)
    for (const t of targets) checksPerMinute.set(t.Id, (checksPerMinute.get(t.Id) ?? 0) + perMinute)
  }
  return { checksPerMinute, largestGroup }
}

/**
 * The index reads only the elbv2 slice (target groups, their targets, the load balancers' nodes), and every change
 * to it is logged: kept per world while that slice's version stays. Every request asks it (`serverTimeMs`), and
 * rebuilding it walked every target of every group each time (`npm run bench`: 10,000 requests, 50 targets).
 * DerivedCache forgets what was derived inside a savepoint that rolls back.
 */
const TARGETS_READ: readonly Slice[] = ['elbv2']
const targetIndexes = new DerivedCache<object, { version: number; index: TargetIndex }>()

function targetIndex(world: Readonly<World>): TargetIndex {
  const key = unproxied(world)
  const version = sliceVersion(world.log, TARGETS_READ)
  const known = targetIndexes.get(key)
  if (known && known.version === version) return known.index
  const index = buildTargetIndex(world)
  targetIndexes.set(key, { version, index })
  return index
}

/** Requests per minute from the load balancers' health checks, by target address (a minute's publication asks it once for every task). */
export const healthChecksByAddress = (world: Readonly<World>): Map<string, number> => targetIndex(world).checksPerMinute

/** The task's private addresses (its ENI's, or its containers' on EC2). */
function addressesOf(task: Task): string[] {
  const out: string[] = []
  for (const a of task.attachments) for (const d of a.details) if (d.name === 'privateIPv4Address') out.push(d.value)
  for (const c of task.containers) for (const n of c.networkInterfaces) out.push(n.privateIpv4Address)
  return out
}

/** Each task's distinct addresses, kept while its version stays (they change only with the task). */
const addresses = new WeakMap<Task, { version: number; addresses: string[] }>()

export function healthChecksPerMinute(world: Readonly<World>, task: Task, byAddress = healthChecksByAddress(world)): number {
  // No target is health-checked (no load balancer): nothing to add up, whatever the task's addresses.
  if (byAddress.size === 0) return 0
  let known = addresses.get(task)
  if (!known || known.version !== task.version) addresses.set(task, (known = { version: task.version, addresses: [...new Set(addressesOf(task))] }))
  let perMinute = 0
  for (const address of known.addresses) perMinute += byAddress.get(address) ?? 0
  return perMinute
}

/** FNV-1a of a resource's name; `h` the hash of what comes before it (FNV-1a reads one character after another). */
function nameHash(key: string, h = 0x811c9dc5): number {
  for (let i = 0; i < key.length; i++) h = Math.imul(h ^ key.charCodeAt(i), 0x01000193)
  return h
}

/** A number in [0, 1) from a name's hash and a minute (a mix of the two, as mulberry32 mixes its state). */
function mix(hash: number, minute: number): number {
  let t = (hash ^ Math.imul(minute, 0x9e3779b1)) >>> 0
  t = Math.imul(t ^ (t >>> 15), t | 1)
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296
}

/** A number in [0, 1) from a resource's name and a minute: the same everywhere, for every reader. */
export const noise = (key: string, minute: number): number => mix(nameHash(key), minute)

/**
 * What the model needs of a task besides its traffic: its CPU ceiling and, per running container, its image's costs
 * (by app), noise seed, limits and whether it serves the task's HTTP traffic. Plain data: Container Insights keeps it
 * with its performance events (performanceBatch.ts) and works a past minute out again from it when the events are read.
 */
export interface UsageStatics {
  ceiling: number
  containers: ContainerStatics[]
}

export interface ContainerStatics {
  name: string
  image: string
  /** The image's app (usage.ts), absent for an image the sandbox does not know. */
  app?: ImageSpec['app']
  seed: number
  serving: boolean
  cpuReserved: number
  memoryReserved: number
  memoryLimit?: number
}

/** Kept per task object while its version and running containers stay (derived data, worked out again when they change). */
const statics = new WeakMap<Task, { version: number; running: number; statics: UsageStatics }>()

export function staticsOf(world: Readonly<World>, task: Task): UsageStatics {
  let running = 0
  for (const c of task.containers) if (c.lastStatus === 'RUNNING') running++
  const known = statics.get(task)
  if (known && known.version === task.version && known.running === running) return known.statics
  // One image look-up per container for its app and for whether it serves (servingContainer's rule: the first
  // running container whose image listens on a port), and the task ARN hashed once for all its containers' seeds:
  // worked out for every task that starts (an instance refresh starts hundreds).
  let serving: string | undefined
  const taskMemory = Number(task.memory) || undefined
  const arnHash = nameHash(`${task.taskArn}/`)
  const containers: ContainerStatics[] = []
  for (const c of task.containers) {
    if (c.lastStatus !== 'RUNNING') continue
    const spec = resolveImage(world, c.image)
    if (serving === undefined && (spec?.port ?? 0) > 0) serving = c.name
    const memoryLimit = Number(c.memory) || taskMemory
    // Fields in the order the performance events have always stored them (they are kept as JSON).
    const container: ContainerStatics = { name: c.name, image: c.image } as ContainerStatics
    if (spec?.app) container.app = spec.app
    container.seed = nameHash(c.name, arnHash)
    container.serving = false
    container.cpuReserved = Number(c.cpu) || 0
    container.memoryReserved = Number(c.memoryReservation) || Number(c.memory) || 0
    if (memoryLimit !== undefined) container.memoryLimit = memoryLimit
    containers.push(container)
  }
  for (const c of containers) c.serving = c.name === serving
  const out = { ceiling: cpuCeiling(task), containers }
  statics.set(task, { version: task.version, running, statics: out })
  return out
}

/** The CPU a container may use: its task's CPU on Fargate (a hard limit), else the instance's. */
function cpuCeiling(task: Task): number {
  const taskCpu = Number(task.cpu)
  return taskCpu > 0 ? taskCpu : INSTANCE_CPU_UNITS
}

/** Requests per second a task's serving container answered in a minute: the traffic's, plus health checks. */
export function servedPerSecond(world: Readonly<World>, task: Task, statics: UsageStatics, requests: number, checks?: Map<string, number>): number {
  return (requests + (servesTraffic(statics) ? healthChecksPerMinute(world, task, checks) : 0)) / 60
}

/** Whether one of the containers serves the task's HTTP traffic (a loop: asked for every task every minute). */
function servesTraffic(statics: UsageStatics): boolean {
  for (const c of statics.containers) if (c.serving) return true
  return false
}

/**
 * Each running container's usage in `minute`. `requests` is what the traffic recorded for the task that minute;
 * health checks are added from the load balancers' settings.
 */
export function taskUsage(world: Readonly<World>, task: Task, minute: number, requests = world.cloudwatch.requests[`${task.taskArn}@${minute}`] ?? 0, checks?: Map<string, number>): ContainerUsage[] {
  const known = staticsOf(world, task)
  return usageOf(known, servedPerSecond(world, task, known, requests, checks), minute)
}

/** The usage of each container of `statics` in `minute` when the serving one answers `rpsServed` requests a second. */
export function usageOf(statics: UsageStatics, rpsServed: number, minute: number): ContainerUsage[] {
  const cap = Math.max(1, statics.ceiling)
  const out: ContainerUsage[] = []
  for (const c of statics.containers) {
    const u = (c.app && IMAGE_USAGE[c.app]) || UNKNOWN_IMAGE_USAGE
    const rps = c.serving ? rpsServed : 0
    const wiggle = mix(c.seed, minute)
    const wanted = (u.idleCpu + u.cpuPerRps * rps) * (0.95 + 0.1 * wiggle)
    const served = Math.min(rps, u.cpuPerRps > 0 ? Math.max(0, (cap - u.idleCpu) / u.cpuPerRps) : rps)
    const memory = Math.round(u.idleMemory + u.memoryPerRps * rps + wiggle * Math.min(2, u.idleMemory / 10))
    out.push({
      name: c.name,
      image: c.image,
      cpu: Math.min(wanted, cap),
      cpuReserved: c.cpuReserved,
      memory,
      memoryLimit: c.memoryLimit,
      memoryReserved: c.memoryReserved,
      rxBytes: (served * u.rxBytesPerRequest),
      txBytes: (served * u.txBytesPerRequest),
      rxPackets: served * 2,
      txPackets: served * 2,
      storageRead: u.storageReadPerMinute / 60,
      storageWrite: (u.storageWritePerMinute * (1 + served / 10)) / 60,
      rps,
      saturated: wanted > cap,
    })
  }
  return out
}

/**
 * How long one request to this container takes at `now` (ms, server side). Below saturation a queue's wait
 * (`service / (1 - utilisation)`, M/M/1); at or past it, the sender's requests in flight share the target's capacity
 * (Little's law: each waits `inFlight / capacity`). The offered rate is this minute's requests so far over the seconds
 * gone; a sender's in-flight requests are spread over the targets of the task's target groups.
 */
export function serverTimeMs(world: Readonly<World>, task: Task, containerName: string, now: number, inFlight = 1, facts = servingFacts(world, task)): number {
  const minute = minuteOf(now)
  const keys = facts.requestKeys(minute)
  // A sliding minute: this minute's requests so far plus the part of the last minute's still inside the window.
  const gone = Math.min(1, (now - minute * MINUTE_MS) / MINUTE_MS)
  const recent = (world.cloudwatch.requests[keys.now] ?? 0) + (world.cloudwatch.requests[keys.before] ?? 0) * (1 - gone)
  const offered = recent / 60 + facts.checksPerMinute / 60
  const u = facts.usage(containerName)
  if (u.cpuPerRps === 0) return u.serviceMs
  const capacity = Math.max(1e-3, (facts.ceiling - u.idleCpu) / u.cpuPerRps)
  const queued = Math.max(u.serviceMs, ((inFlight / Math.max(1, facts.targetsBeside)) / capacity) * 1000)
  const utilisation = offered / capacity
  return utilisation < 1 ? Math.min(u.serviceMs / (1 - utilisation), queued) : queued
}

/** The keys of `world.cloudwatch.requests` for a task in a minute and the minute before (`<taskArn>@<minute>`). */
interface RequestKeys {
  minute: number
  now: string
  before: string
}

/**
 * What a request to a task needs of the world besides the request counts: its health checks a minute, how many
 * targets share its load, its CPU ceiling and its containers' image costs. Kept per task while the task, the ECS and
 * ECR slices and the target index stay (each request asked them afresh: `npm run bench`, 10,000 requests).
 */
export interface ServingFacts {
  version: number
  slices: number
  index: TargetIndex
  checksPerMinute: number
  targetsBeside: number
  ceiling: number
  usage(containerName: string): ImageUsage
  /** This task's request keys for a minute, kept for the last minute asked: a key built anew is a new string to hash. */
  requestKeys(minute: number): RequestKeys
  /** Per container name, where its access-log lines go (taskLogs.ts keeps them here). */
  logWriters: Map<string, unknown>
}

const FACTS_READ: readonly Slice[] = ['ecr', 'ecs']
const servingFactsOf = new DerivedCache<Task, ServingFacts>()

export function servingFacts(world: Readonly<World>, task: Task): ServingFacts {
  const index = targetIndex(world)
  const slices = sliceVersion(world.log, FACTS_READ)
  const known = servingFactsOf.get(task)
  if (known && known.version === task.version && known.slices === slices && known.index === index) return known
  const usages = new Map<string, ImageUsage>()
  for (const c of task.containers) if (!usages.has(c.name)) usages.set(c.name, usageOfImage(world, c.image))
  const unnamed = usageOfImage(world, '')
  let keys: RequestKeys = { minute: NaN, now: '', before: '' }
  const facts: ServingFacts = {
    version: task.version,
    slices,
    index,
    checksPerMinute: healthChecksPerMinute(world, task, index.checksPerMinute),
    targetsBeside: targetsBeside(index, task),
    ceiling: cpuCeiling(task),
    usage: (name) => usages.get(name) ?? unnamed,
    requestKeys: (minute) => {
      if (keys.minute !== minute) keys = { minute, now: `${task.taskArn}@${minute}`, before: `${task.taskArn}@${minute - 1}` }
      return keys
    },
    logWriters: new Map(),
  }
  servingFactsOf.set(task, facts)
  return facts
}

/** How many targets share the load with this task: the registered targets of its target groups (at least 1). */
function targetsBeside({ largestGroup }: TargetIndex, task: Task): number {
  let most = 1
  for (const address of addressesOf(task)) most = Math.max(most, largestGroup.get(address) ?? 0)
  return most
}
