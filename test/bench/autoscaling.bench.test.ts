import { expect, it } from 'vitest'
import { createSandbox } from '../../src/sandbox/index.ts'

/**
 * `npm run bench`: one virtual hour of an Auto Scaling group of 100 instances (issue 14), with a scale-out of 20 at
 * minute 20 and an instance refresh to a new launch template version at minute 30. Prints wall time and peak heap;
 * asserts nothing about speed (house rule 7). Launching the first 100 is set-up, not counted.
 */
const mb = (bytes: number) => `${(bytes / 2 ** 20).toFixed(0)} MB`

function ok(sandbox: ReturnType<typeof createSandbox>, line: string): string {
  const result = sandbox.exec(line)
  expect(result.stderr, line).toBe('')
  return result.stdout.trim()
}

it('one virtual hour: an Auto Scaling group of 100 instances, a scale-out of 20, an instance refresh', () => {
  const setupStart = performance.now()
  const s = createSandbox()
  const ami = ok(s, 'aws ssm get-parameters --names /aws/service/ecs/optimized-ami/amazon-linux-2023/recommended/image_id --query Parameters[0].Value --output text')
  ok(s, `aws ec2 create-launch-template --launch-template-name bench --launch-template-data '{"ImageId":"${ami}","InstanceType":"m5.large"}'`)
  const subnets = ok(s, 'aws ec2 describe-subnets --query Subnets[].SubnetId --output text').split(/\s+/).join(',')
  ok(s, `aws autoscaling create-auto-scaling-group --auto-scaling-group-name bench --launch-template LaunchTemplateName=bench,Version='$Latest' --min-size 0 --max-size 120 --desired-capacity 100 --vpc-zone-identifier ${subnets}`)
  s.advance(60_000)
  const setupMs = performance.now() - setupStart
  const inService = () => ok(s, "aws autoscaling describe-auto-scaling-groups --query \"length(AutoScalingGroups[0].Instances[?LifecycleState=='InService'])\"")
  const startInService = inService()

  let peak = process.memoryUsage().heapUsed
  let advanceMs = 0
  let fewestInService = Infinity
  const minute = () => {
    const t = performance.now()
    s.advance(60_000)
    advanceMs += performance.now() - t
    peak = Math.max(peak, process.memoryUsage().heapUsed)
  }
  const start = performance.now()
  for (let m = 0; m < 20; m++) minute()
  ok(s, 'aws autoscaling set-desired-capacity --auto-scaling-group-name bench --desired-capacity 120')
  for (let m = 20; m < 30; m++) minute()
  ok(s, `aws ec2 create-launch-template-version --launch-template-name bench --source-version 1 --launch-template-data '{"InstanceType":"m6i.large"}'`)
  ok(s, `aws autoscaling start-instance-refresh --auto-scaling-group-name bench --preferences '{"MinHealthyPercentage":90,"InstanceWarmup":60}'`)
  for (let m = 30; m < 60; m++) {
    minute()
    fewestInService = Math.min(fewestInService, Number(inService()))
  }
  const wall = performance.now() - start
  const refresh = JSON.parse(ok(s, 'aws autoscaling describe-instance-refreshes --auto-scaling-group-name bench --query InstanceRefreshes[0]')) as { Status: string; PercentageComplete: number; EndTime?: string }
  const activities = ok(s, 'aws autoscaling describe-scaling-activities --auto-scaling-group-name bench --max-records 100000 --query "length(Activities)"')
  console.log(
    [
      `simulated hour: Auto Scaling group, ${startInService} InService at the start, ${inService()} at the end; ${activities} scaling activities`,
      `instance refresh (min healthy 90 %, warm-up 60 s): ${refresh.Status}, ${refresh.PercentageComplete} %, ended ${refresh.EndTime ?? '-'}; fewest InService after it began: ${fewestInService}`,
      `set-up (CLI + launching the first 100, not counted): ${Math.round(setupMs)} ms`,
      `wall time for the hour: ${Math.round(wall)} ms in all (target < 1000 ms), of which advance: ${Math.round(advanceMs)} ms`,
      `peak heap: ${mb(peak)} (target < 200 MB)`,
    ].join('\n'),
  )
}, 600_000)
