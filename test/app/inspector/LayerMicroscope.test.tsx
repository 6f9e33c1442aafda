// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest'
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { createSandbox } from '../../../src/sandbox/index.ts'
import type { HostFiles } from '../../../src/sandbox/views.ts'
import { InspectorPanel } from '../../../src/app/inspector/index.ts'

afterEach(cleanup)

function workstation() {
  const sandbox = createSandbox()
  const run = (line: string) => expect(sandbox.exec(line).exitCode, line).toBe(0)
  run('docker run -d --name web -p 8080:80 -v site:/usr/share/nginx/html/shared nginx')
  run(`docker exec web sh -c 'echo "<h1>changed</h1>" > /usr/share/nginx/html/index.html; rm /usr/share/nginx/html/50x.html; echo new > /tmp/new.txt; echo shared > /usr/share/nginx/html/shared/index.html'`)
  const id = sandbox.world().docker.containers[Object.keys(sandbox.world().docker.containers)[0]].id
  return { sandbox, id, host: sandbox.files as unknown as HostFiles }
}

describe('the layer microscope', () => {
  it('lists the workstation\'s containers when nothing is selected, and selects one with the keyboard', async () => {
    const { sandbox, id, host } = workstation()
    const onSelect = vi.fn()
    render(<InspectorPanel world={sandbox.world()} host={host} onSelect={onSelect} />)
    const list = screen.getByRole('region', { name: 'Docker containers on your workstation' })
    expect(within(list).getByText(/nginx, running, 0\.0\.0\.0:8080->80\/tcp/)).toBeInTheDocument()
    const button = within(list).getByRole('button', { name: 'web' })
    button.focus()
    await userEvent.keyboard('{Enter}')
    expect(onSelect).toHaveBeenCalledWith(id)
  })

  it('shows the layer stack: copied-up and whited-out paths in the writable layer, hidden lower copies, the mount', () => {
    const { sandbox, id, host } = workstation()
    render(<InspectorPanel world={sandbox.world()} host={host} selectedId={id} onSelect={() => {}} />)
    expect(screen.getByRole('heading', { name: 'Docker container web' })).toBeInTheDocument()
    const stack = screen.getByRole('region', { name: 'Layer stack of web' })
    const mounts = within(stack).getByRole('table', { name: 'Mounts (above every layer)' })
    expect(within(mounts).getByRole('row', { name: /\/usr\/share\/nginx\/html\/shared volume site read-write/ })).toBeInTheDocument()

    const writable = within(stack).getByRole('region', { name: 'Writable container layer' })
    const rows = within(writable).getAllByRole('row').map((r) => r.textContent)
    expect(rows).toContain('/usr/share/nginx/html/index.htmlfilecopied up (changed copy of a lower file)yes')
    expect(rows).toContain('/usr/share/nginx/html/50x.htmlwhiteoutwhited out (deleted)no (hides the lower copy)')
    expect(rows).toContain('/tmp/new.txtfileaddedyes')

    const nginxLayer = within(stack).getByRole('region', { name: 'Image layer 2 of 3 (read-only)' })
    // Image layers start folded: their files open from the summary, as a learner would open them.
    fireEvent.click(within(nginxLayer).getByText(/^\d+ paths$/))
    const index = within(nginxLayer).getByRole('row', { name: /^\/usr\/share\/nginx\/html\/index\.html/ })
    expect(index).toHaveTextContent('no (hidden above)')
  })

  it('answers which layer a path is read from', async () => {
    const { sandbox, id, host } = workstation()
    render(<InspectorPanel world={sandbox.world()} host={host} selectedId={id} />)
    const input = screen.getByLabelText('Which layer is a path read from?')
    const ask = async (path: string) => {
      await userEvent.clear(input)
      await userEvent.type(input, `${path}{Enter}`)
      return within(screen.getByRole('region', { name: 'Layer stack of web' })).getByRole('status').textContent
    }
    expect(await ask('/usr/share/nginx/html/index.html')).toBe('/usr/share/nginx/html/index.html is read from the writable container layer.')
    expect(await ask('/etc/nginx/nginx.conf')).toBe('/etc/nginx/nginx.conf is read from image layer 2 of 3: /bin/sh -c set -x && apt-get install nginx')
    expect(await ask('/usr/share/nginx/html/50x.html')).toBe('/usr/share/nginx/html/50x.html does not exist in this container (no layer has it, or a whiteout hides it).')
    expect(await ask('/usr/share/nginx/html/shared/index.html')).toBe('/usr/share/nginx/html/shared/index.html is read from the volume mount at /usr/share/nginx/html/shared (source site).')
  })
})
