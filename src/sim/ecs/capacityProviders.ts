import { arn, AwsError, ownEntry } from '../core/index.ts'
import { handler, type SimContext } from '../context.ts'
import type { AutoScalingGroup } from '../autoscaling/state.ts'
import { autoScalingGroupByArn } from '../views/autoScaling.ts'
import type { World } from '../world.ts'
import { activeCluster } from './clusters.ts'
import { clientException, invalidParameter } from './errors.ts'
import { syncManagedDraining } from './managedDraining.ts'
import { syncManagedScaling } from './managedScaling.ts'
import { FARGATE_PROVIDERS } from './hostState.ts'
import type { CapacityProvider, CapacityProviderStrategyItem, Cluster, ManagedScaling, Tag } from './state.ts'

/**
 * ECS capacity providers backed by an Auto Scaling group: create, describe, update, delete, and the cluster's list
 * with its default strategy (put-cluster-capacity-providers). Shapes: ECS API `CapacityProvider`,
 * `CapacityProviderStrategyItem`; defaults from the API reference (`ManagedScaling`: targetCapacity 100, step sizes 1
 * and 10,000, instanceWarmupPeriod 300 s). FARGATE and FARGATE_SPOT are built in: every cluster may use them.
 */

/** "The maximum number of capacity providers per cluster has been exceeded." — at most 10 (ECS service quotas). */
const MAX_PER_CLUSTER = 10

const providerArn = (world: Readonly<World>, name: string) =>
  arn({ service: 'ecs', region: world.region, accountId: world.accountId, resource: `capacity-provider/${name}` })

/** The stored provider a name or ARN names. */
export function findCapacityProvider(world: Readonly<World>, ref: string): CapacityProvider | undefined {
  const name = ref.startsWith('arn:') ? ref.slice(ref.lastIndexOf('/') + 1) : ref
  const provider = ownEntry(world.ecs.capacityProviders, name)
  return provider && (!ref.startsWith('arn:') || provider.capacityProviderArn === ref) ? provider : undefined
}

/** The Auto Scaling group behind a provider, while it exists. */
export const providerGroup = (world: Readonly<World>, provider: CapacityProvider): AutoScalingGroup | undefined =>
  autoScalingGroupByArn(world, provider.autoScalingGroupProvider.autoScalingGroupArn)

/** The clusters a provider is associated with (an Auto Scaling group provider belongs to one at most). */
const clustersUsing = (world: Readonly<World>, name: string): Cluster[] =>
  Object.values(world.ecs.clusters).filter((c) => c.status === 'ACTIVE' && c.capacityProviders.includes(name))

// Quoted from ECS as users met it (aws/containers-roadmap#688, #653, #631; cloudformation-coverage-roadmap#1086).
const ALREADY_EXISTS = 'The specified capacity provider already exists. To change the configuration of an existing capacity provider, update the capacity provider.'
const TERMINATION_PROTECTION =
  'The managed termination protection setting for the capacity provider is invalid. To enable managed termination protection for a capacity provider, the Auto Scaling group must have instance protection from scale in enabled.'
const IN_USE = 'The specified capacity provider is in use and cannot be removed.'
const TOO_MANY = 'The maximum number of capacity providers per cluster has been exceeded.'
// Wording unverified: after the API reference's rules for these fields.
const notFound = () => clientException('The specified capacity provider does not exist. Specify a valid name or ARN and try again.')
const NOT_IN_CLUSTER =
  'The specified capacity provider strategy cannot contain a capacity provider that is not associated with the cluster. Associate the capacity provider with the cluster or specify a valid capacity provider and try again.'

interface ManagedScalingInput {
  status?: string
  targetCapacity?: number
  minimumScalingStepSize?: number
  maximumScalingStepSize?: number
  instanceWarmupPeriod?: number
}

interface ProviderSettingsInput {
  managedScaling?: ManagedScalingInput
  managedTerminationProtection?: string
  managedDraining?: string
}

const DEFAULT_SCALING: ManagedScaling = { status: 'DISABLED', targetCapacity: 100, minimumScalingStepSize: 1, maximumScalingStepSize: 10_000, instanceWarmupPeriod: 300 }

/** Managed scaling as given, over what the provider had (or ECS's defaults); its limits from the API reference. */
function managedScaling(input: ManagedScalingInput | undefined, base: ManagedScaling): ManagedScaling {
  if (!input) return { ...base }
  const status = input.status ?? 'ENABLED'
  if (status !== 'ENABLED' && status !== 'DISABLED') throw invalidParameter(`Invalid managed scaling status: ${status}`) // wording unverified
  const out: ManagedScaling = {
    status,
    targetCapacity: input.targetCapacity ?? base.targetCapacity,
    minimumScalingStepSize: input.minimumScalingStepSize ?? base.minimumScalingStepSize,
    maximumScalingStepSize: input.maximumScalingStepSize ?? base.maximumScalingStepSize,
    instanceWarmupPeriod: input.instanceWarmupPeriod ?? base.instanceWarmupPeriod,
  }
  // Wording unverified; ranges: API ManagedScaling (targetCapacity 1–100, step sizes 1–10,000, warm-up 0–10,000).
  if (!(out.targetCapacity >= 1 && out.targetCapacity <= 100)) throw invalidParameter('The target capacity must be between 1 and 100.')
  for (const step of [out.minimumScalingStepSize, out.maximumScalingStepSize])
    if (!(step >= 1 && step <= 10_000)) throw invalidParameter('The scaling step size must be between 1 and 10000.')
  if (out.minimumScalingStepSize > out.maximumScalingStepSize)
    throw invalidParameter('The minimum scaling step size must be less than or equal to the maximum scaling step size.')
  return out
}

const onOff = (value: string | undefined, fallback: 'ENABLED' | 'DISABLED', field: string): 'ENABLED' | 'DISABLED' => {
  if (value === undefined) return fallback
  if (value !== 'ENABLED' && value !== 'DISABLED') throw invalidParameter(`Invalid value for ${field}: ${value}`) // wording unverified
  return value
}

/** Managed termination protection needs the group's new instances protected from scale in (quoted above). */
function checkTerminationProtection(world: Readonly<World>, provider: CapacityProvider['autoScalingGroupProvider']): void {
  if (provider.managedTerminationProtection !== 'ENABLED') return
  const group = autoScalingGroupByArn(world, provider.autoScalingGroupArn)
  if (!group?.NewInstancesProtectedFromScaleIn) throw clientException(TERMINATION_PROTECTION)
}

interface CreateCapacityProviderRequest {
  name: string
  autoScalingGroupProvider?: ProviderSettingsInput & { autoScalingGroupArn: string }
  tags?: Tag[]
}

export const createCapacityProvider = handler((ctx, input: CreateCapacityProviderRequest) => {
  const { world } = ctx
  // API CreateCapacityProvider.name: up to 255 letters, numbers, underscores and hyphens, not prefixed "aws", "ecs"
  // or "fargate" (wording unverified).
  if (!/^[A-Za-z0-9_-]{1,255}$/.test(input.name))
    throw invalidParameter('The capacity provider name can have up to 255 characters: letters (uppercase and lowercase), numbers, underscores, and hyphens.')
  if (/^(aws|ecs|fargate)/i.test(input.name)) throw invalidParameter(`The capacity provider name cannot start with "aws", "ecs", or "fargate".`)
  if (ownEntry(world.ecs.capacityProviders, input.name)) throw clientException(ALREADY_EXISTS)
  const asg = input.autoScalingGroupProvider
  if (!asg) throw invalidParameter('An Auto Scaling group provider must be specified.') // wording unverified
  const group = autoScalingGroupByArn(world, asg.autoScalingGroupArn)
  // Wording unverified: ECS checks the ARN against Auto Scaling before creating anything.
  if (!group) throw invalidParameter(`The specified Auto Scaling group ARN is not valid: ${asg.autoScalingGroupArn}`)
  if (Object.values(world.ecs.capacityProviders).some((p) => p.autoScalingGroupProvider.autoScalingGroupArn === asg.autoScalingGroupArn))
    throw invalidParameter('The specified Auto Scaling group is already used by another capacity provider.') // wording unverified
  const provider: CapacityProvider = {
    capacityProviderArn: providerArn(world, input.name),
    name: input.name,
    status: 'ACTIVE',
    autoScalingGroupProvider: {
      autoScalingGroupArn: asg.autoScalingGroupArn,
      managedScaling: managedScaling(asg.managedScaling, DEFAULT_SCALING),
      managedTerminationProtection: onOff(asg.managedTerminationProtection, 'DISABLED', 'managedTerminationProtection'),
      managedDraining: onOff(asg.managedDraining, 'ENABLED', 'managedDraining'),
    },
    tags: input.tags ?? [],
    type: 'EC2_AUTOSCALING',
  }
  checkTerminationProtection(world, provider.autoScalingGroupProvider)
  world.ecs.capacityProviders[input.name] = provider
  syncManagedDraining(ctx, provider.name, provider, asg.autoScalingGroupArn) // ECS's termination hook on the group
  ctx.log(provider.capacityProviderArn, { kind: 'resource.created', type: 'AWS::ECS::CapacityProvider', detail: `${input.name} for ${group.AutoScalingGroupName}` })
  return { capacityProvider: provider }
})

/** FARGATE and FARGATE_SPOT as DescribeCapacityProviders lists them. */
const builtIn = (world: Readonly<World>, name: string) => ({ capacityProviderArn: providerArn(world, name), name, status: 'ACTIVE', tags: [] })

export const describeCapacityProviders = handler((ctx, input: { capacityProviders?: string[]; include?: string[] }) => {
  const { world } = ctx
  const withTags = (p: CapacityProvider) => (input.include?.includes('TAGS') ? p : { ...p, tags: [] })
  if (!input.capacityProviders?.length)
    return { capacityProviders: [...FARGATE_PROVIDERS.map((n) => builtIn(world, n)), ...Object.values(world.ecs.capacityProviders).map(withTags)], failures: [] }
  const capacityProviders: object[] = []
  const failures: { arn: string; reason: string }[] = []
  for (const ref of input.capacityProviders) {
    const name = ref.startsWith('arn:') ? ref.slice(ref.lastIndexOf('/') + 1) : ref
    const provider = findCapacityProvider(world, ref)
    if (provider) capacityProviders.push(withTags(provider))
    else if (FARGATE_PROVIDERS.includes(name)) capacityProviders.push(builtIn(world, name))
    else failures.push({ arn: ref.startsWith('arn:') ? ref : providerArn(world, ref), reason: 'MISSING' })
  }
  return { capacityProviders, failures }
})

export const updateCapacityProvider = handler((ctx, input: { name: string; autoScalingGroupProvider?: ProviderSettingsInput }) => {
  const provider = findCapacityProvider(ctx.world, input.name)
  if (!provider) throw notFound()
  const current = provider.autoScalingGroupProvider
  const update = input.autoScalingGroupProvider ?? {}
  const next = {
    ...current,
    managedScaling: managedScaling(update.managedScaling, current.managedScaling),
    managedTerminationProtection: onOff(update.managedTerminationProtection, current.managedTerminationProtection, 'managedTerminationProtection'),
    managedDraining: onOff(update.managedDraining, current.managedDraining, 'managedDraining'),
  }
  checkTerminationProtection(ctx.world, next)
  provider.autoScalingGroupProvider = next
  provider.updateStatus = 'UPDATE_COMPLETE'
  for (const cluster of clustersUsing(ctx.world, provider.name)) syncManagedScaling(ctx, cluster)
  syncManagedDraining(ctx, provider.name, provider, next.autoScalingGroupArn)
  ctx.log(provider.capacityProviderArn, { kind: 'resource.modified', type: 'AWS::ECS::CapacityProvider', detail: `managed scaling ${next.managedScaling.status} (target ${next.managedScaling.targetCapacity} %), managed termination protection ${next.managedTerminationProtection}, managed draining ${next.managedDraining}` })
  return { capacityProvider: provider }
})

export const deleteCapacityProvider = handler((ctx, input: { capacityProvider: string }) => {
  const provider = findCapacityProvider(ctx.world, input.capacityProvider)
  if (!provider) throw notFound()
  // A provider still associated with a cluster stays (ECS reports it in use until it is removed from the cluster).
  if (clustersUsing(ctx.world, provider.name).length) throw new AwsError('ResourceInUseException', IN_USE)
  delete ctx.world.ecs.capacityProviders[provider.name]
  syncManagedDraining(ctx, provider.name, undefined, provider.autoScalingGroupProvider.autoScalingGroupArn)
  ctx.log(provider.capacityProviderArn, { kind: 'resource.deleted', type: 'AWS::ECS::CapacityProvider' })
  return { capacityProvider: { ...provider, status: 'INACTIVE', updateStatus: 'DELETE_COMPLETE' } }
})

/** A strategy as stored: weight and base default to 0 (API CapacityProviderStrategyItem). */
export function strategyItems(items: readonly { capacityProvider: string; weight?: number; base?: number }[] | undefined): CapacityProviderStrategyItem[] {
  return (items ?? []).map((i) => ({ capacityProvider: i.capacityProvider, weight: i.weight ?? 0, base: i.base ?? 0 }))
}

/** Both at once: the API reference says a launch type and a strategy exclude each other (wording unverified). */
const BOTH = 'Specifying both a launch type and capacity provider strategy is not supported. Remove one and try again.'
// Quoted from ECS as users met it (terraform-aws-modules/terraform-aws-ecs#68); the rule: ECS Developer Guide,
// cluster-capacity-providers.html ("a capacity provider strategy can only contain Auto Scaling group or Fargate
// capacity providers, but not both").
const MIXED = 'A capacity provider strategy cannot contain a mix of capacity providers using Auto Scaling groups and Fargate providers. Specify one or the other and try again.'

/**
 * A strategy's own rules (API CreateService/RunTask capacityProviderStrategy: at most 20 providers, older references
 * said 6; CapacityProviderStrategyItem: weight 0–1,000, base 0–100,000, a base on one provider only, each once), and Fargate and Auto Scaling group providers never together (quoted above). The other
 * wordings are unverified.
 */
export function checkStrategy(strategy: readonly CapacityProviderStrategyItem[]): void {
  if (strategy.length > 20) throw invalidParameter('A capacity provider strategy can contain a maximum of 20 capacity providers.')
  for (const i of strategy) {
    if (!(Number.isInteger(i.weight) && i.weight >= 0 && i.weight <= 1000)) throw invalidParameter('The capacity provider strategy weight must be between 0 and 1000.')
    if (!(Number.isInteger(i.base) && i.base >= 0 && i.base <= 100_000)) throw invalidParameter('The capacity provider strategy base must be between 0 and 100000.')
  }
  if (new Set(strategy.map((i) => i.capacityProvider)).size < strategy.length) throw invalidParameter('A capacity provider can only be specified once in a capacity provider strategy.')
  if (strategy.filter((i) => i.base > 0).length > 1) throw invalidParameter('Only one capacity provider in a capacity provider strategy can have a base defined.')
  const fargate = strategy.filter((i) => FARGATE_PROVIDERS.includes(i.capacityProvider)).length
  if (fargate > 0 && fargate < strategy.length) throw invalidParameter(MIXED)
}

/**
 * The capacity provider strategy a run-task/create-service call uses: its own, else (without a launch type) the
 * cluster's default one. Every provider it names must be associated with the cluster (quoted above).
 */
export function strategyFor(cluster: Cluster, launchType: string | undefined, items: readonly { capacityProvider: string; weight?: number; base?: number }[] | undefined): CapacityProviderStrategyItem[] | undefined {
  if (launchType !== undefined && items?.length) throw invalidParameter(BOTH)
  const strategy = items?.length ? strategyItems(items) : launchType === undefined && cluster.defaultCapacityProviderStrategy.length ? cluster.defaultCapacityProviderStrategy : undefined
  if (!strategy) return undefined
  checkStrategy(strategy)
  for (const i of strategy) if (!cluster.capacityProviders.includes(i.capacityProvider)) throw invalidParameter(NOT_IN_CLUSTER)
  return strategy
}

/** The launch type a strategy's tasks get: Fargate for FARGATE/FARGATE_SPOT, EC2 for an Auto Scaling group provider. */
export const strategyLaunchType = (strategy: readonly { capacityProvider: string }[]): string =>
  strategy.some((s) => FARGATE_PROVIDERS.includes(s.capacityProvider)) ? 'FARGATE' : 'EC2'

interface PutClusterCapacityProvidersRequest {
  cluster: string
  capacityProviders: string[]
  defaultCapacityProviderStrategy: { capacityProvider: string; weight?: number; base?: number }[]
}

/**
 * The providers and default strategy a cluster is to have, checked as PutClusterCapacityProviders (and CreateCluster,
 * which takes the same two fields) checks them; `cluster` is undefined for a cluster not created yet.
 */
export function checkAssociation(world: Readonly<World>, cluster: Cluster | undefined, capacityProviders: readonly string[], items: readonly { capacityProvider: string; weight?: number; base?: number }[]): CapacityProviderStrategyItem[] {
  if (capacityProviders.length > MAX_PER_CLUSTER) throw invalidParameter(TOO_MANY)
  for (const name of capacityProviders) {
    if (FARGATE_PROVIDERS.includes(name)) continue
    const provider = findCapacityProvider(world, name)
    if (!provider) throw invalidParameter(`The specified capacity provider '${name}' does not exist.`) // wording unverified
    // An Auto Scaling group provider serves one cluster (API PutClusterCapacityProviders; wording unverified).
    if (clustersUsing(world, provider.name).some((c) => c.clusterArn !== cluster?.clusterArn))
      throw invalidParameter(`The capacity provider '${name}' is already associated with another cluster.`)
  }
  const strategy = strategyItems(items)
  checkStrategy(strategy)
  for (const i of strategy) if (!capacityProviders.includes(i.capacityProvider)) throw invalidParameter(NOT_IN_CLUSTER)
  return strategy
}

/** Associates checked providers and strategy with the cluster; ECS creates (or removes) each provider's managed scaling policy. */
export function associate(ctx: SimContext, cluster: Cluster, capacityProviders: readonly string[], strategy: CapacityProviderStrategyItem[]): void {
  cluster.capacityProviders = [...capacityProviders]
  cluster.defaultCapacityProviderStrategy = strategy
  syncManagedScaling(ctx, cluster) // managedScaling.ts
}

export const putClusterCapacityProviders = handler((ctx, input: PutClusterCapacityProvidersRequest) => {
  const { world } = ctx
  const cluster = activeCluster(world, input.cluster)
  const strategy = checkAssociation(world, cluster, input.capacityProviders, input.defaultCapacityProviderStrategy)
  // A provider a service still uses cannot leave the cluster.
  const removed = cluster.capacityProviders.filter((n) => !input.capacityProviders.includes(n))
  for (const service of Object.values(world.ecs.services))
    if (service.clusterArn === cluster.clusterArn && service.status !== 'INACTIVE' && service.capacityProviderStrategy?.some((i) => removed.includes(i.capacityProvider)))
      throw new AwsError('ResourceInUseException', IN_USE)
  associate(ctx, cluster, input.capacityProviders, strategy)
  ctx.log(cluster.clusterArn, { kind: 'resource.modified', type: 'AWS::ECS::Cluster', detail: `capacity providers: ${input.capacityProviders.join(', ') || 'none'}` })
  return { cluster }
})
