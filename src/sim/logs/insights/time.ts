/**
 * Time in Logs Insights: `bin()` periods and how results print timestamps.
 * Units as the stats page lists them, each also pluralised with `s` (`hrs`, `mins`)
 * [doc https://docs.aws.amazon.com/AmazonCloudWatch/latest/logs/CWL_QuerySyntax-Stats.html].
 */
const UNIT_MS: Readonly<Record<string, number>> = {
  ms: 1, msec: 1, millisecond: 1,
  s: 1000, sec: 1000, second: 1000,
  m: 60_000, min: 60_000, minute: 60_000,
  h: 3_600_000, hr: 3_600_000, hour: 3_600_000,
  d: 86_400_000, day: 86_400_000,
  w: 604_800_000, week: 604_800_000,
}

/** Calendar units: a month is not a fixed number of milliseconds. Value: months per unit. */
const CALENDAR_MONTHS: Readonly<Record<string, number>> = { mo: 1, mon: 1, month: 1, q: 3, qtr: 3, quarter: 3, y: 12, yr: 12, year: 12 }

/** A period such as `30m`: fixed milliseconds, or a number of calendar months (negative, to tell them apart). */
export function durationMs(text: string): number | undefined {
  const m = /^(\d+(?:\.\d+)?)([A-Za-z]+)$/.exec(text)
  if (!m) return undefined
  const amount = Number(m[1])
  const unit = m[2].toLowerCase()
  const single = UNIT_MS[unit] !== undefined || CALENDAR_MONTHS[unit] !== undefined ? unit : unit.endsWith('s') ? unit.slice(0, -1) : unit
  if (UNIT_MS[single] !== undefined) return amount * UNIT_MS[single]
  if (CALENDAR_MONTHS[single] !== undefined && Number.isInteger(amount)) return -amount * CALENDAR_MONTHS[single]
  return undefined
}

/** `at` rounded down to a multiple of `period` (from `durationMs`; calendar periods count months from 1970). */
export function floorTo(at: number, period: number): number {
  if (period > 0) return Math.floor(at / period) * period
  const months = -period
  const d = new Date(at)
  const index = d.getUTCFullYear() * 12 + d.getUTCMonth()
  const start = Math.floor(index / months) * months
  return Date.UTC(Math.floor(start / 12), start % 12, 1)
}

export function ceilTo(at: number, period: number): number {
  const floor = floorTo(at, period)
  if (floor === at) return at
  return period > 0 ? floor + period : floorTo(floor + 32 * 86_400_000 * -period, period)
}

/** Results print times as `2025-06-01 12:00:00.000`, UTC (§6.2). */
export function resultTimestamp(ms: number): string {
  const iso = new Date(ms).toISOString()
  return `${iso.slice(0, 10)} ${iso.slice(11, 23)}`
}
