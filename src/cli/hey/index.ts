import type { HttpRequest, HttpResult } from '../../sim/network/types.ts'
import type { Program } from '../program.ts'
import { HeyUsageError, parseHeyArgs, USAGE, type HeyOptions } from './args.ts'
import { csv, summary, type Sample } from './report.ts'

/** What hey needs from the sandbox: HTTP through the simulated network, and the virtual clock (a run takes its time). */
export interface HeyBackend {
  http(request: HttpRequest): HttpResult
  advance(ms: number): void
  now(): number
}

/** Round trip from the learner's machine (CloudShell) to the Region, ms (as curl's). */
const RTT_MS = 2
/** A run of at most this many requests sends every one through the network; a longer one sends one sample per slice. */
const EXACT_LIMIT = 2000
/** A long run is cut in at most this many slices (each at least a second), SAMPLES_PER_SLICE sample requests each. */
const MAX_SLICES = 300
const SAMPLES_PER_SLICE = 2

/**
 * `hey` (rakyll/hey): a load generator with `c` workers each sending requests back to back (or at `-q` per second),
 * `-n` requests in all or for `-z` a duration, on the virtual clock: the run advances the clock by as long as it
 * takes, and its requests go through the real path (load balancer, target, container), so the tasks' metrics and
 * the service's scaling respond. A short run sends every request; a long one sends one request per slice standing
 * for all the slice's requests (the request's `count`), whose latency sets the next slice's rate: when the tasks'
 * CPU saturates, latency grows and the rate falls, as with the real closed-loop tool.
 */
export function createHeyProgram(backend: HeyBackend): Program {
  return (args, io) => {
    let o: HeyOptions
    try {
      o = parseHeyArgs(args, (path) => io.files.read(path))
    } catch (e) {
      if (!(e instanceof HeyUsageError)) throw e
      if (e.exitCode === 0) {
        io.stderr(`${USAGE}\n`)
        return 0
      }
      io.stderr(`${e.message ? `${e.message}\n${e.exitCode === 2 ? '' : '\n'}` : ''}${USAGE}\n`)
      return e.exitCode === 2 ? 2 : 1
    }
    if (!/^https?:\/\//i.test(o.url)) {
      io.stderr(`parse "${o.url}": invalid URI for request\n`)
      return 1
    }
    const run = new Run(backend, o)
    const totalSeconds = run.go()
    io.stdout(o.output === 'csv' ? csv(run.samples) : summary(run.samples, totalSeconds))
    return 0
  }
}

class Run {
  readonly samples: Sample[] = []
  private readonly backend: HeyBackend
  private readonly o: HeyOptions
  private sent = 0

  constructor(backend: HeyBackend, o: HeyOptions) {
    this.backend = backend
    this.o = o
  }

  /** Runs the whole load; returns its duration in seconds. */
  go(): number {
    const { o } = this
    if (o.z <= 0 && o.n <= EXACT_LIMIT) return this.exact()
    let latencyMs = RTT_MS + 3
    let carry = 0
    let elapsedMs = 0
    let remaining = o.z > 0 ? Infinity : o.n
    const duration = o.z > 0 ? o.z : Infinity
    const sliceMs = o.z > 0 ? Math.max(1000, Math.ceil(o.z / MAX_SLICES)) : 1000
    while (elapsedMs < duration && remaining > 0) {
      let rate = (o.c * 1000) / latencyMs
      if (o.q > 0) rate = Math.min(rate, o.c * o.q)
      let ms = Math.min(sliceMs, duration - elapsedMs)
      const exact = (rate * ms) / 1000 + carry
      const count = Math.min(Math.floor(exact), remaining)
      carry = count === remaining ? 0 : exact - count
      if (remaining !== Infinity && count === remaining) ms = Math.max(1, Math.round((count / rate) * 1000))
      if (count > 0) {
        // Two requests per slice, so the load balancer's round robin spreads the slice over its targets, and the next
        // slice's rate follows their mean latency rather than one target's.
        const first = Math.ceil(count / SAMPLES_PER_SLICE)
        const a = this.send(first, elapsedMs, this.sent < o.c ? RTT_MS : 0)
        const b = count > first ? this.send(count - first, elapsedMs, 0) : a
        latencyMs = ((a.latency * first + b.latency * (count - first || first)) / (count > first ? count : first)) * 1000
        remaining -= count
      }
      this.backend.advance(ms)
      elapsedMs += ms
    }
    return elapsedMs / 1000
  }

  /** Every request sent: `c` workers, round after round; the clock moves by the run's length at the end. */
  private exact(): number {
    const { o } = this
    const perWorker = new Array<number>(o.c).fill(0)
    for (let i = 0; i < o.n; i++) {
      const worker = i % o.c
      const sample = this.send(1, perWorker[worker] * 1000, i < o.c ? RTT_MS : 0)
      perWorker[worker] += sample.latency
      if (o.q > 0) perWorker[worker] = Math.max(perWorker[worker], (Math.floor(i / o.c) + 1) / o.q)
    }
    const seconds = Math.max(...perWorker)
    this.backend.advance(Math.round(seconds * 1000))
    return seconds
  }

  private send(count: number, offsetMs: number, connMs: number): Sample {
    const { o } = this
    const headers: Record<string, string> = { 'User-Agent': o.userAgent ?? 'hey/0.0.1', 'Content-Type': o.contentType }
    if (o.accept !== undefined) headers.Accept = o.accept
    for (const [name, value] of o.headers) headers[name] = value
    if (o.host !== undefined) headers.Host = o.host
    const result = this.backend.http({ method: o.method, url: o.url, headers, ...(o.body !== undefined ? { body: o.body } : {}), count, concurrency: o.c })
    // A little spread between requests, the same on every replay: a hash of the request's number.
    const spread = (((this.sent++ * 2654435761) >>> 0) % 1000) / 1000
    const op = o.method.charAt(0) + o.method.slice(1).toLowerCase()
    const failure = result.failure
    let sample: Sample
    if (failure) {
      const timeout = o.timeout > 0 ? o.timeout * 1000 : 130_000
      const error =
        failure.kind === 'dns'
          ? `${op} "${o.url}": dial tcp: lookup ${failure.host}: no such host`
          : failure.kind === 'refused'
            ? `${op} "${o.url}": dial tcp ${failure.ip}:${failure.port}: connect: connection refused`
            : o.timeout > 0
              ? `${op} "${o.url}": context deadline exceeded (Client.Timeout exceeded while awaiting headers)`
              : `${op} "${o.url}": dial tcp ${failure.ip}:${failure.port}: connect: connection timed out`
      sample = { latency: (failure.kind === 'timeout' ? timeout : RTT_MS) / 1000, weight: count, error, size: 0, offset: offsetMs / 1000, conn: connMs / 1000 }
    } else {
      const response = result.response
      const length = response?.headers.find(([name]) => name.toLowerCase() === 'content-length')?.[1]
      const ms = RTT_MS + connMs + (response?.serverMs ?? 0) * (1 + 0.3 * spread)
      sample = { latency: ms / 1000, weight: count, status: response?.status, size: length === undefined ? 0 : Number(length), offset: offsetMs / 1000, conn: connMs / 1000 }
    }
    this.samples.push(sample)
    return sample
  }
}
