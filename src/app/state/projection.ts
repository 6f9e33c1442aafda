/**
 * An immutable copy of the live world that shares every unchanged part with the copy published before it.
 *
 * The simulation mutates its world in place (timers outside a command change a task's `lastStatus` on the same
 * object), so publishing the live world would hide changes from memoised readers: the diagram's per-task cache and
 * `memo` components compare by identity. A full copy per publication (structuredClone) cost ~36 ms at 1,000 tasks.
 * This walks the live world against the previous copy and reuses each previous object whose contents are equal,
 * so a changed task gets a new object (and so do its parents) while the 999 others keep theirs: readers see exactly
 * what changed, by identity, and the published world never changes under them.
 */
export function project<T>(live: T, previous: T | undefined): T {
  return copy(live, previous) as T
}

/**
 * The world as the UI may keep it: `project` for everything but the event log's entries, which are never changed
 * once appended (core/eventLog.ts) and so are shared as they are; only the array holding them is new when it grew.
 *
 * A slice whose version has not moved since the previous publication (`log.versions`: every logged change bumps the
 * version of the slice it changes) is shared whole, without walking it: a command that changes one service of a
 * 1,000-task world walks ECS only. Three things change without a log entry, and are handled here: the load
 * balancers' traffic records (requests are logged as traffic, which moves no version), always walked; CloudWatch
 * Logs' events, an append-only stream (core/stream.ts) whose entries are shared (`projectLogs`); and the schedulers'
 * bookkeeping (`bookkeeping` in ecs and elbv2), which no reader shows and which may lag in the published copy.
 */
export function projectWorld<W extends WorldLike>(live: W, previous: W | undefined): W {
  const { log, ...rest } = live
  const liveRest = rest as Plain
  const before = previous ? ((({ log: _, ...r }) => r)(previous) as Plain) : undefined
  let others: Plain
  if (before) {
    const seen = previous!.log.versions ?? {}
    const now = log.versions ?? {}
    let changed = Object.keys(before).length !== Object.keys(liveRest).length
    others = {}
    for (const key of Object.keys(liveRest)) {
      const prev = before[key]
      let value: unknown
      const moved = !(key in now) || now[key] !== seen[key] || prev === undefined
      if (key === 'logs') value = projectLogs(liveRest[key] as Plain, prev as Plain | undefined, moved)
      else if (moved) value = copy(liveRest[key], prev)
      else if (key === 'elbv2') {
        // Unmoved, but requests still change its traffic records.
        const traffic = copy((liveRest[key] as Plain).traffic, (prev as Plain).traffic)
        value = traffic === (prev as Plain).traffic ? prev : { ...(prev as Plain), traffic }
      } else value = prev
      if (value !== prev) changed = true
      others[key] = value
    }
    if (!changed) others = before
  } else others = project(liveRest, undefined)
  const sameLog = previous !== undefined && previous.log.nextId === log.nextId && previous.log.entries.length === log.entries.length
  // The versions are copied: the live log changes its own object in place, and the next publication compares with these.
  const publishedLog = sameLog ? previous.log : { ...log, versions: { ...log.versions }, entries: log.entries.slice() }
  if (previous && sameLog && others === before) return previous
  return { ...others, log: publishedLog } as W
}

/**
 * CloudWatch Logs with its events shared: an event (or a producer's batch) never changes once appended, and a day of
 * them is too many to walk on every publication, so the published copy holds the live entries themselves and only
 * its array is new when the stream grew or was trimmed (appends move no version). The rest of the slice is walked
 * when its version moved or the stream changed (an append also updates its log stream's record).
 */
function projectLogs(live: Plain, previous: Plain | undefined, moved: boolean): Plain {
  const events = live.events as unknown[]
  const before = previous?.events as unknown[] | undefined
  const sameEvents =
    before !== undefined && before.length === events.length && before[0] === events[0] && before[before.length - 1] === events[events.length - 1]
  if (previous && sameEvents && !moved) return previous
  const out: Plain = {}
  for (const key in live) out[key] = key === 'events' ? (sameEvents ? before : events.slice()) : copy(live[key], previous?.[key])
  return out
}

type WorldLike = { log: { nextId: number; entries: readonly unknown[]; versions?: Record<string, number> } }

type Plain = Record<string, unknown>

function copy(live: unknown, previous: unknown): unknown {
  if (typeof live !== 'object' || live === null) return live
  if (Array.isArray(live)) return copyArray(live, Array.isArray(previous) ? previous : undefined)
  return copyObject(live as Plain, typeof previous === 'object' && previous !== null && !Array.isArray(previous) ? (previous as Plain) : undefined)
}

function copyArray(live: readonly unknown[], previous: readonly unknown[] | undefined): readonly unknown[] {
  const n = live.length
  let out: unknown[] | undefined = previous && previous.length === n ? undefined : new Array(n)
  for (let i = 0; i < n; i++) {
    const before = previous?.[i]
    const value = copy(live[i], before)
    if (out) out[i] = value
    else if (value !== before) {
      out = (previous as unknown[]).slice(0, i)
      out.length = n
      out[i] = value
    }
  }
  return out ?? (previous as readonly unknown[])
}

function copyObject(live: Plain, previous: Plain | undefined): Plain {
  let out: Plain | undefined = previous ? undefined : {}
  let count = 0
  for (const key in live) {
    count++
    const before = previous?.[key]
    const value = copy(live[key], before)
    if (out) out[key] = value
    else if (value !== before || !Object.hasOwn(previous as Plain, key)) out = restart(live, previous as Plain, key, value)
  }
  if (!out && count !== Object.keys(previous as Plain).length) out = restart(live, previous as Plain, undefined, undefined)
  return out ?? (previous as Plain)
}

/** The keys before `at` were equal: take their values from `previous`, in the live object's key order. */
function restart(live: Plain, previous: Plain, at: string | undefined, value: unknown): Plain {
  const out: Plain = {}
  for (const key in live) {
    if (key === at) {
      out[key] = value
      return out
    }
    out[key] = Object.hasOwn(previous, key) ? previous[key] : copy(live[key], undefined)
  }
  return out
}
