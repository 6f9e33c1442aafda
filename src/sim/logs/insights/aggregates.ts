import { compare, toNumber, type Value } from './values.ts'

/**
 * The aggregation functions `stats` takes (§6.1, https://docs.aws.amazon.com/AmazonCloudWatch/latest/logs/CWL_QuerySyntax-Stats.html).
 * An accumulator sees each row's argument value (and `@timestamp`, for earliest/latest); values that are missing, or
 * not numbers for the numeric ones, are skipped. An aggregate that saw no value answers nothing (`undefined`): the
 * column is then absent from that row of the results, as AWS leaves out fields without a value
 * (`stats avg(MemoryUitlized)`, the course notes' typo, gives rows without that column, not an error).
 */
export interface Accumulator {
  add(value: Value, timestamp: number): void
  result(): Value
}

export interface Aggregate {
  minArgs: number
  maxArgs: number
  /** `arg`: the second argument's constant (pct's percentile), if any. */
  make(arg: Value): Accumulator
  /** Whether the result is of the argument's type (min of timestamps is a timestamp). */
  keepsType?: boolean
}

class Sum implements Accumulator {
  sum = 0
  n = 0
  add(value: Value): void {
    const x = typeof value === 'number' ? value : toNumber(value)
    if (x !== undefined) {
      this.sum += x
      this.n++
    }
  }
  result(): Value {
    return this.n === 0 ? undefined : this.sum
  }
}

class Avg extends Sum {
  override result(): Value {
    return this.n === 0 ? undefined : this.sum / this.n
  }
}

/** Sample standard deviation (n − 1), Welford's method. */
class StdDev implements Accumulator {
  n = 0
  mean = 0
  m2 = 0
  add(value: Value): void {
    const x = toNumber(value)
    if (x === undefined) return
    this.n++
    const d = x - this.mean
    this.mean += d / this.n
    this.m2 += d * (x - this.mean)
  }
  result(): Value {
    return this.n < 2 ? (this.n === 1 ? 0 : undefined) : Math.sqrt(this.m2 / (this.n - 1))
  }
}

class Extreme implements Accumulator {
  best: Value
  private readonly sign: number
  constructor(sign: number) {
    this.sign = sign
  }
  add(value: Value): void {
    if (value === undefined) return
    if (this.best === undefined || (compare(value, this.best) ?? 0) * this.sign > 0) this.best = value
  }
  result(): Value {
    return this.best
  }
}

class Count implements Accumulator {
  n = 0
  private readonly all: boolean
  constructor(all: boolean) {
    this.all = all
  }
  add(value: Value): void {
    if (this.all || value !== undefined) this.n++
  }
  result(): Value {
    return this.n
  }
}

class CountDistinct implements Accumulator {
  seen = new Set<string>()
  add(value: Value): void {
    if (value !== undefined) this.seen.add(String(value))
  }
  result(): Value {
    return this.seen.size
  }
}

/** Nearest-rank percentile. */
class Percentile implements Accumulator {
  values: number[] = []
  private readonly p: number
  constructor(p: number) {
    this.p = p
  }
  add(value: Value): void {
    const x = toNumber(value)
    if (x !== undefined) this.values.push(x)
  }
  result(): Value {
    if (this.values.length === 0) return undefined
    const sorted = this.values.sort((a, b) => a - b)
    const rank = Math.max(1, Math.ceil((this.p / 100) * sorted.length))
    return sorted[Math.min(rank, sorted.length) - 1]
  }
}

/** The value at the earliest (or latest) `@timestamp`. */
class AtTime implements Accumulator {
  value: Value
  at = 0
  private readonly latest: boolean
  constructor(latest: boolean) {
    this.latest = latest
  }
  add(value: Value, timestamp: number): void {
    if (value === undefined) return
    if (this.value === undefined || (this.latest ? timestamp > this.at : timestamp < this.at)) {
      this.value = value
      this.at = timestamp
    }
  }
  result(): Value {
    return this.value
  }
}

export const AGGREGATES: Readonly<Record<string, Aggregate>> = {
  count: { minArgs: 0, maxArgs: 1, make: (arg) => new Count(arg === '*') },
  count_distinct: { minArgs: 1, maxArgs: 1, make: () => new CountDistinct() },
  sum: { minArgs: 1, maxArgs: 1, make: () => new Sum() },
  avg: { minArgs: 1, maxArgs: 1, make: () => new Avg() },
  min: { minArgs: 1, maxArgs: 1, keepsType: true, make: () => new Extreme(-1) },
  max: { minArgs: 1, maxArgs: 1, keepsType: true, make: () => new Extreme(1) },
  pct: { minArgs: 2, maxArgs: 2, make: (p) => new Percentile(toNumber(p) ?? 50) },
  stddev: { minArgs: 1, maxArgs: 1, make: () => new StdDev() },
  earliest: { minArgs: 1, maxArgs: 1, keepsType: true, make: () => new AtTime(false) },
  latest: { minArgs: 1, maxArgs: 1, keepsType: true, make: () => new AtTime(true) },
}
