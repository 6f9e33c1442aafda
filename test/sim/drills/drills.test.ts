import { describe, expect, it } from 'vitest'
import { createSandbox, type Sandbox } from '../../../src/sandbox/index.ts'

const WEB = '[{"name": "web", "image": "123456789012.dkr.ecr.us-east-1.amazonaws.com/pythonwebapp:latest", "portMappings": [{"containerPort": 8080}]}]'

function ok(s: Sandbox, line: string): string {
  const r = s.exec(line)
  expect(r.stderr, line).toBe('')
  expect(r.exitCode, line).toBe(0)
  return r.stdout.trim()
}

/** A Fargate service `web` of `count` tasks across the three AZs, behind the load balancer `shop` (target group `web-tg`), healthy. */
function shop(count = 3): Sandbox {
  const s = createSandbox({ seed: 11 })
  s.files.write('web.json', WEB)
  ok(s, 'SUBNETS=$(aws ec2 describe-subnets --query "Subnets[].SubnetId" --output text)')
  ok(s, 'SG=$(aws ec2 describe-security-groups --group-names web --query "SecurityGroups[0].GroupId" --output text)')
  ok(s, 'VPC=$(aws ec2 describe-vpcs --query "Vpcs[0].VpcId" --output text)')
  const subnets = ok(s, 'echo $SUBNETS').split(/\s+/)
  s.files.write('net.json', JSON.stringify({ awsvpcConfiguration: { subnets, securityGroups: [ok(s, 'echo $SG')], assignPublicIp: 'ENABLED' } }))
  ok(s, 'LB=$(aws elbv2 create-load-balancer --name shop --subnets $SUBNETS --security-groups $SG --query "LoadBalancers[0].LoadBalancerArn" --output text)')
  ok(s, 'TG=$(aws elbv2 create-target-group --name web-tg --protocol HTTP --port 8080 --vpc-id $VPC --target-type ip --query "TargetGroups[0].TargetGroupArn" --output text)')
  ok(s, 'aws elbv2 create-listener --load-balancer-arn $LB --protocol HTTP --port 80 --default-actions Type=forward,TargetGroupArn=$TG')
  ok(s, 'aws ecs create-cluster --cluster-name shop')
  ok(s, 'aws ecs register-task-definition --family web --network-mode awsvpc --requires-compatibilities FARGATE --cpu 256 --memory 512 --execution-role-arn arn:aws:iam::123456789012:role/ecsTaskExecutionRole --container-definitions file://web.json')
  ok(s, `aws ecs create-service --cluster shop --service-name web --task-definition web --desired-count ${count} --launch-type FARGATE --network-configuration file://net.json --load-balancers targetGroupArn=$TG,containerName=web,containerPort=8080`)
  s.advance(300_000)
  expect(health(s).every((t) => t.state === 'healthy')).toBe(true)
  return s
}

const running = (s: Sandbox) => ok(s, "aws ecs describe-services --cluster shop --services web --query 'services[0].runningCount' --output text")
const taskArns = (s: Sandbox) => ok(s, "aws ecs list-tasks --cluster shop --service-name web --query 'taskArns' --output text").split(/\s+/).filter(Boolean)
const described = (s: Sandbox, arn: string) =>
  JSON.parse(ok(s, `aws ecs describe-tasks --cluster shop --tasks ${arn} --query 'tasks[0].{lastStatus: lastStatus, stopCode: stopCode, stoppedReason: stoppedReason, az: availabilityZone}'`)) as { lastStatus: string; stopCode?: string; stoppedReason?: string; az: string }
const health = (s: Sandbox) =>
  (JSON.parse(ok(s, "aws elbv2 describe-target-health --target-group-arn $TG --query 'TargetHealthDescriptions[].{id: Target.Id, az: Target.AvailabilityZone, state: TargetHealth.State, reason: TargetHealth.Reason}'")) ?? []) as {
    id: string
    az: string
    state: string
    reason?: string
  }[]

describe('live drills through the shell', () => {
  it('drill stop-task kills the essential container; the service starts a replacement on its clock', () => {
    const s = shop(2)
    const [victim] = taskArns(s)
    expect(ok(s, `drill stop-task ${victim}`)).toMatch(/exit code 137/)
    expect(described(s, victim)).toMatchObject({ stopCode: 'EssentialContainerExited', stoppedReason: 'Essential container in task exited' })
    s.advance(400_000)
    expect(described(s, victim).lastStatus).toBe('STOPPED')
    expect(running(s)).toBe('2')
    expect(taskArns(s)).not.toContain(victim)
  })

  it('drill fail-target makes the target answer 500: after the unhealthy threshold the ALB reports it unhealthy, and ECS replaces the task', () => {
    const s = shop(2)
    const [first] = health(s)
    expect(ok(s, `drill fail-target web-tg ${first.id}`)).toBe(`${first.id} in web-tg now answers HTTP 500`)
    expect(health(s).find((t) => t.id === first.id)?.state).toBe('healthy') // nobody has looked yet
    s.advance(90_000)
    const seen = health(s).find((t) => t.id === first.id)
    expect(seen?.state === 'unhealthy' || seen?.state === 'draining').toBe(true)
    const log = ok(s, "aws ecs describe-services --cluster shop --services web --query 'services[0].events[].message' --output text")
    expect(log).toMatch(/failed ELB health checks|unhealthy/i)
    s.advance(300_000)
    expect(running(s)).toBe('2')
    expect(health(s).filter((t) => t.state === 'healthy')).toHaveLength(2)
  })

  it('drill fail-target --timeout shows Target.Timeout, and restore-target brings a target back', () => {
    const s = createSandbox({ seed: 5 })
    s.files.write('web.json', WEB)
    // A standalone task registered by hand: no service replaces it, so its health follows the drill alone.
    ok(s, 'SG=$(aws ec2 describe-security-groups --group-names web --query "SecurityGroups[0].GroupId" --output text)')
    ok(s, 'VPC=$(aws ec2 describe-vpcs --query "Vpcs[0].VpcId" --output text)')
    ok(s, 'LB=$(aws elbv2 create-load-balancer --name shop --subnets $(aws ec2 describe-subnets --query "Subnets[0:2].SubnetId" --output text) --security-groups $SG --query "LoadBalancers[0].LoadBalancerArn" --output text)')
    ok(s, 'TG=$(aws elbv2 create-target-group --name web-tg --protocol HTTP --port 8080 --vpc-id $VPC --target-type ip --query "TargetGroups[0].TargetGroupArn" --output text)')
    ok(s, 'aws elbv2 create-listener --load-balancer-arn $LB --protocol HTTP --port 80 --default-actions Type=forward,TargetGroupArn=$TG')
    ok(s, 'aws ecs create-cluster --cluster-name shop')
    ok(s, 'aws ecs register-task-definition --family web --network-mode awsvpc --requires-compatibilities FARGATE --cpu 256 --memory 512 --execution-role-arn arn:aws:iam::123456789012:role/ecsTaskExecutionRole --container-definitions file://web.json')
    ok(s, "T=$(aws ecs run-task --cluster shop --task-definition web --launch-type FARGATE --network-configuration file://task-networking.json --query 'tasks[0].taskArn' --output text)")
    ok(s, 'aws ecs wait tasks-running --cluster shop --tasks $T')
    ok(s, "IP=$(aws ecs describe-tasks --cluster shop --tasks $T --query 'tasks[0].containers[0].networkInterfaces[0].privateIpv4Address' --output text)")
    ok(s, 'aws elbv2 register-targets --target-group-arn $TG --targets Id=$IP,Port=8080')
    s.advance(240_000)
    expect(health(s)[0].state).toBe('healthy')
    ok(s, 'drill fail-target web-tg --timeout')
    s.advance(120_000)
    expect(health(s)[0]).toMatchObject({ state: 'unhealthy', reason: 'Target.Timeout' })
    expect(s.exec('curl -s -o /dev/null -w "%{http_code}" --max-time 5 http://$(aws elbv2 describe-load-balancers --names shop --query "LoadBalancers[0].DNSName" --output text)/').stdout).not.toBe('200')
    ok(s, 'drill restore-target web-tg')
    s.advance(240_000)
    expect(health(s)[0].state).toBe('healthy')
  })

  it('drill zone-down stops the tasks in that AZ; the service rebalances to the other AZs and the ALB routes only there', () => {
    const s = shop(3)
    const zones = taskArns(s).map((a) => described(s, a).az)
    expect(new Set(zones).size).toBe(3)
    const zone = zones[0]
    const inZone = taskArns(s).filter((a) => described(s, a).az === zone)
    expect(ok(s, `drill zone-down ${zone}`)).toMatch(new RegExp(`^${zone} is down: 1 task stopping there`))
    s.advance(30_000)
    expect(described(s, inZone[0])).toMatchObject({ stopCode: 'TerminationNotice', stoppedReason: `Task stopped: Availability Zone ${zone} is unavailable` })
    s.advance(300_000)
    expect(running(s)).toBe('3')
    const after = taskArns(s).map((a) => described(s, a).az)
    expect(after).not.toContain(zone)
    const serving = health(s).filter((t) => t.state === 'healthy')
    expect(serving).toHaveLength(3)
    expect(serving.map((t) => t.az)).not.toContain(zone)
    ok(s, `drill zone-up ${zone}`)
    expect(s.exec(`drill zone-up ${zone}`)).toMatchObject({ exitCode: 1, stderr: `drill: ${zone} is not down\n` })
  })

  it('drill break-sg-rule revokes the rule letting the ALB reach the tasks; health checks time out', () => {
    const s = shop(2)
    expect(ok(s, "aws ec2 describe-security-groups --group-ids $SG --query 'SecurityGroups[0].IpPermissions[].FromPort' --output text")).toMatch(/8080/)
    expect(ok(s, 'drill break-sg-rule web-tg')).toMatch(/^revoked the inbound rule of sg-[0-9a-f]+ allowing /)
    s.advance(120_000)
    const states = health(s)
    expect(states.every((t) => t.state !== 'healthy')).toBe(true)
    const stopped = ok(s, "aws ecs list-tasks --cluster shop --desired-status STOPPED --query 'taskArns[0]' --output text")
    expect(described(s, stopped).stoppedReason).toMatch(/^Task failed ELB health checks in \(target-group arn:aws:elasticloadbalancing:/)
    // Only the port-80 rule for the load balancer's listener is left: nothing lets it reach 8080.
    expect(ok(s, "aws ec2 describe-security-groups --group-ids $SG --query 'SecurityGroups[0].IpPermissions[].FromPort' --output text")).toBe('80')
  })

  it('an unknown or impossible drill says why and changes nothing', () => {
    const s = shop(1)
    const snapshot = JSON.stringify(s.snapshot().world)
    expect(s.exec('drill melt-datacenter')).toMatchObject({ exitCode: 1, stderr: expect.stringMatching(/^drill: unknown drill 'melt-datacenter' \(drills: stop-task, fail-target/) })
    expect(s.exec('drill fail-target nope-tg')).toMatchObject({ exitCode: 1, stderr: 'drill: no target group nope-tg\n' })
    expect(s.exec('drill zone-down us-east-1z')).toMatchObject({ exitCode: 1, stderr: expect.stringMatching(/^drill: no Availability Zone us-east-1z/) })
    expect(s.exec('drill')).toMatchObject({ exitCode: 2, stderr: expect.stringContaining('drill zone-down <availability-zone>') })
    expect(JSON.stringify(s.snapshot().world)).toBe(snapshot)
  })
})
