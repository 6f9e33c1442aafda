// The audience window in real Chromium: the instructor opens it from the instructor tools (keyboard only), and it
// follows the presenter's commands live — the diagram, the console transcript and captions — with no command line.
import { join } from 'node:path'
import { describe, expect, test } from 'vitest'
import { openApp, ROOT, runCommand } from './browser.mjs'
import { chromiumSession } from './suite.mjs'

describe('the audience window', () => {
  const session = chromiumSession()
  const diagramLabels = (page) =>
    page.getByRole('region', { name: 'Diagram' }).locator('.react-flow__node').evaluateAll((els) => els.map((e) => e.getAttribute('aria-label') ?? ''))

  test("opens from the instructor tools and follows the presenter's commands live", async () => {
    const { page, context } = session.browser
    await openApp(page, session.server.url)
    await page.getByRole('button', { name: 'Instructor' }).focus()
    await page.keyboard.press('Enter')
    const opened = context.waitForEvent('page')
    await page.getByRole('button', { name: 'Open audience window' }).focus()
    await page.keyboard.press('Enter')
    const audience = await opened
    const errors = []
    audience.on('pageerror', (e) => errors.push(String(e)))
    await audience.waitForLoadState()
    expect(new URL(audience.url()).search).toBe('?audience')
    await expect.poll(() => audience.getByRole('status').first().textContent(), { timeout: 20_000 }).toContain('Following the presenter')
    // Nothing to type into: the audience window shows, the presenter's window runs.
    expect(await audience.getByRole('textbox').count()).toBe(0)

    await runCommand(page, 'aws ecs create-cluster --cluster-name projector-demo', '"clusterName": "projector-demo"')
    await expect.poll(() => diagramLabels(audience).then((l) => l.some((x) => x.includes('projector-demo'))), { timeout: 20_000 }).toBe(true)
    const transcript = audience.getByRole('log', { name: 'Console output' })
    await expect.poll(() => transcript.textContent()).toContain('aws ecs create-cluster --cluster-name projector-demo')
    await expect.poll(() => audience.getByRole('log', { name: 'What just happened' }).textContent()).toContain('projector-demo')

    // The clock the presenter plays moves the audience's too, to the same simulated millisecond.
    await page.getByRole('button', { name: '60×' }).click()
    await page.getByRole('button', { name: 'Play' }).click()
    await page.waitForTimeout(600)
    await page.getByRole('button', { name: 'Pause' }).click()
    const presenterTime = await page.getByRole('timer', { name: 'Simulated time (UTC)' }).locator('time').getAttribute('datetime')
    await expect.poll(() => audience.locator('.audience-time time').getAttribute('datetime')).toBe(presenterTime)

    // Keyboard: Tab reaches the diagram and the transcript.
    const reached = []
    for (let i = 0; i < 40 && reached.length < 2; i++) {
      await audience.keyboard.press('Tab')
      const where = await audience.evaluate(() => document.activeElement?.closest('section[aria-label]')?.getAttribute('aria-label') ?? '')
      if (where && !reached.includes(where)) reached.push(where)
    }
    expect(reached.sort()).toEqual(['Console', 'Diagram'])
    await audience.screenshot({ path: join(ROOT, 'test-results', 'audience-window.png') })
    expect(errors).toEqual([])
    expect(session.browser.pageErrors).toEqual([])
    expect(session.browser.offsite).toEqual([])
  })
})
