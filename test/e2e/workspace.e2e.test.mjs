// The workspace as a learner meets it, in real Chromium: on a laptop (1440×900) and on a projector at 150 %
// zoom (1280×720 device pixels = 853×480 CSS px). The diagram and the command line keep a usable size, the
// keyboard never gets stuck in the console, axe finds nothing serious, a newcomer sees where to start, and
// nothing is fetched from beyond the page's origin. Screenshots go to test-results/ for a human to look at.
import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { ROOT, launchBrowser, serveDist, typeCommand, waitForLog, waitForMonaco } from './browser.mjs'

const AXE = join(ROOT, 'node_modules/axe-core/axe.min.js')
const SHOTS = join(ROOT, 'test-results')

const VIEWS = [
  { name: 'laptop 1440×900', file: 'workspace-1440x900', viewport: { width: 1440, height: 900 }, deviceScaleFactor: 1 },
  { name: 'projector 1280×720 at 150 %', file: 'workspace-1280x720-150pct', viewport: { width: 853, height: 480 }, deviceScaleFactor: 1.5 },
  { name: 'laptop in dark mode', file: 'workspace-1440x900-dark', viewport: { width: 1440, height: 900 }, deviceScaleFactor: 1, colorScheme: 'dark' },
]

/** Serious and critical axe violations on the page as it is now, as readable lines. */
async function seriousViolations(page) {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ path: AXE })
  const violations = await page.evaluate(async () => {
    const result = await window.axe.run(document, { resultTypes: ['violations'] })
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, targets: v.nodes.slice(0, 3).map((n) => n.target.join(' ')) }))
  })
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.impact} ${v.id}: ${v.help} — ${v.targets.join(', ')}`)
}

const box = (locator) => locator.boundingBox({ timeout: 15_000 })
const focusIsInConsoleInput = (page) => page.evaluate(() => document.activeElement?.closest('.console-input') !== null && document.activeElement !== document.body)

for (const view of VIEWS) {
  describe(`the workspace on a ${view.name}`, () => {
    let server
    let browser
    let page

    beforeAll(async () => {
      server = await serveDist()
      browser = await launchBrowser({ viewport: view.viewport, deviceScaleFactor: view.deviceScaleFactor, colorScheme: view.colorScheme })
      page = browser.page
      await page.goto(server.url)
      await waitForMonaco(page)
    })
    afterAll(async () => {
      await browser?.close()
      await server?.close()
    })

    test('a first visit shows a "Start lesson 1" control inside the first viewport', async () => {
      const start = page.getByRole('button', { name: /^Start lesson 1:/ })
      await start.waitFor({ state: 'visible', timeout: 15_000 })
      const b = await box(start)
      expect(b.y).toBeGreaterThanOrEqual(0)
      expect(b.y + b.height).toBeLessThanOrEqual(view.viewport.height)
      expect(b.x + b.width).toBeLessThanOrEqual(view.viewport.width)
    })

    test('the diagram keeps at least 300×200 CSS px and the command line is fully visible', async () => {
      const canvas = await box(page.getByRole('region', { name: 'Diagram' }).locator('.react-flow').first())
      expect(canvas.width).toBeGreaterThanOrEqual(300)
      expect(canvas.height).toBeGreaterThanOrEqual(200)
      const input = await box(page.getByRole('textbox', { name: 'Console' }))
      expect(input.y).toBeGreaterThanOrEqual(0)
      expect(input.y + input.height).toBeLessThanOrEqual(view.viewport.height)
      expect(input.width).toBeGreaterThanOrEqual(200)
    })

    test('the first screen has no serious or critical axe violation', async () => {
      expect(await seriousViolations(page)).toEqual([])
    })

    test('Tab on an empty command line, and Shift+Tab always, leave the console', async () => {
      await page.getByRole('region', { name: 'Console' }).locator('.monaco-editor .view-lines').first().click()
      expect(await focusIsInConsoleInput(page)).toBe(true)
      await page.keyboard.press('Tab')
      expect(await focusIsInConsoleInput(page)).toBe(false)
      // The next stop is the output log, so a keyboard user can scroll and read it.
      expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('Console output')

      await page.getByRole('region', { name: 'Console' }).locator('.monaco-editor .view-lines').first().click()
      await page.keyboard.type('aws ec2 describe-v')
      await page.keyboard.press('Shift+Tab')
      expect(await focusIsInConsoleInput(page)).toBe(false)

      // With text on the line Tab completes; Esc first lets it leave.
      await page.getByRole('region', { name: 'Console' }).locator('.monaco-editor .view-lines').first().click()
      await page.keyboard.press('Escape')
      await page.keyboard.press('Tab')
      expect(await focusIsInConsoleInput(page)).toBe(false)

      await page.getByRole('region', { name: 'Console' }).locator('.monaco-editor .view-lines').first().click()
      await page.keyboard.press('Control+a')
      await page.keyboard.press('Backspace')
    })

    test('F6 moves the focus from region to region and comes back round', async () => {
      await page.getByRole('region', { name: 'Console' }).locator('.monaco-editor .view-lines').first().click()
      const seen = []
      for (let i = 0; i < 6; i++) {
        await page.keyboard.press('F6')
        seen.push(await page.evaluate(() => document.activeElement?.closest('[data-region]')?.getAttribute('data-region') ?? 'none'))
      }
      expect(seen).toContain('diagram')
      expect(seen).toContain('lesson')
      expect(seen).toContain('console')
      expect(seen).not.toContain('none')
    })

    test('a focused resize handle shows a focus ring of at least 2 px', async () => {
      const handle = page.getByRole('separator', { name: 'Resize the diagram' })
      await handle.focus()
      await page.keyboard.press('ArrowDown')
      await page.keyboard.press('ArrowUp')
      const ring = await handle.evaluate((el) => {
        const style = getComputedStyle(el)
        return { style: style.outlineStyle, width: parseFloat(style.outlineWidth), focused: el.matches(':focus-visible') }
      })
      expect(ring).toEqual({ style: 'solid', width: expect.any(Number), focused: true })
      expect(ring.width).toBeGreaterThanOrEqual(2)
    })

    test('after a command the page still has no serious or critical axe violation', async () => {
      await typeCommand(page, 'aws ec2 describe-vpcs --query "Vpcs[].CidrBlock"')
      await waitForLog(page, '172.31.0.0/16')
      await typeCommand(page, 'aws ecs2 list-clusters')
      await waitForLog(page, /invalid choice/i)
      expect(await seriousViolations(page)).toEqual([])
    })

    test('with a resource selected the inspector opens, and axe still finds nothing serious', async () => {
      await page.getByRole('region', { name: 'Diagram' }).locator('.react-flow__node[data-id^="subnet-"] .cs-node-label').first().click()
      const details = page.getByRole('group', { name: 'Inspector details' })
      await details.waitFor({ state: 'visible', timeout: 15_000 })
      await expect(details.textContent()).resolves.toMatch(/subnet-[0-9a-f]{17}/)
      expect(await seriousViolations(page)).toEqual([])
    })

    test('Ctrl+Alt+= makes the lesson and the console text larger together, Ctrl+Alt+0 puts it back', async () => {
      const sizes = () => page.evaluate(() => ({
        lesson: parseFloat(getComputedStyle(document.querySelector('.cs-lesson') ?? document.body).fontSize),
        console: parseFloat(getComputedStyle(document.querySelector('.console .view-line') ?? document.body).fontSize),
        log: parseFloat(getComputedStyle(document.querySelector('.console') ?? document.body).fontSize),
      }))
      const before = await sizes()
      await page.getByRole('region', { name: 'Console' }).locator('.monaco-editor .view-lines').first().click()
      await page.keyboard.press('Control+Alt+Equal')
      await page.keyboard.press('Control+Alt+Equal')
      await page.waitForFunction(() => document.documentElement.style.getPropertyValue('--text-scale') === '1.25')
      await page.waitForTimeout(200)
      const after = await sizes()
      expect(after.lesson).toBeCloseTo(before.lesson * 1.25, 0)
      expect(after.log).toBeCloseTo(before.log * 1.25, 0)
      expect(after.console).toBeGreaterThan(before.console)
      // The console's line is unchanged by the shortcut (nothing was typed into it).
      expect(await page.getByRole('region', { name: 'Console' }).locator('.view-lines').first().textContent()).toBe('')
      await page.screenshot({ path: join(SHOTS, `${view.file}-text125.png`) })
      await page.keyboard.press('Control+Alt+Digit0')
      await page.waitForFunction(() => document.documentElement.style.getPropertyValue('--text-scale') === '1')
    })

    test(`a screenshot is saved to test-results/${view.file}.png and nothing left the page's origin`, async () => {
      mkdirSync(SHOTS, { recursive: true })
      await page.screenshot({ path: join(SHOTS, `${view.file}.png`) })
      expect(browser.offsite).toEqual([])
      expect(browser.pageErrors).toEqual([])
    })
  })
}
