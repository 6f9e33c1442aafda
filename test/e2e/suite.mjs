// One Chromium session per test file: serve the build, launch the browser, close both afterwards.
// Kept apart from browser.mjs because it registers Vitest hooks, and scripts import browser.mjs outside Vitest.
import { afterAll, beforeAll } from 'vitest'
import { launchBrowser, serveDist } from './browser.mjs'

/**
 * Registers beforeAll/afterAll for the enclosing describe block and returns an object whose `server`, `browser`
 * and `page` are set once beforeAll has run. `serve` picks another server (e.g. `() => serveDistAt('/sub/')`);
 * `browser` is passed to launchBrowser (e.g. `{ viewport: { width: 853, height: 480 }, deviceScaleFactor: 1.5 }`).
 */
export function chromiumSession({ serve = serveDist, browser = {} } = {}) {
  const session = { server: undefined, browser: undefined, page: undefined }
  beforeAll(async () => {
    session.server = await serve()
    session.browser = await launchBrowser(browser)
    session.page = session.browser.page
  })
  afterAll(async () => {
    await session.browser?.close()
    await session.server?.close()
  })
  return session
}
