import { describe, expect, it } from 'vitest'
import { createSandbox } from '../../../src/sandbox/index.ts'
import { ok, query } from './harness.ts'

/** One event (at 2026-01-05 09:07:30.250 UTC) and each function of §6.1 applied to its fields. */
const G = '/fn'
const MESSAGE = { n: -2.5, s: '  Hello World  ', t: 'abc', ip4: '10.0.1.5', ip6: '2001:db8::1', zero: 0, empty: '', blank: '   ', big: 16 }

const sandbox = createSandbox({ seed: 2 })
ok(sandbox, `aws logs create-log-group --log-group-name ${G}`)
ok(sandbox, `aws logs create-log-stream --log-group-name ${G} --log-stream-name s`)
const AT = sandbox.now() + 7 * 60_000 + 30_250
sandbox.files.write('e.json', JSON.stringify([{ timestamp: AT, message: JSON.stringify(MESSAGE) }]))
ok(sandbox, `aws logs put-log-events --log-group-name ${G} --log-stream-name s --log-events file://e.json`)
sandbox.advance(15 * 60_000)

/** The value of `expr` for the event, or undefined when the result has no such column. */
const value = (expr: string): string | undefined =>
  query(sandbox, `fields ${expr} as v`, G).results[0].find((c: { field: string }) => c.field === 'v')?.value

describe('Logs Insights functions', () => {
  it.each<[string, string | undefined]>([
    // numeric
    ['abs(n)', '2.5'],
    ['ceil(n)', '-2'],
    ['floor(n)', '-3'],
    ['sqrt(big)', '4'],
    ['log(1)', '0'],
    ['greatest(n, zero, big)', '16'],
    ['least(n, zero, big)', '-2.5'],
    ['greatest(missing, zero)', '0'],
    ['abs(missing)', undefined],
    // arithmetic
    ['big + 1', '17'],
    ['big - n', '18.5'],
    ['big * 2', '32'],
    ['big / 4', '4'],
    ['big % 5', '1'],
    ['2 ^ 3', '8'],
    ['-n', '2.5'],
    ['big / zero', undefined],
    ['missing + 1', undefined],
    // general
    ['ispresent(t)', 'true'],
    ['ispresent(missing)', 'false'],
    ['coalesce(missing, empty, t)', 'abc'],
    ['coalesce(missing)', undefined],
    // string
    ['isempty(empty)', 'true'],
    ['isempty(missing)', 'true'],
    ['isempty(blank)', 'false'],
    ['isblank(blank)', 'true'],
    ['concat(t, "-", big)', 'abc-16'],
    ['ltrim(s)', 'Hello World  '],
    ['rtrim(s)', '  Hello World'],
    ['trim(s)', 'Hello World'],
    ['trim(t, "ac")', 'b'],
    ['strlen(t)', '3'],
    ['strlen(empty)', '0'],
    ['toupper(t)', 'ABC'],
    ['tolower("ABC")', 'abc'],
    ['substr(t, 1)', 'bc'],
    ['substr(t, 0, 2)', 'ab'],
    ['substr(t, 5)', ''],
    ['replace(t, "b", "XX")', 'aXXc'],
    ['strcontains(s, "World")', 'true'],
    ['strcontains(s, "world")', 'false'],
    // datetime
    ['bin(5m)', '2026-01-05 09:05:00.000'],
    ['bin(1h)', '2026-01-05 09:00:00.000'],
    ['bin(30s)', '2026-01-05 09:07:30.000'],
    ['bin(1hrs)', '2026-01-05 09:00:00.000'],
    ['bin(1d)', '2026-01-05 00:00:00.000'],
    ['bin(1mo)', '2026-01-01 00:00:00.000'],
    ['bin(1y)', '2026-01-01 00:00:00.000'],
    ['datefloor(@timestamp, 1m)', '2026-01-05 09:07:00.000'],
    ['dateceil(@timestamp, 1m)', '2026-01-05 09:08:00.000'],
    ['toMillis(@timestamp)', String(AT)],
    ['fromMillis(0)', '1970-01-01 00:00:00.000'],
    ['@timestamp', '2026-01-05 09:07:30.250'],
    // IP
    ['isValidIp(ip4)', 'true'],
    ['isValidIp(t)', 'false'],
    ['isValidIpV4(ip6)', 'false'],
    ['isValidIpV6(ip6)', 'true'],
    ['isIpInSubnet(ip4, "10.0.0.0/16")', 'true'],
    ['isIpInSubnet(ip4, "10.1.0.0/16")', 'false'],
    ['isIpv4InSubnet(ip4, "10.0.1.0/24")', 'true'],
    ['isIpv6InSubnet(ip6, "2001:db8::/32")', 'true'],
    ['isIpv6InSubnet(ip6, "2001:db9::/32")', 'false'],
  ])('%s → %s', (expr, expected) => {
    expect(value(expr)).toBe(expected)
  })
})
