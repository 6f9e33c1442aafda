import { handler } from '../context.ts'
import type { World } from '../world.ts'
import { effectiveSetting } from './accountSettings.ts'
import { associate, checkAssociation } from './capacityProviders.ts'
import { clusterContainsServices, clusterContainsTasks, clusterInactive, clusterNotFound, invalidParameter } from './errors.ts'
import type { Cluster, KeyValuePair, Tag } from './state.ts'
import { PENDING_STATUSES } from './task.machine.ts'
import { clusterArnOf, DEFAULT_CLUSTER } from '../views/names.ts'

/** Clusters: create/describe/list/delete, settings, and the task counts ECS keeps on each (fidelity §2.7). */

/** `--cluster` resolution (a name or an ARN; none means `default`): the read model's (../views/names.ts). */
export { clusterArnOf, DEFAULT_CLUSTER } from '../views/names.ts'

/** The ACTIVE cluster `--cluster` names, or ECS's ClusterNotFoundException. */
export function activeCluster(world: World, ref: string | undefined): Cluster {
  const cluster = world.ecs.clusters[clusterArnOf(world, ref)]
  if (!cluster) throw clusterNotFound()
  if (cluster.status !== 'ACTIVE') throw clusterInactive()
  return cluster
}

/** Keeps runningTasksCount / pendingTasksCount in step with a task's lastStatus change. */
export function countTaskTransition(cluster: Cluster | undefined, from: string | undefined, to: string): void {
  if (!cluster) return
  if (from === 'RUNNING') cluster.runningTasksCount--
  else if (from && PENDING_STATUSES.has(from)) cluster.pendingTasksCount--
  if (to === 'RUNNING') cluster.runningTasksCount++
  else if (PENDING_STATUSES.has(to)) cluster.pendingTasksCount++
}

const INSIGHTS_VALUES = ['enhanced', 'enabled', 'disabled']

function checkSettings(settings: KeyValuePair[] | undefined): void {
  for (const s of settings ?? []) {
    if (s.name !== 'containerInsights') throw invalidParameter(`Invalid cluster setting name: ${s.name}`) // wording unverified
    if (!INSIGHTS_VALUES.includes(s.value)) throw invalidParameter(`Invalid value for containerInsights: ${s.value}`) // wording unverified
  }
}

interface CreateClusterRequest {
  clusterName?: string
  tags?: Tag[]
  settings?: KeyValuePair[]
  capacityProviders?: string[]
  defaultCapacityProviderStrategy?: { capacityProvider: string; weight?: number; base?: number }[]
}

/**
 * CreateCluster. Idempotent for an ACTIVE cluster of the same name (ECS returns it); a deleted (INACTIVE) name
 * is reused. containerInsights comes from `--settings`, else the account setting (fidelity §2.8). Capacity providers
 * and a default strategy given here are checked and associated as PutClusterCapacityProviders does (capacityProviders.ts).
 */
export const createCluster = handler((ctx, input: CreateClusterRequest) => {
  const name = input.clusterName ?? DEFAULT_CLUSTER
  if (!/^[A-Za-z0-9_-]{1,255}$/.test(name))
    throw invalidParameter('Cluster name can have a maximum of 255 characters. Valid characters are letters (uppercase and lowercase), numbers, hyphens, and underscores.') // wording unverified
  checkSettings(input.settings)
  const clusterArn = clusterArnOf(ctx.world, name)
  const existing = ctx.world.ecs.clusters[clusterArn]
  if (existing?.status === 'ACTIVE') return { cluster: existing }
  const providers = input.capacityProviders ?? []
  const strategy = checkAssociation(ctx.world, undefined, providers, input.defaultCapacityProviderStrategy ?? [])
  const insights = input.settings?.find((s) => s.name === 'containerInsights')?.value ?? effectiveSetting(ctx.world, 'containerInsights')
  const cluster: Cluster = {
    clusterArn,
    clusterName: name,
    status: 'ACTIVE',
    registeredContainerInstancesCount: 0,
    runningTasksCount: 0,
    pendingTasksCount: 0,
    activeServicesCount: 0,
    statistics: [],
    tags: input.tags ?? [],
    settings: [{ name: 'containerInsights', value: insights }],
    capacityProviders: [],
    defaultCapacityProviderStrategy: [],
  }
  ctx.world.ecs.clusters[clusterArn] = cluster
  associate(ctx, cluster, providers, strategy)
  ctx.log(clusterArn, { kind: 'resource.created', type: 'AWS::ECS::Cluster', detail: `status ACTIVE, containerInsights ${insights}` })
  return { cluster }
})

/** DescribeClusters: unknown names are `failures` with reason MISSING, not an error (fidelity §2.6). */
export const describeClusters = handler((ctx, input: { clusters?: string[]; include?: string[] }) => {
  const refs = input.clusters?.length ? input.clusters : [DEFAULT_CLUSTER]
  const clusters: Cluster[] = []
  const failures: { arn: string; reason: string }[] = []
  for (const ref of refs) {
    const clusterArn = clusterArnOf(ctx.world, ref)
    const cluster = ctx.world.ecs.clusters[clusterArn]
    if (cluster) clusters.push(input.include?.includes('TAGS') || cluster.tags.length === 0 ? cluster : { ...cluster, tags: [] })
    else failures.push({ arn: clusterArn, reason: 'MISSING' })
  }
  return { clusters, failures }
})

export const listClusters = handler((ctx) => ({
  clusterArns: Object.values(ctx.world.ecs.clusters)
    .filter((c) => c.status === 'ACTIVE')
    .map((c) => c.clusterArn),
}))

/** DeleteCluster: refused while services or tasks are active, with ECS's exceptions; then INACTIVE. */
export const deleteCluster = handler((ctx, input: { cluster: string }) => {
  const cluster = activeCluster(ctx.world, input.cluster)
  const { services, tasks } = ctx.world.ecs
  if (Object.values(services).some((s) => s.clusterArn === cluster.clusterArn && s.status !== 'INACTIVE')) throw clusterContainsServices()
  if (Object.values(tasks).some((t) => t.clusterArn === cluster.clusterArn && t.lastStatus !== 'STOPPED')) throw clusterContainsTasks()
  cluster.status = 'INACTIVE'
  ctx.log(cluster.clusterArn, { kind: 'resource.status', type: 'AWS::ECS::Cluster', attribute: 'status', from: 'ACTIVE', to: 'INACTIVE', reason: 'deleted by the learner' })
  return { cluster }
})

/** UpdateClusterSettings: containerInsights on an existing cluster (fidelity §2.8). */
export const updateClusterSettings = handler((ctx, input: { cluster: string; settings: KeyValuePair[] }) => {
  checkSettings(input.settings)
  const cluster = activeCluster(ctx.world, input.cluster)
  for (const s of input.settings) {
    const current = cluster.settings.find((c) => c.name === s.name)
    if (current) current.value = s.value
    else cluster.settings.push({ name: s.name, value: s.value })
    ctx.log(cluster.clusterArn, { kind: 'resource.settings', type: 'AWS::ECS::Cluster', scope: 'setting', settings: [{ name: s.name, value: s.value }] })
  }
  return { cluster }
})
