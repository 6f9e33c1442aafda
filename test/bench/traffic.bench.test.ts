import { it } from 'vitest'
import { Simulation, type SimState } from '../../src/sim/index.ts'
import { ok, setUp } from './fleet.ts'

/**
 * `npm run bench`: 10,000 requests through one ALB with 50 healthy targets (issue 5; target: under 100 ms).
 * Prints figures, asserts nothing (house rule 7). The network path is timed twice on the same simulation: the first
 * 10,000 include the JavaScript engine compiling the path; the next 10,000 are the steady cost of a request.
 */
it('10,000 curl requests through an ALB with 50 targets', () => {
  const { sandbox } = setUp(1, 1, 50)
  sandbox.advance(10 * 60_000)
  const dns = ok(sandbox, 'aws elbv2 describe-load-balancers --names lb0 --query LoadBalancers[0].DNSName') as unknown as string
  const line = `curl -s -o /dev/null -w '%{http_code}' http://${dns}/`
  if (sandbox.exec(line).stdout !== '200') throw new Error(`curl did not get 200: ${JSON.stringify(sandbox.exec(line))}`)
  const healthy = Object.values(sandbox.world().elbv2.targets).flat().filter((t) => t.state === 'healthy').length
  // The network path alone: the simulation resumed from the sandbox's snapshot, requests sent as curl sends them.
  const sim = new Simulation(sandbox.snapshot() as unknown as SimState)
  const request = { method: 'GET', url: `http://${dns}/`, headers: { Host: dns, 'User-Agent': 'curl/8.5.0', Accept: '*/*' } }
  const batch = () => {
    const start = performance.now()
    for (let i = 0; i < 10_000; i++) sim.http(request)
    return performance.now() - start
  }
  const cold = batch()
  const warm = batch()
  const targets = new Set(sim.state.world.elbv2.traffic.recent.map((r) => r.hops.at(-2)?.resource)).size
  const start = performance.now()
  for (let i = 0; i < 10_000; i++) sandbox.exec(line)
  const viaExec = performance.now() - start
  console.log(
    [
      `10,000 requests through one ALB with ${healthy} healthy targets (the last 20 reached ${targets} different targets):`,
      `  network path: ${Math.round(warm)} ms (target < 100 ms); the first 10,000, while the engine compiles the path: ${Math.round(cold)} ms`,
      `  10,000 curl commands through sandbox.exec (shell + curl + network + undo log): ${Math.round(viaExec)} ms`,
    ].join('\n'),
  )
}, 600_000)
