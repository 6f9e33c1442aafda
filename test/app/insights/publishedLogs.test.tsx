// @vitest-environment jsdom
import { act } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { createAppStore } from '../../../src/app/state/index.ts'
import { insightsQuery } from '../../../src/sandbox/index.ts'
import { realEngine } from '../support/harness.tsx'

/** Container Insights' performance events arrive on the clock, appended to a stream that moves no slice version. */
describe("the app's world and Container Insights' performance log", () => {
  it('a query on the world the app shows counts the events of every minute that has passed, not those of an earlier moment', async () => {
    const store = createAppStore({ loadEngine: realEngine, persistDelayMs: 5 })
    await act(() => store.getState().start())
    const run = (line: string) => expect(store.getState().run(line)?.exitCode, line).toBe(0)
    run('aws ecs put-account-setting --name containerInsights --value enabled')
    run('aws ecs create-cluster --cluster-name demo')
    run(`aws ecs register-task-definition --family web --requires-compatibilities FARGATE --network-mode awsvpc --cpu 256 --memory 512 --container-definitions '[{"name":"web","image":"nginx"}]'`)
    run(`SUBNET=$(aws ec2 describe-subnets --query 'Subnets[0].SubnetId' --output text)`)
    run('aws ecs run-task --cluster demo --task-definition web --launch-type FARGATE --network-configuration "awsvpcConfiguration={subnets=[$SUBNET],assignPublicIp=ENABLED}"')

    const taskEvents = () => {
      const { world, now } = store.getState()
      const answer = insightsQuery(world!, now, {
        queryString: 'filter Type = "Task" | stats count(*) as events',
        logGroupNames: ['/aws/ecs/containerinsights/demo/performance'],
        startTime: 0,
        endTime: Math.ceil(now / 1000),
      })
      if (answer.status !== 'Complete') throw new Error(answer.message)
      return Number(answer.results[0]?.find((f) => f.field === 'events')?.value ?? 0)
    }
    run('sleep 300')
    const first = taskEvents()
    expect(first).toBeGreaterThan(0)
    run('sleep 300')
    // One Task event per minute for the one task: five more minutes, five more events.
    expect(taskEvents()).toBe(first + 5)
  })
})
