// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, describe, expect, it } from 'vitest'
import { QuizPanel } from '../../../src/app/quiz/QuizPanel.tsx'
import { pickTargets, QuizAttempt, quizzesOrThrow, type PickQuestion, type Quiz } from '../../../src/course/quiz/index.ts'

const final = quizzesOrThrow().find((q) => q.id === 'final-assessment') as Quiz
const index = final.questions.findIndex((q) => q.id === 'pick-eni')

afterEach(cleanup)

describe('a "click the part" question', () => {
  it('shows its world in the diagram; selecting the right network interface and answering earns the point', async () => {
    // The same learner, mode and attempt draw the same variant and world as the panel's attempt.
    const twin = new QuizAttempt(final, { learner: 'Ada', mode: 'practice' })
    const [right] = pickTargets(twin.sandbox(index).world(), (twin.questions[index] as PickQuestion).answer)
    const wrong = Object.keys(twin.sandbox(index).world().ec2.networkInterfaces).find((id) => id !== right && id.startsWith('eni-'))

    const user = userEvent.setup()
    render(
      <div style={{ width: '1000px', height: '900px' }}>
        <QuizPanel quizzes={[final]} />
      </div>,
    )
    await user.type(screen.getByLabelText('Your name'), 'Ada')
    await user.click(screen.getByRole('button', { name: 'Start' }))
    for (let i = 0; i < index; i++) fireEvent.click(screen.getByRole('button', { name: 'Next' }))
    expect(screen.getByRole('heading', { name: /Click the part: a service's network interface/ })).toBeInTheDocument()
    expect(screen.getByText(/Nothing selected yet/)).toBeInTheDocument()
    expect(screen.getByRole('button', { name: 'Answer' })).toBeDisabled()

    const node = (id: string) => screen.findByLabelText(new RegExp(`^Network interface ${id}`), { selector: '.react-flow__node' }, { timeout: 10_000 })
    await act(async () => {})
    if (wrong) {
      fireEvent.click(await node(wrong))
      await user.click(screen.getByRole('button', { name: 'Answer' }))
      expect(screen.getByRole('status')).toHaveTextContent('Not quite. 0 of 1')
    }
    fireEvent.click(await node(right))
    expect(screen.getByText(`Selected: ${right}`)).toBeInTheDocument()
    await user.click(screen.getByRole('button', { name: 'Answer' }))
    expect(screen.getByRole('status')).toHaveTextContent('Correct. 1 of 1')
  }, 120_000)
})
