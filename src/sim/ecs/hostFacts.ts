import type { InstanceTypeFacts } from '../ec2/index.ts'

/**
 * Facts about an EC2 container instance as ECS sees it, as data with their sources (fidelity §2.9, §3.5).
 */

/** Ports every container instance registers as taken: SSH, the Docker daemon, the agent's introspection and metadata. */
export const RESERVED_PORTS: readonly number[] = [22, 2376, 2375, 51678, 51679]

/**
 * Where dynamic host ports come from: the kernel's `ip_local_port_range`, "such as 32768 to 61000 on the latest
 * Amazon ECS-optimized AMI" (ECS Developer Guide, load-balancer-types.html; fidelity §2.9).
 */
export const EPHEMERAL_PORTS = { from: 32768, to: 61000 } as const

/** Docker's bridge network on every instance (docker0, 172.17.0.1/16): containers get 172.17.0.2 upwards. */
export const DOCKER0 = { gateway: '172.17.0.1', firstHost: 2 } as const

/**
 * The memory the kernel and platform keep before the agent measures it: the agent registers what the OS reports
 * (ECS Developer Guide, memory-management.html: an m4.large's 8 GiB registers 7985 MiB; a t2.micro's 1 GiB ~983 MiB
 * [seen]). Modelled as 2.5 % + 16 MiB, which gives 7971 and 982 for those two. ECS_RESERVED_MEMORY comes on top.
 */
export const osReservedMiB = (memoryMiB: number): number => Math.ceil(memoryMiB * 0.025) + 16

/**
 * awsvpc tasks one instance can run: one ENI each, besides the instance's primary ENI (max ENIs − 1); with
 * `awsvpcTrunking` on a type that supports it, the trunk's limit (ECS Developer Guide container-instance-eni.md
 * "Task limit with ENI trunking": c5.large/m5.large/r5.large 10, xlarge 20; fidelity §2.9/§3.5). Types missing from
 * that table get 10 per 2 vCPU, the pattern the table follows.
 */
const TRUNKED_TASKS: Readonly<Record<string, number>> = { 'c5.large': 10, 'm5.large': 10, 'r5.large': 10, 'm6i.large': 10, 'c6g.large': 10, 'c5.xlarge': 20, 'm5.xlarge': 20 }

export function awsvpcTaskLimit(type: string, facts: InstanceTypeFacts, trunking: boolean): number {
  if (trunking && facts.trunking) return TRUNKED_TASKS[type] ?? facts.vCpus * 5
  return facts.maxEnis - 1
}
