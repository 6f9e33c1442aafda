import type { SimContext } from '../context.ts'
import { taskVolumeName } from '../docker/agentNames.ts'
import { engineImageOf, ensureStore } from '../docker/ecsContainers.ts'
import { layerEntries } from '../docker/layers.ts'
import { invalidOption, mountFailure, nfsExport, openExport } from '../docker/nfs.ts'
import type { Volume } from '../docker/state.ts'
import { volumeMountpoint } from '../docker/volumes.ts'
import type { Task } from './state.ts'
import type { TaskVolume } from './taskVolumes.ts'

/**
 * `dockerVolumeConfiguration` volumes on the task's container instance, as the ECS agent handles them when it takes
 * the task (amazon-ecs-agent agent/api/task/task.go, initializeDockerVolumes): a `task`-scoped volume is created for
 * this task alone, named `ecs-<family>-<revision>-<volume>-<20 hex>` (task.volumeName), and removed when the task
 * stops; a `shared` volume keeps the volume's name and outlives the task: with `autoprovision` it is created when
 * missing, without it it must exist already, or the task fails with the agent's ResourceInitializationError. Driver
 * `local` with `type=nfs` options mounts the simulated NFS export (../docker/nfs.ts), as on the workstation.
 */

type Config = NonNullable<TaskVolume['dockerVolumeConfiguration']>

const volumesOf = (ctx: SimContext, task: Task): (TaskVolume & { dockerVolumeConfiguration: Config })[] => {
  const td = ctx.world.ecs.taskDefinitions[task.taskDefinitionArn]
  return ((td?.volumes ?? []) as TaskVolume[]).filter((v): v is TaskVolume & { dockerVolumeConfiguration: Config } => v.dockerVolumeConfiguration !== undefined)
}

const instanceOf = (ctx: SimContext, task: Task): string | undefined =>
  task.containerInstanceArn ? ctx.world.ecs.containerInstances[task.containerInstanceArn]?.ec2InstanceId : undefined

/**
 * Creates the task's Docker volumes on its instance, or says why the agent could not (the task's stoppedReason):
 * everything is checked before anything is created. agent/api/errors ResourceInitError: "resource cannot be
 * initialized for task <arn>: <cause>"; the causes are task.go's own words (the daemon's part after them unverified).
 */
export function provisionDockerVolumes(ctx: SimContext, task: Task): string | undefined {
  const volumes = volumesOf(ctx, task)
  const instanceId = instanceOf(ctx, task)
  if (!volumes.length || !instanceId) return undefined
  const td = ctx.world.ecs.taskDefinitions[task.taskDefinitionArn]
  const store = ensureStore(ctx.world.docker, instanceId)
  const failed = (cause: string) => `resource cannot be initialized for task ${task.taskArn}: ${cause}`
  const plan: { volume: Volume; source: string }[] = []
  for (const v of volumes) {
    const config = v.dockerVolumeConfiguration
    const shared = config.scope === 'shared'
    const name = shared ? v.name! : taskVolumeName(td, v.name!, task.taskArn)
    if (shared && Object.hasOwn(store.volumes, name)) continue
    if (shared && !config.autoprovision)
      return failed(`initialize volume: volume detection failed, volume '${name}' does not exist and autoprovision is set to false: Error response from daemon: get ${name}: no such volume`)
    const driver = config.driver ?? 'local'
    if (driver !== 'local') return failed(`create volume: Error response from daemon: create ${name}: error looking up volume plugin ${driver}: plugin "${driver}" not found`)
    const options = { ...(config.driverOpts ?? {}) }
    const refused = invalidOption(options)
    if (refused) return failed(`create volume: Error response from daemon: create ${name}: ${refused}`)
    const volume: Volume = { name, created: ctx.now(), driver: 'local', labels: { ...(config.labels ?? {}) }, options, anonymous: false, files: {} }
    const mount = mountFailure(volume, volumeMountpoint(name))
    if (mount) return failed(`Error response from daemon: ${mount.message}`)
    plan.push({ volume, source: v.name! })
  }
  for (const { volume, source } of plan) {
    store.volumes[volume.name] = volume
    openExport(ctx.world.docker, volume)
    if (!nfsExport(volume)) copyImageFiles(ctx, task, source, volume)
  }
  return undefined
}

/**
 * A new, empty volume is filled with what the image has at the mount point, when a container mounting it is created
 * (https://docs.docker.com/engine/storage/volumes/, "Populate a volume using a container"): the first container of
 * the task that mounts it decides.
 */
function copyImageFiles(ctx: SimContext, task: Task, sourceVolume: string, volume: Volume): void {
  const td = ctx.world.ecs.taskDefinitions[task.taskDefinitionArn]
  for (const def of td?.containerDefinitions ?? []) {
    const mount = (def.mountPoints as { sourceVolume?: string; containerPath?: string }[]).find((m) => m.sourceVolume === sourceVolume && m.containerPath)
    if (!mount) continue
    const root = mount.containerPath!.replace(/\/+$/, '')
    for (const layerId of engineImageOf(ctx.world, def.image).layerIds)
      for (const [path, entry] of Object.entries(layerEntries(ctx.world.docker, layerId))) {
        if (!path.startsWith(`${root}/`)) continue
        const rel = path.slice(root.length + 1)
        if (entry.k === 'w') delete volume.files[rel]
        else volume.files[rel] = { ...entry }
      }
    return
  }
}

/** The task has stopped: its task-scoped volumes go with it (shared ones stay on the instance). */
export function removeTaskVolumes(ctx: SimContext, task: Task): void {
  const instanceId = instanceOf(ctx, task)
  const store = instanceId ? ctx.world.docker.instances?.[instanceId] : undefined
  const td = ctx.world.ecs.taskDefinitions[task.taskDefinitionArn]
  if (!store || !td) return
  for (const v of volumesOf(ctx, task)) if (v.dockerVolumeConfiguration.scope !== 'shared') delete store.volumes[taskVolumeName(td, v.name!, task.taskArn)]
}
