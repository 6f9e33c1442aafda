// @vitest-environment jsdom
import { cleanup, screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, describe, expect, test, vi } from 'vitest'
import { consoleBox, outputLog, renderApp } from './support/harness.tsx'

vi.mock('../../src/app/monaco/lazy.ts', () => ({ ConsoleEditor: () => null, FileEditor: () => null, InsightsQueryEditor: () => null, monacoAvailable: false }))

afterEach(cleanup)

const logLines = () => [...outputLog().querySelectorAll('[data-stream]')].map((row) => row.querySelector('.log-text')?.textContent)

describe('the console with a pasted block', () => {
  test('each command of a pasted block shows its output directly under it', async () => {
    await renderApp()
    const user = userEvent.setup()
    await user.click(consoleBox())
    await user.paste('echo one\necho two\n\necho three')
    await user.keyboard('{Enter}')
    expect(logLines()).toEqual(['$ echo one', 'one', '$ echo two', 'two', '$ echo three', 'three'])
    expect(consoleBox()).toHaveValue('')
  })

  test('a command continued with a backslash or an open quote stays one command inside a block', async () => {
    await renderApp()
    const user = userEvent.setup()
    await user.click(consoleBox())
    await user.paste("echo 'a\nb'\necho c \\\nd")
    await user.keyboard('{Enter}')
    expect(logLines()).toEqual(["$ echo 'a", "> b'", 'a', 'b', '$ echo c \\', '> d', 'c d'])
  })
})

describe('leaving the console with the keyboard', () => {
  test('Tab on an empty command line moves the focus on; Shift+Tab moves it back out', async () => {
    await renderApp()
    const user = userEvent.setup()
    await user.click(consoleBox())
    await user.tab()
    expect(consoleBox()).not.toHaveFocus()
    expect(outputLog()).toHaveFocus()
    await user.click(consoleBox())
    await user.tab({ shift: true })
    expect(consoleBox()).not.toHaveFocus()
  })

  test('with text on the line Tab completes and stays; Esc then Tab leaves', async () => {
    await renderApp()
    const user = userEvent.setup()
    await user.click(consoleBox())
    await user.keyboard('aws sts get-caller-iden')
    await user.tab()
    expect(consoleBox()).toHaveFocus()
    expect(consoleBox()).toHaveValue('aws sts get-caller-identity ')
    await user.keyboard('{Escape}')
    await user.tab()
    expect(consoleBox()).not.toHaveFocus()
    expect(consoleBox()).toHaveValue('aws sts get-caller-identity ')
  })

  test('Shift+Tab leaves even with text on the line', async () => {
    await renderApp()
    const user = userEvent.setup()
    await user.click(consoleBox())
    await user.keyboard('aws s')
    await user.tab({ shift: true })
    expect(consoleBox()).not.toHaveFocus()
  })

  test('the empty console says what to try, and a finished command is announced with its exit status', async () => {
    await renderApp()
    expect(consoleBox()).toHaveAttribute('placeholder', 'Try: aws --version')
    const user = userEvent.setup()
    await user.click(consoleBox())
    await user.keyboard('aws ecs2 list-clusters{Enter}')
    const status = within(screen.getByRole('region', { name: 'Console' })).getAllByRole('status').find((s) => /exit/.test(s.textContent ?? ''))
    expect(status).toHaveTextContent('aws ecs2 list-clusters: failed, exit 252')
  })
})
