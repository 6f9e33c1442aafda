import type { LogEvent, Rng, Scheduler } from './core/index.ts'
import type { RequestRecord } from './elbv2/state.ts'
import type { StoredLogEntry } from './logs/state.ts'
import type { World } from './world.ts'

/**
 * What an operation handler or timer handler gets: the world to read and change, and the sandbox's
 * clock, RNG and scheduler. Handlers validate everything first and throw `AwsError` before changing
 * anything; the engine also restores a copy on throw (engine.ts), so a failed call never half-applies.
 */
export interface SimContext {
  readonly world: World
  readonly rng: Rng
  readonly scheduler: Scheduler
  now(): number
  /** The CLI profile the current call was made with (src/sim/sts/identities.ts); undefined for the default one. */
  profile?: string
  /**
   * Append a typed event to the event log (core/events.ts); it moves the version of the slice it changes
   * (core/eventLog.ts), except a request, which changes nothing.
   */
  log(resource: string, event: LogEvent): void
  /**
   * Runs `fn` with the log entry `cause` (its id) as the cause of what `fn` logs and schedules (core/causes.ts), where
   * a rule knows a cause the scheduling chain does not carry: a health check failing because a rule was revoked.
   */
  becauseOf?<T>(cause: number | undefined, fn: () => T): T
  /** Append a request to the load balancers' recent requests (a stream: core/stream.ts). */
  recordRequest(request: RequestRecord): void
  /** Append an event to CloudWatch Logs' events (a stream too: a day of log events must not cost the journal). */
  putLogEvent(event: StoredLogEntry): void
  /**
   * Call another service's operation from inside the simulation (ECS registering targets in ELBv2,
   * for example). Goes through the same handlers as the CLI's calls, without output shaping (nothing prints the answer).
   */
  call<O = unknown>(service: string, operation: string, input: object): O
  /**
   * CloudWatch invoking one of an alarm's actions: the service whose `alarmAction` claims the ARN acts on it. Returns
   * whether one did (an action nobody simulates, an SNS topic say, is recorded by the alarm and does nothing).
   */
  invokeAlarmAction(invocation: AlarmInvocation): boolean
  /**
   * The world's own object behind `value` (which a handler may hold through the journal's view), to be changed
   * directly: the journal keeps it as it is now, so the open savepoint can still take the change back. For code that
   * writes the same few objects for every task every minute, where each read and write through the view is a proxy's
   * work. Absent where the world is not journaled.
   */
  keep?<T extends object>(value: T): T
}

/** One alarm action as CloudWatch invokes it: the action's ARN, and the alarm as it stands after its evaluation. */
export interface AlarmInvocation {
  actionArn: string
  alarmName: string
  state: 'OK' | 'ALARM' | 'INSUFFICIENT_DATA'
  /** The newest datapoint evaluated, and the threshold it was compared with (step scaling measures from them). */
  value?: number
  threshold: number
}

/** `value` ready to be changed directly (`SimContext.keep`), or as it is where the world is not journaled. */
export const writable = <T extends object>(ctx: SimContext, value: T): T => (ctx.keep ? ctx.keep(value) : value)

export type OperationHandler<I = never, O = unknown> = (ctx: SimContext, input: I) => O

/** A timer fires from the scheduler with the plain-data payload it was scheduled with. */
export type TimerHandler = (ctx: SimContext, payload: Record<string, unknown>) => void

/** One service of the simulated account. `operations` is keyed by the model's operation name (`CreateService`). */
export interface ServiceSim {
  operations: Record<string, OperationHandler<never, unknown>>
  /** Keyed by `kind`, conventionally `<service>.<resource>.<what>` (e.g. `ecs.task.step`). */
  timers?: Record<string, TimerHandler>
  /** Where an operation departs from AWS on purpose, by operation name: `aws <service> <operation> help` says so. */
  notes?: Record<string, string>
  /** An alarm's action (an Auto Scaling policy's ARN, say): true when the ARN is this service's and it acted on it. */
  alarmAction?: (ctx: SimContext, invocation: AlarmInvocation) => boolean
}

/** Helper to declare a handler with its request and response types (`CreateServiceRequest` in, response out). */
export const handler = <I, O>(fn: (ctx: SimContext, input: I) => O): OperationHandler<never, unknown> =>
  fn as unknown as OperationHandler<never, unknown>
