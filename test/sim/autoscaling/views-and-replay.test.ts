import { describe, expect, it } from 'vitest'
import { autoScalingGroups, createSandbox } from '../../../src/sandbox/index.ts'
import { activities, createGroup, ok, withTemplate } from './fixture.ts'

describe('what readers see of Auto Scaling', () => {
  it('the autoScalingGroups view gives each group’s desired/min/max and its members’ lifecycle states', () => {
    const { sandbox: s, subnets } = withTemplate()
    createGroup(s, subnets)
    s.advance(10_000)
    const [group] = autoScalingGroups(s.world())
    expect(group).toMatchObject({ name: 'asg', desiredCapacity: 2, minSize: 1, maxSize: 4, availabilityZones: ['us-east-1a', 'us-east-1b', 'us-east-1c'] })
    expect(group.instances.map((m) => `${m.lifecycleState} ${m.instanceState}`)).toEqual(['Pending pending', 'Pending pending'])
    s.advance(20_000)
    expect(autoScalingGroups(s.world())[0].instances.map((m) => `${m.lifecycleState} ${m.instanceState}`)).toEqual(['InService running', 'InService running'])
  })

  it('a launch EC2 refuses is a Failed activity with EC2’s reason, tried again later', () => {
    const { sandbox: s, subnets } = withTemplate()
    ok(s, `aws ec2 create-launch-template --launch-template-name broken --launch-template-data '{"ImageId":"ami-0123456789abcdef0","InstanceType":"t3.micro"}'`)
    ok(s, `aws autoscaling create-auto-scaling-group --auto-scaling-group-name asg --launch-template LaunchTemplateName=broken --min-size 1 --max-size 1 --vpc-zone-identifier ${subnets}`)
    s.advance(10_000)
    const [failed] = activities(s)
    expect(failed.StatusCode).toBe('Failed')
    expect(failed.Description).toBe("Launching a new EC2 instance.  Status Reason: The image id '[ami-0123456789abcdef0]' does not exist. Launching EC2 instance failed.")
    s.advance(50_000)
    expect(activities(s)).toHaveLength(1)
    s.advance(10_000)
    expect(activities(s)).toHaveLength(2)
  })

  it('a snapshot taken in the middle of an instance refresh resumes to the same outputs', () => {
    const { sandbox: s, subnets } = withTemplate()
    createGroup(s, subnets, '--min-size 3 --max-size 3 --desired-capacity 3')
    s.advance(30_000)
    ok(s, `aws ec2 create-launch-template-version --launch-template-name web --source-version 1 --launch-template-data '{"InstanceType":"t3.small"}'`)
    ok(s, 'aws autoscaling start-instance-refresh --auto-scaling-group-name asg')
    s.advance(25_000)
    const resumed = createSandbox({ snapshot: JSON.parse(JSON.stringify(s.snapshot())) })
    for (const sandbox of [s, resumed]) sandbox.advance(600_000)
    const read = (sandbox: typeof s) =>
      ok(sandbox, 'aws autoscaling describe-scaling-activities --auto-scaling-group-name asg') + ok(sandbox, 'aws autoscaling describe-instance-refreshes --auto-scaling-group-name asg')
    expect(read(resumed)).toBe(read(s))
    expect(ok(s, 'aws autoscaling describe-instance-refreshes --auto-scaling-group-name asg --query InstanceRefreshes[0].Status --output text')).toBe('Successful')
  })
})
