/**
 * The Docker engine on the learner's workstation, as plain JSON (a world slice). Image layers of the catalogue are
 * named by ID and never copied here: only what the engine made (committed layers, containers' writable layers,
 * volumes' data) is stored, so a world with a thousand containers stays small.
 */

/**
 * One entry of a layer or a volume: a file with its text, a directory (`o`: opaque, hiding lower layers' contents), or
 * a whiteout (a deleted lower path). `u` is the owner's uid when it is not root (0): what a non-root process may write.
 */
export type Entry = { k: 'f'; c: string; u?: number } | { k: 'd'; o?: 1; u?: number } | { k: 'w' }

/** A read-only layer made by `docker commit` (catalogue layers are data: catalogue.ts). */
export interface StoredLayer {
  id: string
  size: number
  createdBy: string
  created: number
  /** Absolute path → entry (whiteouts included, as overlay2 keeps them in a committed layer). */
  entries: Record<string, Entry>
}

export interface ImageConfig {
  cmd: string[]
  entrypoint?: string[]
  env: string[]
  workingDir: string
  user: string
  exposedPorts: string[]
  /** What the main process is when the command is the image's own: a web server with its document root, or a shell. */
  server?: { kind: 'nginx' | 'httpd' | 'python-webapp'; port: number; documentRoot: string }
}

export interface DockerImage {
  /** `sha256:` + 64 hex. */
  id: string
  repoTags: string[]
  repoDigests: string[]
  /** Bottom first; each a catalogue layer ID or a StoredLayer ID. */
  layerIds: string[]
  created: number
  /** The image it was committed from (`docker commit`), for `docker history`. */
  parent?: string
  comment?: string
  config: ImageConfig
  /** Every instruction of a built image (`docker build`), bottom first, empty layers (ENV, CMD, …) included. */
  history?: HistoryEntry[]
}

/** One row of a built image's history: the instruction, when it ran, and the bytes its layer added (0: no layer). */
export interface HistoryEntry {
  createdBy: string
  created: number
  size: number
  emptyLayer?: boolean
  /** `buildkit.dockerfile.v0` on the rows a Dockerfile made. */
  comment?: string
}

export interface Mount {
  type: 'bind' | 'volume' | 'tmpfs'
  /** Host path (bind), volume name (volume), '' (tmpfs). */
  source: string
  destination: string
  readOnly: boolean
  /** A volume created for this container alone (`-v /data`): removed with `docker rm -v` and `--rm`. */
  anonymous?: boolean
}

export type ContainerStatus = 'created' | 'running' | 'exited'

export interface PortBinding {
  hostPort: number
  containerPort: number
  protocol: 'tcp' | 'udp'
}

export interface Container {
  id: string
  name: string
  /** The reference as typed (`nginx`), shown by `docker ps`. */
  imageRef: string
  imageId: string
  created: number
  status: ContainerStatus
  exitCode: number
  startedAt?: number
  finishedAt?: number
  path: string
  args: string[]
  env: string[]
  workingDir: string
  user: string
  /** `container:<id>`: joined another container's network namespace (an awsvpc task's containers join its pause container). */
  networkMode: 'bridge' | 'host' | 'none' | `container:${string}`
  ipAddress: string
  ports: PortBinding[]
  mounts: Mount[]
  autoRemove: boolean
  /** The writable layer: absolute path → entry. */
  upper: Record<string, Entry>
  /** tmpfs mounts' contents by destination (gone when the container stops). */
  tmpfs: Record<string, Record<string, Entry>>
  logs: string
  /** overlay2's directory name for the writable layer (64 hex). */
  graphId: string
  restartCount: number
  /**
   * `/etc/hosts` as the engine writes it for the container (its own address, and one line per legacy link), when it
   * does: the containers of ECS tasks on an instance (ecsContainers.ts). Absent: the image's own file, if any.
   */
  etcHosts?: string
}

export interface Volume {
  name: string
  created: number
  driver: 'local'
  labels: Record<string, string>
  options: Record<string, string>
  anonymous: boolean
  /** Path inside `_data` (no leading slash) → entry. */
  files: Record<string, Entry>
}

export interface DockerState {
  images: Record<string, DockerImage>
  layers: Record<string, StoredLayer>
  containers: Record<string, Container>
  volumes: Record<string, Volume>
  /** Host files outside the working folder (`-v /srv/data:/data`), and folders `-v` created there or in it. */
  hostFiles: Record<string, Entry>
  /** The next bridge address to hand out (172.17.0.x). */
  nextAddress: number
  /** `docker login`'s saved credentials by registry host (`~/.docker/config.json`'s `auths`); absent in older worlds. */
  auths?: Record<string, { username: string; password: string }>
  /** NFS servers' trees by address (`addr=`): what volumes of the local driver with `type=nfs` mount; absent until one is. */
  nfsExports?: Record<string, Record<string, Entry>>
  /**
   * Moves with every change the engine makes (absent until the first). AWS's slices are versioned by their event-log
   * entries; the engine logs none, so readers that skip a world whose versions did not move (the app's store) watch this.
   */
  revision?: number
  /** `docker context create`'s contexts by name (`~/.docker/contexts`); absent until one is made (contexts.ts). */
  contexts?: Record<string, DockerContext>
  /** `docker context use`'s choice (`~/.docker/config.json`'s `currentContext`); absent or '' means `default`. */
  currentContext?: string
  /** What the engines of EC2 instances keep beside ECS's tasks, by instance ID (instanceEngine.ts); absent until used. */
  instances?: Record<string, InstanceEngineStore>
}

/** A context made with `docker context create NAME --docker host=…` (docker/cli cli/context/store). */
export interface DockerContext {
  name: string
  description: string
  /** The Docker endpoint's `Host`, as given (`tcp://10.0.1.12:2375`). */
  host: string
}

/**
 * The part of a container instance's engine that is not a view of ECS's tasks: writable layers of ECS's containers
 * (by container ID, made by `docker exec`), the Docker volumes task definitions asked for, and containers `docker rm`
 * removed. Which containers exist, and their state, are read from the tasks every time (ecsContainers.ts).
 */
export interface InstanceEngineStore {
  uppers: Record<string, Record<string, Entry>>
  volumes: Record<string, Volume>
  /** The instance's own files that task definitions' `host.sourcePath` volumes bind (absolute path → entry). */
  hostFiles: Record<string, Entry>
  /** Container IDs `docker rm` took away (their tasks have stopped; ECS still describes them). */
  removed: string[]
}

export const emptyDockerState = (): DockerState => ({ images: {}, layers: {}, containers: {}, volumes: {}, hostFiles: {}, nextAddress: 2 })
