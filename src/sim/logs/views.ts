import { AwsError } from '../core/index.ts'
import type { SimContext } from '../context.ts'
import type { World } from '../world.ts'
import { AGGREGATES } from './insights/aggregates.ts'
import { FUNCTIONS } from './insights/functions.ts'
import { parseQuery, QuerySyntaxError, type ResultRow } from './insights/index.ts'
import { findGroup } from './lookup.ts'
import { formatOf } from './batches.ts'
import { isBatch } from './state.ts'
import { runQuery } from './queries.ts'

/**
 * Read-only views of CloudWatch Logs for the Insights panel: the log groups to pick from, the fields Logs Insights
 * discovers in a group (the editor completes them), and a query's answer worked out by the same engine and the same
 * `runQuery` that GetQueryResults answers from, at once and without recording a query in the account (the console's
 * editor is a reader; `aws logs start-query` is the learner's own action, on the clock).
 */

export interface InsightsQueryInput {
  logGroupNames: readonly string[]
  /** Epoch seconds, as StartQuery takes them; the end is inclusive. */
  startTime: number
  endTime: number
  queryString: string
  limit?: number
}

export type InsightsQueryAnswer =
  | { status: 'Complete'; results: ResultRow[]; statistics: { recordsMatched: number; recordsScanned: number; bytesScanned: number; logGroupsScanned: number } }
  | {
      status: 'Failed'
      /** The exception StartQuery would answer (`MalformedQueryException`, `ResourceNotFoundException`, …). */
      code: string
      message: string
      /** Where a malformed query went wrong, counted from 1 as the message says. */
      line?: number
      position?: number
    }

const POSITION = /at line (\d+) and position (\d+)/

/** Runs a Logs Insights query over the world as it is at `now` (epoch ms), as StartQuery then GetQueryResults would. */
export function insightsQuery(readonlyWorld: Readonly<World>, now: number, input: InsightsQueryInput): InsightsQueryAnswer {
  // Read, never written: the lookups below take the engine's mutable type.
  const world = readonlyWorld as World
  try {
    if (input.logGroupNames.length === 0) throw new AwsError('InvalidParameterException', 'Log group name or identifier must be specified.')
    for (const name of input.logGroupNames) findGroup(world, name)
    try {
      parseQuery(input.queryString)
    } catch (e) {
      if (e instanceof QuerySyntaxError) throw new AwsError('MalformedQueryException', e.message)
      throw e
    }
    // runQuery reads only the world and the time from its context (queries.ts); nothing here can schedule or log.
    const reader = { world, now: () => now } as unknown as SimContext
    const { results, statistics } = runQuery(reader, { queryString: input.queryString, logGroupNames: [...input.logGroupNames], startTime: input.startTime, endTime: input.endTime, limit: input.limit ?? 10_000 })
    return { status: 'Complete', results, statistics }
  } catch (e) {
    if (!(e instanceof AwsError)) throw e
    const where = POSITION.exec(e.message)
    return { status: 'Failed', code: e.code, message: e.message, ...(where ? { line: Number(where[1]), position: Number(where[2]) } : {}) }
  }
}

/** The account's log groups by name, as describe-log-groups lists them (alphabetical). */
export function logGroupNames(world: Readonly<World>): string[] {
  return Object.keys(world.logs.groups).sort()
}

/** Fields every event has (§6.1 discovered fields). */
const SYSTEM_FIELDS = ['@timestamp', '@message', '@logStream', '@log', '@ingestionTime', '@ptr'] as const

/**
 * The fields Logs Insights discovers in a group, as its console lists them: the system fields, then the members of
 * its newest JSON events (nested ones named with dots), from at most `sample` events.
 */
export function logGroupFields(world: Readonly<World>, logGroupName: string, sample = 50): string[] {
  const group = world.logs.groups[logGroupName]
  if (!group) return []
  const streams = new Set(Object.values(group.streams).map((s) => s.id))
  const found = new Set<string>()
  const entries = world.logs.events
  let seen = 0
  const read = (message: string) => {
    seen++
    if (message.charCodeAt(0) !== 123 /* { */) return
    try {
      flatten(JSON.parse(message), '', found)
    } catch {
      // Not JSON after all: a plain line has only the system fields.
    }
  }
  for (let p = entries.length - 1; p >= 0 && seen < sample; p--) {
    const e = entries[p]
    if (!isBatch(e)) {
      if (streams.has(e.s)) read(e.m)
      continue
    }
    // A producer's batch (batches.ts): its events newest first, their messages written out only for this group's.
    const format = formatOf(e)
    const ids = format.streams(world, e)
    for (let j = e.count - 1; j >= 0 && seen < sample; j--) if (streams.has(ids[j])) read(format.message(world, e, j))
  }
  return [...SYSTEM_FIELDS, ...[...found].sort()]
}

function flatten(value: unknown, prefix: string, into: Set<string>): void {
  if (value === null || typeof value !== 'object') {
    if (prefix) into.add(prefix)
    return
  }
  for (const [key, member] of Object.entries(value)) flatten(member, prefix ? `${prefix}.${key}` : key, into)
}

/** The language's words, for an editor's highlighting and completion (the parser and functions.ts define them). */
export const INSIGHTS_COMMANDS = ['fields', 'display', 'filter', 'stats', 'sort', 'limit', 'parse', 'dedup'] as const
export const INSIGHTS_KEYWORDS = ['by', 'as', 'asc', 'desc', 'and', 'or', 'not', 'like', 'in'] as const
/** Aggregates (stats) and scalar functions, from the engine's own tables. */
export const insightsFunctions = (): string[] => [...new Set([...Object.keys(AGGREGATES), ...Object.keys(FUNCTIONS)])].sort()
