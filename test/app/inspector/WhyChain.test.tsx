// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest'
import { cleanup, render, screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { StateHistory } from '../../../src/app/inspector/index.ts'
import { createSandbox } from '../../../src/sandbox/index.ts'

afterEach(cleanup)

/** A task run on Fargate that cannot start (no route out to pull its image) and stops by itself: a chain of timer events. */
function stoppedTask() {
  const sandbox = createSandbox()
  sandbox.exec('aws ecs create-cluster --cluster-name web')
  sandbox.exec(
    `aws ecs register-task-definition --family web --requires-compatibilities FARGATE --network-mode awsvpc --cpu 256 --memory 512 --execution-role-arn arn:aws:iam::123456789012:role/ecsTaskExecutionRole --container-definitions '[{"name":"webapp","image":"123456789012.dkr.ecr.us-east-1.amazonaws.com/pythonwebapp:latest"}]'`,
  )
  const subnet = sandbox.exec("aws ec2 describe-subnets --query 'Subnets[0].SubnetId' --output text").stdout.trim()
  const runTask = `aws ecs run-task --cluster web --task-definition web --launch-type FARGATE --network-configuration "awsvpcConfiguration={subnets=[${subnet}]}" --query tasks[0].taskArn --output text`
  const taskArn = sandbox.exec(runTask).stdout.trim()
  sandbox.advance(60_000)
  const entries = sandbox.world().log.entries.filter((e) => e.resource === taskArn)
  return { world: sandbox.world(), entries, runTask }
}

describe('"Why?" on an event of the state history', () => {
  it('shows, from the keyboard, the chain of causes as sentences ending at the command that started it', async () => {
    const { world, entries, runTask } = stoppedTask()
    const stopped = entries.findLast((e) => e.kind === 'task.status' && e.attribute === 'lastStatus')
    expect(stopped?.change).toMatch(/→ STOPPED$/)
    render(<StateHistory entries={entries} world={world} />)
    const why = screen.getByRole('button', { name: `Why? ${stopped?.change}` })
    expect(why).toHaveAttribute('aria-expanded', 'false')
    why.focus()
    await userEvent.keyboard('{Enter}')
    expect(why).toHaveAttribute('aria-expanded', 'true')
    const sentences = within(screen.getByRole('list', { name: `Why ${stopped?.change}` }))
      .getAllByRole('listitem')
      .map((li) => li.textContent)
    expect(sentences[0]).toContain(stopped?.change)
    expect(sentences.slice(1, -1).every((s) => s?.startsWith('because '))).toBe(true)
    expect(sentences.length).toBeGreaterThan(2)
    expect(sentences.at(-1)).toBe(`by the command: ${runTask}`)
    await userEvent.keyboard('{Enter}')
    expect(screen.queryByRole('list', { name: `Why ${stopped?.change}` })).toBeNull()
  })
})
