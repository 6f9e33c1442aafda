import { describe, expect, it } from 'vitest'
import { activities, createGroup, fails, members, ok, withTemplate } from './fixture.ts'

describe('aws autoscaling create-auto-scaling-group launches its instances across its Availability Zones', () => {
  it('two instances in two zones, Pending then InService, tagged with the group, with AWS’s activity causes', () => {
    const { sandbox: s, subnets } = withTemplate()
    createGroup(s, subnets)
    expect(members(s)).toEqual([])
    s.advance(10_000)
    const pending = members(s)
    expect(pending.map((m) => m.LifecycleState)).toEqual(['Pending', 'Pending'])
    expect(new Set(pending.map((m) => m.AvailabilityZone)).size).toBe(2)
    s.advance(20_000)
    const inService = members(s)
    expect(inService.map((m) => m.LifecycleState)).toEqual(['InService', 'InService'])
    expect(inService[0].LaunchTemplate.Version).toBe('1')
    const tag = ok(s, `aws ec2 describe-instances --instance-ids ${inService[0].InstanceId} --query "Reservations[0].Instances[0].Tags[?Key=='aws:autoscaling:groupName'].Value" --output text`)
    expect(tag).toBe('asg')
    const [latest] = activities(s)
    expect(latest.Description).toMatch(/^Launching a new EC2 instance: i-0[0-9a-f]{16}$/)
    expect(latest.Cause).toBe(
      'At 2026-01-05T09:00:00Z a user request created an AutoScalingGroup changing the desired capacity from 0 to 2.  ' +
        'At 2026-01-05T09:00:10Z an instance was started in response to a difference between desired and actual capacity, increasing the capacity from 0 to 2.',
    )
    expect(latest.StatusCode).toBe('Successful')
    expect(latest.Progress).toBe(100)
  })

  it('six instances over three zones are two per zone (balanced on launch)', () => {
    const { sandbox: s, subnets } = withTemplate()
    createGroup(s, subnets, '--min-size 0 --max-size 6 --desired-capacity 6')
    s.advance(30_000)
    const perZone: Record<string, number> = {}
    for (const m of members(s)) perZone[m.AvailabilityZone] = (perZone[m.AvailabilityZone] ?? 0) + 1
    expect(perZone).toEqual({ 'us-east-1a': 2, 'us-east-1b': 2, 'us-east-1c': 2 })
  })

  it('update-auto-scaling-group moves the capacity, and the activity says which request did', () => {
    const { sandbox: s, subnets } = withTemplate()
    createGroup(s, subnets, '--min-size 0 --max-size 4 --desired-capacity 0')
    s.advance(30_000)
    ok(s, 'aws autoscaling update-auto-scaling-group --auto-scaling-group-name asg --min-size 1 --max-size 4 --desired-capacity 2')
    s.advance(40_000)
    expect(members(s)).toHaveLength(2)
    expect(activities(s)[0].Cause).toMatch(
      /^At 2026-01-05T09:00:30Z a user request update of AutoScalingGroup constraints to min: 1, max: 4, desired: 2 changing the desired capacity from 0 to 2\. {2}At 2026-01-05T09:00:40Z an instance was started/,
    )
    ok(s, 'aws autoscaling set-desired-capacity --auto-scaling-group-name asg --desired-capacity 1')
    s.advance(10_000)
    const [terminating] = activities(s)
    expect(terminating.Description).toMatch(/^Terminating EC2 instance: i-/)
    expect(terminating.Cause).toMatch(/a user request explicitly set group desired capacity changing the desired capacity from 2 to 1\. {2}At .*Z an instance was taken out of service in response to a difference between desired and actual capacity, shrinking the capacity from 2 to 1\. {2}At .*Z instance i-0[0-9a-f]{16} was selected for termination\.$/)
    s.advance(60_000)
    expect(members(s).map((m) => m.LifecycleState)).toEqual(['InService'])
    expect(activities(s)[0].StatusCode).toBe('Successful')
  })

  it('errors in Auto Scaling’s words, and a refused command changes nothing', () => {
    const { sandbox: s, subnets } = withTemplate()
    const before = JSON.stringify(s.snapshot().world)
    expect(fails(s, `aws autoscaling create-auto-scaling-group --auto-scaling-group-name asg --launch-template LaunchTemplateName=web --min-size 1 --max-size 4 --desired-capacity 5 --vpc-zone-identifier ${subnets}`)).toContain(
      'An error occurred (ValidationError) when calling the CreateAutoScalingGroup operation: Desired capacity:5 must be between the specified min size:1 and max size:4')
    expect(fails(s, `aws autoscaling create-auto-scaling-group --auto-scaling-group-name asg --min-size 1 --max-size 4 --vpc-zone-identifier ${subnets}`)).toContain(
      'Valid requests must contain either LaunchTemplate, LaunchConfigurationName, InstanceId or MixedInstancesPolicy parameter.')
    expect(fails(s, `aws autoscaling create-auto-scaling-group --auto-scaling-group-name asg --launch-template LaunchTemplateName=nope --min-size 1 --max-size 4 --vpc-zone-identifier ${subnets}`)).toContain(
      '(ValidationError) when calling the CreateAutoScalingGroup operation: You must use a valid fully-formed launch template.')
    expect(fails(s, 'aws autoscaling create-auto-scaling-group --auto-scaling-group-name asg --launch-template LaunchTemplateName=web --min-size 1 --max-size 4 --vpc-zone-identifier subnet-0123456789abcdef0')).toContain(
      "The subnet ID 'subnet-0123456789abcdef0' does not exist")
    expect(JSON.stringify(s.snapshot().world)).toBe(before)
    createGroup(s, subnets)
    expect(fails(s, `aws autoscaling create-auto-scaling-group --auto-scaling-group-name asg --launch-template LaunchTemplateName=web --min-size 1 --max-size 4 --vpc-zone-identifier ${subnets}`)).toContain(
      '(AlreadyExists) when calling the CreateAutoScalingGroup operation: AutoScalingGroup by this name already exists - A group with the name asg already exists')
    expect(fails(s, 'aws autoscaling set-desired-capacity --auto-scaling-group-name asg --desired-capacity 9')).toContain(
      'New SetDesiredCapacity value 9 is above max value 4 for the AutoScalingGroup.')
    expect(fails(s, 'aws autoscaling set-desired-capacity --auto-scaling-group-name nope --desired-capacity 1')).toContain('AutoScalingGroup name not found - AutoScalingGroup nope not found')
  })

  it('delete-auto-scaling-group is refused while instances remain; --force-delete terminates them, then the group is gone', () => {
    const { sandbox: s, subnets } = withTemplate()
    createGroup(s, subnets)
    s.advance(30_000)
    expect(fails(s, 'aws autoscaling delete-auto-scaling-group --auto-scaling-group-name asg')).toContain(
      'An error occurred (ResourceInUse) when calling the DeleteAutoScalingGroup operation: You cannot delete an AutoScalingGroup while there are instances or pending Spot instance request(s) still in the group.')
    const ids = members(s).map((m) => m.InstanceId)
    ok(s, 'aws autoscaling delete-auto-scaling-group --auto-scaling-group-name asg --force-delete')
    expect(ok(s, 'aws autoscaling describe-auto-scaling-groups --query AutoScalingGroups[0].Status --output text')).toBe('Delete in progress')
    s.advance(60_000)
    expect(ok(s, 'aws autoscaling describe-auto-scaling-groups --query "length(AutoScalingGroups)"')).toBe('0')
    expect(ok(s, `aws ec2 describe-instances --instance-ids ${ids.join(' ')} --query Reservations[].Instances[].State.Name --output text`)).toBe('terminated\tterminated')
  })
})

describe('launch configurations, as a new account meets them', () => {
  it('creating one is refused in Auto Scaling’s words, pointing at launch templates; none exist to describe or delete', () => {
    const { sandbox: s, subnets } = withTemplate()
    const before = JSON.stringify(s.snapshot().world)
    expect(fails(s, 'aws autoscaling create-launch-configuration --launch-configuration-name web --image-id ami-0123456789abcdef0 --instance-type t3.micro')).toContain(
      'when calling the CreateLaunchConfiguration operation: The Launch Configuration creation operation is not available in your account. Use launch templates to create configuration templates for your Auto Scaling groups.',
    )
    expect(JSON.stringify(s.snapshot().world)).toBe(before)
    expect(JSON.parse(ok(s, 'aws autoscaling describe-launch-configurations --launch-configuration-names web'))).toEqual({ LaunchConfigurations: [] })
    expect(fails(s, 'aws autoscaling delete-launch-configuration --launch-configuration-name web')).toContain(
      '(ValidationError) when calling the DeleteLaunchConfiguration operation: Launch configuration name not found - Launch configuration web not found',
    )
    expect(fails(s, `aws autoscaling create-auto-scaling-group --auto-scaling-group-name asg --launch-configuration-name web --min-size 1 --max-size 2 --vpc-zone-identifier ${subnets}`)).toContain(
      'Launch configuration name not found - Launch configuration web not found',
    )
  })
})
