import type { World } from '../world.ts'
import { hostOf } from './containerInstances.ts'
import { adjustRemaining } from './containerResources.ts'
import { DOCKER0 } from './hostFacts.ts'
import type { ContainerInstance, Task, TaskDefinition } from './state.ts'

/**
 * A task on its container instance: what it takes from the instance when placed (CPU, memory, fixed ports; a
 * docker0 address per container in bridge mode) and gives back when it has STOPPED (ECS releases resources then:
 * task-lifecycle.html).
 */
export function placeOnHost(world: World, task: Task, td: TaskDefinition, ci: ContainerInstance): void {
  const host = hostOf(world, ci.containerInstanceArn)
  host.taskArns.push(task.taskArn)
  adjustRemaining(ci, td, 1)
  if (td.networkMode !== 'bridge') return
  // Docker hands out the lowest free address of 172.17.0.0/16 (docker0 is .1). The lowest free ones are among the
  // first (addresses in use + this task's containers), so only those are marked: no set of strings for each new task
  // on an instance of 64 bridge tasks.
  // The addresses in use are those of the instance's tasks (`bridgeIps` is kept with `taskArns`: both change together
  // here and in releaseFromHost): read through the list rather than by enumerating the keys of `bridgeIps`.
  const used: number[] = []
  for (const taskArn of host.taskArns) {
    const ips = host.bridgeIps[taskArn]
    if (ips) for (const name in ips) used.push(bridgeNumber(ips[name]) - DOCKER0.firstHost)
  }
  const taken = new Uint8Array(used.length + task.containers.length)
  for (const k of used) if (k >= 0 && k < taken.length) taken[k] = 1
  const mine: Record<string, string> = {}
  let k = 0
  for (const c of task.containers) {
    while (taken[k]) k++
    taken[k] = 1
    mine[c.name] = bridgeAddress(DOCKER0.firstHost + k)
  }
  host.bridgeIps[task.taskArn] = mine
}

const bridgeAddress = (n: number) => `172.17.${Math.floor(n / 256)}.${n % 256}`

/** The host number of a 172.17.x.y address (x × 256 + y). */
function bridgeNumber(ip: string): number {
  const last = ip.lastIndexOf('.')
  const third = ip.lastIndexOf('.', last - 1)
  return Number(ip.slice(third + 1, last)) * 256 + Number(ip.slice(last + 1))
}

/** The STOPPED task leaves its instance: resources, ports and docker0 addresses are free again. */
export function releaseFromHost(world: World, task: Task): void {
  const ciArn = task.containerInstanceArn
  const host = ciArn ? world.ecs.hosts[ciArn] : undefined
  if (!ciArn || !host) return
  const i = host.taskArns.indexOf(task.taskArn)
  if (i < 0) return
  host.taskArns.splice(i, 1)
  delete host.bridgeIps[task.taskArn]
  const ci = world.ecs.containerInstances[ciArn]
  const td = world.ecs.taskDefinitions[task.taskDefinitionArn]
  if (ci && td) adjustRemaining(ci, td, -1)
}
