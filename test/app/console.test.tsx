// @vitest-environment jsdom
import { act, cleanup, screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, describe, expect, test, vi } from 'vitest'
import { consoleBox, outputLog, renderApp, runInConsole } from './support/harness.tsx'
import type { EngineModule } from '../../src/app/state/types.ts'

vi.mock('../../src/app/monaco/lazy.ts', () => ({ ConsoleEditor: () => null, FileEditor: () => null, InsightsQueryEditor: () => null, monacoAvailable: false }))

afterEach(cleanup)

describe('the console', () => {
  test('a command typed into the console and run with Enter shows its output after the prompt', async () => {
    await renderApp()
    await runInConsole('echo hello from the sandbox')
    const log = outputLog()
    expect(within(log).getByText('$ echo hello from the sandbox')).toBeInTheDocument()
    expect(within(log).getByText('hello from the sandbox').closest('[data-stream]')).toHaveAttribute('data-stream', 'stdout')
    expect(consoleBox()).toHaveValue('')
  })

  test('stderr is marked as such and a non-zero exit shows its code', async () => {
    await renderApp()
    await runInConsole('nosuchprogram')
    const error = within(outputLog()).getByText(/nosuchprogram: command not found/)
    expect(error.closest('[data-stream]')).toHaveAttribute('data-stream', 'stderr')
    expect(within(outputLog()).getByText('exit 127')).toBeInTheDocument()
  })

  test('a failed command gets one hint line under its output, and its button selects the resource in the diagram', async () => {
    const { store } = await renderApp()
    await runInConsole('aws ecs list-services --cluster demo')
    const log = outputLog()
    expect(within(log).getByText(/ClusterNotFoundException/).closest('[data-stream]')).toHaveAttribute('data-stream', 'stderr')
    const hint = within(log).getByText(/There is no cluster named demo in us-east-1 yet/)
    expect(hint.closest('[data-stream]')).toHaveAttribute('data-stream', 'hint')
    await userEvent.setup().click(within(log).getByRole('button', { name: 'Show in diagram' }))
    expect(store.getState().selectedId).toBe('us-east-1')
  })

  test('a command that moved the simulated clock says how far, under its output', async () => {
    await renderApp()
    await runInConsole("aws elbv2 create-load-balancer --name web --subnets $(aws ec2 describe-subnets --query 'Subnets[0:2].SubnetId' --output text)")
    expect(within(outputLog()).queryByText(/the simulated clock moved/)).not.toBeInTheDocument()
    // The waiter polls every 15 s on the virtual clock until the load balancer is active; the CLI prints nothing.
    await runInConsole('aws elbv2 wait load-balancer-available --names web')
    const note = within(outputLog()).getByText(/^\(the simulated clock moved \d+ (s|min)( \d+ s)? while this ran\)$/)
    expect(note.closest('[data-stream]')).toHaveAttribute('data-stream', 'clock')
    await runInConsole('echo quick')
    expect(within(outputLog()).getAllByText(/the simulated clock moved/)).toHaveLength(1)
  })

  test('a success and a grep without matches get no hint', async () => {
    await renderApp()
    await runInConsole('echo ok | grep nothing')
    expect(within(outputLog()).getByText('exit 1')).toBeInTheDocument()
    expect(outputLog().querySelector('[data-stream="hint"]')).toBeNull()
  })

  test('text pasted from a lesson lands on the command line, ready to run with Enter', async () => {
    const { store } = await renderApp()
    act(() => store.getState().pasteIntoConsole('echo pasted from the lesson'))
    expect(consoleBox()).toHaveValue('echo pasted from the lesson')
    await userEvent.setup().keyboard('{Enter}')
    expect(within(outputLog()).getByText('pasted from the lesson')).toBeInTheDocument()
  })

  test('a successful command shows no exit badge', async () => {
    await renderApp()
    await runInConsole('echo ok')
    expect(within(outputLog()).queryByText(/^exit /)).not.toBeInTheDocument()
  })

  test('Up walks back through earlier commands and Down returns to the line being typed', async () => {
    await renderApp()
    await runInConsole('echo one')
    await runInConsole('echo two')
    const user = userEvent.setup()
    await user.keyboard('draft')
    await user.keyboard('{ArrowUp}')
    expect(consoleBox()).toHaveValue('echo two')
    await user.keyboard('{ArrowUp}')
    expect(consoleBox()).toHaveValue('echo one')
    await user.keyboard('{ArrowDown}{ArrowDown}')
    expect(consoleBox()).toHaveValue('draft')
  })

  test('Ctrl+L clears the output', async () => {
    await renderApp()
    await runInConsole('echo keep me')
    expect(within(outputLog()).getByText('keep me')).toBeInTheDocument()
    await userEvent.setup().keyboard('{Control>}l{/Control}')
    expect(within(outputLog()).queryByText('keep me')).not.toBeInTheDocument()
  })

  test('the clear command clears the output', async () => {
    await renderApp()
    await runInConsole('echo before')
    await runInConsole('clear')
    expect(within(outputLog()).queryByText('before')).not.toBeInTheDocument()
    expect(within(outputLog()).queryByText('$ clear')).not.toBeInTheDocument()
    await runInConsole('echo after')
    expect(within(outputLog()).getByText('after')).toBeInTheDocument()
  })

  test('Ctrl+C abandons the line: it is shown with ^C and does not run', async () => {
    const { store } = await renderApp()
    const user = userEvent.setup()
    await user.click(consoleBox())
    await user.keyboard('echo never')
    await user.keyboard('{Control>}c{/Control}')
    expect(consoleBox()).toHaveValue('')
    expect(within(outputLog()).getByText('$ echo never')).toBeInTheDocument()
    expect(within(outputLog()).getByText('^C')).toBeInTheDocument()
    expect(within(outputLog()).queryByText('never')).not.toBeInTheDocument()
    expect(store.getState().undoStack).toHaveLength(0)
  })

  test('Enter on a line ending in a backslash continues the command on a new line', async () => {
    await renderApp()
    const user = userEvent.setup()
    await user.click(consoleBox())
    await user.keyboard('echo one \\')
    await user.keyboard('{Enter}')
    expect(consoleBox()).toHaveValue('echo one \\\n')
    await user.keyboard('two{Enter}')
    expect(within(outputLog()).getByText('one two')).toBeInTheDocument()
  })

  test('Shift+Enter adds a line instead of running', async () => {
    await renderApp()
    const user = userEvent.setup()
    await user.click(consoleBox())
    await user.keyboard('echo a{Shift>}{Enter}{/Shift}echo b')
    expect(consoleBox()).toHaveValue('echo a\necho b')
  })

  test('a multi-line paste whose lines end in a backslash runs as one command', async () => {
    await renderApp()
    const user = userEvent.setup()
    await user.click(consoleBox())
    await user.paste('echo pasted \\\n  together\n')
    expect(within(outputLog()).getByText('pasted together')).toBeInTheDocument()
    expect(consoleBox()).toHaveValue('')
  })

  test('the console is a textbox before the simulated account has loaded, and commands typed meanwhile run when it arrives', async () => {
    let release: (m: EngineModule) => void = () => {}
    const engine = await import('../../src/sandbox/index.ts')
    const { store } = await renderApp({ loadEngine: () => new Promise((resolve) => (release = resolve)), waitReady: false })
    expect(screen.getAllByText('Starting the simulated account…').length).toBeGreaterThan(0)
    expect(screen.getAllByRole('textbox', { name: 'Console' })).toHaveLength(1)
    await runInConsole('echo early bird')
    expect(within(outputLog()).getByText('$ echo early bird')).toBeInTheDocument()
    await act(async () => release(engine))
    await waitFor(() => expect(store.getState().status).toBe('ready'))
    expect(within(outputLog()).getByText('early bird')).toBeInTheDocument()
  })

  test('Tab completes the word before the cursor', async () => {
    await renderApp()
    const user = userEvent.setup()
    await user.click(consoleBox())
    await user.keyboard('ech')
    await user.keyboard('{Tab}')
    expect(consoleBox()).toHaveValue('echo ')
  })
})
