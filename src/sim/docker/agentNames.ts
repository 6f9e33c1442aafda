import type { TaskDefinition } from '../ecs/state.ts'
import { sha256Hex } from './digest.ts'

/**
 * The names the ECS agent gives what it makes on an instance's engine (amazon-ecs-agent agent/api/task/task.go:
 * `"ecs-" + Family + "-" + Version + "-" + name + "-" + RandHex()`, 20 hex characters), seen in the task metadata
 * endpoint's `DockerName` (`ecs-task-definition-name-1-hello-ecs-bc9c99e3ea95ea981500`). The hex part is derived
 * from what the seeded RNG already drew (the container's ID, the task's ARN), so naming draws nothing new.
 */

/** The agent's image as ecs-init runs it on the ECS-optimized AMIs. */
export const AGENT_IMAGE = 'amazon/amazon-ecs-agent:latest'
/** The pause container of awsvpc tasks (the agent's `internalecspause` container). */
export const PAUSE_IMAGE = 'amazon/amazon-ecs-pause:0.1.0'

/** `ecs-<family>-<revision>-<name>-<20 hex>` for a container whose Docker ID is `id`. */
export const agentName = (td: Pick<TaskDefinition, 'family' | 'revision'>, name: string, id: string): string => `ecs-${td.family}-${td.revision}-${name}-${sha256Hex(`name ${id}`).slice(0, 20)}`

/** The task-scoped Docker volume the agent makes for a task's volume: `ecs-<family>-<revision>-<volume>-<20 hex>`. */
export const taskVolumeName = (td: Pick<TaskDefinition, 'family' | 'revision'>, volume: string, taskArn: string): string =>
  `ecs-${td.family}-${td.revision}-${volume}-${sha256Hex(`volume ${taskArn} ${volume}`).slice(0, 20)}`
