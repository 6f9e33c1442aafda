// dist/ is a static site: copied to any host under any path (GitHub Pages, an intranet folder) it must
// load its chunks, Monaco and workers relative to itself. A plain node:http server, not Vite, proves it.
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { launchBrowser, openApp, runCommand, serveDistAt } from './browser.mjs'

describe('served from a sub-path', () => {
  let server
  let browser
  const failed = []

  beforeAll(async () => {
    server = await serveDistAt('/sub/path/')
    browser = await launchBrowser()
    browser.page.on('response', (r) => { if (r.status() >= 400) failed.push(`${r.status()} ${r.url()}`) })
  })

  afterAll(async () => {
    await browser?.close()
    await server?.close()
  })

  test('the app at /sub/path/ loads Monaco and runs aws --version, fetching everything from under that path', async () => {
    expect(server.url).toMatch(/\/sub\/path\/$/)
    try {
      await openApp(browser.page, server.url)
      await runCommand(browser.page, 'aws --version', 'aws-cli/2.')
    } catch (error) {
      throw new Error(`${error.message}\nfailed requests: ${failed.join(', ') || 'none'}`, { cause: error })
    }
    expect(failed).toEqual([])
    expect(browser.offsite).toEqual([])
  })
})
