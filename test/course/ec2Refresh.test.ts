import { describe, expect, it } from 'vitest'
import { lesson, upTo } from './support.ts'

describe('lesson 7’s instance refresh, as its text promises', () => {
  it('replaces every instance while the service never runs fewer than its six tasks (managed draining)', () => {
    const l = lesson('ecs-on-ec2')
    const session = upTo(l, 'instance-refresh')
    const s = session.sandbox
    const running = () => Number(s.exec('aws ecs describe-services --cluster ec2-cluster --services web --query services[0].runningCount').stdout.trim())
    const seen: number[] = []
    const step = l.steps.find((x) => x.id === 'instance-refresh')!
    for (const item of step.solution) {
      if (item.kind !== 'command') continue
      // The solution's `sleep 20m`, watched every 10 s of it.
      if (item.line !== 'sleep 20m') {
        s.exec(item.line)
        continue
      }
      for (let i = 0; i < 120; i++) {
        s.advance(10_000)
        seen.push(running())
      }
    }
    expect(s.exec('aws autoscaling describe-instance-refreshes --auto-scaling-group-name ecs-hosts --query InstanceRefreshes[0].Status --output text').stdout.trim()).toBe('Successful')
    expect(s.exec('aws autoscaling describe-lifecycle-hooks --auto-scaling-group-name ecs-hosts --query LifecycleHooks[].LifecycleHookName --output text').stdout.trim()).toBe(
      'ecs-managed-draining-termination-hook',
    )
    expect(Math.min(...seen)).toBe(6)
  })
})
