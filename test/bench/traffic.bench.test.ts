import { it } from 'vitest'
import { createSandbox, type Sandbox } from '../../src/sandbox/index.ts'
import { Simulation, type SimState } from '../../src/sim/index.ts'
import { ok, setUp } from './fleet.ts'

/**
 * `npm run bench`: 10,000 requests through one ALB with 50 healthy targets (issue 5; target: under 100 ms), with ip
 * targets (Fargate tasks' ENIs) and with instance targets (bridge-mode tasks on EC2, each an instance and its dynamic
 * host port, reached through docker0's NAT; issue 15). Prints figures, asserts nothing (house rule 7). The network
 * path is timed twice on the same simulation: the first 10,000 include the JavaScript engine compiling the path; the
 * next 10,000 are the steady cost of a request.
 */
function measure(sandbox: Sandbox, lbName: string, what: string): void {
  const dns = ok(sandbox, `aws elbv2 describe-load-balancers --names ${lbName} --query LoadBalancers[0].DNSName`) as unknown as string
  const line = `curl -s -o /dev/null -w '%{http_code}' http://${dns}/`
  if (sandbox.exec(line).stdout !== '200') throw new Error(`curl did not get 200: ${JSON.stringify(sandbox.exec(line))}`)
  const healthy = Object.values(sandbox.world().elbv2.targets).flat().filter((t) => t.state === 'healthy').length
  // The network path alone: the simulation resumed from the sandbox's snapshot, requests sent as curl sends them.
  const sim = new Simulation(sandbox.snapshot() as unknown as SimState)
  const request = { method: 'GET', url: `http://${dns}/`, headers: { Host: dns, 'User-Agent': 'curl/8.5.0', Accept: '*/*' } }
  // Wall time and this process's CPU time (user + system): on a loaded machine the wall time includes waiting for a core.
  const batch = () => {
    const start = performance.now()
    const cpu = process.cpuUsage()
    for (let i = 0; i < 10_000; i++) sim.http(request)
    const used = process.cpuUsage(cpu)
    return { wall: performance.now() - start, cpu: (used.user + used.system) / 1000 }
  }
  const cold = batch()
  const warm = batch()
  // The hop after the target group names the target: an ENI's address:port, or instance ID:host port.
  const targets = new Set(sim.state.world.elbv2.traffic.recent.map((r) => r.hops[r.hops.findIndex((h) => h.resource.includes(':targetgroup/')) + 1]?.resource)).size
  const start = performance.now()
  for (let i = 0; i < 10_000; i++) sandbox.exec(line)
  const viaExec = performance.now() - start
  console.log(
    [
      `10,000 requests through one ALB with ${healthy} healthy ${what} (the last 20 reached ${targets} different targets):`,
      `  network path: ${Math.round(warm.wall)} ms (${Math.round(warm.cpu)} ms CPU; target < 100 ms); the first 10,000, while the engine compiles the path: ${Math.round(cold.wall)} ms (${Math.round(cold.cpu)} ms CPU)`,
      `  10,000 curl commands through sandbox.exec (shell + curl + network + undo log): ${Math.round(viaExec)} ms`,
    ].join('\n'),
  )
}

it('10,000 curl requests through an ALB with 50 targets', () => {
  const { sandbox } = setUp(1, 1, 50)
  sandbox.advance(10 * 60_000)
  measure(sandbox, 'lb0', 'ip targets (Fargate task ENIs)')
}, 600_000)

/**
 * 50 bridge-mode tasks of one service on two t3.xlarge container instances (16 GiB each), every one registered as
 * (instance ID, dynamic host port), the instances' group letting the ALB's group in on the ephemeral range.
 */
function bridgeFleet(): Sandbox {
  const sandbox = createSandbox()
  const world = sandbox.world()
  const subnets = Object.values(world.ec2.subnets).map((s) => s.SubnetId)
  const vpc = Object.keys(world.ec2.vpcs)[0]
  const web = Object.values(world.ec2.securityGroups).find((g) => g.GroupName === 'web')?.GroupId
  const ami = sandbox.exec('aws ssm get-parameters --names /aws/service/ecs/optimized-ami/amazon-linux-2023/recommended/image_id --query Parameters[0].Value --output text').stdout.trim()
  ok(sandbox, 'aws ecs create-cluster --cluster-name bench')
  ok(sandbox, 'aws iam create-instance-profile --instance-profile-name ecsInstanceRole')
  ok(sandbox, 'aws iam add-role-to-instance-profile --instance-profile-name ecsInstanceRole --role-name ecsInstanceRole')
  const hosts = (ok(sandbox, `aws ec2 create-security-group --group-name ecs-hosts --description "ECS hosts" --vpc-id ${vpc}`) as unknown as { GroupId: string }).GroupId
  ok(sandbox, `aws ec2 authorize-security-group-ingress --group-id ${hosts} --protocol tcp --port 32768-65535 --source-group ${web}`)
  sandbox.files.write('join.sh', '#!/bin/bash\necho ECS_CLUSTER=bench >> /etc/ecs/ecs.config\n')
  ok(sandbox, `aws ec2 run-instances --image-id ${ami} --instance-type t3.xlarge --count 2 --subnet-id ${subnets[0]} --security-group-ids ${hosts} --iam-instance-profile Name=ecsInstanceRole --user-data file://join.sh`)
  sandbox.advance(3 * 60_000)
  ok(sandbox, `aws ecs register-task-definition --family web --requires-compatibilities EC2 --network-mode bridge --container-definitions '[{"name":"web","image":"nginx","memory":128,"portMappings":[{"containerPort":80,"hostPort":0}]}]'`)
  const lb = (ok(sandbox, `aws elbv2 create-load-balancer --name bridge-lb --subnets ${subnets.join(' ')} --security-groups ${web}`) as unknown as { LoadBalancers: { LoadBalancerArn: string }[] }).LoadBalancers[0].LoadBalancerArn
  const tg = (ok(sandbox, `aws elbv2 create-target-group --name bridge-tg --protocol HTTP --port 80 --vpc-id ${vpc} --target-type instance`) as unknown as { TargetGroups: { TargetGroupArn: string }[] }).TargetGroups[0].TargetGroupArn
  ok(sandbox, `aws elbv2 create-listener --load-balancer-arn ${lb} --protocol HTTP --port 80 --default-actions Type=forward,TargetGroupArn=${tg}`)
  ok(sandbox, `aws ecs create-service --cluster bench --service-name web --task-definition web --desired-count 50 --launch-type EC2 --load-balancers targetGroupArn=${tg},containerName=web,containerPort=80`)
  return sandbox
}

it('10,000 curl requests through an ALB with 50 instance targets (bridge mode, dynamic host ports)', () => {
  const sandbox = bridgeFleet()
  sandbox.advance(10 * 60_000)
  const pairs = new Set(Object.values(sandbox.world().elbv2.targets).flat().map((t) => `${t.Id}:${t.Port}`)).size
  measure(sandbox, 'bridge-lb', `instance targets (bridge tasks on 2 instances, ${pairs} instance:hostPort pairs)`)
}, 600_000)
