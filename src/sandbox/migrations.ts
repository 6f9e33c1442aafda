import { emptyVersions, sliceOf, type LogEntry, type LogEvent, type ResourceType } from '../sim/core/index.ts'
import { emptyDockerState } from '../sim/docker/state.ts'
import { indexEndpoints } from '../sim/ecs/endpoints.ts'
import { emptyEfsState } from '../sim/efs/state.ts'
import { emptyLogsState } from '../sim/logs/state.ts'
import { emptyAutoScalingState } from '../sim/autoscaling/state.ts'
import { emptyApplicationAutoScalingState } from '../sim/applicationAutoscaling/state.ts'
import { emptyPricingState } from '../sim/pricing/state.ts'
import { emptyCloudWatchState } from '../sim/cloudwatch/state.ts'
import type { World } from '../sim/world.ts'
import { SNAPSHOT_SCHEMA, type SandboxSnapshot } from './types.ts'

/**
 * Snapshots stored by older versions of the sandbox (localStorage, share links, saved progress) are upgraded one
 * schema at a time, rather than every reader coping with fields that may be absent (DESIGN.md, example 10).
 * Each step takes the plain JSON of schema N and returns schema N + 1; the input is a private copy, so steps may
 * change it in place.
 */
type Json = Record<string, unknown>

const MIGRATIONS: Record<number, (snapshot: Json) => Json> = {
  1: toSchema2,
  2: toSchema3,
  3: toSchema4,
}

/** `snapshot` (a private copy) brought up to the current schema; throws when its schema is unknown. */
export function migrate(snapshot: Json): SandboxSnapshot {
  let current = snapshot
  while (current.schema !== SNAPSHOT_SCHEMA) {
    const step = typeof current.schema === 'number' ? MIGRATIONS[current.schema] : undefined
    if (!step) throw new Error(`Snapshot schema ${String(current.schema)} is not supported (this version reads schema ${SNAPSHOT_SCHEMA})`)
    current = step(current)
  }
  return current as unknown as SandboxSnapshot
}

/**
 * Schema 2: log entries are typed events (`kind` and fields; the words they carried are kept as they were), the log
 * counts changes per world slice instead of one `version`, and the caches stored in the world that were keyed by the
 * old single version (`elbv2.lastRound`, `ecs.quietAt`) start empty: an empty cache only means one more check.
 */
function toSchema2(snapshot: Json): Json {
  const world = snapshot.world as { log: { entries: Json[]; version?: number; versions?: unknown }; elbv2: Json; ecs: Json }
  const { log } = world
  const versions = emptyVersions()
  log.entries = log.entries.map((entry) => {
    const { id, at, resource, change, why } = entry as unknown as OldEntry
    // Keys in the order the simulation writes them, so a migrated log reads (and snapshots) like a fresh one.
    const typed = { id, at, resource, ...typedEvent(entry as unknown as OldEntry), change, ...(why === undefined ? {} : { why }) } as LogEntry
    const slice = sliceOf(typed)
    if (slice) versions[slice]++
    return typed
  })
  delete log.version
  log.versions = versions
  moveBookkeeping(world as unknown as World)
  return { ...snapshot, schema: 2 }
}

/**
 * Schema 3: EC2 instances, launch templates and key pairs, IAM instance profiles, the Docker engine's slice
 * (src/sim/docker) and CloudWatch Logs' (with its version), each empty in a world saved before they existed.
 */
function toSchema3(snapshot: Json): Json {
  const world = snapshot.world as { ec2: Json; iam: Json; docker?: unknown; logs?: unknown; log: { versions: Record<string, number> } }
  world.logs ??= emptyLogsState()
  world.log.versions.logs ??= 0
  for (const key of ['instances', 'instanceData', 'launchTemplates', 'launchTemplateVersions', 'keyPairs']) world.ec2[key] ??= {}
  world.iam.instanceProfiles ??= {}
  world.docker ??= emptyDockerState()
  return { ...snapshot, schema: 3 }
}

/**
 * Schema 4: the slices and fields added after schema 3 (ECS container instances, Auto Scaling, EBS, CloudWatch
 * metrics, ...), each filled with its empty value in a world saved before it existed. One line per slice.
 */
function toSchema4(snapshot: Json): Json {
  const world = snapshot.world as { ec2: Json } & Json
  for (const key of ['volumes', 'snapshots', 'volumeModifications']) world.ec2[key] ??= {}
  world.efs ??= emptyEfsState()
  world.autoscaling ??= emptyAutoScalingState()
  world.pricing ??= emptyPricingState()
  const ecs = (snapshot.world as { ecs: Json }).ecs
  for (const key of ['containerInstances', 'agents', 'hosts', 'capacityProviders']) ecs[key] ??= {}
  world.cloudwatch ??= emptyCloudWatchState()
  ;(world.cloudwatch as Json).performance ??= { tasks: [], latest: {} }
  world.applicationAutoscaling ??= emptyApplicationAutoScalingState()
  return { ...snapshot, schema: 4 }
}

/**
 * Schema 2 also keeps the schedulers' bookkeeping apart from the API-shaped records: ECS's per-service pass times,
 * ELB's per-group timers and per-target check counters move into `bookkeeping`; the task-by-IP index becomes the
 * endpoint index by (address, port). The caches keyed by the old single version (`lastRound`, `quietAt`) start
 * empty: an empty cache only means one more check.
 */
function moveBookkeeping(world: World): void {
  const ecs = world.ecs as unknown as Json & { reconcileAt?: Record<string, number>; quietAt?: unknown; taskByIp?: unknown }
  const bookkeeping: World['ecs']['bookkeeping'] = {}
  for (const [serviceArn, reconcileAt] of Object.entries(ecs.reconcileAt ?? {})) bookkeeping[serviceArn] = { reconcileAt }
  delete ecs.reconcileAt
  delete ecs.quietAt
  delete ecs.taskByIp
  world.ecs.bookkeeping = bookkeeping
  world.ecs.endpoints = {}
  for (const task of Object.values(world.ecs.tasks)) if (task.lastStatus !== 'STOPPED') indexEndpoints(world, task)

  const elbv2 = world.elbv2 as unknown as Json & { healthCheckAt?: Record<string, number>; lastRound?: unknown }
  const groups: World['elbv2']['bookkeeping'] = {}
  for (const [arn, targets] of Object.entries(world.elbv2.targets)) {
    const book: World['elbv2']['bookkeeping'][string] = { targets: {} }
    const at = elbv2.healthCheckAt?.[arn]
    if (at !== undefined) book.healthCheckAt = at
    for (const target of targets) {
      const old = target as unknown as Json & OldTargetCounts
      const counts: OldTargetCounts = { registeredAt: old.registeredAt ?? 0, passes: old.passes ?? 0, failures: old.failures ?? 0 }
      if (old.drainUntil !== undefined) counts.drainUntil = old.drainUntil
      if (old.lastCheck !== undefined) counts.lastCheck = old.lastCheck
      for (const key of ['registeredAt', 'passes', 'failures', 'drainUntil', 'lastCheck']) delete old[key]
      ;(book.targets[target.Id] ??= {})[target.Port] = counts as World['elbv2']['bookkeeping'][string]['targets'][string][number]
    }
    groups[arn] = book
  }
  delete elbv2.healthCheckAt
  delete elbv2.lastRound
  world.elbv2.bookkeeping = groups
}

interface OldTargetCounts {
  registeredAt: number
  passes: number
  failures: number
  drainUntil?: number
  lastCheck?: number | 'timeout' | 'refused'
}

interface OldEntry {
  id: number
  at: number
  resource: string
  change: string
  why?: string
}

/** The typed event behind an entry's words, as schema 1's code wrote them (the inverse of `describeEvent`). */
function typedEvent({ resource, change, why = '' }: OldEntry): LogEvent {
  const type = resourceType(resource)
  let m: RegExpExecArray | null
  if ((m = /^HTTP (\S+) (\S+) → (.+)$/.exec(change))) {
    const [, method, url, outcome] = m
    const status = /^(\d{3}) ?(.*)$/.exec(outcome)
    const result = status ? { status: Number(status[1]), statusText: status[2] } : outcome === 'no answer' ? {} : { failure: outcome }
    return { kind: 'http.request', method, url, ...result, ...(why ? { route: why } : {}) }
  }
  if ((m = /^target (\S+):(\d+) (\S+) → (\S+)$/.exec(change))) {
    const passed = /^passed (\d+) health check/.exec(why)
    const failure = /^([^:]+): (.*)$/.exec(why)
    const detail = passed ? { checks: Number(passed[1]) } : { reasonCode: failure?.[1] ?? why, description: failure?.[2] ?? '' }
    return { kind: 'target.health', targetId: m[1], port: Number(m[2]), from: m[3], to: m[4], ...detail }
  }
  if ((m = /^target (\S+):(\d+) (registered|draining|deregistered)$/.exec(change)))
    return { kind: 'target.registration', targetId: m[1], port: Number(m[2]), state: m[3] as 'registered', ...(why ? { reason: why } : {}) }
  if ((m = /^created, lastStatus (\S+)$/.exec(change))) return { kind: 'task.created', lastStatus: m[1], ...(why ? { reason: why } : {}) }
  if ((m = /^(lastStatus|desiredStatus) (\S+) → (\S+)$/.exec(change)))
    return { kind: 'task.status', attribute: m[1] as 'lastStatus', from: m[2], to: m[3], ...(why ? { reason: why } : {}) }
  if ((m = /^(State|status|desiredCount|priority) (\S+) → (\S+)$/.exec(change)))
    return { kind: 'resource.status', type, attribute: m[1] as 'State', from: m[2], to: m[3], ...(why ? { reason: why } : {}) }
  if ((m = /^container (.+) exited with code (.+)$/.exec(change))) return { kind: 'container.exited', container: m[1], exitCode: /^-?\d+$/.test(m[2]) ? Number(m[2]) : m[2] === 'null' ? null : undefined }
  if ((m = /^registered (\S+):(\d+)$/.exec(change)))
    return { kind: 'task.target', action: 'registered', targetGroupArn: why.replace(/^in target group /, ''), targetId: m[1], port: Number(m[2]) }
  if ((m = /^deregistered from (\S+)$/.exec(change)))
    return { kind: 'task.target', action: 'deregistered', targetGroupArn: m[1], targetId: '', port: 0, delaySeconds: Number(/(\d+) s/.exec(why)?.[1] ?? 0) }
  if ((m = /^deployment (\S+) (PRIMARY|FAILED)$/.exec(change))) return { kind: 'deployment.status', deploymentId: m[1], status: m[2] as 'PRIMARY', reason: why }
  if ((m = /^(\S+) (\S+) failed$/.exec(change))) return { kind: 'call.failed', service: m[1], operation: m[2], message: why }
  if ((m = /^inbound rule (added|removed)$/.exec(change))) return { kind: 'securityGroup.rule', action: m[1] as 'added', rule: why }
  if ((m = /^(setting|account setting|account default) (\S+) = (.*)$/.exec(change)))
    return { kind: 'resource.settings', type, scope: m[1] as 'setting', settings: [{ name: m[2], value: m[3] }], ...(why ? { reason: why } : {}) }
  if ((m = /^attributes changed: (.*)$/.exec(change))) {
    const settings = m[1].split(', ').map((pair) => ({ name: pair.slice(0, pair.indexOf('=')), value: pair.slice(pair.indexOf('=') + 1) }))
    return { kind: 'resource.settings', type, scope: 'attributes', settings }
  }
  if (change === 'health check settings changed') return { kind: 'resource.settings', type, scope: 'health check', settings: [] }
  if (change === 'event') return { kind: 'service.event', message: why }
  const detail = why ? { detail: why } : {}
  if (change === 'registered') return { kind: 'resource.registered', type, detail: why }
  if (change === 'deleted') return { kind: 'resource.deleted', type, ...detail }
  if (change === 'created') return { kind: 'resource.created', type, ...detail }
  // Words no schema-1 call site wrote: kept as the entry's text (`change`, `why` stay as they were) on a modification.
  return { kind: 'resource.modified', type, detail: why }
}

/** A resource's type from its ID or ARN, as schema-1 entries named resources. */
function resourceType(resource: string): ResourceType {
  if (resource.startsWith('vpc-')) return 'AWS::EC2::VPC'
  if (resource.startsWith('sg-')) return 'AWS::EC2::SecurityGroup'
  if (resource.startsWith('eni-')) return 'AWS::EC2::NetworkInterface'
  const kind = /^arn:aws[^:]*:[^:]+:[^:]*:[^:]*:([a-z-]+)[/:]?/.exec(resource)?.[1] ?? ''
  const byArn: Record<string, ResourceType> = {
    cluster: 'AWS::ECS::Cluster',
    service: 'AWS::ECS::Service',
    'task-definition': 'AWS::ECS::TaskDefinition',
    loadbalancer: 'AWS::ElasticLoadBalancingV2::LoadBalancer',
    targetgroup: 'AWS::ElasticLoadBalancingV2::TargetGroup',
    listener: 'AWS::ElasticLoadBalancingV2::Listener',
    'listener-rule': 'AWS::ElasticLoadBalancingV2::ListenerRule',
  }
  return byArn[kind] ?? 'AWS::ECS::AccountSetting'
}
