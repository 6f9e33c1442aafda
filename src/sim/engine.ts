import { AwsError, appendLog, Rng, Scheduler, type RngState, type SchedulerState } from './core/index.ts'
import type { ServiceSim, SimContext } from './context.ts'
import type { World } from './world.ts'
import { callOperation } from './protocol/index.ts'
import { SERVICES } from './services.ts'

/** The simulation's whole mutable state: plain JSON, so it snapshots and resumes exactly. */
export interface SimState {
  /** Virtual time, epoch ms. */
  now: number
  rng: RngState
  scheduler: SchedulerState
  world: World
}

/**
 * Runs the simulated account: operations in, responses out, and the virtual clock.
 * The state object is owned by the caller (the sandbox) and mutated in place.
 */
export class Simulation {
  readonly state: SimState
  private readonly rng: Rng
  private readonly scheduler: Scheduler
  private readonly ctx: SimContext
  private readonly services: Readonly<Record<string, ServiceSim>>

  constructor(state: SimState, services: Readonly<Record<string, ServiceSim>> = SERVICES) {
    this.state = state
    this.services = services
    this.rng = new Rng(state.rng)
    this.scheduler = new Scheduler(state.scheduler)
    this.ctx = {
      world: state.world,
      rng: this.rng,
      scheduler: this.scheduler,
      now: () => this.state.now,
      log: (resource, change, why) => appendLog(this.state.world.log, this.state.now, resource, change, why),
      call: <O>(service: string, operation: string, input: object) => this.callInside(service, operation, input) as O,
    }
  }

  /**
   * One API call as a client makes it. Atomic: when the handler throws (an AwsError or a bug), the world,
   * RNG and scheduler are put back exactly as they were, so a failed command changes nothing (house rule 4).
   */
  call(service: string, operation: string, input: Record<string, unknown>): unknown {
    const before = structuredClone({ world: this.state.world, rng: this.state.rng, scheduler: this.state.scheduler })
    try {
      return callOperation(this.ctx, this.services, service, operation, input)
    } catch (e) {
      this.restore(before)
      throw e
    }
  }

  /** Moves the clock forward, firing each due timer in (time, scheduling order) and reconciling after each step. */
  advance(ms: number): void {
    if (!(ms >= 0)) throw new RangeError(`advance(ms) needs a non-negative number of milliseconds, got ${ms}`)
    const until = this.state.now + ms
    for (let event = this.scheduler.takeDue(until); event; event = this.scheduler.takeDue(until)) {
      this.state.now = event.at
      const [service] = event.kind.split('.')
      const timer = this.services[service]?.timers?.[event.kind]
      if (!timer) throw new Error(`No timer handler registered for ${event.kind}`)
      timer(this.ctx, event.payload)
      this.reconcile()
    }
    this.state.now = until
    this.reconcile()
  }

  private reconcile(): void {
    for (const service of Object.values(this.services)) service.reconcile?.(this.ctx)
  }

  private callInside(service: string, operation: string, input: object): unknown {
    return callOperation(this.ctx, this.services, service, operation, input as Record<string, unknown>)
  }

  private restore(before: { world: World; rng: RngState; scheduler: SchedulerState }): void {
    // Mutate in place: the context and the sandbox hold references to these objects.
    replaceContents(this.state.world, before.world)
    this.state.rng.s = before.rng.s
    replaceContents(this.state.scheduler, before.scheduler)
  }
}

function replaceContents<T extends object>(target: T, source: T): void {
  for (const key of Object.keys(target)) delete (target as Record<string, unknown>)[key]
  Object.assign(target, source)
}

export { AwsError }
