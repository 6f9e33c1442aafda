import { it } from 'vitest'
import { createSandbox, type Sandbox } from '../../src/sandbox/index.ts'
import { Simulation, type SimState } from '../../src/sim/index.ts'

/**
 * `npm run bench`: the simulation at scale (issue 5). Prints figures, asserts nothing (house rule 7).
 * 1. One virtual hour of 50 services with 1,000 Fargate tasks behind 10 ALBs (5 target groups each, path rules),
 *    with a rolling deployment of every service at the half hour. Targets: under 1 s wall time, under 200 MB heap.
 * 2. 10,000 curl requests through one ALB with 50 healthy targets. Target: under 100 ms.
 */
function ok(sandbox: Sandbox, line: string): Record<string, never> & Record<string, unknown> {
  const result = sandbox.exec(line)
  if (result.exitCode !== 0) throw new Error(`${line}\n${result.stderr}`)
  return result.stdout ? JSON.parse(result.stdout) : {}
}

const arn = (value: unknown, path: string): string => path.split('.').reduce((v: unknown, k) => (v as Record<string, unknown>)[k], value) as string

function setUp(albs: number, servicesPerAlb: number, tasksPerService: number) {
  const sandbox = createSandbox()
  const world = sandbox.world()
  const subnets = Object.keys(world.ec2.subnets)
  const vpc = Object.keys(world.ec2.vpcs)[0]
  const web = Object.values(world.ec2.securityGroups).find((g) => g.GroupName === 'web')?.GroupId
  ok(sandbox, 'aws ecs create-cluster --cluster-name bench')
  for (const image of ['nginx', 'httpd'])
    ok(sandbox, `aws ecs register-task-definition --family web --requires-compatibilities FARGATE --network-mode awsvpc --cpu 256 --memory 512 --container-definitions '[{"name":"web","image":"${image}","portMappings":[{"containerPort":80}]}]'`)
  let service = 0
  for (let a = 0; a < albs; a++) {
    const lb = arn(ok(sandbox, `aws elbv2 create-load-balancer --name lb${a} --subnets ${subnets.join(' ')} --security-groups ${web}`), 'LoadBalancers.0.LoadBalancerArn')
    for (let s = 0; s < servicesPerAlb; s++, service++) {
      const tg = arn(ok(sandbox, `aws elbv2 create-target-group --name tg${service} --protocol HTTP --port 80 --vpc-id ${vpc} --target-type ip`), 'TargetGroups.0.TargetGroupArn')
      if (s === 0) {
        const listener = arn(ok(sandbox, `aws elbv2 create-listener --load-balancer-arn ${lb} --protocol HTTP --port 80 --default-actions Type=forward,TargetGroupArn=${tg}`), 'Listeners.0.ListenerArn')
        sandbox.exec(`L${a}=${listener}`)
      } else {
        ok(sandbox, `aws elbv2 create-rule --listener-arn $L${a} --priority ${s} --conditions Field=path-pattern,Values=/s${service}/* --actions Type=forward,TargetGroupArn=${tg}`)
      }
      ok(sandbox, `aws ecs create-service --cluster bench --service-name s${service} --task-definition web:1 --desired-count ${tasksPerService} --launch-type FARGATE --load-balancers targetGroupArn=${tg},containerName=web,containerPort=80 --network-configuration "awsvpcConfiguration={subnets=[${subnets.join(',')}],securityGroups=[${web}],assignPublicIp=ENABLED}"`)
    }
  }
  return { sandbox, services: service }
}

const mb = (bytes: number) => `${(bytes / 2 ** 20).toFixed(0)} MB`

it('one virtual hour: 50 services, 1,000 Fargate tasks, 10 ALBs, a rolling deployment', () => {
  const setupStart = performance.now()
  const { sandbox, services } = setUp(10, 5, 20)
  const setupMs = performance.now() - setupStart
  let peak = process.memoryUsage().heapUsed
  const sample = () => (peak = Math.max(peak, process.memoryUsage().heapUsed))
  let advanceMs = 0
  const advance = () => {
    const t = performance.now()
    sandbox.advance(60_000)
    advanceMs += performance.now() - t
    sample()
  }
  const start = performance.now()
  for (let minute = 0; minute < 30; minute++) advance()
  const deployStart = performance.now()
  for (let i = 0; i < services; i++) ok(sandbox, `aws ecs update-service --cluster bench --service s${i} --task-definition web:2`)
  const deployMs = performance.now() - deployStart
  for (let minute = 0; minute < 30; minute++) advance()
  const wall = performance.now() - start
  const cluster = ok(sandbox, 'aws ecs describe-clusters --clusters bench --query clusters[0]') as unknown as { runningTasksCount: number }
  const healthy = Object.values(sandbox.world().elbv2.targets).flat().filter((t) => t.state === 'healthy').length
  console.log(
    [
      `simulated hour: ${services} services, ${cluster.runningTasksCount} running tasks, ${healthy} healthy targets behind 10 ALBs at the end`,
      `set-up (CLI, not counted): ${Math.round(setupMs)} ms`,
      `wall time for the hour: ${Math.round(wall)} ms in all (target < 1000 ms)`,
      `  simulation (advance, 60 steps of one virtual minute): ${Math.round(advanceMs)} ms`,
      `  the ${services} update-service commands (CLI + ECS, undo log for rollback): ${Math.round(deployMs)} ms`,
      `peak heap: ${mb(peak)} (target < 200 MB)`,
    ].join('\n'),
  )
}, 600_000)

it('10,000 curl requests through an ALB with 50 targets', () => {
  const { sandbox } = setUp(1, 1, 50)
  sandbox.advance(10 * 60_000)
  const dns = (ok(sandbox, 'aws elbv2 describe-load-balancers --names lb0 --query LoadBalancers[0].DNSName') as unknown as string)
  const line = `curl -s -o /dev/null -w '%{http_code}' http://${dns}/`
  if (sandbox.exec(line).stdout !== '200') throw new Error(`curl did not get 200: ${JSON.stringify(sandbox.exec(line))}`)
  const healthy = Object.values(sandbox.world().elbv2.targets).flat().filter((t) => t.state === 'healthy').length
  // The network path alone: the simulation resumed from the sandbox's snapshot, requests sent as curl sends them.
  const sim = new Simulation(sandbox.snapshot() as unknown as SimState)
  const request = { method: 'GET', url: `http://${dns}/`, headers: { Host: dns, 'User-Agent': 'curl/8.5.0', Accept: '*/*' } }
  let start = performance.now()
  for (let i = 0; i < 10_000; i++) sim.http(request)
  const network = performance.now() - start
  start = performance.now()
  for (let i = 0; i < 10_000; i++) sandbox.exec(line)
  const viaExec = performance.now() - start
  console.log(
    [
      `10,000 requests through one ALB with ${healthy} healthy targets: ${Math.round(network)} ms for the network path (target < 100 ms)`,
      `10,000 curl commands through sandbox.exec (shell + curl + network): ${Math.round(viaExec)} ms`,
    ].join('\n'),
  )
}, 600_000)
