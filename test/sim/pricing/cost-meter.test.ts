import { describe, expect, it } from 'vitest'
import { costMeter } from '../../../src/sandbox/index.ts'
import { walkthrough } from '../ecs/helpers.ts'
import { ok, withTemplate } from '../autoscaling/fixture.ts'

const HOUR = 3_600_000

describe('the cost meter, on the virtual clock (us-east-1 On-Demand)', () => {
  it('an EC2 instance costs its hourly price while running, used or not; stopped, it costs nothing more', () => {
    const { sandbox: s, ami } = withTemplate()
    const id = ok(s, `aws ec2 run-instances --image-id ${ami} --instance-type t3.micro --query Instances[0].InstanceId --output text`)
    s.advance(15_000)
    expect(costMeter(s.world(), s.now()).ec2InstanceHours).toBeCloseTo(1 / 60, 6)
    s.advance(HOUR)
    const running = costMeter(s.world(), s.now())
    expect(running.ec2InstanceHours).toBeCloseTo(1, 6)
    expect(running.ec2Usd).toBeCloseTo(0.0104, 6)
    expect(running.lines).toEqual([expect.objectContaining({ resourceId: id, kind: 'ec2', label: 't3.micro', billing: true })])
    ok(s, `aws ec2 stop-instances --instance-ids ${id}`)
    s.advance(10 * HOUR)
    const stopped = costMeter(s.world(), s.now())
    expect(stopped.ec2InstanceHours).toBeCloseTo(1, 6)
    expect(stopped.lines[0].billing).toBe(false)
  })

  it('a Fargate task costs its vCPU and GB from the image pull to its end, with a one-minute minimum', () => {
    const s = walkthrough()
    const subnet = Object.keys(s.world().ec2.subnets)[0]
    ok(s, `aws ecs run-task --cluster fargate-cluster --task-definition python-web-app --launch-type FARGATE --network-configuration "awsvpcConfiguration={subnets=[${subnet}],assignPublicIp=ENABLED}"`)
    expect(costMeter(s.world(), s.now()).fargateUsd).toBe(0)
    s.advance(HOUR)
    const meter = costMeter(s.world(), s.now())
    const task = Object.values(s.world().ecs.tasks)[0]
    const hours = (s.now() - (task.pullStartedAt ?? 0)) / HOUR
    expect(meter.fargateVcpuHours).toBeCloseTo(0.5 * hours, 6)
    expect(meter.fargateGbHours).toBeCloseTo(1 * hours, 6)
    expect(meter.fargateUsd).toBeCloseTo(hours * (0.5 * 0.04048 + 1 * 0.004445), 6)
    expect(meter.lines[0]).toMatchObject({ kind: 'fargate', label: '0.5 vCPU, 1 GB', billing: true })
    ok(s, `aws ecs stop-task --cluster fargate-cluster --task ${task.taskArn}`)
    s.advance(60_000)
    const afterStop = costMeter(s.world(), s.now()).fargateUsd
    s.advance(5 * HOUR)
    expect(costMeter(s.world(), s.now()).fargateUsd).toBeCloseTo(afterStop, 9)
  })

  it('keeps counting instances an Auto Scaling group replaced, after EC2 forgets them', () => {
    const { sandbox: s, subnets } = withTemplate()
    ok(s, `aws autoscaling create-auto-scaling-group --auto-scaling-group-name asg --launch-template LaunchTemplateName=web --min-size 0 --max-size 2 --desired-capacity 2 --vpc-zone-identifier ${subnets}`)
    s.advance(HOUR)
    ok(s, 'aws autoscaling set-desired-capacity --auto-scaling-group-name asg --desired-capacity 0')
    s.advance(3 * HOUR)
    const meter = costMeter(s.world(), s.now())
    expect(ok(s, 'aws ec2 describe-instances --query "length(Reservations)"')).toBe('0')
    expect(meter.lines).toHaveLength(2)
    expect(meter.ec2InstanceHours).toBeGreaterThan(1.9)
    expect(meter.ec2InstanceHours).toBeLessThan(2.1)
  })
})
