/** The Docker engine on the learner's workstation: images as layers, containers with a writable layer, mounts, volumes. */
import { containerExitTimer } from './containers.ts'
import type { TimerHandler } from '../context.ts'

export { callDocker, DOCKER_OPERATIONS } from './operations.ts'
export { DockerError, isDockerError } from './errors.ts'
export { emptyDockerState, type Container, type DockerImage, type DockerState, type Volume, type Mount, type PortBinding } from './state.ts'
export { LOOPBACK } from './serve.ts'
export { HOST_HOME, type HostFiles } from './stores.ts'
export { containerStorage, pathOrigin, type ContainerStorageView, type LayerView, type LayerFile, type MountView } from './views.ts'
export type { RunRequest, RunResult, MountRequest, Change } from './containers.ts'
export type { PullResult, HistoryRow } from './images.ts'

/** The engine's timers, by kind (a slept command ending). */
export const DOCKER_TIMERS: Readonly<Record<string, TimerHandler>> = { 'docker.container.exit': containerExitTimer }
