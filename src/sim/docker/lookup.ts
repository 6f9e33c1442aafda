import type { Container, DockerState } from './state.ts'

/* Finding a container by name or ID, apart from the engine's operations (containers.ts), so the read model (views.ts) stays light. */

/** A container by full or short ID, or by name (`web` or `/web`). */
export function findContainer(docker: DockerState, ref: string): Container | undefined {
  const name = ref.replace(/^\//, '')
  const all = Object.values(docker.containers)
  return docker.containers[ref] ?? all.find((c) => c.name === name) ?? (/^[0-9a-f]+$/.test(ref) ? all.find((c) => c.id.startsWith(ref)) : undefined)
}
