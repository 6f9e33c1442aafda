/**
 * Axis arithmetic for the metric charts: round tick values a reader can take in at a glance (1, 2 or 5 times a
 * power of ten, as chart libraries and CloudWatch's own console choose them), and time ticks on whole minutes.
 */

/** Ticks from 0 to a round value at or above `max`, about `count` of them. */
export function valueTicks(max: number, count = 4): number[] {
  if (!(max > 0) || !Number.isFinite(max)) return [0, 1]
  const raw = max / count
  const power = 10 ** Math.floor(Math.log10(raw))
  const step = [1, 2, 5, 10].map((m) => m * power).find((s) => s >= raw) ?? 10 * power
  const top = Math.ceil(max / step - 1e-9) * step
  const ticks: number[] = []
  for (let v = 0; v <= top + step / 2; v += step) ticks.push(Number(v.toPrecision(12)))
  return ticks
}

const MINUTE = 60_000
const TIME_STEPS = [1, 2, 5, 10, 15, 30, 60, 120, 180, 360, 720, 1440].map((m) => m * MINUTE)

/** Instants between `from` and `to` on whole steps of minutes, about `count` of them. */
export function timeTicks(from: number, to: number, count = 5): number[] {
  if (!(to > from)) return [from]
  const step = TIME_STEPS.find((s) => (to - from) / s <= count) ?? TIME_STEPS[TIME_STEPS.length - 1]
  const ticks: number[] = []
  for (let t = Math.ceil(from / step) * step; t <= to; t += step) ticks.push(t)
  return ticks
}

/** "14:05" in UTC, the simulated clock's zone; with the date when the range spans more than a day. */
export function timeLabel(at: number, withDate: boolean): string {
  const iso = new Date(at).toISOString()
  return withDate ? `${iso.slice(5, 10)} ${iso.slice(11, 16)}` : iso.slice(11, 16)
}

/** A value as a tick or a summary shows it: no more than three significant digits, no trailing zeros. */
export function valueLabel(value: number): string {
  if (value === 0) return '0'
  const abs = Math.abs(value)
  if (abs >= 1e6) return `${Number((value / 1e6).toPrecision(3))}M`
  if (abs >= 1e4) return `${Number((value / 1e3).toPrecision(3))}k`
  return String(Number(value.toPrecision(3)))
}
