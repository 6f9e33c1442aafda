import { describe, expect, it } from 'vitest'
import { activities, createGroup, fails, json, members, ok, withTemplate } from './fixture.ts'

describe('instances in an Auto Scaling group', () => {
  it('terminate-instance-in-auto-scaling-group --should-decrement-desired-capacity shrinks the group', () => {
    const { sandbox: s, subnets } = withTemplate()
    createGroup(s, subnets)
    s.advance(30_000)
    const [first] = members(s)
    const out = json<{ Activity: { Cause: string; Description: string; StatusCode: string } }>(s, `aws autoscaling terminate-instance-in-auto-scaling-group --instance-id ${first.InstanceId} --should-decrement-desired-capacity`)
    expect(out.Activity.Description).toBe(`Terminating EC2 instance: ${first.InstanceId}`)
    expect(out.Activity.Cause).toBe(`At 2026-01-05T09:00:30Z instance ${first.InstanceId} was taken out of service in response to a user request, shrinking the capacity from 2 to 1.`)
    expect(out.Activity.StatusCode).toBe('InProgress')
    s.advance(60_000)
    expect(members(s)).toHaveLength(1)
    expect(ok(s, 'aws autoscaling describe-auto-scaling-groups --query AutoScalingGroups[0].DesiredCapacity')).toBe('1')
    expect(fails(s, 'aws autoscaling terminate-instance-in-auto-scaling-group --instance-id i-0123456789abcdef0 --no-should-decrement-desired-capacity')).toContain(
      'Instance Id not found - No managed instance found for instance ID: i-0123456789abcdef0')
  })

  it('without decrementing, the group launches a replacement', () => {
    const { sandbox: s, subnets } = withTemplate()
    createGroup(s, subnets)
    s.advance(30_000)
    const [first] = members(s)
    ok(s, `aws autoscaling terminate-instance-in-auto-scaling-group --instance-id ${first.InstanceId} --no-should-decrement-desired-capacity`)
    expect(ok(s, `aws autoscaling describe-auto-scaling-instances --instance-ids ${first.InstanceId} --query AutoScalingInstances[0].LifecycleState --output text`)).toBe('Terminating')
    s.advance(90_000)
    const now = members(s)
    expect(now).toHaveLength(2)
    expect(now.map((m) => m.InstanceId)).not.toContain(first.InstanceId)
    expect(activities(s)[0].Cause).toMatch(/an instance was started in response to a difference between desired and actual capacity, increasing the capacity from 1 to 2\.$/)
  })

  it('an instance terminated or stopped with the EC2 API fails the EC2 health check and is replaced', () => {
    const { sandbox: s, subnets } = withTemplate()
    createGroup(s, subnets)
    s.advance(30_000)
    const [a, b] = members(s)
    ok(s, `aws ec2 terminate-instances --instance-ids ${a.InstanceId}`)
    ok(s, `aws ec2 stop-instances --instance-ids ${b.InstanceId}`)
    s.advance(10_000)
    const causes = activities(s).map((x) => x.Cause)
    expect(causes.filter((c) => c.includes('an instance was taken out of service in response to an EC2 health check indicating it has been terminated or stopped.'))).toHaveLength(2)
    s.advance(60_000)
    expect(activities(s).filter((x) => x.Cause.includes('an instance was launched in response to an unhealthy instance needing to be replaced.'))).toHaveLength(2)
    const now = members(s)
    expect(now.map((m) => m.InstanceId)).not.toContain(a.InstanceId)
    expect(now.map((m) => m.InstanceId)).not.toContain(b.InstanceId)
    expect(now.map((m) => `${m.LifecycleState} ${m.HealthStatus}`)).toEqual(['InService Healthy', 'InService Healthy'])
  })

  it('set-instance-health --health-status Unhealthy gets the instance replaced', () => {
    const { sandbox: s, subnets } = withTemplate()
    createGroup(s, subnets)
    s.advance(30_000)
    const [a] = members(s)
    ok(s, `aws autoscaling set-instance-health --instance-id ${a.InstanceId} --health-status Unhealthy`)
    s.advance(10_000)
    expect(activities(s).some((x) => x.Cause.includes('in response to a user health-check.'))).toBe(true)
    s.advance(60_000)
    expect(members(s).map((m) => m.InstanceId)).not.toContain(a.InstanceId)
  })

  it('a group left alone for minutes still hears set-instance-health at its next pass', () => {
    const { sandbox: s, subnets } = withTemplate()
    createGroup(s, subnets)
    // Minutes with nothing to do: every member InService, as many as desired.
    s.advance(5 * 60_000)
    const [a] = members(s)
    ok(s, `aws autoscaling set-instance-health --instance-id ${a.InstanceId} --health-status Unhealthy`)
    s.advance(10_000)
    expect(ok(s, `aws autoscaling describe-auto-scaling-instances --instance-ids ${a.InstanceId} --query AutoScalingInstances[0].LifecycleState --output text`)).toBe('Terminating')
    expect(activities(s).some((x) => x.Cause.includes('in response to a user health-check.'))).toBe(true)
  })
})
