import { describe, expect, it } from 'vitest'
import { courseLoadBalancer, json, ok } from './harness.ts'

const health = (sandbox: ReturnType<typeof courseLoadBalancer>) =>
  json(sandbox, "aws elbv2 describe-target-health --target-group-arn $TG --query 'TargetHealthDescriptions[0].TargetHealth'")

describe('describe-target-health over time', () => {
  it('an IP where nothing listens: initial (registration) → initial (checking) → unhealthy Target.Timeout', () => {
    const sandbox = courseLoadBalancer()
    ok(sandbox, 'aws elbv2 register-targets --target-group-arn $TG --targets Id=172.31.5.5')
    const [first] = json(sandbox, 'aws elbv2 describe-target-health --target-group-arn $TG').TargetHealthDescriptions
    expect(first).toEqual({
      Target: { Id: '172.31.5.5', Port: 8080, AvailabilityZone: 'us-east-1a' },
      HealthCheckPort: '8080',
      TargetHealth: { State: 'initial', Reason: 'Elb.RegistrationInProgress', Description: 'Target registration is in progress' },
    })
    sandbox.advance(10_000)
    expect(health(sandbox)).toEqual({ State: 'initial', Reason: 'Elb.InitialHealthChecking', Description: 'Initial health checks in progress' })
    sandbox.advance(30_000)
    expect(health(sandbox)).toEqual({ State: 'unhealthy', Reason: 'Target.Timeout', Description: 'Request timed out' })
    expect(sandbox.world().log.entries.some((e) => e.change.includes('initial → unhealthy') && e.why === 'Target.Timeout: Request timed out')).toBe(true)
  })

  it('a target group no listener uses shows its targets unused / Target.NotInUse', () => {
    const sandbox = courseLoadBalancer()
    ok(sandbox, "TG2=$(aws elbv2 create-target-group --name spare --protocol HTTP --port 80 --vpc-id $VPC --target-type ip --query 'TargetGroups[0].TargetGroupArn' --output text)")
    ok(sandbox, 'aws elbv2 register-targets --target-group-arn $TG2 --targets Id=172.31.5.6')
    sandbox.advance(120_000)
    expect(json(sandbox, "aws elbv2 describe-target-health --target-group-arn $TG2 --query 'TargetHealthDescriptions[0].TargetHealth'")).toEqual({
      State: 'unused', Reason: 'Target.NotInUse', Description: 'Target group is not configured to receive traffic from the load balancer',
    })
  })

  it('a target that was never registered is unused / Target.NotRegistered', () => {
    const sandbox = courseLoadBalancer()
    expect(json(sandbox, "aws elbv2 describe-target-health --target-group-arn $TG --targets Id=172.31.7.7 --query 'TargetHealthDescriptions[0].TargetHealth.Reason'")).toBe('Target.NotRegistered')
  })

  it('deregistering drains for the deregistration delay, then the target is gone', () => {
    const sandbox = courseLoadBalancer()
    ok(sandbox, 'aws elbv2 modify-target-group-attributes --target-group-arn $TG --attributes Key=deregistration_delay.timeout_seconds,Value=30')
    ok(sandbox, 'aws elbv2 register-targets --target-group-arn $TG --targets Id=172.31.5.5')
    ok(sandbox, 'aws elbv2 deregister-targets --target-group-arn $TG --targets Id=172.31.5.5')
    expect(health(sandbox)).toEqual({ State: 'draining', Reason: 'Target.DeregistrationInProgress', Description: 'Target deregistration is in progress' })
    sandbox.advance(29_000)
    expect(health(sandbox).State).toBe('draining')
    sandbox.advance(1_000)
    expect(json(sandbox, 'aws elbv2 describe-target-health --target-group-arn $TG').TargetHealthDescriptions).toEqual([])
  })

  it('health checks are timers per target group, not work on every tick: an idle hour schedules nothing', () => {
    const sandbox = courseLoadBalancer()
    sandbox.advance(3_600_000)
    expect(sandbox.snapshot().scheduler.queue).toEqual([])
  })

  it('after a virtual hour, 1,000 targets with nothing listening fail their health checks with Target.Timeout', () => {
    const sandbox = courseLoadBalancer()
    for (let lb = 0; lb < 10; lb++) {
      ok(sandbox, `L=$(aws elbv2 create-load-balancer --name bench-${lb} --subnets $SUBNETS --security-groups $SG --query 'LoadBalancers[0].LoadBalancerArn' --output text)`)
      ok(sandbox, `T=$(aws elbv2 create-target-group --name bench-${lb} --protocol HTTP --port 8080 --vpc-id $VPC --target-type ip --query 'TargetGroups[0].TargetGroupArn' --output text)`)
      ok(sandbox, 'aws elbv2 create-listener --load-balancer-arn $L --protocol HTTP --port 80 --default-actions Type=forward,TargetGroupArn=$T')
      const ids = Array.from({ length: 100 }, (_, i) => `Id=172.31.${16 + lb}.${i + 10}`).join(' ')
      ok(sandbox, `aws elbv2 register-targets --target-group-arn $T --targets ${ids}`)
    }
    // How long this takes is the benchmark's business (npm run bench, house rule 7); here, what the learner reads.
    sandbox.advance(3_600_000)
    const states = JSON.parse(ok(sandbox, "aws elbv2 describe-target-health --target-group-arn $T --query 'TargetHealthDescriptions[].TargetHealth.Reason'"))
    expect(states).toHaveLength(100)
    expect(new Set(states)).toEqual(new Set(['Target.Timeout']))
  })
})
