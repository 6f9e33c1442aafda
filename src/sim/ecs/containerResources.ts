import type { ContainerInstance, Resource, Task, TaskDefinition } from './state.ts'

/**
 * A container instance's resources in the API's `Resource` shape (CPU and MEMORY as integers, PORTS and PORTS_UDP as
 * string sets) and what a task takes from them (ECS Developer Guide, task definition parameters "cpu", "memory",
 * "memoryReservation"; API `ContainerInstance.remainingResources`).
 */

export const integerResource = (name: string, value: number): Resource => ({ name, type: 'INTEGER', doubleValue: 0, longValue: 0, integerValue: value })
export const portsResource = (name: 'PORTS' | 'PORTS_UDP', ports: readonly number[]): Resource => ({
  name, type: 'STRINGSET', doubleValue: 0, longValue: 0, integerValue: 0, stringSetValue: ports.map(String),
})

/** The integer value of a resource (CPU, MEMORY) in a list. */
export function integerOf(resources: readonly Resource[], name: string): number {
  for (const r of resources) if (r.name === name) return r.integerValue
  return 0
}

/** The ports of a string-set resource (PORTS, PORTS_UDP). */
export const portsOf = (resources: readonly Resource[], name: 'PORTS' | 'PORTS_UDP'): number[] =>
  (resources.find((r) => r.name === name)?.stringSetValue ?? []).map(Number)

/** What a task reserves on its instance: CPU units and MiB. */
export interface TaskReservation {
  cpu: number
  memory: number
}

/**
 * Task-level cpu/memory when the definition has them; otherwise the containers' sum, each container counting its
 * `memoryReservation` (soft limit) when given, else its `memory` (hard limit) — "If you specify memoryReservation,
 * then that value is subtracted from the available memory resources for the container instance… Otherwise, the value
 * of memory is used" (ContainerDefinition.memory, ECS API Reference).
 */
export function taskReservation(td: TaskDefinition): TaskReservation {
  const cpu = td.cpu !== undefined ? Number(td.cpu) : td.containerDefinitions.reduce((sum, c) => sum + (c.cpu ?? 0), 0)
  const memory = td.memory !== undefined ? Number(td.memory) : td.containerDefinitions.reduce((sum, c) => sum + (c.memoryReservation ?? c.memory ?? 0), 0)
  return { cpu, memory }
}

/** Fixed host ports a task's bindings hold (dynamic ones are not "reserved ports": API PortMapping.hostPort). */
export function fixedHostPorts(td: TaskDefinition, protocol: 'tcp' | 'udp'): number[] {
  if (td.networkMode !== 'bridge' && td.networkMode !== 'host') return []
  const out: number[] = []
  for (const c of td.containerDefinitions)
    for (const p of c.portMappings) {
      if ((p.protocol ?? 'tcp') !== protocol) continue
      const host = td.networkMode === 'host' ? p.containerPort : p.hostPort
      if (host) out.push(host)
    }
  return out
}

/** Takes (sign 1) or gives back (sign −1) a task's CPU, memory and fixed ports on its instance. */
export function adjustRemaining(ci: ContainerInstance, td: TaskDefinition, sign: 1 | -1): void {
  const { cpu, memory } = taskReservation(td)
  for (const r of ci.remainingResources) {
    if (r.name === 'CPU') r.integerValue -= sign * cpu
    else if (r.name === 'MEMORY') r.integerValue -= sign * memory
    else if (r.name === 'PORTS' || r.name === 'PORTS_UDP') {
      const ports = fixedHostPorts(td, r.name === 'PORTS' ? 'tcp' : 'udp').map(String)
      if (!ports.length) continue
      const set = r.stringSetValue ?? []
      if (sign === 1) r.stringSetValue = [...set, ...ports]
      else {
        const left = [...set]
        for (const p of ports) {
          const i = left.indexOf(p)
          if (i >= 0) left.splice(i, 1)
        }
        r.stringSetValue = left
      }
    }
  }
  ci.version++
}

/** Host ports (tcp) bound by the live tasks on an instance, fixed and dynamic: what the next dynamic port must avoid. */
export function boundHostPorts(tasks: readonly Task[]): Set<number> {
  const out = new Set<number>()
  for (const t of tasks) for (const c of t.containers) for (const b of c.networkBindings) if (b.hostPort !== undefined) out.add(b.hostPort)
  return out
}
