import { PRICES } from '../pricing/prices.ts'
import { billedRunMs, fargateBilledMs, fargateSize } from '../pricing/usage.ts'
import type { World } from '../world.ts'

const HOUR_MS = 3_600_000

/** One metered resource: an EC2 instance (instance-hours) or a Fargate task (vCPU-hours and GB-hours). */
export interface CostLine {
  resourceId: string
  kind: 'ec2' | 'fargate'
  /** `t3.micro`, or the task's size (`0.25 vCPU, 0.5 GB`, with `, Fargate Spot` for a FARGATE_SPOT task). */
  label: string
  /** A Fargate task on capacity provider FARGATE_SPOT, priced at Fargate Spot's rates; absent otherwise. */
  spot?: true
  /** Being billed right now (an instance running, a task between its pull and its end). */
  billing: boolean
  /** EC2: billed instance-hours. */
  instanceHours?: number
  /** Fargate: billed vCPU-hours and GB-hours. */
  vcpuHours?: number
  gbHours?: number
  usd: number
}

export interface CostMeterView {
  totalUsd: number
  ec2Usd: number
  fargateUsd: number
  ec2InstanceHours: number
  fargateVcpuHours: number
  fargateGbHours: number
  /** Most expensive first. */
  lines: CostLine[]
  /** Where the prices come from, and when they were recorded. */
  prices: { region: string; recorded: string; ec2Source: string; fargateSource: string }
}

/**
 * What the account has cost so far on the virtual clock, us-east-1 On-Demand (src/sim/pricing/prices.ts): EC2
 * instances for every second they were `running` (at least a minute per start), used or not; Fargate tasks for their
 * vCPU and memory from the image pull to the end of the task (at least a minute), only while they exist — the course
 * notes' "payment is only when your container is running", measured; FARGATE_SPOT tasks at Fargate Spot's rates. `now` is
 * the sandbox's clock (`sandbox.now()`).
 */
export function costMeter(world: Readonly<World>, now: number): CostMeterView {
  const lines: CostLine[] = []
  const pricing = world.pricing ?? { instances: {}, tasks: {} }
  for (const [id, usage] of Object.entries(pricing.instances)) {
    const ms = usage.billedMs + (usage.runningSince !== undefined ? billedRunMs(now - usage.runningSince) : 0)
    const hours = ms / HOUR_MS
    lines.push({ resourceId: id, kind: 'ec2', label: usage.instanceType, billing: usage.runningSince !== undefined, instanceHours: hours, usd: hours * (PRICES.ec2PerHour[usage.instanceType] ?? 0) })
  }
  const fargate = (resourceId: string, size: { vcpu: number; gb: number; spot?: true }, ms: number, billing: boolean) => {
    const hours = ms / HOUR_MS
    const vcpuHours = size.vcpu * hours
    const gbHours = size.gb * hours
    // Fargate Spot tasks are billed like Fargate ones, at Spot's rates (../pricing/prices.ts).
    const rate = size.spot ? PRICES.fargateSpot : PRICES.fargate
    const label = `${size.vcpu} vCPU, ${size.gb} GB${size.spot ? ', Fargate Spot' : ''}`
    lines.push({ resourceId, kind: 'fargate', label, ...(size.spot ? { spot: true as const } : {}), billing, vcpuHours, gbHours, usd: vcpuHours * rate.perVcpuHour + gbHours * rate.perGbHour })
  }
  for (const task of Object.values(world.ecs.tasks)) {
    if (pricing.tasks[task.taskArn]) continue
    const size = fargateSize(task)
    if (!size || task.pullStartedAt === undefined) continue
    fargate(task.taskArn, size, fargateBilledMs(task, now), task.lastStatus !== 'STOPPED')
  }
  for (const [arn, usage] of Object.entries(pricing.tasks)) fargate(arn, usage, usage.billedMs, false)
  lines.sort((a, b) => b.usd - a.usd || (a.resourceId < b.resourceId ? -1 : 1))
  const sum = (pick: (l: CostLine) => number | undefined) => lines.reduce((total, l) => total + (pick(l) ?? 0), 0)
  return {
    totalUsd: sum((l) => l.usd),
    ec2Usd: sum((l) => (l.kind === 'ec2' ? l.usd : 0)),
    fargateUsd: sum((l) => (l.kind === 'fargate' ? l.usd : 0)),
    ec2InstanceHours: sum((l) => l.instanceHours),
    fargateVcpuHours: sum((l) => l.vcpuHours),
    fargateGbHours: sum((l) => l.gbHours),
    lines,
    prices: { region: PRICES.region, recorded: PRICES.recorded, ec2Source: PRICES.sources.ec2, fargateSource: PRICES.sources.fargate },
  }
}
