import type { Task } from '../ecs/state.ts'
import { PRICES } from './prices.ts'

/** Billed time of one EC2 run of `ms`: per second, at least the minimum. */
export const billedRunMs = (ms: number) => Math.max(PRICES.ec2MinimumMs, Math.ceil(ms / 1000) * 1000)

/**
 * A Fargate task's billed size: task-level cpu units / 1024 vCPU, memory MiB / 1024 GB, and whether it runs on Fargate
 * Spot (capacity provider FARGATE_SPOT: a Fargate task at the Spot price); undefined for other launch types.
 */
export function fargateSize(task: Task): { vcpu: number; gb: number; spot?: true } | undefined {
  if (task.launchType !== 'FARGATE') return undefined
  return { vcpu: Number(task.cpu ?? 0) / 1024, gb: Number(task.memory ?? 0) / 1024, ...(task.capacityProviderName === 'FARGATE_SPOT' ? { spot: true as const } : {}) }
}

/** From the image pull to the task's end (or `now`), per second, at least a minute; zero before the pull starts. */
export function fargateBilledMs(task: Task, now: number): number {
  if (task.pullStartedAt === undefined) return 0
  const end = task.stoppedAt ?? task.executionStoppedAt ?? now
  return Math.max(PRICES.fargateMinimumMs, Math.ceil(Math.max(0, end - task.pullStartedAt) / 1000) * 1000)
}
