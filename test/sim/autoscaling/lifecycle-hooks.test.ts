import { describe, expect, it } from 'vitest'
import { activities, createGroup, fails, json, members, ok, withTemplate } from './fixture.ts'

const stateOf = (s: ReturnType<typeof withTemplate>['sandbox'], id: string) =>
  ok(s, `aws autoscaling describe-auto-scaling-instances --instance-ids ${id} --query AutoScalingInstances[0].LifecycleState --output text`)
const ec2State = (s: ReturnType<typeof withTemplate>['sandbox'], id: string) =>
  ok(s, `aws ec2 describe-instances --instance-ids ${id} --query Reservations[0].Instances[0].State.Name --output text`)

/** A group of 2 running instances. */
function runningGroup() {
  const { sandbox: s, subnets } = withTemplate()
  createGroup(s, subnets)
  s.advance(30_000)
  return s
}

describe('Auto Scaling lifecycle hooks', () => {
  it('put-lifecycle-hook adds a hook that describe-lifecycle-hooks shows with AWS’s defaults; delete-lifecycle-hook removes it', () => {
    const s = runningGroup()
    ok(s, 'aws autoscaling put-lifecycle-hook --lifecycle-hook-name drain --auto-scaling-group-name asg --lifecycle-transition autoscaling:EC2_INSTANCE_TERMINATING')
    expect(json(s, 'aws autoscaling describe-lifecycle-hooks --auto-scaling-group-name asg --query LifecycleHooks[0]')).toEqual({
      LifecycleHookName: 'drain',
      AutoScalingGroupName: 'asg',
      LifecycleTransition: 'autoscaling:EC2_INSTANCE_TERMINATING',
      HeartbeatTimeout: 3600,
      GlobalTimeout: 172800,
      DefaultResult: 'ABANDON',
    })
    // Putting it again changes only what is given; GlobalTimeout is 100 × the heartbeat when that is smaller.
    ok(s, 'aws autoscaling put-lifecycle-hook --lifecycle-hook-name drain --auto-scaling-group-name asg --heartbeat-timeout 60 --default-result CONTINUE')
    expect(json(s, 'aws autoscaling describe-lifecycle-hooks --auto-scaling-group-name asg --query LifecycleHooks[0]')).toMatchObject({ LifecycleTransition: 'autoscaling:EC2_INSTANCE_TERMINATING', HeartbeatTimeout: 60, GlobalTimeout: 6000, DefaultResult: 'CONTINUE' })
    ok(s, 'aws autoscaling delete-lifecycle-hook --lifecycle-hook-name drain --auto-scaling-group-name asg')
    expect(ok(s, 'aws autoscaling describe-lifecycle-hooks --auto-scaling-group-name asg --query LifecycleHooks')).toBe('[]')
  })

  it('a termination hook holds the instance in Terminating:Wait, running, until complete-lifecycle-action; the group launches its replacement meanwhile', () => {
    const s = runningGroup()
    ok(s, 'aws autoscaling put-lifecycle-hook --lifecycle-hook-name drain --auto-scaling-group-name asg --lifecycle-transition autoscaling:EC2_INSTANCE_TERMINATING')
    const [first] = members(s)
    ok(s, `aws autoscaling terminate-instance-in-auto-scaling-group --instance-id ${first.InstanceId} --no-should-decrement-desired-capacity`)
    expect(stateOf(s, first.InstanceId)).toBe('Terminating:Wait')
    s.advance(10 * 60_000)
    expect(stateOf(s, first.InstanceId)).toBe('Terminating:Wait')
    expect(ec2State(s, first.InstanceId)).toBe('running')
    expect(activities(s).find((a) => a.Description === `Terminating EC2 instance: ${first.InstanceId}`)?.StatusCode).toBe('MidLifecycleAction')
    // It no longer counts toward the capacity: a replacement is InService beside it.
    expect(members(s).filter((m) => m.LifecycleState === 'InService')).toHaveLength(2)

    ok(s, `aws autoscaling complete-lifecycle-action --lifecycle-hook-name drain --auto-scaling-group-name asg --instance-id ${first.InstanceId} --lifecycle-action-result CONTINUE`)
    expect(stateOf(s, first.InstanceId)).toBe('Terminating:Proceed')
    s.advance(90_000)
    expect(members(s).map((m) => m.InstanceId)).not.toContain(first.InstanceId)
    expect(ec2State(s, first.InstanceId)).toBe('terminated')
    expect(activities(s).find((a) => a.Description === `Terminating EC2 instance: ${first.InstanceId}`)?.StatusCode).toBe('Successful')
  })

  it('without complete-lifecycle-action the heartbeat timeout lets the instance go; record-lifecycle-action-heartbeat pushes it back', () => {
    const s = runningGroup()
    ok(s, 'aws autoscaling put-lifecycle-hook --lifecycle-hook-name drain --auto-scaling-group-name asg --lifecycle-transition autoscaling:EC2_INSTANCE_TERMINATING --heartbeat-timeout 60')
    const [first] = members(s)
    ok(s, `aws autoscaling terminate-instance-in-auto-scaling-group --instance-id ${first.InstanceId} --should-decrement-desired-capacity`)
    s.advance(50_000)
    ok(s, `aws autoscaling record-lifecycle-action-heartbeat --lifecycle-hook-name drain --auto-scaling-group-name asg --instance-id ${first.InstanceId}`)
    s.advance(50_000)
    expect(stateOf(s, first.InstanceId)).toBe('Terminating:Wait')
    s.advance(10_000)
    expect(ec2State(s, first.InstanceId)).not.toBe('running')
    s.advance(60_000)
    expect(members(s).map((m) => m.InstanceId)).toEqual([members(s)[0].InstanceId])
    expect(members(s).map((m) => m.InstanceId)).not.toContain(first.InstanceId)
  })

  it('a launching hook holds a new instance in Pending:Wait; CONTINUE puts it InService, ABANDON terminates it and the group launches another', () => {
    const { sandbox: s, subnets } = withTemplate()
    createGroup(s, subnets, '--min-size 0 --max-size 4 --desired-capacity 0')
    ok(s, 'aws autoscaling put-lifecycle-hook --lifecycle-hook-name warm --auto-scaling-group-name asg --lifecycle-transition autoscaling:EC2_INSTANCE_LAUNCHING')
    ok(s, 'aws autoscaling set-desired-capacity --auto-scaling-group-name asg --desired-capacity 2')
    s.advance(60_000)
    const [a, b] = members(s)
    expect([a.LifecycleState, b.LifecycleState]).toEqual(['Pending:Wait', 'Pending:Wait'])
    ok(s, `aws autoscaling complete-lifecycle-action --lifecycle-hook-name warm --auto-scaling-group-name asg --instance-id ${a.InstanceId} --lifecycle-action-result CONTINUE`)
    ok(s, `aws autoscaling complete-lifecycle-action --lifecycle-hook-name warm --auto-scaling-group-name asg --instance-id ${b.InstanceId} --lifecycle-action-result ABANDON`)
    s.advance(10_000)
    expect(stateOf(s, a.InstanceId)).toBe('InService')
    expect(stateOf(s, b.InstanceId)).toBe('Terminating')
    s.advance(90_000)
    const now = members(s)
    expect(now).toHaveLength(2)
    expect(now.map((m) => m.InstanceId)).not.toContain(b.InstanceId)
  })

  it('errors name the unknown group, hook, token or instance, and change nothing', () => {
    const s = runningGroup()
    const [first, second] = members(s)
    expect(fails(s, 'aws autoscaling put-lifecycle-hook --lifecycle-hook-name drain --auto-scaling-group-name nope --lifecycle-transition autoscaling:EC2_INSTANCE_TERMINATING')).toContain('AutoScalingGroup name not found - AutoScalingGroup nope not found')
    expect(fails(s, 'aws autoscaling put-lifecycle-hook --lifecycle-hook-name drain --auto-scaling-group-name asg')).toContain('ValidationError')
    expect(fails(s, 'aws autoscaling put-lifecycle-hook --lifecycle-hook-name drain --auto-scaling-group-name asg --lifecycle-transition autoscaling:EC2_INSTANCE_TERMINATING --heartbeat-timeout 10')).toContain('ValidationError')
    expect(ok(s, 'aws autoscaling describe-lifecycle-hooks --auto-scaling-group-name asg --query LifecycleHooks')).toBe('[]')
    expect(fails(s, `aws autoscaling complete-lifecycle-action --lifecycle-hook-name drain --auto-scaling-group-name asg --instance-id ${first.InstanceId} --lifecycle-action-result CONTINUE`)).toContain('No Lifecycle Hook found for name: drain')
    ok(s, 'aws autoscaling put-lifecycle-hook --lifecycle-hook-name drain --auto-scaling-group-name asg --lifecycle-transition autoscaling:EC2_INSTANCE_TERMINATING')
    ok(s, `aws autoscaling terminate-instance-in-auto-scaling-group --instance-id ${first.InstanceId} --should-decrement-desired-capacity`)
    expect(fails(s, `aws autoscaling complete-lifecycle-action --lifecycle-hook-name drain --auto-scaling-group-name asg --instance-id ${second.InstanceId} --lifecycle-action-result CONTINUE`)).toContain(
      `An error occurred (ValidationError) when calling the CompleteLifecycleAction operation: No active Lifecycle Action found with instance ID ${second.InstanceId}`)
    expect(fails(s, 'aws autoscaling complete-lifecycle-action --lifecycle-hook-name drain --auto-scaling-group-name asg --lifecycle-action-token 11111111-2222-3333-4444-555555555555 --lifecycle-action-result CONTINUE')).toContain(
      'No active Lifecycle Action found with token 11111111-2222-3333-4444-555555555555')
    expect(fails(s, `aws autoscaling complete-lifecycle-action --lifecycle-hook-name drain --auto-scaling-group-name nope --instance-id ${first.InstanceId} --lifecycle-action-result CONTINUE`)).toContain('AutoScalingGroup nope not found')
    expect(fails(s, `aws autoscaling record-lifecycle-action-heartbeat --lifecycle-hook-name other --auto-scaling-group-name asg --instance-id ${first.InstanceId}`)).toContain('No Lifecycle Hook found for name: other')
    expect(stateOf(s, first.InstanceId)).toBe('Terminating:Wait')
  })

  it('deleting a termination hook completes the actions it holds with CONTINUE', () => {
    const s = runningGroup()
    ok(s, 'aws autoscaling put-lifecycle-hook --lifecycle-hook-name drain --auto-scaling-group-name asg --lifecycle-transition autoscaling:EC2_INSTANCE_TERMINATING')
    const [first] = members(s)
    ok(s, `aws autoscaling terminate-instance-in-auto-scaling-group --instance-id ${first.InstanceId} --should-decrement-desired-capacity`)
    ok(s, 'aws autoscaling delete-lifecycle-hook --lifecycle-hook-name drain --auto-scaling-group-name asg')
    expect(stateOf(s, first.InstanceId)).toBe('Terminating:Proceed')
    s.advance(90_000)
    expect(members(s)).toHaveLength(1)
  })
})
