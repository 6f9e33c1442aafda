// @vitest-environment jsdom
import { cleanup, screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { act } from 'react'
import { afterEach, describe, expect, test, vi } from 'vitest'
import { InspectorPanel } from '../../../src/app/inspector/index.ts'
import { renderApp } from '../support/harness.tsx'

vi.mock('../../../src/app/monaco/lazy.ts', () => ({ ConsoleEditor: () => null, FileEditor: () => null, InsightsQueryEditor: () => null, monacoAvailable: false }))

afterEach(cleanup)

// The Docker engine logs no events: the app must still publish what a docker command changed, and the inspector
// (folded while nothing is selected) opens to list the workstation's containers, the way to their layer stacks.
describe('the workstation’s containers in the app', () => {
  test('a container run in the console is listed in the opened inspector, and its layer stack follows later commands', async () => {
    const { store } = await renderApp({ panels: { Inspector: InspectorPanel } })
    const inspector = screen.getByRole('region', { name: 'Inspector' })
    expect(inspector.closest('.region')).toHaveClass('is-collapsed')

    act(() => void store.getState().run('docker run -d --name web1 -p 8081:80 nginx'))
    expect(inspector.closest('.region')).not.toHaveClass('is-collapsed')
    await userEvent.setup().click(within(inspector).getByRole('button', { name: 'web1' }))
    const stack = screen.getByRole('region', { name: 'Layer stack of web1' })
    expect(within(stack).getByText('No files yet: nothing was written outside the mounts.')).toBeInTheDocument()

    act(() => void store.getState().run(`docker exec web1 sh -c 'echo changed > /usr/share/nginx/html/index.html'`))
    const writable = within(stack).getByRole('table', { name: 'Files of Writable container layer' })
    expect(within(writable).getByRole('row', { name: /\/usr\/share\/nginx\/html\/index\.html file copied up/ })).toBeInTheDocument()
  })
})
