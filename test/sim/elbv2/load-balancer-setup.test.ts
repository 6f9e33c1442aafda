import { describe, expect, it } from 'vitest'
import { createSandbox } from '../../../src/sandbox/index.ts'
import { courseLoadBalancer, json, ok } from './harness.ts'

const err = (sandbox: ReturnType<typeof createSandbox>, line: string) => {
  const r = sandbox.exec(line)
  expect(r.exitCode).toBe(254)
  return r.stderr.trim().replace(/^aws: \[ERROR\]: /, '')
}

describe('the course notes’ load balancer setup', () => {
  it('create-load-balancer answers provisioning with an AWS-shaped ARN, DNS name and hosted zone', () => {
    const sandbox = courseLoadBalancer({ wait: false })
    const [lb] = json(sandbox, 'aws elbv2 describe-load-balancers').LoadBalancers
    expect(Object.keys(lb)).toEqual([
      'LoadBalancerArn', 'DNSName', 'CanonicalHostedZoneId', 'CreatedTime', 'LoadBalancerName', 'Scheme', 'VpcId', 'State', 'Type',
      'AvailabilityZones', 'SecurityGroups', 'IpAddressType',
    ])
    expect(lb.LoadBalancerArn).toMatch(/^arn:aws:elasticloadbalancing:us-east-1:123456789012:loadbalancer\/app\/FargateLoadBalancer\/[0-9a-f]{16}$/)
    expect(lb.DNSName).toMatch(/^FargateLoadBalancer-\d{9,10}\.us-east-1\.elb\.amazonaws\.com$/)
    expect(lb).toMatchObject({ CanonicalHostedZoneId: 'Z35SXDOTRQ7X7K', Scheme: 'internet-facing', State: { Code: 'provisioning' }, Type: 'application', IpAddressType: 'ipv4' })
    expect(lb.AvailabilityZones.map((z: { ZoneName: string }) => z.ZoneName)).toEqual(['us-east-1a', 'us-east-1b'])
  })

  it('the load balancer gets one node network interface per subnet', () => {
    const sandbox = courseLoadBalancer({ wait: false })
    const enis = json(sandbox, "aws ec2 describe-network-interfaces --query 'NetworkInterfaces[].Description'")
    expect(enis).toHaveLength(2)
    expect(enis[0]).toMatch(/^ELB app\/FargateLoadBalancer\/[0-9a-f]{16}$/)
  })

  it('wait load-balancer-available advances the clock until the ALB is active (about 2.5 minutes)', () => {
    const sandbox = courseLoadBalancer({ wait: false })
    const start = sandbox.now()
    ok(sandbox, 'aws elbv2 wait load-balancer-available --load-balancer-arns $LB')
    expect(sandbox.now() - start).toBeGreaterThanOrEqual(150_000)
    expect(sandbox.now() - start).toBeLessThan(180_000)
    expect(json(sandbox, "aws elbv2 describe-load-balancers --names FargateLoadBalancer --query 'LoadBalancers[0].State'")).toEqual({ Code: 'active' })
  })

  it('create-target-group --target-type ip --port 8080 shows the documented health-check defaults', () => {
    const sandbox = courseLoadBalancer({ wait: false })
    const [tg] = json(sandbox, 'aws elbv2 describe-target-groups --names FargateTargetGroup').TargetGroups
    expect(tg).toMatchObject({
      TargetGroupName: 'FargateTargetGroup', Protocol: 'HTTP', Port: 8080, HealthCheckProtocol: 'HTTP', HealthCheckPort: 'traffic-port',
      HealthCheckEnabled: true, HealthCheckIntervalSeconds: 30, HealthCheckTimeoutSeconds: 5, HealthyThresholdCount: 5,
      UnhealthyThresholdCount: 2, HealthCheckPath: '/', Matcher: { HttpCode: '200' }, TargetType: 'ip', ProtocolVersion: 'HTTP1', IpAddressType: 'ipv4',
    })
    expect(tg.TargetGroupArn).toMatch(/^arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup\/FargateTargetGroup\/[0-9a-f]{16}$/)
    expect(tg.LoadBalancerArns).toHaveLength(1)
    const attributes = json(sandbox, 'aws elbv2 describe-target-group-attributes --target-group-arn $TG').Attributes
    expect(attributes).toContainEqual({ Key: 'deregistration_delay.timeout_seconds', Value: '300' })
  })

  it('create-listener with the forward shorthand echoes ForwardConfig with weight 1, and a default rule exists', () => {
    const sandbox = courseLoadBalancer()
    const [listener] = json(sandbox, 'aws elbv2 describe-listeners --load-balancer-arn $LB').Listeners
    expect(listener.ListenerArn).toMatch(/^arn:aws:elasticloadbalancing:us-east-1:123456789012:listener\/app\/FargateLoadBalancer\/[0-9a-f]{16}\/[0-9a-f]{16}$/)
    expect(listener.DefaultActions[0].ForwardConfig).toEqual({ TargetGroups: [{ TargetGroupArn: expect.stringContaining('targetgroup/FargateTargetGroup/'), Weight: 1 }], TargetGroupStickinessConfig: { Enabled: false } })
    const rules = json(sandbox, 'aws elbv2 describe-rules --listener-arn $LISTENER').Rules
    expect(rules).toEqual([expect.objectContaining({ Priority: 'default', Conditions: [], IsDefault: true })])
  })

  it('creating the same load balancer again returns the same one (idempotent)', () => {
    const sandbox = courseLoadBalancer({ wait: false })
    const again = json(sandbox, 'aws elbv2 create-load-balancer --name FargateLoadBalancer --subnets $SUBNETS --security-groups $SG')
    expect(again.LoadBalancers[0].LoadBalancerArn).toBe(ok(sandbox, 'echo $LB').trim())
  })
})

describe('mistakes are refused with ELBv2’s errors', () => {
  it('an ALB in one subnet needs two AZs', () => {
    const sandbox = courseLoadBalancer({ wait: false })
    expect(err(sandbox, "aws elbv2 create-load-balancer --name one-az --subnets $(aws ec2 describe-subnets --query 'Subnets[0].SubnetId' --output text)")).toBe(
      'An error occurred (ValidationError) when calling the CreateLoadBalancer operation: At least two subnets in two different Availability Zones must be specified',
    )
  })

  it('the same name with different settings is a DuplicateLoadBalancerName', () => {
    const sandbox = courseLoadBalancer({ wait: false })
    expect(err(sandbox, 'aws elbv2 create-load-balancer --name FargateLoadBalancer --subnets $SUBNETS --scheme internal')).toBe(
      "An error occurred (DuplicateLoadBalancerName) when calling the CreateLoadBalancer operation: A load balancer with the same name 'FargateLoadBalancer' exists, but with different settings",
    )
  })

  it('an unknown security group, an unknown subnet and a bad name', () => {
    const sandbox = courseLoadBalancer({ wait: false })
    expect(err(sandbox, 'aws elbv2 create-load-balancer --name x --subnets $SUBNETS --security-groups sg-13031acb62a9c273')).toContain("(InvalidSecurityGroup) when calling the CreateLoadBalancer operation: Security group 'sg-13031acb62a9c273' does not exist")
    expect(err(sandbox, 'aws elbv2 create-load-balancer --name x --subnets subnet-0b745a24484d91131 subnet-0e2ab9fd49e193459')).toContain("(SubnetNotFound) when calling the CreateLoadBalancer operation: The subnet ID 'subnet-0b745a24484d91131' is not valid")
    expect(err(sandbox, 'aws elbv2 create-load-balancer --name my_lb --subnets $SUBNETS')).toContain('(ValidationError)')
  })

  it('describing a load balancer that does not exist', () => {
    const sandbox = courseLoadBalancer({ wait: false })
    expect(err(sandbox, 'aws elbv2 describe-load-balancers --names nope')).toBe(
      "An error occurred (LoadBalancerNotFound) when calling the DescribeLoadBalancers operation: Load balancers '[nope]' not found",
    )
  })

  it('a second listener on port 80 is a DuplicateListener', () => {
    const sandbox = courseLoadBalancer()
    expect(err(sandbox, 'aws elbv2 create-listener --load-balancer-arn $LB --protocol HTTP --port 80 --default-actions Type=forward,TargetGroupArn=$TG')).toBe(
      'An error occurred (DuplicateListener) when calling the CreateListener operation: A listener already exists on this port for this load balancer',
    )
  })

  it('a target group in use cannot be deleted; after the load balancer is gone it can', () => {
    const sandbox = courseLoadBalancer()
    expect(err(sandbox, 'aws elbv2 delete-target-group --target-group-arn $TG')).toMatch(/^An error occurred \(ResourceInUse\) when calling the DeleteTargetGroup operation: Target group 'arn:.*' is currently in use by a listener or a rule$/)
    ok(sandbox, 'aws elbv2 delete-load-balancer --load-balancer-arn $LB')
    expect(json(sandbox, 'aws elbv2 describe-load-balancers').LoadBalancers).toEqual([])
    expect(json(sandbox, "aws ec2 describe-network-interfaces --query 'length(NetworkInterfaces)'")).toBe(0)
    ok(sandbox, 'aws elbv2 delete-target-group --target-group-arn $TG')
    expect(err(sandbox, 'aws elbv2 describe-target-groups --target-group-arns $TG')).toContain('(TargetGroupNotFound)')
  })

  it('deletion protection refuses delete-load-balancer', () => {
    const sandbox = courseLoadBalancer()
    ok(sandbox, 'aws elbv2 modify-load-balancer-attributes --load-balancer-arn $LB --attributes Key=deletion_protection.enabled,Value=true')
    expect(err(sandbox, 'aws elbv2 delete-load-balancer --load-balancer-arn $LB')).toContain('(OperationNotPermitted) when calling the DeleteLoadBalancer operation')
  })

  it('target group validation: missing VPC, unknown VPC, timeout not below interval', () => {
    const sandbox = courseLoadBalancer({ wait: false })
    expect(err(sandbox, 'aws elbv2 create-target-group --name t --protocol HTTP --port 80 --vpc-id vpc-024994381ad361013 --target-type ip')).toContain("The VPC ID 'vpc-024994381ad361013' is not found")
    expect(err(sandbox, 'aws elbv2 create-target-group --name t --protocol HTTP --port 80 --vpc-id $VPC --health-check-interval-seconds 5 --health-check-timeout-seconds 5')).toContain('(ValidationError)')
    expect(err(sandbox, 'aws elbv2 create-target-group --name FargateTargetGroup --protocol HTTP --port 80 --vpc-id $VPC --target-type ip')).toContain(
      "(DuplicateTargetGroupName) when calling the CreateTargetGroup operation: A target group with the same name 'FargateTargetGroup' exists, but with different settings",
    )
  })

  it('an ip target outside the VPC is an InvalidTarget; an unknown listener is ListenerNotFound', () => {
    const sandbox = courseLoadBalancer({ wait: false })
    expect(err(sandbox, 'aws elbv2 register-targets --target-group-arn $TG --targets Id=10.9.9.9')).toContain('(InvalidTarget) when calling the RegisterTargets operation')
    expect(err(sandbox, 'aws elbv2 describe-listeners --listener-arns arn:aws:elasticloadbalancing:us-east-1:123456789012:listener/app/FargateLoadBalancer/0123456789abcdef/0123456789abcdef')).toContain('(ListenerNotFound)')
  })
})

describe('path routing rules', () => {
  it('rules get string priorities, unique per listener, and describe-rules lists them lowest first with the default last', () => {
    const sandbox = courseLoadBalancer()
    ok(sandbox, "aws elbv2 create-rule --listener-arn $LISTENER --priority 20 --conditions Field=path-pattern,Values='/api/topics*' --actions Type=forward,TargetGroupArn=$TG")
    const created = json(sandbox, "aws elbv2 create-rule --listener-arn $LISTENER --priority 10 --conditions Field=path-pattern,Values='/api/users*' --actions Type=forward,TargetGroupArn=$TG")
    expect(created.Rules[0]).toMatchObject({ Priority: '10', IsDefault: false, Conditions: [{ Field: 'path-pattern', Values: ['/api/users*'], PathPatternConfig: { Values: ['/api/users*'] } }] })
    expect(created.Rules[0].RuleArn).toMatch(/listener-rule\/app\/FargateLoadBalancer\/[0-9a-f]{16}\/[0-9a-f]{16}\/[0-9a-f]{16}$/)
    expect(json(sandbox, "aws elbv2 describe-rules --listener-arn $LISTENER --query 'Rules[].Priority'")).toEqual(['10', '20', 'default'])
    expect(err(sandbox, "aws elbv2 create-rule --listener-arn $LISTENER --priority 10 --conditions Field=path-pattern,Values='/x' --actions Type=forward,TargetGroupArn=$TG")).toBe(
      "An error occurred (PriorityInUse) when calling the CreateRule operation: Priority '10' is currently in use",
    )
  })

  it('set-rule-priorities swaps, modify-rule changes conditions, and the default rule cannot be deleted', () => {
    const sandbox = courseLoadBalancer()
    const a = json(sandbox, "aws elbv2 create-rule --listener-arn $LISTENER --priority 10 --conditions Field=path-pattern,Values='/a*' --actions Type=forward,TargetGroupArn=$TG").Rules[0].RuleArn
    const b = json(sandbox, "aws elbv2 create-rule --listener-arn $LISTENER --priority 20 --conditions Field=host-header,Values=api.example.com --actions Type=forward,TargetGroupArn=$TG").Rules[0].RuleArn
    ok(sandbox, `aws elbv2 set-rule-priorities --rule-priorities RuleArn=${a},Priority=20 RuleArn=${b},Priority=10`)
    expect(json(sandbox, "aws elbv2 describe-rules --listener-arn $LISTENER --query 'Rules[0].Conditions[0].Field'")).toBe('host-header')
    ok(sandbox, `aws elbv2 modify-rule --rule-arn ${a} --conditions Field=path-pattern,Values='/b*'`)
    expect(json(sandbox, `aws elbv2 describe-rules --rule-arns ${a} --query 'Rules[0].Conditions[0].Values'`)).toEqual(['/b*'])
    const defaultRule = ok(sandbox, "aws elbv2 describe-rules --listener-arn $LISTENER --query 'Rules[?IsDefault].RuleArn' --output text").trim()
    expect(err(sandbox, `aws elbv2 delete-rule --rule-arn ${defaultRule}`)).toContain('(OperationNotPermitted)')
  })

  it('fixed-response and redirect actions are echoed with their defaults', () => {
    const sandbox = courseLoadBalancer()
    const fixed = json(sandbox, "aws elbv2 create-rule --listener-arn $LISTENER --priority 5 --conditions Field=path-pattern,Values='/health' --actions 'Type=fixed-response,FixedResponseConfig={StatusCode=200,ContentType=text/plain,MessageBody=ok}'")
    expect(fixed.Rules[0].Actions).toEqual([{ Type: 'fixed-response', FixedResponseConfig: { MessageBody: 'ok', StatusCode: '200', ContentType: 'text/plain' } }])
    const redirect = json(sandbox, "aws elbv2 create-listener --load-balancer-arn $LB --protocol HTTP --port 8080 --default-actions 'Type=redirect,RedirectConfig={Protocol=HTTP,Port=80,StatusCode=HTTP_301}'")
    expect(redirect.Listeners[0].DefaultActions[0].RedirectConfig).toEqual({ Protocol: 'HTTP', Port: '80', Host: '#{host}', Path: '/#{path}', Query: '#{query}', StatusCode: 'HTTP_301' })
  })
})
