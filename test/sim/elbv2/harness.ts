import { createSandbox } from '../../../src/sandbox/index.ts'
import { emptyScheduler, logEntry, Rng, Scheduler } from '../../../src/sim/core/index.ts'
import type { SimContext } from '../../../src/sim/context.ts'
import { sendRequest } from '../../../src/sim/network/index.ts'
import { createCurlProgram } from '../../../src/cli/curl/index.ts'
import { SERVICES } from '../../../src/sim/index.ts'

export type Sandbox = ReturnType<typeof createSandbox>

/** Runs a line and fails loudly when it does not succeed. */
export function ok(sandbox: Sandbox, line: string): string {
  const result = sandbox.exec(line)
  if (result.exitCode !== 0) throw new Error(`${line}\nexit ${result.exitCode}\n${result.stderr}`)
  return result.stdout
}

export const json = (sandbox: Sandbox, line: string) => JSON.parse(ok(sandbox, line))

/**
 * The course notes' load balancer setup with the corrected commands, leaving $LB, $TG, $LISTENER, $VPC,
 * $SUBNETS and $SG set in the shell.
 */
export function courseLoadBalancer(options: { wait?: boolean; seed?: number } = {}): Sandbox {
  const sandbox = createSandbox(options.seed === undefined ? {} : { seed: options.seed })
  ok(sandbox, "SUBNETS=$(aws ec2 describe-subnets --query 'Subnets[0:2].SubnetId' --output text)")
  ok(sandbox, "SG=$(aws ec2 describe-security-groups --group-names web --query 'SecurityGroups[0].GroupId' --output text)")
  ok(sandbox, "VPC=$(aws ec2 describe-vpcs --query 'Vpcs[0].VpcId' --output text)")
  ok(sandbox, "LB=$(aws elbv2 create-load-balancer --name FargateLoadBalancer --subnets $SUBNETS --security-groups $SG --scheme internet-facing --type application --ip-address-type ipv4 --query 'LoadBalancers[0].LoadBalancerArn' --output text)")
  ok(sandbox, "TG=$(aws elbv2 create-target-group --name FargateTargetGroup --protocol HTTP --port 8080 --vpc-id $VPC --target-type ip --query 'TargetGroups[0].TargetGroupArn' --output text)")
  ok(sandbox, "LISTENER=$(aws elbv2 create-listener --load-balancer-arn $LB --protocol HTTP --port 80 --default-actions Type=forward,TargetGroupArn=$TG --query 'Listeners[0].ListenerArn' --output text)")
  if (options.wait !== false) ok(sandbox, 'aws elbv2 wait load-balancer-available --load-balancer-arns $LB')
  return sandbox
}

/** A SimContext over the sandbox's live world, for calling the network layer directly (curl is not wired yet). */
export function contextOf(sandbox: Sandbox): SimContext {
  const world = sandbox.world()
  return {
    world,
    rng: Rng.fromSeed(1),
    scheduler: new Scheduler(emptyScheduler()),
    now: () => sandbox.now(),
    log: (resource, event) => void world.log.entries.push(logEntry(world.log, sandbox.now(), resource, event)),
    recordRequest: (request) => void world.elbv2.traffic.recent.push(request),
    putLogEvent: (event) => void world.logs.events.push(event),
    call: () => {
      throw new Error('not used')
    },
    invokeAlarmAction: () => false,
  }
}

/** Runs curl against the sandbox's network directly; the same program the sandbox will wire as `curl`. */
export function curl(sandbox: Sandbox, args: string[]) {
  let stdout = ''
  let stderr = ''
  const files: Record<string, string> = {}
  const ctx = contextOf(sandbox)
  const exitCode = createCurlProgram({ http: (request) => sendRequest(ctx, request) })(args, {
    stdout: (t) => (stdout += t),
    stderr: (t) => (stderr += t),
    env: {},
    files: { read: (p) => files[p], write: (p, t) => (files[p] = t), list: () => Object.keys(files) },
  })
  return { stdout, stderr, exitCode, files }
}

export const dnsName = (sandbox: Sandbox): string => ok(sandbox, "aws elbv2 describe-load-balancers --query 'LoadBalancers[0].DNSName' --output text").trim()

/** True once `curl` is wired into the sandbox's programs. */
export const curlWired = createSandbox().exec('curl --help').exitCode === 0
/** True once the ECS service is registered (its tasks are what answers behind the load balancer). */
export const ecsLanded = 'ecs' in SERVICES
