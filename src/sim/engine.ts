import { appendLog, replaceContents, Rng, Scheduler, type RngState, type SchedulerState } from './core/index.ts'
import type { ServiceSim, SimContext } from './context.ts'
import type { World } from './world.ts'
import { callOperation } from './protocol/index.ts'
import { SERVICES } from './services.ts'
import { sendRequest, type HttpRequest, type HttpResult } from './network/index.ts'

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
  /** Inside a transaction: null until the first change, then the state before it; undefined outside. */
  private txBefore: Saved | null | undefined

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
    if (READ_ONLY.test(operation)) return callOperation(this.ctx, this.services, service, operation, input)
    // The first change of a transaction shares its copy with the transaction: one copy of the world, not two.
    const before = this.txBefore === null ? (this.txBefore = this.copy()) : this.copy()
    try {
      return callOperation(this.ctx, this.services, service, operation, input)
    } catch (e) {
      this.restore(before)
      throw e
    }
  }

  /**
   * Runs `fn` (one shell input) so that if it throws, every change it made is undone: the state is copied
   * lazily, just before the first change, so inputs that only read cost nothing.
   */
  transaction<T>(fn: () => T): T {
    this.txBefore = null
    try {
      return fn()
    } catch (e) {
      if (this.txBefore) this.restore(this.txBefore)
      throw e
    } finally {
      this.txBefore = undefined
    }
  }

  /** One HTTP request from the learner's machine into the simulated network (what `curl` sends). */
  http(request: HttpRequest): HttpResult {
    return sendRequest(this.ctx, request)
  }

  /** Moves the clock forward, firing each due timer in (time, scheduling order) and reconciling after each step. */
  advance(ms: number): void {
    if (!(ms >= 0)) throw new RangeError(`advance(ms) needs a non-negative number of milliseconds, got ${ms}`)
    this.keepForRollback()
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

  /** Services calling each other (ECS registering targets): same handlers, no output shaping (nothing prints it). */
  private callInside(service: string, operation: string, input: object): unknown {
    return callOperation(this.ctx, this.services, service, operation, input as Record<string, unknown>, { shape: false })
  }

  /** Inside a transaction, copy the state once, before its first change. */
  private keepForRollback(): void {
    if (this.txBefore === null) this.txBefore = this.copy()
  }

  /**
   * Everything a rollback needs. The event log is only ever appended to, so it is not copied: its next id is
   * kept and the entries after it are dropped on rollback (it is also the biggest part of a busy world).
   */
  private copy(): Saved {
    const { log, ...rest } = this.state.world
    return {
      ...structuredClone({ now: this.state.now, world: rest, rng: this.state.rng, scheduler: this.state.scheduler }),
      logNextId: log.nextId,
    }
  }

  private restore(saved: Saved): void {
    // A copy of the copy, because a transaction may still need `saved` after this call's own rollback.
    const before = structuredClone(saved)
    const { log } = this.state.world
    // Mutate in place: the context and the sandbox hold references to these objects.
    this.state.now = before.now
    replaceContents(this.state.world, { ...before.world, log } as World)
    log.entries = log.entries.filter((e) => e.id < before.logNextId)
    log.nextId = before.logNextId
    replaceContents(this.state.rng, before.rng)
    replaceContents(this.state.scheduler, before.scheduler)
  }
}

type Saved = { now: number; world: Omit<World, 'log'>; rng: RngState; scheduler: SchedulerState; logNextId: number }

/** Operations that only read (AWS's own naming convention); they skip the copy made for rollback. */
const READ_ONLY = /^(Describe|List|Get)[A-Z]/
