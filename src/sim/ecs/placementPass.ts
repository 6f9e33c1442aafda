import type { World } from '../world.ts'
import { attributeOf, liveTasksOn } from './containerInstances.ts'
import { boundHostPorts } from './containerResources.ts'
import type { ContainerInstance, Resource, Task } from './state.ts'

/**
 * What placing one task of a group reads, kept for a pass that places several of them (a service scheduler's pass of
 * 1,000 tasks): the cluster's container instances (numbered), their attribute values, the group's live tasks per
 * instance and the host ports bound on each instance. Within a pass the scheduler only appends the tasks it creates
 * to the group's list, creating a task never stops another and no instance joins or leaves, so bringing these up to
 * date from the tasks appended since the last placement gives the same answers as reading the world again — without
 * reading every task of the group and of each instance for each placement (`npm run bench`: ecsEc2.bench.test.ts).
 */
export class PlacementPass {
  /** The cluster's container instances (every status), in the world's order; their position is their number. */
  readonly instances: readonly ContainerInstance[]
  /** The group's live tasks on each instance, by number. */
  readonly groupCounts: number[]
  private readonly numbers = new Map<string, number>()
  /** Live group tasks on instances outside the cluster's list (none in practice; kept so that nothing is lost). */
  private readonly elsewhere = new Map<string, number>()
  private readonly tasks: readonly Task[]
  private counted = 0
  private readonly values = new Map<string, { ids: number[]; values: Map<string, number> }>()
  private readonly resources = new Map<string, (Resource | undefined)[]>()
  private readonly ports: (Set<number> | undefined)[] = []
  /** The group's live tasks per value of an attribute (spread), kept up to date by `update`. */
  private readonly spread = new Map<string, number[]>()
  /** Instances whose tasks changed since the last `takeChanged` (their resources and counts moved). */
  private changed = new Set<number>()
  /** The cheap checks' verdict per instance for one kind of request (see chooseHost), reused while it stays the same. */
  memo?: { key: readonly unknown[]; verdicts: (string | undefined)[]; subnets: (string | undefined)[]; fits: number[] }
  /** The reserved ports of an instance's PORTS resource, by the array they were read from (replaced when it changes). */
  private readonly reserved = new WeakMap<readonly string[], ReadonlySet<number>>()
  private readonly world: Readonly<World>

  /** `groupTasks`: the group's tasks so far; the pass sees what is appended to this list later. */
  constructor(world: Readonly<World>, clusterArn: string, groupTasks: readonly Task[]) {
    const prefix = `${clusterArn.replace(':cluster/', ':container-instance/')}/`
    this.instances = Object.values(world.ecs.containerInstances).filter((ci) => ci.containerInstanceArn.startsWith(prefix))
    this.instances.forEach((ci, i) => this.numbers.set(ci.containerInstanceArn, i))
    this.groupCounts = this.instances.map(() => 0)
    this.tasks = groupTasks
    this.world = world
  }

  /** The instances whose tasks changed since the last call (then forgotten). */
  takeChanged(): ReadonlySet<number> {
    const out = this.changed
    this.changed = new Set()
    return out
  }

  /** The ports an instance's PORTS (or PORTS_UDP) resource reserves, as numbers. Do not change the set. */
  reservedPorts(n: number, name: 'PORTS' | 'PORTS_UDP'): ReadonlySet<number> {
    const list = this.instances[n].remainingResources.find((r) => r.name === name)?.stringSetValue ?? []
    let set = this.reserved.get(list)
    if (!set) this.reserved.set(list, (set = new Set(list.map(Number))))
    return set
  }

  /** Counts the group's tasks appended to its list since the last call. */
  update(): void {
    for (; this.counted < this.tasks.length; this.counted++) {
      const t = this.tasks[this.counted]
      const ciArn = t.containerInstanceArn
      if (!ciArn || t.lastStatus === 'STOPPED' || t.desiredStatus === 'STOPPED') continue
      const n = this.numbers.get(ciArn)
      if (n === undefined) {
        this.elsewhere.set(ciArn, (this.elsewhere.get(ciArn) ?? 0) + 1)
        const ci = this.world.ecs.containerInstances[ciArn]
        for (const [name, perValue] of this.spread) {
          const id = ci ? this.numbered(name).values.get(attributeOf(ci, name) ?? '') : undefined
          if (id !== undefined) perValue[id]++
        }
        continue
      }
      this.groupCounts[n]++
      this.changed.add(n)
      for (const [name, perValue] of this.spread) perValue[this.numbered(name).ids[n]]++
      // A task placed during the pass binds its ports on its instance.
      const bound = this.ports[n]
      if (bound) for (const c of t.containers) for (const b of c.networkBindings) if (b.hostPort !== undefined) bound.add(b.hostPort)
    }
  }

  /** The group's live tasks on each fitting instance's value of an attribute (e.g. on its Availability Zone). */
  spreadCounts(world: Readonly<World>, name: string, fits: readonly number[]): number[] {
    const { ids, values } = this.numbered(name)
    let perValue = this.spread.get(name)
    if (!perValue) {
      perValue = new Array<number>(values.size).fill(0)
      for (let n = 0; n < this.groupCounts.length; n++) if (this.groupCounts[n]) perValue[ids[n]] += this.groupCounts[n]
      for (const [ciArn, count] of this.elsewhere) {
        const ci = world.ecs.containerInstances[ciArn]
        const id = ci ? values.get(attributeOf(ci, name) ?? '') : undefined
        if (id !== undefined) perValue[id] += count
      }
      this.spread.set(name, perValue)
    }
    const out = new Array<number>(fits.length)
    for (let i = 0; i < fits.length; i++) out[i] = perValue[ids[fits[i]]]
    return out
  }

  /** Each instance's value of an attribute as a number (same value, same number; no value counts as ''). */
  private numbered(name: string): { ids: number[]; values: Map<string, number> } {
    let out = this.values.get(name)
    if (!out) {
      const values = new Map<string, number>()
      const ids = this.instances.map((ci) => {
        const v = attributeOf(ci, name) ?? ''
        let id = values.get(v)
        if (id === undefined) values.set(v, (id = values.size))
        return id
      })
      this.values.set(name, (out = { ids, values }))
    }
    return out
  }

  /** An attribute's value on instance `n` (attributes do not change during a pass). */
  attribute(n: number, name: string): string | undefined {
    return attributeOf(this.instances[n], name)
  }

  /**
   * Each instance's remaining resource of that name (CPU, MEMORY), by number: the world's own objects, which placing
   * a task changes in place (containerResources.ts adjustRemaining), so their value is always current.
   */
  remaining(name: string): readonly (Resource | undefined)[] {
    let refs = this.resources.get(name)
    if (!refs) this.resources.set(name, (refs = this.instances.map((ci) => ci.remainingResources.find((r) => r.name === name))))
    return refs
  }

  /** The host ports (tcp) bound by the live tasks on instance `n`, fixed and dynamic. Do not change the set. */
  boundPorts(world: Readonly<World>, n: number): ReadonlySet<number> {
    return (this.ports[n] ??= boundHostPorts(liveTasksOn(world, this.instances[n].containerInstanceArn)))
  }
}
