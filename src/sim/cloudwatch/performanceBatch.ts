import type { SimContext } from '../context.ts'
import { unproxied } from '../core/index.ts'
import type { Task } from '../ecs/state.ts'
import { registerBatchFormat, type StoredLogBatch } from '../logs/index.ts'
import type { Value } from '../logs/insights/index.ts'
import type { World } from '../world.ts'
import { usageOf, type ContainerUsage, type UsageStatics } from './model.ts'
import { containerNumbers, containerTemplate, fill, MINUTE_FIELDS, minuteNumber, numbersLength, taskNumbers, taskTemplate, usageTotals, type PerformanceTask, type UsageTotals } from './performanceEvents.ts'

/**
 * Container Insights' Task and Container events of a minute, stored as one batch (logs/state.ts `StoredLogBatch`):
 * per task, its number in `world.cloudwatch.performance.tasks`, the requests a second it served, and its stream. A
 * minute's numbers are worked out again from those (model.ts `usageOf`: the same function that published them) when
 * something reads the events; the text around them is the task's template. A day for 200 tasks is 1,440 small
 * records instead of 576,000 JSON strings.
 */
export const PERFORMANCE_BATCH = 'containerinsights.performance'

export interface PerformanceBatchData {
  tasks: number[]
  rps: number[]
  streams: number[]
}

const numbers = new WeakMap<Task, { version: number; statics: UsageStatics; n: number }>()

/**
 * The task's number for its events: a new one when what its events say changed (another revision of facts), the
 * latest otherwise. `describe` gives the facts; it is only called when the task's version or statics changed.
 */
export function performanceTaskNumber(ctx: SimContext, task: Task, statics: UsageStatics, describe: () => PerformanceTask): number {
  // The check reads the plain world: through the journal's view each step is a proxy's work, for every task every minute.
  const known = numbers.get(task)
  const plain = unproxied(ctx.world).cloudwatch.performance
  if (known && known.version === task.version && known.statics === statics && plain.latest[task.taskArn] === known.n && known.n < plain.tasks.length) return known.n
  const perf = ctx.world.cloudwatch.performance
  const facts = describe()
  const latest = perf.latest[task.taskArn]
  let n: number
  if (latest !== undefined && latest < perf.tasks.length && JSON.stringify(perf.tasks[latest]) === JSON.stringify(facts)) n = latest
  else {
    n = perf.tasks.length
    perf.tasks.push(facts)
    perf.latest[task.taskArn] = n
  }
  numbers.set(task, { version: task.version, statics, n })
  return n
}

/** The text around a task's numbers: its Task template, then each container's. */
interface Templates {
  parts: string[][]
  /** Each template's own length (without the numbers). */
  lengths: number[]
}
const templates = new WeakMap<PerformanceTask, Templates>()

function templatesOf(task: PerformanceTask): Templates {
  let t = templates.get(task)
  if (!t) {
    const parts = [taskTemplate(task), ...task.containers.map((c) => containerTemplate(task, c))]
    t = { parts, lengths: parts.map((p) => p.reduce((n, s) => n + s.length, 0)) }
    templates.set(task, t)
  }
  return t
}

/** The numbers of each of the task's events in a minute: the Task event's, then each container's. */
export function eventNumbers(timestamp: number, usage: readonly ContainerUsage[]): number[][] {
  return [taskNumbers(timestamp, usageTotals(usage)), ...usage.map((u) => containerNumbers(timestamp, u))]
}

/**
 * The length of the task's events in a minute together (what their stream's storedBytes grows by), without writing
 * them: each template's own length, and each number's as printed (`timestampLength`: the minute's, the same for all).
 */
export function eventLengths(task: PerformanceTask, timestampLength: number, usage: readonly ContainerUsage[], t: UsageTotals = usageTotals(usage)): number {
  const { lengths } = templatesOf(task)
  let total = 0
  for (let c = 0; c < usage.length; c++) {
    const u = usage[c]
    total += lengths[c + 1] + timestampLength + numbersLength(u.cpu, u.memory, u.storageRead, u.storageWrite, u.rxBytes, u.rxPackets, u.txBytes, u.txPackets)
  }
  return total + lengths[0] + timestampLength + numbersLength(t.cpu, t.memory, t.storageRead, t.storageWrite, t.rxBytes, t.rxPackets, t.txBytes, t.txPackets)
}

/** Derived from a batch, kept per batch object (a batch never changes): where each event is, and what was asked. */
interface Opened {
  /** Per event: its task's place in the batch, and its container (-1: the Task event). */
  task: Int32Array
  container: Int32Array
  streams: Int32Array
  lengths?: Int32Array
  columns: Map<string, ArrayLike<Value>>
}
const opened = new WeakMap<StoredLogBatch, Opened>()

const dataOf = (batch: StoredLogBatch) => batch.data as PerformanceBatchData
const factsOf = (world: Readonly<World>, data: PerformanceBatchData, t: number) => world.cloudwatch.performance.tasks[data.tasks[t]]

function open(world: Readonly<World>, batch: StoredLogBatch): Opened {
  let o = opened.get(batch)
  if (!o) {
    const data = dataOf(batch)
    o = { task: new Int32Array(batch.count), container: new Int32Array(batch.count), streams: new Int32Array(batch.count), columns: new Map() }
    let j = 0
    for (let t = 0; t < data.tasks.length; t++) {
      const containers = factsOf(world, data, t).containers.length
      for (let c = -1; c < containers; c++, j++) {
        o.task[j] = t
        o.container[j] = c
        o.streams[j] = data.streams[t]
      }
    }
    opened.set(batch, o)
  }
  return o
}

/** Fields of a Task or Container event that are the same every minute, from its template with zeros for numbers. */
const flattened = new WeakMap<PerformanceTask, Map<string, Value>[]>()

function staticFields(facts: PerformanceTask): Map<string, Value>[] {
  let out = flattened.get(facts)
  if (!out) {
    out = templatesOf(facts).parts.map((parts) => {
      const fields = new Map<string, Value>()
      flatten(JSON.parse(parts.join('0')), '', fields)
      return fields
    })
    flattened.set(facts, out)
  }
  return out
}

/** JSON flattened as Insights discovers it: nested members named with dots, arrays by index (logs/records.ts). */
function flatten(v: unknown, prefix: string, into: Map<string, Value>): void {
  if (v !== null && typeof v === 'object') {
    for (const [k, x] of Object.entries(v)) flatten(x, prefix ? `${prefix}.${k}` : k, into)
  } else if (typeof v === 'number' || typeof v === 'string' || typeof v === 'boolean') into.set(prefix, v)
}

const MINUTE_FIELD = new Map<string, number>(MINUTE_FIELDS.map((f, i) => [f, i]))

registerBatchFormat(PERFORMANCE_BATCH, {
  streams: (world, batch) => open(world, batch).streams,
  lengths(world, batch) {
    const o = open(world, batch)
    if (!o.lengths) {
      // Each event's template length, its timestamp's and its numbers' as printed, without the numbers themselves
      // (the first query over a day asks this of 600,000 events).
      const lengths = new Int32Array(batch.count)
      const data = dataOf(batch)
      const minute = Math.floor(batch.t / 60_000)
      const timestampLength = String(batch.t).length
      let j = 0
      for (let t = 0; t < data.tasks.length; t++) {
        const facts = factsOf(world, data, t)
        const own = templatesOf(facts).lengths
        const usage = usageOf(facts, data.rps[t], minute)
        const all = usageTotals(usage)
        lengths[j++] = own[0] + timestampLength + numbersLength(all.cpu, all.memory, all.storageRead, all.storageWrite, all.rxBytes, all.rxPackets, all.txBytes, all.txPackets)
        for (let c = 0; c < usage.length; c++) {
          const u = usage[c]
          lengths[j++] = own[c + 1] + timestampLength + numbersLength(u.cpu, u.memory, u.storageRead, u.storageWrite, u.rxBytes, u.rxPackets, u.txBytes, u.txPackets)
        }
      }
      o.lengths = lengths
    }
    return o.lengths
  },
  message(world, batch, j) {
    const o = open(world, batch)
    const data = dataOf(batch)
    const t = o.task[j]
    const facts = factsOf(world, data, t)
    const all = eventNumbers(batch.t, usageOf(facts, data.rps[t], Math.floor(batch.t / 60_000)))
    return fill(templatesOf(facts).parts[o.container[j] + 1], all[o.container[j] + 1])
  },
  column(world, batch, field) {
    const o = open(world, batch)
    let column = o.columns.get(field)
    if (column) return column
    const slot = MINUTE_FIELD.get(field)
    if (slot !== undefined) {
      // One number per event, without the rest of each event's numbers (the first query of a day reads 600,000).
      const values = new Float64Array(batch.count)
      const data = dataOf(batch)
      const minute = Math.floor(batch.t / 60_000)
      let j = 0
      for (let t = 0; t < data.tasks.length; t++) {
        const usage = usageOf(factsOf(world, data, t), data.rps[t], minute)
        values[j++] = minuteNumber(batch.t, usageTotals(usage), slot)
        for (const u of usage) values[j++] = minuteNumber(batch.t, u, slot)
      }
      column = values
    } else {
      const values = new Array<Value>(batch.count)
      const data = dataOf(batch)
      for (let j = 0; j < batch.count; j++) values[j] = staticFields(factsOf(world, data, o.task[j]))[o.container[j] + 1].get(field)
      column = values
    }
    o.columns.set(field, column)
    return column
  },
})
