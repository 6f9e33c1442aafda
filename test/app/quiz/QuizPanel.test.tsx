// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { QuizPanel } from '../../../src/app/quiz/QuizPanel.tsx'
import { QuizAttempt, quizzesOrThrow, type Quiz } from '../../../src/course/quiz/index.ts'

const quizzes = quizzesOrThrow()
const check = quizzes.find((q) => q.id === 'fargate-check') as Quiz
const total = check.questions.reduce((sum, q) => sum + q.points, 0)

async function start(mode: 'Practice' | 'Exam', now?: () => number) {
  const user = userEvent.setup()
  render(<QuizPanel quizzes={[check]} {...(now ? { now } : {})} />)
  await user.type(screen.getByLabelText('Your name'), 'Ada')
  await user.click(screen.getByRole('radio', { name: new RegExp(`^${mode}`) }))
  await user.click(screen.getByRole('button', { name: 'Start' }))
  return user
}

afterEach(() => {
  cleanup()
  vi.useRealTimers()
})

describe('practice mode', () => {
  it('gives feedback after each answer, shows hints on request, and allows a retry', async () => {
    const user = await start('Practice')
    expect(screen.getByRole('heading', { name: 'Who manages what on Fargate' })).toBeInTheDocument()
    await user.click(screen.getByRole('checkbox', { name: /Deciding how many copies/ }))
    await user.click(screen.getByRole('button', { name: 'Answer' }))
    const status = screen.getByRole('status')
    expect(status).toHaveTextContent('Not quite. 0 of 2')
    expect(status).toHaveTextContent('The desired count is yours to set')

    await user.click(screen.getByRole('button', { name: 'Show a hint' }))
    expect(screen.getByText(/Hint 1: The course notes/)).toBeInTheDocument()

    await user.click(screen.getByRole('checkbox', { name: /Deciding how many copies/ }))
    await user.click(screen.getByRole('checkbox', { name: /Patching and updating/ }))
    await user.click(screen.getByRole('checkbox', { name: /Provisioning and scaling/ }))
    await user.click(screen.getByRole('button', { name: 'Answer' }))
    expect(screen.getByRole('status')).toHaveTextContent('Correct. 2 of 2')
  })

  it('runs a predict question in the sandbox after the prediction and shows what it printed', async () => {
    const user = await start('Practice')
    await user.click(screen.getByRole('button', { name: 'Next' }))
    await user.click(screen.getByRole('button', { name: 'Next' }))
    expect(screen.getByRole('heading', { name: /Predict: a Fargate task definition without a network mode/ })).toBeInTheDocument()
    await user.click(screen.getByRole('radio', { name: 'no error' }))
    await user.click(screen.getByRole('button', { name: 'Predict, then run' }))
    expect(screen.getByRole('status')).toHaveTextContent('The sandbox shows: ClientException')
  })
})

describe('exam mode', () => {
  it('runs a wall-clock timer, locks hints, allows one attempt per question, and ends with a result code', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] })
    let wall = 1_000_000
    const user = await start('Exam', () => wall)
    expect(screen.getByRole('timer', { name: 'Time left' })).toHaveTextContent('10:00')
    act(() => {
      wall += 61_000
      vi.advanceTimersByTime(1000)
    })
    expect(screen.getByRole('timer', { name: 'Time left' })).toHaveTextContent('8:59')
    expect(screen.queryByRole('button', { name: 'Show a hint' })).toBeNull()

    // Find a choice question and answer it once.
    for (let i = 0; i < check.questions.length && screen.queryAllByRole('radio').length === 0; i++) fireEvent.click(screen.getByRole('button', { name: 'Next' }))
    await user.click(screen.getAllByRole('radio')[0])
    await user.click(screen.getByRole('button', { name: /Answer|Predict, then run/ }))
    expect(screen.getByRole('button', { name: /Answer|Predict, then run/ })).toBeDisabled()
    expect(screen.getByText(/one attempt per question in exam mode/)).toBeInTheDocument()
    expect(screen.queryByRole('status')).toBeNull()

    await user.click(screen.getByRole('button', { name: 'Submit quiz' }))
    expect(screen.getByRole('heading', { name: new RegExp(`Your score: [\\d.]+ of ${total}`) })).toBeInTheDocument()
    expect((screen.getByLabelText(/Result code/) as HTMLTextAreaElement).value).toMatch(/^CSQ1\.fargate-check\.1\./)
    expect(within(screen.getByRole('table', { name: 'By concept' })).getByRole('rowheader', { name: 'network-modes' })).toBeInTheDocument()
  })

  it('submits by itself when the time is up', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] })
    let wall = 0
    await start('Exam', () => wall)
    act(() => {
      wall += 10 * 60_000
      vi.advanceTimersByTime(1000)
    })
    expect(screen.getByRole('heading', { name: `Your score: 0 of ${total}` })).toBeInTheDocument()
  })
})

describe('the verify view', () => {
  it('verifies pasted codes into a table by learner and concept, flags a tampered one, and exports CSV', async () => {
    const attempt = new QuizAttempt(check, { learner: 'Grace Hopper', mode: 'exam' })
    attempt.answer(attempt.questions.findIndex((q) => q.id === 'fargate-network-mode'), { kind: 'choice', picked: [0] })
    const { code } = attempt.submit()
    const parts = code.split('.')
    parts[4] = String(Number(parts[4]) + 500)
    const tampered = parts.join('.')

    const user = userEvent.setup()
    render(<QuizPanel quizzes={[check]} />)
    await user.click(screen.getByRole('button', { name: 'Verify results' }))
    fireEvent.change(screen.getByLabelText(/Result codes/), { target: { value: `learner,code\nGrace,${code}\nMallory,${tampered}\n` } })
    await user.click(screen.getByRole('button', { name: 'Verify' }))

    const rows = within(screen.getByRole('table', { name: 'Verified results' })).getAllByRole('row')
    expect(rows).toHaveLength(3)
    expect(rows[1]).toHaveTextContent('Grace Hopper')
    expect(rows[1]).toHaveTextContent('Verified')
    expect(rows[1]).toHaveTextContent(`1 / ${total}`)
    expect(rows[2]).toHaveTextContent('Does not verify: The score was changed')
    expect(within(rows[0]).getByRole('columnheader', { name: 'network-modes' })).toBeInTheDocument()

    const href = screen.getByRole('link', { name: 'Export as CSV' }).getAttribute('href') ?? ''
    const csv = decodeURIComponent(href.replace(/^data:text\/csv;charset=utf-8,/, ''))
    expect(csv.split('\r\n')[0]).toMatch(/^learner,quiz,verified,score,points,/)
    expect(csv).toContain(`Grace Hopper,Fargate walkthrough check (10 minutes),yes,1,${total},`)
  })
})
