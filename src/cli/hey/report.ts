/**
 * hey's summary (rakyll/hey `requester/print.go`, `report.go`): the same sections, numbers formatted `%4.4f`,
 * the histogram's 11 buckets with bars of `■` scaled to 40, percentiles 10–99, status codes in ascending order, and
 * the error distribution. A sample stands for `weight` identical requests (the sandbox sends a sample of a long run's
 * requests through the network), and every figure counts it that many times.
 */
export interface Sample {
  /** Seconds. */
  latency: number
  weight: number
  status?: number
  error?: string
  size: number
  /** Seconds since the start of the run. */
  offset: number
  /** Connection set-up time (a worker's first request; keep-alive after), seconds. */
  conn: number
}

const f4 = (n: number) => n.toFixed(4)

export function summary(samples: readonly Sample[], totalSeconds: number): string {
  const ok = samples.filter((s) => s.error === undefined)
  const numRes = samples.reduce((sum, s) => sum + s.weight, 0)
  const okCount = ok.reduce((sum, s) => sum + s.weight, 0)
  const lats = [...ok].sort((a, b) => a.latency - b.latency)
  const avg = (pick: (s: Sample) => number) => (okCount ? ok.reduce((sum, s) => sum + pick(s) * s.weight, 0) / okCount : NaN)
  const fastest = lats[0]?.latency ?? 0
  const slowest = lats.at(-1)?.latency ?? 0
  const sizeTotal = ok.reduce((sum, s) => sum + s.size * s.weight, 0)
  let out = '\nSummary:\n'
  out += `  Total:\t${f4(totalSeconds)} secs\n`
  out += `  Slowest:\t${f4(slowest)} secs\n`
  out += `  Fastest:\t${f4(fastest)} secs\n`
  out += `  Average:\t${f4(avg((s) => s.latency))} secs\n`
  out += `  Requests/sec:\t${f4(numRes / totalSeconds)}\n`
  out += '  \n'
  if (sizeTotal > 0) out += `  Total data:\t${Math.round(sizeTotal)} bytes\n  Size/request:\t${okCount ? Math.floor(sizeTotal / okCount) : 0} bytes\n`
  out += '\nResponse time histogram:\n'
  if (lats.length) out += histogram(lats, fastest, slowest)
  out += '\n\nLatency distribution:'
  for (const [p, v] of percentiles(lats, okCount)) out += `\n  ${p}% in ${f4(v)} secs`
  const conns = ok.map((s) => s.conn).sort((a, b) => a - b)
  const waits = ok.map((s) => s.latency - s.conn).sort((a, b) => a - b)
  const row = (name: string, average: number, sorted: number[]) => `\n  ${name}:\t${f4(average)} secs, ${f4(sorted[0] ?? 0)} secs, ${f4(sorted.at(-1) ?? 0)} secs`
  out += '\n\nDetails (average, fastest, slowest):'
  out += row('DNS+dialup', avg((s) => s.conn), conns)
  out += row('DNS-lookup', avg(() => 0), [0])
  out += row('req write', avg(() => 0), [0])
  out += row('resp wait', avg((s) => s.latency - s.conn), waits)
  out += row('resp read', avg(() => 0), [0])
  out += '\n\nStatus code distribution:'
  const codes = new Map<number, number>()
  for (const s of ok) codes.set(s.status ?? 0, (codes.get(s.status ?? 0) ?? 0) + s.weight)
  for (const code of [...codes.keys()].sort((a, b) => a - b)) out += `\n  [${code}]\t${codes.get(code)} responses`
  out += '\n\n'
  const errors = new Map<string, number>()
  for (const s of samples) if (s.error !== undefined) errors.set(s.error, (errors.get(s.error) ?? 0) + s.weight)
  if (errors.size) {
    out += 'Error distribution:'
    for (const [error, count] of [...errors].sort((a, b) => (a[0] < b[0] ? -1 : 1))) out += `\n  [${count}]\t${error}`
  }
  return `${out}\n\n`
}

/** Eleven buckets from fastest to slowest, counts weighted; bars as hey draws them. */
function histogram(sorted: readonly Sample[], fastest: number, slowest: number): string {
  const marks = Array.from({ length: 11 }, (_, i) => (i === 10 ? slowest : fastest + ((slowest - fastest) / 10) * i))
  const counts = new Array<number>(11).fill(0)
  let b = 0
  for (const s of sorted) {
    while (s.latency > marks[b] && b < 10) b++
    counts[b] += s.weight
  }
  const max = Math.max(...counts)
  return marks.map((mark, i) => `  ${mark.toFixed(3)} [${counts[i]}]\t|${'■'.repeat(max > 0 ? Math.floor((counts[i] * 40 + Math.floor(max / 2)) / max) : 0)}\n`).join('')
}

/** hey's percentiles: walking the sorted latencies, the first whose position reaches each percentage. */
function percentiles(sorted: readonly Sample[], total: number): [number, number][] {
  const wanted = [10, 25, 50, 75, 90, 95, 99]
  const out: [number, number][] = wanted.map((p) => [p, 0])
  let seen = 0
  let j = 0
  for (const s of sorted) {
    while (j < wanted.length && Math.floor((seen * 100) / total) >= wanted[j]) out[j++][1] = s.latency
    seen += s.weight
    while (j < wanted.length && Math.floor(((seen - 1) * 100) / total) >= wanted[j]) out[j++][1] = s.latency
  }
  return out.map(([p, v]) => (v > 0 ? [p, v] : [0, 0]))
}

/** `-o csv`: one line per request (samples repeated by weight, at most 1,000,000 lines as hey keeps). */
export function csv(samples: readonly Sample[]): string {
  let out = 'response-time,DNS+dialup,DNS,Request-write,Response-delay,Response-read,status-code,offset'
  let lines = 0
  for (const s of samples) {
    if (s.error !== undefined) continue
    for (let k = 0; k < s.weight && lines < 1_000_000; k++, lines++)
      out += `\n${f4(s.latency)},${f4(s.conn)},${f4(0)},${f4(0)},${f4(s.latency - s.conn)},${f4(0)},${s.status ?? 0},${f4(s.offset)}`
  }
  return `${out}\n`
}
