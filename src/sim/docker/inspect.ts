import { CATALOGUE_LAYERS } from './catalogue.ts'
import { familiarName } from './images.ts'
import { imageSize } from './images.ts'
import type { Container, DockerImage, DockerState, Volume } from './state.ts'
import { volumeMountpoint } from './volumes.ts'

/** Docker's timestamps: RFC 3339 with nanoseconds (`2026-01-05T00:00:00.000000000Z`). */
export const dockerTime = (ms: number): string => `${new Date(ms).toISOString().slice(0, 19)}.${String(ms % 1000).padStart(3, '0')}000000Z`
const ZERO_TIME = '0001-01-01T00:00:00Z'

/** overlay2's directory for a layer (a hash of the chain in Docker; the layer's own hex here, stable per layer). */
const cacheDir = (layerId: string) => `/var/lib/docker/overlay2/${layerId.slice(7)}`

/** The three networks every engine has (IDs fixed: they are made at install time, not by the learner). */
export const NETWORKS = [
  { Name: 'bridge', Id: '2bd6f8b3c3e3a1d90ee6cb4c3d2f41e8a0b7c9d1e2f3a4b5c6d7e8f90a1b2c3d', Driver: 'bridge', Subnet: '172.17.0.0/16', Gateway: '172.17.0.1' },
  { Name: 'host', Id: '8f1e0f3c7d2b4a5968e7d6c5b4a39281706f5e4d3c2b1a09f8e7d6c5b4a39281', Driver: 'host' },
  { Name: 'none', Id: 'c4d5e6f708192a3b4c5d6e7f8091a2b3c4d5e6f708192a3b4c5d6e7f8091a2b3', Driver: 'null' },
] as const

/** `docker inspect <container>` (Engine API ContainerInspect, members in its order; a subset). */
export function containerInspect(docker: DockerState, c: Container) {
  const image = docker.images[c.imageId]
  const lower = [`/var/lib/docker/overlay2/${c.graphId}-init/diff`, ...[...(image?.layerIds ?? [])].reverse().map((id) => `${cacheDir(id)}/diff`)].join(':')
  const dir = `/var/lib/docker/overlay2/${c.graphId}`
  const ports: Record<string, { HostIp: string; HostPort: string }[] | null> = {}
  for (const p of image?.config.exposedPorts ?? []) ports[p] = null
  for (const p of c.ports) (ports[`${p.containerPort}/${p.protocol}`] ??= []).push({ HostIp: '0.0.0.0', HostPort: String(p.hostPort) })
  for (const key of Object.keys(ports)) if (ports[key] === null && c.status !== 'running') delete ports[key]
  const network = NETWORKS.find((n) => n.Name === c.networkMode)
  return {
    Id: c.id,
    Created: dockerTime(c.created),
    Path: c.path,
    Args: c.args,
    State: {
      Status: c.status,
      Running: c.status === 'running',
      Paused: false,
      Restarting: false,
      OOMKilled: false,
      Dead: false,
      Pid: c.status === 'running' ? 1000 + (parseInt(c.id.slice(0, 4), 16) % 30000) : 0,
      ExitCode: c.status === 'running' ? 0 : c.exitCode,
      Error: '',
      StartedAt: c.startedAt === undefined ? ZERO_TIME : dockerTime(c.startedAt),
      FinishedAt: c.finishedAt === undefined ? ZERO_TIME : dockerTime(c.finishedAt),
    },
    Image: c.imageId,
    Name: `/${c.name}`,
    RestartCount: c.restartCount,
    Driver: 'overlay2',
    Platform: 'linux',
    HostConfig: {
      Binds: c.mounts.filter((m) => m.type === 'bind').map((m) => `${m.source}:${m.destination}${m.readOnly ? ':ro' : ''}`),
      NetworkMode: c.networkMode,
      PortBindings: Object.fromEntries(c.ports.map((p) => [`${p.containerPort}/${p.protocol}`, [{ HostIp: '', HostPort: String(p.hostPort) }]])),
      AutoRemove: c.autoRemove,
    },
    GraphDriver: { Data: { LowerDir: lower, MergedDir: `${dir}/merged`, UpperDir: `${dir}/diff`, WorkDir: `${dir}/work` }, Name: 'overlay2' },
    Mounts: c.mounts.map((m) =>
      m.type === 'volume'
        ? { Type: 'volume', Name: m.source, Source: volumeMountpoint(m.source), Destination: m.destination, Driver: 'local', Mode: 'z', RW: !m.readOnly, Propagation: '' }
        : { Type: m.type, Source: m.source, Destination: m.destination, Mode: '', RW: !m.readOnly, Propagation: m.type === 'bind' ? 'rprivate' : '' },
    ),
    Config: {
      Hostname: c.id.slice(0, 12),
      User: c.user,
      ExposedPorts: Object.fromEntries((image?.config.exposedPorts ?? []).map((p) => [p, {}])),
      Env: c.env,
      Cmd: c.path === image?.config.entrypoint?.[0] ? c.args : [c.path, ...c.args],
      Image: c.imageRef,
      WorkingDir: c.workingDir === '/' ? '' : c.workingDir,
      Entrypoint: image?.config.entrypoint ?? null,
    },
    NetworkSettings: {
      Ports: ports,
      IPAddress: c.status === 'running' ? c.ipAddress : '',
      // A container in another's namespace has no network of its own (moby: its Networks are empty).
      Networks: c.networkMode.startsWith('container:') ? {} : {
        [c.networkMode]: {
          NetworkID: network?.Id ?? '',
          Gateway: c.networkMode === 'bridge' && c.status === 'running' ? '172.17.0.1' : '',
          IPAddress: c.status === 'running' ? c.ipAddress : '',
          IPPrefixLen: c.networkMode === 'bridge' && c.status === 'running' ? 16 : 0,
        },
      },
    },
  }
}

/** `docker image inspect` (Engine API ImageInspect, a subset). */
export function imageInspect(docker: DockerState, image: DockerImage) {
  return {
    Id: image.id,
    RepoTags: image.repoTags,
    RepoDigests: image.repoDigests,
    Parent: image.parent ?? '',
    Comment: image.comment ?? '',
    Created: dockerTime(image.created),
    Config: {
      ExposedPorts: image.config.exposedPorts.length ? Object.fromEntries(image.config.exposedPorts.map((p) => [p, {}])) : undefined,
      Env: image.config.env,
      Cmd: image.config.cmd,
      WorkingDir: image.config.workingDir === '/' ? '' : image.config.workingDir,
      Entrypoint: image.config.entrypoint ?? null,
      User: image.config.user,
    },
    Architecture: 'amd64',
    Os: 'linux',
    Size: imageSize(docker, image),
    GraphDriver: {
      Data: {
        LowerDir: image.layerIds.slice(0, -1).reverse().map((id) => `${cacheDir(id)}/diff`).join(':') || undefined,
        MergedDir: `${cacheDir(image.layerIds.at(-1) ?? 'sha256:')}/merged`,
        UpperDir: `${cacheDir(image.layerIds.at(-1) ?? 'sha256:')}/diff`,
        WorkDir: `${cacheDir(image.layerIds.at(-1) ?? 'sha256:')}/work`,
      },
      Name: 'overlay2',
    },
    RootFS: { Type: 'layers', Layers: image.layerIds.map((id) => (CATALOGUE_LAYERS.has(id) ? id : id)) },
  }
}

export function volumeInspect(v: Volume) {
  return { CreatedAt: dockerTime(v.created).replace(/\.\d+Z$/, 'Z'), Driver: v.driver, Labels: v.labels, Mountpoint: volumeMountpoint(v.name), Name: v.name, Options: v.options, Scope: 'local' }
}

export function networkInspect(docker: DockerState, name: string) {
  const n = NETWORKS.find((x) => x.Name === name || x.Id.startsWith(name))
  if (!n) return undefined
  const containers: Record<string, { Name: string; IPv4Address: string }> = {}
  for (const c of Object.values(docker.containers))
    if (c.networkMode === n.Name && c.status === 'running') containers[c.id] = { Name: c.name, IPv4Address: n.Name === 'bridge' ? `${c.ipAddress}/16` : '' }
  return {
    Name: n.Name,
    Id: n.Id,
    Created: '2026-01-05T00:00:00.000000000Z',
    Scope: 'local',
    Driver: n.Driver,
    EnableIPv6: false,
    IPAM: { Driver: 'default', Options: null, Config: 'Subnet' in n ? [{ Subnet: n.Subnet, Gateway: n.Gateway }] : [] },
    Internal: false,
    Attachable: false,
    Containers: containers,
    Options: n.Name === 'bridge' ? { 'com.docker.network.bridge.default_bridge': 'true', 'com.docker.network.bridge.name': 'docker0' } : {},
    Labels: {},
  }
}

export { familiarName }
