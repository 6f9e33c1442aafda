// The shared-volume website in real Chromium, on a laptop (1440×900) and on a projector at 150 % zoom (1280×720
// device pixels = 853×480 CSS px): lesson 5's solution writes a site into a named volume and serves it from two nginx
// containers; both host ports answer with the same page; the layer microscope shows the volume mounted above web1's
// layers and says where the page is read from. Screenshots go to test-results/ for a human to look at.
import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, test } from 'vitest'
import { ROOT, openApp, waitForLog } from './browser.mjs'
import { chromiumSession } from './suite.mjs'

const LESSON = 'Bind mounts versus volumes, and a website from a shared volume'
const PAGE = 'Served from a shared volume'
const VIEWS = [
  { name: 'laptop 1440×900', file: 'storage-1440x900', viewport: { width: 1440, height: 900 }, deviceScaleFactor: 1 },
  { name: 'projector 1280×720 at 150 %', file: 'storage-1280x720-150pct', viewport: { width: 853, height: 480 }, deviceScaleFactor: 1.5 },
]

for (const view of VIEWS) {
  describe(`the shared-volume website on a ${view.name}`, () => {
    const session = chromiumSession({ browser: { viewport: view.viewport, deviceScaleFactor: view.deviceScaleFactor } })
    const lesson = () => session.page.getByRole('region', { name: 'Lesson' })
    const shot = (name) => {
      mkdirSync(join(ROOT, 'test-results'), { recursive: true })
      return session.page.screenshot({ path: join(ROOT, 'test-results', `${view.file}-${name}.png`) })
    }

    /** Opens a step by its title in the step list and runs its solution; waits until all its goals are met. */
    const runStep = async (title) => {
      await lesson().getByRole('list', { name: 'Steps' }).getByRole('button', { name: new RegExp(`^${title}`) }).click()
      await lesson().getByRole('heading', { name: new RegExp(`Step \\d+ of \\d+: ${title}`) }).waitFor()
      await lesson().getByRole('button', { name: 'Run solution' }).click()
      await expect.poll(() => lesson().getByRole('status').textContent(), { timeout: 15_000 }).toContain('Step complete.')
    }

    test('the lesson’s solution writes the site into a volume and serves it from web1 and web2', async () => {
      const page = session.page
      await openApp(page, session.server.url)
      await lesson().getByRole('button', { name: `Start ${LESSON}` }).click()
      await lesson().getByRole('heading', { name: /^Step 1 of \d+:/ }).waitFor()
      await runStep('Write a website into a named volume')
      await runStep('Serve it from two nginx containers')
      const goals = lesson().getByRole('list', { name: 'Goals' }).getByRole('listitem')
      await expect(goals.count()).resolves.toBe(2)
      for (const goal of await goals.all()) expect(await goal.getAttribute('data-state')).toBe('met')
      // The solution's two curls: both host ports answer with the one page in the volume.
      for (const port of [8081, 8082]) await waitForLog(page, new RegExp(`curl -s localhost:${port}\\s*<h1>${PAGE}</h1>`))
      await shot('website')
    })

    test('the layer microscope shows web1’s volume above its layers and where the page is read from', async () => {
      const page = session.page
      // With containers on the workstation the inspector lists them; on a narrow screen it is the side column's tab.
      const tab = page.getByRole('tab', { name: 'Inspector' })
      if (await tab.count()) await tab.click()
      await page.getByRole('button', { name: 'web1', exact: true }).click()
      const stack = page.getByRole('region', { name: 'Layer stack of web1' })
      await stack.waitFor({ timeout: 15_000 })
      const mounts = stack.getByRole('table', { name: 'Mounts (above every layer)' })
      await expect(mounts.textContent()).resolves.toMatch(/\/usr\/share\/nginx\/htmlvolumesite-dataread-only1/)
      await expect(stack.getByRole('heading', { level: 5 }).first().textContent()).resolves.toBe('Writable container layer')
      await stack.getByRole('textbox', { name: 'Which layer is a path read from?' }).fill('/usr/share/nginx/html/index.html')
      await stack.getByRole('button', { name: 'Find' }).click()
      await expect
        .poll(() => stack.locator('output').textContent())
        .toBe('/usr/share/nginx/html/index.html is read from the volume mount at /usr/share/nginx/html (source site-data).')
      // A path outside the mount falls through to the image's layers.
      await stack.getByRole('textbox', { name: 'Which layer is a path read from?' }).fill('/etc/nginx/nginx.conf')
      await stack.getByRole('button', { name: 'Find' }).click()
      await expect.poll(() => stack.locator('output').textContent()).toMatch(/^\/etc\/nginx\/nginx\.conf is read from image layer \d+ of \d+: /)
      await stack.getByRole('textbox', { name: 'Which layer is a path read from?' }).fill('/usr/share/nginx/html/index.html')
      await stack.getByRole('button', { name: 'Find' }).click()
      await stack.scrollIntoViewIfNeeded()
      await shot('layer-microscope')
      expect(session.browser.pageErrors).toEqual([])
      expect(session.browser.offsite).toEqual([])
    })
  })
}
