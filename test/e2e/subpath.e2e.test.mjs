// dist/ is a static site: copied to any host under any path (GitHub Pages, an intranet folder) it must
// load its chunks, Monaco and workers relative to itself. A plain node:http server, not Vite, proves it.
import { beforeAll, describe, expect, test } from 'vitest'
import { openApp, runCommand, serveDistAt } from './browser.mjs'
import { chromiumSession } from './suite.mjs'

describe('served from a sub-path', () => {
  const session = chromiumSession({ serve: () => serveDistAt('/sub/path/') })
  const failed = []

  beforeAll(() => {
    session.page.on('response', (r) => { if (r.status() >= 400) failed.push(`${r.status()} ${r.url()}`) })
  })

  test('the app at /sub/path/ loads Monaco and runs aws --version, fetching everything from under that path', async () => {
    expect(session.server.url).toMatch(/\/sub\/path\/$/)
    try {
      await openApp(session.page, session.server.url)
      await runCommand(session.page, 'aws --version', 'aws-cli/2.')
    } catch (error) {
      throw new Error(`${error.message}\nfailed requests: ${failed.join(', ') || 'none'}`, { cause: error })
    }
    expect(failed).toEqual([])
    expect(session.browser.offsite).toEqual([])
  })
})
