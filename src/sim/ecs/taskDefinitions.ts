import { arn, ownEntry, setOwnEntry } from '../core/index.ts'
import { handler } from '../context.ts'
import type { World } from '../world.ts'
import { clientException, noFargateConfiguration, roleNotValid, taskDefinitionInactive, taskDefinitionNotFound, unableToDescribeTaskDefinition } from './errors.ts'
import { isFargateSize, parseTaskCpu, parseTaskMemory } from './fargateSizes.ts'
import { checkLinks, registeredPortMapping, type NetworkMode } from './networkModes.ts'
import { taskStorage } from './taskVolumes.ts'
import type { ContainerDefinition, PortMapping, Tag, TaskDefinition } from './state.ts'

/**
 * Task definitions: families and revisions (`family:revision`, ACTIVE/INACTIVE), validated as ECS validates them
 * at register time (fidelity §2.5, §2.6). Images are not checked here: ECS resolves them when a task starts.
 */

type InputContainer = Partial<ContainerDefinition> & { portMappings?: PortMapping[] }

interface RegisterTaskDefinitionRequest {
  family: string
  taskRoleArn?: string
  executionRoleArn?: string
  networkMode?: TaskDefinition['networkMode']
  containerDefinitions: InputContainer[]
  volumes?: unknown[]
  placementConstraints?: unknown[]
  requiresCompatibilities?: string[]
  cpu?: string
  memory?: string
  tags?: Tag[]
}

const ROLE_ARN = /^arn:aws:iam::(\d{12}):role\/(?:[\w+=,.@-]+\/)*([\w+=,.@-]{1,64})$/

/**
 * A role given as ARN or bare name (ECS fills in the account for a name) that must be a well-formed role ARN of this
 * account naming a role that exists; anything else is `ClientException: Role is not valid` [seen, fidelity search:
 * aws-samples/aws-modern-application-workshop#9, bradford-hamilton/terraform-ecs-fargate#8].
 */
function checkedRoleArn(world: Readonly<World>, value: string | undefined): string | undefined {
  if (value === undefined || value === '') return undefined
  const full = value.startsWith('arn:') ? value : `arn:aws:iam::${world.accountId}:role/${value}`
  const m = ROLE_ARN.exec(full)
  if (!m || m[1] !== world.accountId || !ownEntry(world.iam.roles, m[2])) throw roleNotValid()
  return full
}

const isEcrImage = (image: string) => image.includes('.dkr.ecr.')

function normalizeContainer(c: InputContainer, networkMode: NetworkMode): ContainerDefinition {
  if (!c.name) throw clientException('Container.name should not be null or empty.')
  if (!c.image) throw clientException('Container.image should not be null or empty.')
  const portMappings = (c.portMappings ?? []).map((p) => registeredPortMapping(networkMode, c.name!, p))
  checkLinks(networkMode, c.links)
  return {
    ...c,
    name: c.name,
    image: c.image,
    cpu: c.cpu ?? 0,
    portMappings,
    essential: c.essential ?? true,
    environment: c.environment ?? [],
    mountPoints: c.mountPoints ?? [],
    volumesFrom: c.volumesFrom ?? [],
    systemControls: c.systemControls ?? [],
  }
}

/** The attributes a container instance must have to run this definition (shown as `requiresAttributes`). */
function requiredAttributes(td: Omit<TaskDefinition, 'requiresAttributes'>): { name: string }[] {
  const names = ['com.amazonaws.ecs.capability.docker-remote-api.1.18']
  if (td.containerDefinitions.some((c) => isEcrImage(c.image))) names.push('com.amazonaws.ecs.capability.ecr-auth')
  if (td.taskRoleArn) names.push('com.amazonaws.ecs.capability.task-iam-role')
  if (td.executionRoleArn && td.containerDefinitions.some((c) => isEcrImage(c.image))) names.push('ecs.capability.execution-role-ecr-pull')
  if (td.networkMode === 'awsvpc') names.push('ecs.capability.task-eni', 'com.amazonaws.ecs.capability.docker-remote-api.1.29')
  if (td.containerDefinitions.some((c) => c.healthCheck)) names.push('ecs.capability.container-health-check')
  return names.map((name) => ({ name }))
}

export const registerTaskDefinition = handler((ctx, input: RegisterTaskDefinitionRequest) => {
  const { world } = ctx
  if (!/^[A-Za-z0-9_-]{1,255}$/.test(input.family ?? ''))
    throw clientException('Family contains invalid characters. Up to 255 letters (uppercase and lowercase), numbers, hyphens, and underscores are allowed.') // wording unverified
  const networkMode = input.networkMode ?? 'bridge'
  const requires = input.requiresCompatibilities ?? []
  const fargate = requires.includes('FARGATE')
  if (fargate && networkMode !== 'awsvpc') throw clientException('Fargate only supports network mode ‘awsvpc’.')
  if (fargate && input.cpu === undefined) throw clientException("Fargate requires that 'cpu' be defined at the task level.")
  if (fargate && input.memory === undefined) throw clientException("Fargate requires that 'memory' be defined at the task level.")
  const cpu = input.cpu === undefined ? undefined : parseTaskCpu(input.cpu)
  if (input.cpu !== undefined && (cpu === undefined || (!fargate && (cpu < 128 || cpu > 196608))))
    throw clientException("Invalid 'cpu' setting for task. For more information, see the Troubleshooting section of the Amazon ECS Developer Guide.")
  const memory = input.memory === undefined ? undefined : parseTaskMemory(input.memory)
  if (input.memory !== undefined && (memory === undefined || memory < 6))
    throw clientException("Invalid 'memory' setting for task. For more information, see the Troubleshooting section of the Amazon ECS Developer Guide.") // memory wording by analogy with cpu
  if (fargate && !isFargateSize(cpu!, memory!)) throw noFargateConfiguration()
  const taskRoleArn = checkedRoleArn(world, input.taskRoleArn)
  const executionRoleArn = checkedRoleArn(world, input.executionRoleArn)
  if (!input.containerDefinitions?.length) throw clientException('Container list cannot be empty.') // wording unverified
  const containers = input.containerDefinitions.map((c) => normalizeContainer(c, networkMode))
  if (!containers.some((c) => c.essential)) throw clientException('Task definition must have at least one essential container.') // wording unverified
  for (const c of containers) {
    if (memory === undefined && c.memory === undefined && c.memoryReservation === undefined)
      throw clientException(`Invalid setting for container '${c.name}'. At least one of 'memory' or 'memoryReservation' must be specified.`)
    if (memory !== undefined && c.memory !== undefined && c.memory > memory)
      throw clientException(`The 'memory' setting for container '${c.name}' is greater than for the task.`) // wording unverified (fidelity §2.6)
  }
  if (cpu !== undefined && containers.reduce((sum, c) => sum + c.cpu, 0) > cpu)
    throw clientException(`The 'cpu' settings of the containers add up to more than the task's 'cpu' (${cpu}).`) // wording unverified
  if (fargate && !executionRoleArn) {
    if (containers.some((c) => isEcrImage(c.image)))
      throw clientException('Fargate requires task definition to have execution role ARN to support ECR images.')
    if (containers.some((c) => c.logConfiguration?.logDriver === 'awslogs'))
      throw clientException('Fargate requires task definition to have execution role ARN to support log driver awslogs.')
  }

  const storage = taskStorage(input, containers, fargate)
  const revision = (ownEntry(world.ecs.families, input.family) ?? 0) + 1
  const taskDefinitionArn = arn({ service: 'ecs', region: world.region, accountId: world.accountId, resource: `task-definition/${input.family}:${revision}` })
  const fitsFargate = networkMode === 'awsvpc' && cpu !== undefined && memory !== undefined && isFargateSize(cpu, memory) && storage.fargateCompatible
  const base: Omit<TaskDefinition, 'requiresAttributes'> = {
    taskDefinitionArn,
    containerDefinitions: containers,
    family: input.family,
    taskRoleArn,
    executionRoleArn,
    networkMode,
    revision,
    ...storage.fields,
    status: 'ACTIVE',
    placementConstraints: input.placementConstraints ?? [],
    compatibilities: fitsFargate ? ['EC2', 'FARGATE'] : ['EC2'],
    requiresCompatibilities: input.requiresCompatibilities,
    cpu: cpu === undefined ? undefined : String(cpu),
    memory: memory === undefined ? undefined : String(memory),
    registeredAt: ctx.now(),
    registeredBy: world.iam.user.Arn,
  }
  const td: TaskDefinition = { ...base, requiresAttributes: requiredAttributes(base) }
  setOwnEntry(world.ecs.families, input.family, revision)
  world.ecs.taskDefinitions[taskDefinitionArn] = td
  ctx.log(taskDefinitionArn, { kind: 'resource.registered', type: 'AWS::ECS::TaskDefinition', detail: `${networkMode}, cpu ${td.cpu ?? '-'}, memory ${td.memory ?? '-'}, ${containers.map((c) => c.image).join(', ')}` })
  return { taskDefinition: td, tags: input.tags ?? [] }
})

/** `family`, `family:revision` or an ARN → the definition; a bare family means its latest ACTIVE revision. */
export function findTaskDefinition(world: Readonly<World>, ref: string): TaskDefinition | undefined {
  const { taskDefinitions } = world.ecs
  if (ref.startsWith('arn:')) return taskDefinitions[ref]
  const [family, revision] = ref.split(':')
  const arnOf = (rev: number) => arn({ service: 'ecs', region: world.region, accountId: world.accountId, resource: `task-definition/${family}:${rev}` })
  if (revision !== undefined) return /^\d+$/.test(revision) ? taskDefinitions[arnOf(Number(revision))] : undefined
  for (let rev = ownEntry(world.ecs.families, family) ?? 0; rev > 0; rev--) {
    const td = taskDefinitions[arnOf(rev)]
    if (td?.status === 'ACTIVE') return td
  }
  return undefined
}

/** What run-task and create-service accept: an ACTIVE definition (fidelity §2.6). */
export function taskDefinitionToRun(world: Readonly<World>, ref: string): TaskDefinition {
  const td = findTaskDefinition(world, ref)
  if (!td) throw taskDefinitionNotFound()
  if (td.status !== 'ACTIVE') throw taskDefinitionInactive()
  return td
}

export const describeTaskDefinition = handler((ctx, input: { taskDefinition: string }) => {
  const td = findTaskDefinition(ctx.world, input.taskDefinition)
  if (!td) throw unableToDescribeTaskDefinition()
  return { taskDefinition: td, tags: [] }
})

const byFamilyThenRevision = (a: TaskDefinition, b: TaskDefinition) => (a.family < b.family ? -1 : a.family > b.family ? 1 : a.revision - b.revision)

export const listTaskDefinitions = handler((ctx, input: { familyPrefix?: string; status?: string; sort?: string }) => {
  const status = input.status ?? 'ACTIVE'
  const list = Object.values(ctx.world.ecs.taskDefinitions)
    .filter((td) => td.status === status && (!input.familyPrefix || td.family.startsWith(input.familyPrefix)))
    .sort(byFamilyThenRevision)
  if (input.sort === 'DESC') list.reverse()
  return { taskDefinitionArns: list.map((td) => td.taskDefinitionArn) }
})

export const listTaskDefinitionFamilies = handler((ctx, input: { familyPrefix?: string; status?: string }) => {
  const status = input.status ?? 'ACTIVE'
  const families = new Set<string>()
  for (const td of Object.values(ctx.world.ecs.taskDefinitions).sort(byFamilyThenRevision)) {
    if (input.familyPrefix && !td.family.startsWith(input.familyPrefix)) continue
    if (status === 'ALL' || td.status === status) families.add(td.family)
  }
  if (status === 'INACTIVE')
    for (const f of [...families]) if (Object.values(ctx.world.ecs.taskDefinitions).some((td) => td.family === f && td.status === 'ACTIVE')) families.delete(f)
  return { families: [...families] }
})

/** DeregisterTaskDefinition needs `family:revision`; the definition stays describable as INACTIVE. */
export const deregisterTaskDefinition = handler((ctx, input: { taskDefinition: string }) => {
  const ref = input.taskDefinition
  if (!ref.startsWith('arn:') && !ref.includes(':')) throw clientException('Invalid revision number. Number: ') // wording unverified
  const td = findTaskDefinition(ctx.world, ref)
  if (!td) throw unableToDescribeTaskDefinition()
  if (td.status === 'ACTIVE') {
    td.status = 'INACTIVE'
    td.deregisteredAt = ctx.now()
    ctx.log(td.taskDefinitionArn, { kind: 'resource.status', type: 'AWS::ECS::TaskDefinition', attribute: 'status', from: 'ACTIVE', to: 'INACTIVE', reason: 'deregistered: running tasks and services keep it, new ones cannot use it' })
  }
  return { taskDefinition: td }
})
