import { describe, expect, it } from 'vitest'
import { createSandbox } from '../../../src/sandbox/index.ts'
import { run, webService } from '../../sim/cloudwatch/harness.ts'

describe('hey', () => {
  it('runs -n requests with -c workers and prints hey’s summary sections in its format', () => {
    const sandbox = webService()
    const before = sandbox.now()
    const out = run(sandbox, 'hey -n 100 -c 10 http://$DNS/')
    expect(out).toMatch(/^\nSummary:\n {2}Total:\t\d+\.\d{4} secs\n {2}Slowest:\t\d\.\d{4} secs\n {2}Fastest:\t\d\.\d{4} secs\n {2}Average:\t\d\.\d{4} secs\n {2}Requests\/sec:\t\d+\.\d{4}\n {2}\n {2}Total data:\t\d+ bytes\n {2}Size\/request:\t\d+ bytes\n\nResponse time histogram:\n/)
    expect(out.match(/^ {2}\d\.\d{3} \[\d+\]\t\|■*$/gm)).toHaveLength(11)
    expect(out).toContain('\n\n\nLatency distribution:\n  10% in ')
    expect(out).toContain('\n  99% in ')
    expect(out).toContain('Details (average, fastest, slowest):\n  DNS+dialup:\t')
    expect(out).toMatch(/Status code distribution:\n {2}\[200\]\t100 responses\n\n\n\n$/)
    // The run takes virtual time: its Total, rounded to the millisecond.
    const total = Number(/Total:\t([\d.]+)/.exec(out)?.[1])
    expect(sandbox.now() - before).toBe(Math.round(total * 1000))
  })

  it('-z runs for the duration and moves the clock by it, as waiters do', () => {
    const sandbox = webService()
    const before = sandbox.now()
    const out = run(sandbox, 'hey -z 2m -q 5 -c 4 http://$DNS/')
    expect(sandbox.now() - before).toBe(120_000)
    expect(out).toContain('  Total:\t120.0000 secs\n')
    // -q 5 per worker, 4 workers: 20 requests a second for 120 s.
    expect(out).toContain('  Requests/sec:\t20.0000\n')
    expect(out).toContain('  [200]\t2400 responses')
  })

  it('reports connection errors in the error distribution, in Go’s words', () => {
    const sandbox = createSandbox()
    const out = run(sandbox, 'hey -n 10 -c 2 http://nowhere.invalid/')
    expect(out).toContain('Error distribution:\n  [10]\tGet "http://nowhere.invalid/": dial tcp: lookup nowhere.invalid: no such host\n')
  })

  it('usage errors: hey’s message, the usage, exit 1; an unknown flag is Go’s flag error, exit 2', () => {
    const sandbox = createSandbox()
    const few = sandbox.exec('hey -n 5 -c 10 http://example.com/')
    expect(few.exitCode).toBe(1)
    expect(few.stderr).toMatch(/^-n cannot be less than -c\.\n\nUsage: hey \[options\.\.\.\] <url>/)
    const unknown = sandbox.exec('hey -k http://example.com/')
    expect(unknown.exitCode).toBe(2)
    expect(unknown.stderr).toMatch(/^flag provided but not defined: -k\nUsage: hey/)
    expect(sandbox.exec('hey').stderr).toMatch(/^Usage: hey/)
    expect(sandbox.exec('hey -z 1x http://example.com/').stderr).toContain('invalid value "1x" for flag -z: parse error')
  })

  it('sends -m, -H and -d through to the container', () => {
    const sandbox = webService()
    const out = run(sandbox, 'hey -n 2 -c 1 -m POST -H "X-Trace: 1" -d hello http://$DNS/')
    expect(out).toMatch(/\[\d{3}\]\t2 responses/)
  })
})
