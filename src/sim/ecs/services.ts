import { arn } from '../core/index.ts'
import { handler } from '../context.ts'
import type { World } from '../world.ts'
import { activeCluster } from './clusters.ts'
import { strategyFor, strategyLaunchType } from './capacityProviders.ts'
import { newDeployment, startDeployment } from './deployments.ts'
import { invalidParameter, serviceNotActive, serviceNotFound, serviceNotIdempotent, serviceScaledAboveZero } from './errors.ts'
import { checkLoadBalancers } from './loadBalancing.ts'
import { checkNetworkConfiguration } from './placement.ts'
import type { PlacementConstraint, PlacementStrategy } from './hostPlacement.ts'
import { checkPlacement } from './placementRules.ts'
import type { Cluster, Deployment, DeploymentConfiguration, LoadBalancer, NetworkConfiguration, Service, Tag } from './state.ts'
import { taskDefinitionToRun } from './taskDefinitions.ts'
import { checkVolumeConfigurations, type TaskVolumeConfiguration } from './managedEbs.ts'
import { checkLaunch } from './tasks.ts'
import { TIMINGS } from './timings.ts'
import { INITIAL_SERVICE_STATUS, sendService } from './service.machine.ts'
import { requestReconcile } from './wakeups.ts'

/** Services: create/describe/list/update/delete. The scheduler that runs them lives in deployments.ts. */

const SERVICE_ROLE = (accountId: string) => `arn:aws:iam::${accountId}:role/aws-service-role/ecs.amazonaws.com/AWSServiceRoleForECS`

const serviceArnOf = (world: Readonly<World>, cluster: Cluster, ref: string) =>
  ref.startsWith('arn:') ? ref : arn({ service: 'ecs', region: world.region, accountId: world.accountId, resource: `service/${cluster.clusterName}/${ref}` })

function findService(world: World, clusterRef: string | undefined, ref: string): Service {
  const cluster = activeCluster(world, clusterRef)
  const service = world.ecs.services[serviceArnOf(world, cluster, ref)]
  if (!service || service.clusterArn !== cluster.clusterArn) throw serviceNotFound()
  return service
}

interface DeploymentConfigurationInput {
  deploymentCircuitBreaker?: { enable?: boolean; rollback?: boolean }
  maximumPercent?: number
  minimumHealthyPercent?: number
}

/** Defaults 200/100 with the circuit breaker off (fidelity §2.7); the bounds are the API reference's. */
function deploymentConfiguration(input: DeploymentConfigurationInput | undefined, base?: DeploymentConfiguration): DeploymentConfiguration {
  const cfg: DeploymentConfiguration = {
    deploymentCircuitBreaker: {
      enable: input?.deploymentCircuitBreaker?.enable ?? base?.deploymentCircuitBreaker.enable ?? false,
      rollback: input?.deploymentCircuitBreaker?.rollback ?? base?.deploymentCircuitBreaker.rollback ?? false,
    },
    maximumPercent: input?.maximumPercent ?? base?.maximumPercent ?? 200,
    minimumHealthyPercent: input?.minimumHealthyPercent ?? base?.minimumHealthyPercent ?? 100,
  }
  if (cfg.minimumHealthyPercent < 0 || cfg.minimumHealthyPercent > 100) throw invalidParameter('minimumHealthyPercent must be between 0 and 100.') // wording unverified
  if (cfg.maximumPercent < 100) throw invalidParameter('maximumPercent must be greater than or equal to 100.') // wording unverified
  return cfg
}

interface CreateServiceRequest {
  cluster?: string
  serviceName: string
  taskDefinition?: string
  loadBalancers?: LoadBalancer[]
  desiredCount?: number
  launchType?: string
  capacityProviderStrategy?: { capacityProvider: string }[]
  platformVersion?: string
  deploymentConfiguration?: DeploymentConfigurationInput
  placementConstraints?: unknown[]
  placementStrategy?: unknown[]
  networkConfiguration?: NetworkConfiguration
  healthCheckGracePeriodSeconds?: number
  schedulingStrategy?: string
  deploymentController?: { type: string }
  tags?: Tag[]
  enableECSManagedTags?: boolean
  propagateTags?: string
  enableExecuteCommand?: boolean
  volumeConfigurations?: TaskVolumeConfiguration[]
}

export const createService = handler((ctx, input: CreateServiceRequest) => {
  const { world } = ctx
  const cluster = activeCluster(world, input.cluster)
  if (!/^[A-Za-z0-9_-]{1,255}$/.test(input.serviceName ?? ''))
    throw invalidParameter('Service name can have a maximum of 255 characters. Valid characters are letters (uppercase and lowercase), numbers, hyphens, and underscores.') // wording unverified
  const serviceArn = serviceArnOf(world, cluster, input.serviceName)
  const existing = world.ecs.services[serviceArn]
  if (existing && existing.status !== 'INACTIVE') throw serviceNotIdempotent()
  const daemon = input.schedulingStrategy === 'DAEMON'
  if (input.schedulingStrategy !== undefined && !daemon && input.schedulingStrategy !== 'REPLICA')
    throw invalidParameter(`Invalid scheduling strategy: ${input.schedulingStrategy}.`) // wording unverified
  if (!input.taskDefinition) throw invalidParameter('TaskDefinition must be specified.') // wording unverified
  const td = taskDefinitionToRun(world, input.taskDefinition)
  // A capacity provider strategy (its own, else the cluster's default) decides the launch type (capacityProviders.ts).
  const strategy = strategyFor(cluster, input.launchType, input.capacityProviderStrategy)
  const launchType = input.launchType ?? (strategy ? strategyLaunchType(strategy) : 'EC2')
  // Role trust is checked per launch (a service posts "failed to launch a task" instead of refusing).
  if (launchType === 'FARGATE' && !td.compatibilities.includes('FARGATE')) checkLaunch(world, td, launchType)
  const networkConfiguration = checkNetworkConfiguration(world, td, launchType, input.networkConfiguration)
  // Daemon services run one task per container instance: EC2 only (ECS Developer Guide, ecs_services.html "Daemon"; wording unverified).
  if (daemon && launchType === 'FARGATE') throw invalidParameter('The daemon scheduling strategy is not supported with the FARGATE launch type.')
  if (launchType === 'EC2') checkPlacement(input.placementStrategy as PlacementStrategy[] | undefined, input.placementConstraints as PlacementConstraint[] | undefined)
  const desiredCount = daemon ? 0 : (input.desiredCount ?? 1) // CloudFormation's documented default; the API says "required for REPLICA"
  if (!Number.isInteger(desiredCount) || desiredCount < 0) throw invalidParameter('desiredCount must be a non-negative integer.') // wording unverified
  const grace = input.healthCheckGracePeriodSeconds
  if (grace !== undefined && !input.loadBalancers?.length)
    throw invalidParameter('Health check grace period is only valid for services configured to use load balancers')
  const config = deploymentConfiguration(input.deploymentConfiguration)
  const loadBalancers = checkLoadBalancers(ctx, td, input.loadBalancers)
  checkVolumeConfigurations(world, td, input.volumeConfigurations) // ECS-managed EBS volumes, one per task (managedEbs.ts)
  const fargate = launchType === 'FARGATE'
  const base = { launchType, networkConfiguration }
  const service: Service = {
    serviceArn,
    serviceName: input.serviceName,
    clusterArn: cluster.clusterArn,
    loadBalancers,
    serviceRegistries: [],
    status: INITIAL_SERVICE_STATUS,
    desiredCount,
    runningCount: 0,
    pendingCount: 0,
    launchType,
    platformVersion: fargate ? (input.platformVersion ?? 'LATEST') : undefined,
    platformFamily: fargate ? 'Linux' : undefined,
    taskDefinition: td.taskDefinitionArn,
    deploymentConfiguration: config,
    deployments: [],
    roleArn: SERVICE_ROLE(world.accountId),
    events: [],
    createdAt: ctx.now(),
    placementConstraints: input.placementConstraints ?? [],
    placementStrategy: input.placementStrategy ?? [],
    ...(strategy ? { capacityProviderStrategy: strategy } : {}),
    networkConfiguration,
    healthCheckGracePeriodSeconds: grace ?? 0,
    schedulingStrategy: daemon ? 'DAEMON' : 'REPLICA',
    deploymentController: input.deploymentController ?? { type: 'ECS' },
    tags: input.tags ?? [],
    createdBy: world.iam.user.Arn,
    enableECSManagedTags: input.enableECSManagedTags ?? false,
    propagateTags: input.propagateTags ?? 'NONE',
    enableExecuteCommand: input.enableExecuteCommand ?? false,
  }
  startDeployment(ctx, service, withVolumes(newDeployment(ctx, base, td.taskDefinitionArn), input.volumeConfigurations))
  world.ecs.services[serviceArn] = service
  world.ecs.serviceTasks[serviceArn] = []
  cluster.activeServicesCount++
  ctx.log(serviceArn, { kind: 'resource.created', type: 'AWS::ECS::Service', detail: `desiredCount ${desiredCount}, ${launchType}, ${td.family}:${td.revision}` })
  requestReconcile(ctx, serviceArn, TIMINGS.schedulerDelayMs)
  return { service: described(service) }
})

/**
 * A service as ECS answers with it: one created with a capacity provider strategy shows the strategy, on itself and on
 * each deployment, and no launch type ("this field is omitted if the service was created using a capacity provider
 * strategy", API reference, Service.launchType); its tasks keep theirs (FARGATE for FARGATE_SPOT ones).
 */
function described(service: Service): Service {
  const strategy = service.capacityProviderStrategy
  if (!strategy?.length) return service
  const { launchType: _launchType, ...rest } = service
  return {
    ...rest,
    deployments: service.deployments.map(({ launchType: _l, ...d }) => ({ ...d, capacityProviderStrategy: strategy })),
  } as unknown as Service
}

export const describeServices = handler((ctx, input: { cluster?: string; services: string[] }) => {
  const cluster = activeCluster(ctx.world, input.cluster)
  const services: Service[] = []
  const failures: { arn: string; reason: string }[] = []
  for (const ref of input.services) {
    const serviceArn = serviceArnOf(ctx.world, cluster, ref)
    const service = ctx.world.ecs.services[serviceArn]
    if (service && service.clusterArn === cluster.clusterArn) services.push(described(service))
    else failures.push({ arn: serviceArn, reason: 'MISSING' })
  }
  return { services, failures }
})

export const listServices = handler((ctx, input: { cluster?: string; launchType?: string; schedulingStrategy?: string }) => {
  const clusterArn = activeCluster(ctx.world, input.cluster).clusterArn
  return {
    serviceArns: Object.values(ctx.world.ecs.services)
      .filter(
        (s) =>
          s.clusterArn === clusterArn &&
          s.status !== 'INACTIVE' &&
          (!input.launchType || s.launchType === input.launchType) &&
          (!input.schedulingStrategy || s.schedulingStrategy === input.schedulingStrategy),
      )
      .map((s) => s.serviceArn),
  }
})

interface UpdateServiceRequest {
  cluster?: string
  service: string
  desiredCount?: number
  taskDefinition?: string
  deploymentConfiguration?: DeploymentConfigurationInput
  networkConfiguration?: NetworkConfiguration
  forceNewDeployment?: boolean
  healthCheckGracePeriodSeconds?: number
  volumeConfigurations?: TaskVolumeConfiguration[]
  capacityProviderStrategy?: { capacityProvider: string; weight?: number; base?: number }[]
}

/**
 * A new capacity provider strategy for a service: checked as create-service checks one; it does not start a deployment
 * (service_definition_parameters.html: "When you update a service, this parameter doesn't trigger a new service
 * deployment"), so the scheduler uses it for the tasks it launches next. One that would change the service's launch type
 * (Fargate providers for an EC2 service, or the reverse) is refused here (wording unverified).
 */
function updatedStrategy(world: Readonly<World>, service: Service, items: UpdateServiceRequest['capacityProviderStrategy']) {
  if (!items?.length) return undefined
  const cluster = activeCluster(world, service.clusterArn)
  const strategy = strategyFor(cluster, undefined, items)!
  if (strategyLaunchType(strategy) !== service.launchType)
    throw invalidParameter(`The capacity provider strategy cannot change the launch type of the service from ${service.launchType}.`)
  return strategy
}

/** UpdateService: a new task definition, network configuration or --force-new-deployment starts a rolling deployment. */
export const updateService = handler((ctx, input: UpdateServiceRequest) => {
  const { world } = ctx
  const service = findService(world, input.cluster, input.service)
  if (service.status !== 'ACTIVE') throw serviceNotActive()
  const td = input.taskDefinition ? taskDefinitionToRun(world, input.taskDefinition) : world.ecs.taskDefinitions[service.taskDefinition]
  if (input.taskDefinition && service.launchType === 'FARGATE' && !td.compatibilities.includes('FARGATE')) checkLaunch(world, td, 'FARGATE')
  const networkConfiguration = input.networkConfiguration
    ? checkNetworkConfiguration(world, td, service.launchType, input.networkConfiguration)
    : service.networkConfiguration
  if (input.desiredCount !== undefined && (!Number.isInteger(input.desiredCount) || input.desiredCount < 0))
    throw invalidParameter('desiredCount must be a non-negative integer.') // wording unverified
  if (input.healthCheckGracePeriodSeconds !== undefined && !service.loadBalancers.length)
    throw invalidParameter('Health check grace period is only valid for services configured to use load balancers')
  const config = deploymentConfiguration(input.deploymentConfiguration, service.deploymentConfiguration)
  const strategy = updatedStrategy(world, service, input.capacityProviderStrategy)
  // Volume configurations stay with the service's deployments until an update gives others (ECS API Reference,
  // UpdateService volumeConfigurations: "if this configuration differs from the existing one, it triggers a new deployment").
  const volumes = input.volumeConfigurations ?? service.deployments.find((d) => d.status === 'PRIMARY')?.volumeConfigurations
  checkVolumeConfigurations(world, td, volumes)
  const volumesChanged = input.volumeConfigurations !== undefined && JSON.stringify(input.volumeConfigurations) !== JSON.stringify(service.deployments.find((d) => d.status === 'PRIMARY')?.volumeConfigurations ?? [])

  service.deploymentConfiguration = config
  if (strategy) service.capacityProviderStrategy = strategy
  if (input.healthCheckGracePeriodSeconds !== undefined) service.healthCheckGracePeriodSeconds = input.healthCheckGracePeriodSeconds
  if (input.desiredCount !== undefined && input.desiredCount !== service.desiredCount) {
    ctx.log(service.serviceArn, { kind: 'resource.status', type: 'AWS::ECS::Service', attribute: 'desiredCount', from: String(service.desiredCount), to: String(input.desiredCount), reason: 'update-service' })
    service.desiredCount = input.desiredCount
  }
  const redeploy = (input.taskDefinition && td.taskDefinitionArn !== service.taskDefinition) || input.networkConfiguration || input.forceNewDeployment || volumesChanged
  if (redeploy) {
    service.networkConfiguration = networkConfiguration
    startDeployment(ctx, service, withVolumes(newDeployment(ctx, service, td.taskDefinitionArn), volumes))
  }
  requestReconcile(ctx, service.serviceArn, TIMINGS.schedulerDelayMs)
  return { service: described(service) }
})

/** A deployment whose tasks each get the configured ECS-managed EBS volumes. */
function withVolumes(deployment: Deployment, volumeConfigurations: TaskVolumeConfiguration[] | undefined): Deployment {
  if (volumeConfigurations?.length) deployment.volumeConfigurations = volumeConfigurations
  return deployment
}

/** DeleteService: refused while desiredCount > 0 unless --force; DRAINING until its tasks stopped, then INACTIVE. */
export const deleteService = handler((ctx, input: { cluster?: string; service: string; force?: boolean }) => {
  const service = findService(ctx.world, input.cluster, input.service)
  if (service.status !== 'ACTIVE') throw serviceNotActive()
  if (service.desiredCount > 0 && !input.force) throw serviceScaledAboveZero()
  sendService({ type: 'DELETE', ctx, service })
  ctx.log(service.serviceArn, { kind: 'resource.status', type: 'AWS::ECS::Service', attribute: 'status', from: 'ACTIVE', to: 'DRAINING', reason: input.force ? 'deleted with --force: its tasks are stopped' : 'deleted' })
  requestReconcile(ctx, service.serviceArn, 0)
  return { service: described(service) }
})

