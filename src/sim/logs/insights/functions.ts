import { ceilTo, floorTo } from './time.ts'
import { toNumber, toText, type Value } from './values.ts'

/**
 * The scalar functions of §6.1 (https://docs.aws.amazon.com/AmazonCloudWatch/latest/logs/CWL_QuerySyntax-operations-functions.html),
 * by lower-case name. `time`: the result is a timestamp (printed as one). A function given a missing value answers
 * nothing rather than failing, as Logs Insights leaves such a cell empty.
 */
export interface ScalarFunction {
  minArgs: number
  maxArgs: number
  time?: boolean
  /** `timestamp`: the event's `@timestamp`, which `bin` rounds. */
  call(args: Value[], timestamp: number): Value
}

const numeric = (f: (x: number) => number): ScalarFunction => ({
  minArgs: 1,
  maxArgs: 1,
  call: ([x]) => {
    const n = toNumber(x)
    return n === undefined ? undefined : f(n)
  },
})

const text = (f: (s: string, rest: Value[]) => Value, minArgs = 1, maxArgs = minArgs): ScalarFunction => ({
  minArgs,
  maxArgs,
  call: ([s, ...rest]) => {
    const t = toText(s)
    return t === undefined ? undefined : f(t, rest)
  },
})

const extreme = (pick: (a: number, b: number) => boolean): ScalarFunction => ({
  minArgs: 1,
  maxArgs: 100,
  call: (args) => {
    let best: number | undefined
    for (const a of args) {
      const n = toNumber(a)
      if (n !== undefined && (best === undefined || pick(n, best))) best = n
    }
    return best
  },
})

const IPV4 = /^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}$/
const isIpv4 = (s: string) => IPV4.test(s)
const isIpv6 = (s: string) => s.includes(':') && /^[0-9a-fA-F:.]+$/.test(s) && (s.match(/::/g) ?? []).length <= 1 && s.split(':').length <= 8
const ipv4Number = (s: string) => s.split('.').reduce((n, part) => n * 256 + Number(part), 0)

function inIpv4Subnet(ip: string, cidr: string): boolean {
  const [base, bits = '32'] = cidr.split('/')
  const prefix = Number(bits)
  if (!isIpv4(ip) || !isIpv4(base) || !(prefix >= 0 && prefix <= 32)) return false
  const size = 2 ** (32 - prefix)
  return Math.floor(ipv4Number(ip) / size) === Math.floor(ipv4Number(base) / size)
}

/** IPv6 subnet test on the expanded address's bits. */
function inIpv6Subnet(ip: string, cidr: string): boolean {
  const [base, bits = '128'] = cidr.split('/')
  const expand = (s: string): string | undefined => {
    if (!isIpv6(s)) return undefined
    const [head, tail = ''] = s.split('::')
    const h = head ? head.split(':') : []
    const t = s.includes('::') ? (tail ? tail.split(':') : []) : []
    const groups = [...h, ...Array(8 - h.length - t.length).fill('0'), ...t]
    return groups.map((g) => parseInt(g || '0', 16).toString(2).padStart(16, '0')).join('')
  }
  const a = expand(ip)
  const b = expand(base)
  const prefix = Number(bits)
  return a !== undefined && b !== undefined && prefix >= 0 && prefix <= 128 && a.slice(0, prefix) === b.slice(0, prefix)
}

const ip = (test: (s: string, rest: Value[]) => boolean, args = 1): ScalarFunction => text((s, rest) => test(s, rest), args)

export const FUNCTIONS: Readonly<Record<string, ScalarFunction>> = {
  // Numeric
  abs: numeric(Math.abs),
  ceil: numeric(Math.ceil),
  floor: numeric(Math.floor),
  log: numeric(Math.log),
  sqrt: numeric(Math.sqrt),
  greatest: extreme((a, b) => a > b),
  least: extreme((a, b) => a < b),
  // General
  ispresent: { minArgs: 1, maxArgs: 1, call: ([x]) => x !== undefined },
  coalesce: { minArgs: 1, maxArgs: 100, call: (args) => args.find((a) => a !== undefined && a !== '') },
  // String
  isempty: { minArgs: 1, maxArgs: 1, call: ([x]) => x === undefined || x === '' },
  isblank: { minArgs: 1, maxArgs: 1, call: ([x]) => x === undefined || String(x).trim() === '' },
  concat: { minArgs: 1, maxArgs: 100, call: (args) => args.map((a) => (a === undefined ? '' : String(a))).join('') },
  ltrim: text((s, [chars]) => trimWith(s, chars, true, false), 1, 2),
  rtrim: text((s, [chars]) => trimWith(s, chars, false, true), 1, 2),
  trim: text((s, [chars]) => trimWith(s, chars, true, true), 1, 2),
  strlen: text((s) => [...s].length),
  toupper: text((s) => s.toUpperCase()),
  tolower: text((s) => s.toLowerCase()),
  substr: text((s, [start, length]) => {
    const from = toNumber(start) ?? 0
    const count = toNumber(length)
    return [...s].slice(from, count === undefined ? undefined : from + count).join('')
  }, 2, 3),
  replace: text((s, [search, replacement]) => (search === undefined ? s : s.split(String(search)).join(replacement === undefined ? '' : String(replacement))), 3),
  strcontains: text((s, [part]) => (part === undefined ? undefined : s.includes(String(part))), 2),
  // Datetime: timestamps are epoch milliseconds.
  bin: { minArgs: 1, maxArgs: 1, time: true, call: ([period], timestamp) => (typeof period === 'number' && period !== 0 ? floorTo(timestamp, period) : undefined) },
  datefloor: { minArgs: 2, maxArgs: 2, time: true, call: ([at, period]) => time2(at, period, floorTo) },
  dateceil: { minArgs: 2, maxArgs: 2, time: true, call: ([at, period]) => time2(at, period, ceilTo) },
  frommillis: { minArgs: 1, maxArgs: 1, time: true, call: ([n]) => toNumber(n) },
  tomillis: { minArgs: 1, maxArgs: 1, call: ([at]) => toNumber(at) },
  // IP addresses
  isvalidip: ip((s) => isIpv4(s) || isIpv6(s)),
  isvalidipv4: ip(isIpv4),
  isvalidipv6: ip(isIpv6),
  isipinsubnet: ip((s, [cidr]) => (isIpv4(s) ? inIpv4Subnet(s, String(cidr)) : inIpv6Subnet(s, String(cidr))), 2),
  isipv4insubnet: ip((s, [cidr]) => inIpv4Subnet(s, String(cidr)), 2),
  isipv6insubnet: ip((s, [cidr]) => inIpv6Subnet(s, String(cidr)), 2),
}

function time2(at: Value, period: Value, round: (at: number, period: number) => number): Value {
  const t = toNumber(at)
  return t === undefined || typeof period !== 'number' || period === 0 ? undefined : round(t, period)
}

/** Trims whitespace, or the characters of `chars` when given. */
function trimWith(s: string, chars: Value, left: boolean, right: boolean): string {
  const set = chars === undefined ? undefined : String(chars)
  const strip = (c: string) => (set === undefined ? /\s/.test(c) : set.includes(c))
  let start = 0
  let end = s.length
  if (left) while (start < end && strip(s[start])) start++
  if (right) while (end > start && strip(s[end - 1])) end--
  return s.slice(start, end)
}
