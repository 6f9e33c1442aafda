import { DerivedScope, derivingIn, EVENT_LOG_LIMIT, Journal, logEntry, replaceContents, Rng, Scheduler, Streams, unproxied, type RngState, type SchedulerState, type Slice } from './core/index.ts'
import { runDrill } from './drills/index.ts'
import { RECENT_REQUESTS } from './elbv2/state.ts'
import { LOG_EVENTS_LIMIT } from './logs/state.ts'
import type { ServiceSim, SimContext } from './context.ts'
import type { World } from './world.ts'
import { callOperation } from './protocol/index.ts'
import { SERVICES } from './services.ts'
import { checkAllowed } from './sts/identities.ts'
import { getServiceModel } from '../models/index.ts'
import { sendRequest, type HttpRequest, type HttpResult } from './network/index.ts'
import { callDocker, DOCKER_TIMERS, type HostFiles } from './docker/index.ts'

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
  /** Handlers' view of the simulation; `world` is the journal's view while recording (see `atomically`). */
  private readonly ctx: { -readonly [K in keyof SimContext]: SimContext[K] }
  private readonly services: Readonly<Record<string, ServiceSim>>
  /** The undo log behind atomic calls and transactions (core/journal.ts). */
  private readonly journal = new Journal()
  /**
   * The append-only parts of the world, outside the journal (core/stream.ts): the event log and the load balancers'
   * recent requests and CloudWatch Logs' events. Indexes into this list: `LOG`, `REQUESTS`, `LOG_EVENTS`.
   */
  private readonly streams: Streams
  /** What this simulation's caches derived (core/derived.ts): a rollback here forgets only this simulation's answers. */
  private readonly derived = new DerivedScope()
  /** What the journal does not cover, one per open savepoint: the clock, RNG, scheduler and the log's counters. */
  private readonly savepoints: Savepoint[] = []
  /** How many open savepoints record changes; handlers then see the world through the journal's view. */
  private recording = 0
  /** Causes (core/causes.ts): what the entries logged now are caused by, and the command line running, if any. */
  private cause: number | undefined
  private runningCommand: string | undefined
  private inTimer = false

  constructor(state: SimState, services: Readonly<Record<string, ServiceSim>> = SERVICES) {
    this.state = state
    this.services = services
    this.rng = new Rng(state.rng)
    this.scheduler = new Scheduler(state.scheduler)
    this.streams = new Streams([
      { entries: () => this.state.world.log.entries, limit: EVENT_LOG_LIMIT, slack: EVENT_LOG_LIMIT / 10 },
      { entries: () => this.state.world.elbv2.traffic.recent, limit: RECENT_REQUESTS, slack: 0 },
      { entries: () => this.state.world.logs.events, limit: LOG_EVENTS_LIMIT, slack: LOG_EVENTS_LIMIT / 10 },
    ])
    this.ctx = {
      world: state.world,
      rng: this.rng,
      scheduler: this.scheduler,
      now: () => this.state.now,
      log: (resource, event) => {
        const entry = logEntry(this.state.world.log, this.state.now, resource, event)
        // Causes (core/causes.ts): a known cause, else the command that made the change directly.
        if (this.cause !== undefined) entry.cause = this.cause
        else if (this.runningCommand !== undefined && !this.inTimer) entry.command = this.runningCommand
        this.streams.append(LOG, entry)
        this.scheduler.cause = entry.id
      },
      becauseOf: <T>(cause: number | undefined, fn: () => T): T => {
        const saved = { cause: this.cause, scheduled: this.scheduler.cause }
        this.cause = this.scheduler.cause = cause
        try {
          return fn()
        } finally {
          this.cause = saved.cause
          this.scheduler.cause = saved.scheduled
        }
      },
      recordRequest: (request) => this.streams.append(REQUESTS, request),
      putLogEvent: (event) => this.streams.append(LOG_EVENTS, event),
      keep: (value) => {
        const plain = unproxied(value)
        this.journal.keep(plain)
        return plain
      },
      call: <O>(service: string, operation: string, input: object) => this.callInside(service, operation, input) as O,
      invokeAlarmAction: (invocation) => Object.values(this.services).some((service) => service.alarmAction?.(this.ctx, invocation) ?? false),
    }
  }

  /**
   * One API call as a client makes it. Atomic: when the handler throws (an AwsError or a bug), the world,
   * RNG and scheduler are put back exactly as they were, so a failed command changes nothing (house rule 4).
   *
   * Every call runs in a savepoint, reads included, so whatever a read appends (streams), schedules or draws from
   * the RNG before failing is taken back too. Operations named as reads (Describe/List/Get: AWS's convention; the API
   * models carry no read-only mark) run on the plain world rather than the journal's view: reading through the proxy
   * made `describe-subnets` ~28 % slower (exec median, `npm run bench`). The convention is not trusted blindly: with
   * `checkReadOnlyCalls` on (every unit test run, test/setup.ts), they run through the journal, and one that changes
   * the world fails loudly and is undone.
   */
  call(service: string, operation: string, input: Record<string, unknown>, caller?: { profile?: string }): unknown {
    const read = READ_ONLY.test(operation)
    this.freshCause()
    return this.atomically(!read || checkReads, () => {
      // Who calls: a profile whose policy lacks the action is refused before anything runs (src/sim/sts/identities.ts).
      checkAllowed(this.state.world, caller?.profile, iamPrefixOf(service), operation)
      this.ctx.profile = caller?.profile
      let result: unknown
      try {
        result = callOperation(this.ctx, this.services, service, operation, input)
      } finally {
        this.ctx.profile = undefined
      }
      if (read && checkReads && (this.journal.changed() || this.state.world.log.nextId !== this.savepoints.at(-1)?.logNextId))
        throw new Error(`${service} ${operation} is named as a read but changed the world`)
      return result
    })
  }

  /**
   * Runs `fn` (one shell input) so that if it throws, every change it made is undone. Inputs that only read
   * cost nothing: the changes are recorded by the calls and clock moves inside it, as they happen.
   */
  transaction<T>(fn: () => T): T {
    return this.atomically(false, fn)
  }

  /** One shell input as a transaction; the changes its calls make name `line` as their cause (core/causes.ts). */
  command<T>(line: string, fn: () => T): T {
    this.runningCommand = line
    try {
      return this.transaction(fn)
    } finally {
      this.runningCommand = undefined
    }
  }

  /** A call from a command starts with no cause but the command (a timer's calls keep the timer's). */
  private freshCause(): void {
    if (!this.inTimer) this.cause = this.scheduler.cause = undefined
  }

  /** One HTTP request from the learner's machine into the simulated network (what `curl` sends). */
  http(request: HttpRequest): HttpResult {
    if (this.savepoints.length > 0) {
      // A request changes only the traffic counters, the metrics model's request counts and the log event counter (and
      // appends to streams, which every savepoint covers). Keeping those few records is far cheaper than reading its
      // whole path through the journal's view.
      const { traffic } = this.state.world.elbv2
      for (const changed of [traffic, traffic.cursor, traffic.requestCount, this.state.world.cloudwatch.requests, this.state.world.logs]) this.journal.keep(changed)
    }
    return sendRequest(this.ctx, request)
  }

  /** One live drill (src/sim/drills), atomic like `call`: a drill that cannot run changes nothing. */
  drill(name: string, args: readonly string[]): string {
    this.freshCause()
    return this.atomically(true, () => runDrill(this.ctx, name, args))
  }

  /** One call into the Docker engine on the learner's workstation (src/sim/docker), atomic like `call`. */
  docker(operation: string, input: object, host: HostFiles): unknown {
    this.freshCause()
    return this.atomically(true, () => callDocker(this.ctx, operation, input, host))
  }

  /** Moves the clock forward, firing each due timer in (time, scheduling order). */
  advance(ms: number): void {
    if (!(ms >= 0)) throw new RangeError(`advance(ms) needs a non-negative number of milliseconds, got ${ms}`)
    this.inTransaction(() => {
      const until = this.state.now + ms
      for (let event = this.scheduler.takeDue(until); event; event = this.scheduler.takeDue(until)) {
        this.state.now = event.at
        const service = event.kind.slice(0, event.kind.indexOf('.'))
        // The Docker engine is not an AWS service (SERVICES lists those): its timers are its own.
        const timer = service === 'docker' ? DOCKER_TIMERS[event.kind] : this.services[service]?.timers?.[event.kind]
        if (!timer) throw new Error(`No timer handler registered for ${event.kind}`)
        this.cause = this.scheduler.cause = event.cause
        this.inTimer = true
        try {
          timer(this.ctx, event.payload)
        } finally {
          this.inTimer = false
          this.cause = this.scheduler.cause = undefined
        }
      }
      this.state.now = until
    })
  }

  /** Services calling each other (ECS registering targets): same handlers, no output shaping (nothing prints the answer). */
  private callInside(service: string, operation: string, input: object): unknown {
    return callOperation(this.ctx, this.services, service, operation, input as Record<string, unknown>, { shape: false })
  }

  /** Inside a transaction, `fn` is recorded so the transaction can take it back; outside, it runs on the plain world. */
  private inTransaction<T>(fn: () => T): T {
    return this.savepoints.length > 0 ? this.atomically(true, fn) : fn()
  }

  /**
   * Runs `fn` in a savepoint: kept when it returns (still undoable by an enclosing savepoint), undone when it throws.
   * `record`: whether `fn` may change the world (a transaction's own savepoint only gathers what its calls record).
   */
  private atomically<T>(record: boolean, fn: () => T): T {
    const { now, rng, scheduler, world } = this.state
    this.savepoints.push({ now, rng: { ...rng }, nextSeq: scheduler.nextSeq, queue: scheduler.queue.slice(), logNextId: world.log.nextId, versions: { ...world.log.versions } })
    this.journal.begin()
    this.streams.begin()
    if (record && this.recording++ === 0) this.ctx.world = this.journal.view(world)
    try {
      const result = derivingIn(this.derived, fn)
      this.journal.commit()
      this.streams.commit()
      this.savepoints.pop()
      return result
    } catch (e) {
      this.journal.rollback()
      this.streams.rollback()
      this.restore(this.savepoints.pop() as Savepoint)
      throw e
    } finally {
      if (record && --this.recording === 0) this.ctx.world = world
    }
  }

  private restore(saved: Savepoint): void {
    const { log } = this.state.world
    // Mutate in place: the context and the sandbox hold references to these objects.
    this.state.now = saved.now
    log.nextId = saved.logNextId
    replaceContents(log.versions, saved.versions)
    replaceContents(this.state.rng, saved.rng)
    replaceContents(this.state.scheduler, { nextSeq: saved.nextSeq, queue: saved.queue })
    this.derived.forget()
  }
}

/**
 * The streams (event log, requests) are truncated by `Streams` itself; the log's next id and per-slice versions are
 * counters kept here. Scheduled events are never changed once queued, so a copy of the queue array is enough.
 */
type Savepoint = { now: number; rng: RngState; nextSeq: number; queue: SchedulerState['queue']; logNextId: number; versions: Record<Slice, number> }

/** Indexes of the engine's streams (see `streams`). */
const LOG = 0
const REQUESTS = 1
const LOG_EVENTS = 2

/** The service's prefix in IAM actions (`ecs` in `ecs:PutAccountSetting`), from its model. */
const iamPrefixOf = (service: string): string => getServiceModel(service)?.iamPrefix ?? service

/** Operations named as reads (AWS's own naming convention): they run on the plain world (see `call`). */
const READ_ONLY = /^(Describe|List|Get)[A-Z]/

let checkReads = false

/** Makes every read-named call run through the journal and fail if it changed the world (tests turn this on). */
export function checkReadOnlyCalls(on: boolean): void {
  checkReads = on
}
