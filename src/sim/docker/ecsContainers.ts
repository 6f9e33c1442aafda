import type { World } from '../world.ts'
import type { Task, TaskDefinition } from '../ecs/state.ts'
import { TIMINGS } from '../ecs/timings.ts'
import { resolveImage } from '../runtime/resolveImage.ts'
import { CATALOGUE, CATALOGUE_LAYERS, findInCatalogue } from './catalogue.ts'
import { sha256Hex } from './digest.ts'
import { AGENT_IMAGE, agentName, PAUSE_IMAGE, taskVolumeName } from './agentNames.ts'
import { dockerTime } from './inspect.ts'
import { etcHostsOf } from './links.ts'
import { parseReference } from './images.ts'
import type { Container, DockerImage, DockerState, InstanceEngineStore, Mount, Volume } from './state.ts'

/**
 * A container instance's Docker engine, read from ECS: the agent's own container and the containers the agent made for
 * each task placed on the instance. Nothing here is a second copy of a container: every call reads the tasks
 * (`world.ecs`) again, so `docker ps` on the host and `aws ecs describe-tasks` cannot disagree. Only what ECS does
 * not keep lives in the instance's store (writable layers, Docker volumes, removed containers: state.ts).
 *
 * Names are the agent's (agentNames.ts); a container's ID is the task container's `runtimeId`, drawn from the seeded
 * RNG when the task started its containers.
 */

/** The engine's store of an instance (empty when nothing was written yet). */
export const storeOf = (docker: DockerState, instanceId: string): InstanceEngineStore | undefined => docker.instances?.[instanceId]

/** The store, made when first needed (through the world given, so an atomic call can take it back). */
export function ensureStore(docker: DockerState, instanceId: string): InstanceEngineStore {
  docker.instances ??= {}
  return (docker.instances[instanceId] ??= { uppers: {}, volumes: {}, hostFiles: {}, removed: [] })
}

/** The tasks ECS placed on the instance, live and stopped (stopped ones until ECS forgets them), oldest first. */
export function tasksOnInstance(world: World, instanceId: string): Task[] {
  const arns = new Set(Object.values(world.ecs.containerInstances).filter((ci) => ci.ec2InstanceId === instanceId).map((ci) => ci.containerInstanceArn))
  if (arns.size === 0) return []
  return Object.values(world.ecs.tasks).filter((t) => t.containerInstanceArn !== undefined && arns.has(t.containerInstanceArn))
}

/** The engine of an instance as a DockerState: its images, ECS's containers, its volumes. */
export function instanceDocker(world: World, instanceId: string): DockerState {
  const store = storeOf(world.docker, instanceId)
  const images: Record<string, DockerImage> = {}
  const containers: Record<string, Container> = {}
  const removed = new Set(store?.removed ?? [])
  const add = (c: Container) => {
    if (!removed.has(c.id)) containers[c.id] = c
  }
  const agent = world.ecs.agents[instanceId]
  if (agent && agent.state !== 'starting') add(agentContainer(world, instanceId, images))
  for (const task of tasksOnInstance(world, instanceId)) for (const c of taskContainers(world, task, images, store)) add(c)
  return {
    images,
    // The workstation's stored layers, read only: images pushed from it to ECR run here with their files.
    layers: world.docker.layers,
    containers,
    volumes: store?.volumes ?? {},
    hostFiles: store?.hostFiles ?? {},
    nextAddress: 2,
    ...(world.docker.nfsExports ? { nfsExports: world.docker.nfsExports } : {}),
  }
}

const PATH_ENV = 'PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin'

/**
 * The image an ECS image reference runs on the instance, with the layers the engine has files for: a catalogue image
 * (Docker Hub's, the course app), or an image the learner built and pushed to ECR (its layers are the workstation's
 * stored layers, its config the workstation image that was pushed). The agent's and pause images have no files here.
 */
export function engineImageOf(world: World, ref: string): Omit<DockerImage, 'repoTags'> {
  const { repository, tag } = parseReference(ref)
  const spec = resolveImage(world, ref)
  const known = (spec && CATALOGUE.find((i) => i.digest === spec.digest)) ?? findInCatalogue(repository, tag)
  const repoDigests = spec ? [`${repository}@${spec.digest}`] : []
  if (known) return { id: known.id, repoDigests, layerIds: known.layers.map((l) => l.id), created: known.created, config: structuredClone(known.config) }
  const pushed = spec && Object.values(world.docker.images).find((i) => i.repoDigests.some((d) => d.endsWith(`@${spec.digest}`)))
  const layerIds = (spec?.layers ?? []).map((l) => l.digest).filter((id) => CATALOGUE_LAYERS.has(id) || Object.hasOwn(world.docker.layers, id))
  const config: DockerImage['config'] = pushed
    ? // A copy by value (the world may be the journal's view, which structuredClone cannot copy).
      (JSON.parse(JSON.stringify(pushed.config)) as DockerImage['config'])
    : { cmd: ref === AGENT_IMAGE ? [] : ['/pause'], ...(ref === AGENT_IMAGE ? { entrypoint: ['/agent'] } : {}), env: [PATH_ENV], workingDir: '/', user: '', exposedPorts: [] }
  return { id: pushed?.id ?? `sha256:${sha256Hex(`image ${spec?.digest ?? ref}`)}`, repoDigests, layerIds, created: pushed?.created ?? 0, config }
}

function imageFor(world: World, ref: string, images: Record<string, DockerImage>): DockerImage {
  const image = engineImageOf(world, ref)
  images[image.id] ??= { ...image, repoTags: [ref.includes(':') && ref.lastIndexOf(':') > ref.lastIndexOf('/') ? ref : `${ref}:latest`] }
  return images[image.id]
}

const BASE = { autoRemove: false, tmpfs: {}, restartCount: 0, upper: {} as Container['upper'] }

/** The agent's own container (ecs-init: `--net=host`, the Docker socket, its log and data folders bound in). */
function agentContainer(world: World, instanceId: string, images: Record<string, DockerImage>): Container {
  const agent = world.ecs.agents[instanceId]
  const image = imageFor(world, AGENT_IMAGE, images)
  const id = sha256Hex(`ecs-agent ${instanceId}`)
  const instance = world.ec2.instances[instanceId]
  // ecs-init starts the agent's container once the instance has booted (agent.ts schedules it after agentStartMs).
  const created = (instance?.LaunchTime ?? 0) + TIMINGS.agentStartMs
  const running = agent.state === 'registered' || agent.state === 'failing'
  const bind = (source: string, destination: string): Mount => ({ type: 'bind', source, destination, readOnly: false })
  return {
    ...BASE,
    id,
    name: 'ecs-agent',
    imageRef: AGENT_IMAGE,
    imageId: image.id,
    created,
    status: running ? 'running' : 'exited',
    exitCode: running ? 0 : 143,
    startedAt: created,
    path: '/agent',
    args: [],
    env: [`ECS_CLUSTER=${agent.cluster}`, 'ECS_DATADIR=/data', 'ECS_LOGFILE=/log/ecs-agent.log', 'ECS_AVAILABLE_LOGGING_DRIVERS=["json-file","awslogs","none"]', ...image.config.env],
    workingDir: '/',
    user: '',
    networkMode: 'host',
    ipAddress: '',
    ports: [],
    mounts: [bind('/var/run/docker.sock', '/var/run/docker.sock'), bind('/var/log/ecs', '/log'), bind('/var/lib/ecs/data', '/data')],
    logs: agent.log.map((l) => `level=${l.level} time=${dockerTime(l.at).replace(/\.\d+Z$/, 'Z')} msg="${l.msg.replace(/"/g, '\\"')}"\n`).join(''),
    graphId: sha256Hex(`graph ${id}`),
  }
}

/** nginx's and httpd's first log lines (the workstation engine prints the same: containers.ts). */
const SERVER_LOG: Record<string, string> = {
  nginx: '/docker-entrypoint.sh: Configuration complete; ready for start up\n',
  httpd: "AH00558: httpd: Could not reliably determine the server's fully qualified domain name, using 172.17.0.2. Set the 'ServerName' directive globally to suppress this message\n",
}

interface MountPointDef {
  sourceVolume?: string
  containerPath?: string
  readOnly?: boolean
}

/** A task's containers as the engine lists them: the ones the agent created (they have a `runtimeId`). */
function taskContainers(world: World, task: Task, images: Record<string, DockerImage>, store: InstanceEngineStore | undefined): Container[] {
  const td = world.ecs.taskDefinitions[task.taskDefinitionArn]
  if (!td) return []
  const out: Container[] = []
  const bridgeIps = task.containerInstanceArn ? world.ecs.hosts[task.containerInstanceArn]?.bridgeIps[task.taskArn] : undefined
  const created = task.pullStoppedAt ?? task.createdAt
  const finished = task.executionStoppedAt ?? task.stoppedAt
  const started = task.containers.some((c) => c.runtimeId)
  const pauseId = sha256Hex(`pause ${task.taskArn}`)
  const mode: Container['networkMode'] = td.networkMode === 'awsvpc' ? `container:${pauseId}` : td.networkMode
  if (td.networkMode === 'awsvpc' && started) {
    // The pause container holds the task's ENI network namespace; the task's containers join it.
    const image = imageFor(world, PAUSE_IMAGE, images)
    const id = pauseId
    const stopped = task.lastStatus === 'STOPPED' || task.lastStatus === 'DEPROVISIONING'
    out.push({
      ...BASE,
      id,
      name: agentName(td, 'internalecspause', id),
      imageRef: PAUSE_IMAGE,
      imageId: image.id,
      created: created - 1000,
      status: stopped ? 'exited' : 'running',
      exitCode: 0,
      startedAt: created - 1000,
      ...(stopped && finished !== undefined ? { finishedAt: finished } : {}),
      path: './pause',
      args: [],
      env: [],
      workingDir: '/',
      user: '',
      networkMode: 'none',
      ipAddress: '',
      ports: [],
      mounts: [],
      logs: '',
      graphId: sha256Hex(`graph ${id}`),
    })
  }
  for (const c of task.containers) {
    if (!c.runtimeId) continue
    const def = td.containerDefinitions.find((d) => d.name === c.name)
    const image = imageFor(world, c.image, images)
    const override = task.overrides.containerOverrides.find((o) => o.name === c.name)
    const command = override?.command ?? def?.command ?? image.config.cmd
    const entrypoint = def?.entryPoint ?? image.config.entrypoint
    const argv = entrypoint ? [...entrypoint, ...command] : command
    const running = c.lastStatus === 'RUNNING'
    const env = [...image.config.env, ...(def?.environment ?? []).map((e) => `${e.name}=${e.value}`), ...(override?.environment ?? []).map((e) => `${e.name}=${e.value}`)]
    const own = [...(image.config.entrypoint ?? []), ...image.config.cmd].join('\u0000') === argv.join('\u0000')
    out.push({
      ...BASE,
      id: c.runtimeId,
      name: agentName(td, c.name, c.runtimeId),
      imageRef: c.image,
      imageId: image.id,
      created,
      status: running ? 'running' : c.lastStatus === 'STOPPED' ? 'exited' : 'created',
      exitCode: c.exitCode ?? 0,
      startedAt: task.startedAt ?? created,
      ...(c.lastStatus === 'STOPPED' && finished !== undefined ? { finishedAt: finished } : {}),
      path: argv[0] ?? '',
      args: argv.slice(1),
      env,
      workingDir: (def?.workingDirectory as string | undefined) ?? image.config.workingDir,
      user: (def?.user as string | undefined) ?? image.config.user,
      networkMode: mode,
      ipAddress: (running && bridgeIps?.[c.name]) || '',
      // The host ports ECS reports in networkBindings are the ones Docker published (one source: the task).
      ports: mode === 'bridge' ? c.networkBindings.map((b) => ({ hostPort: b.hostPort ?? 0, containerPort: b.containerPort ?? 0, protocol: b.protocol ?? 'tcp' })) : [],
      mounts: mountsOf(td, task, def?.mountPoints as MountPointDef[] | undefined, store?.volumes),
      upper: store?.uppers[c.runtimeId] ?? {},
      logs: own && image.config.server ? (SERVER_LOG[image.config.server.kind] ?? '') : '',
      graphId: sha256Hex(`graph ${c.runtimeId}`),
      ...(mode === 'bridge' && running ? { etcHosts: etcHostsOf(td, task, c.name, bridgeIps ?? {}) } : {}),
    })
  }
  return out
}

/** A container's mount points: task volumes become the engine's volumes (task scope: the task's own; shared: by name). */
function mountsOf(td: TaskDefinition, task: Task, mountPoints: MountPointDef[] | undefined, volumes: Record<string, Volume> | undefined): Mount[] {
  const out: Mount[] = []
  for (const m of mountPoints ?? []) {
    const volume = (td.volumes as { name?: string; host?: { sourcePath?: string }; dockerVolumeConfiguration?: { scope?: string } }[]).find((v) => v.name === m.sourceVolume)
    if (!volume || !m.containerPath) continue
    const readOnly = m.readOnly ?? false
    if (volume.dockerVolumeConfiguration) {
      const name = volume.dockerVolumeConfiguration.scope === 'shared' ? volume.name! : taskVolumeName(td, volume.name!, task.taskArn)
      if (volumes?.[name]) out.push({ type: 'volume', source: name, destination: m.containerPath, readOnly })
    } else if (volume.host?.sourcePath) out.push({ type: 'bind', source: volume.host.sourcePath, destination: m.containerPath, readOnly })
  }
  return out
}
