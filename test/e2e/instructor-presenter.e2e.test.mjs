// The presenter view on a projector in real Chromium: 1280×720 at 150 % zoom (853×480 CSS pixels). After the course's
// Fargate walkthrough, the diagram's labels read at 16 px or more on screen without touching the zoom, and the caption
// strip says what happened. Screenshot in test-results/.
import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, test } from 'vitest'
import { consoleRegion, openApp, ROOT, waitForLog } from './browser.mjs'
import { chromiumSession } from './suite.mjs'
import { WALKTHROUGH } from './walkthrough.mjs'

/** On-screen size (font size × the diagram's zoom) of every node label drawn inside the diagram's pane. */
function labelSizes(page) {
  return page.evaluate(() => {
    const zoom = Number(/scale\(([\d.e-]+)\)/.exec(document.querySelector('.react-flow__viewport').style.transform)[1])
    const pane = document.querySelector('.react-flow').getBoundingClientRect()
    return [...document.querySelectorAll('.react-flow__node .cs-node-label')]
      .filter((label) => {
        const r = label.getBoundingClientRect()
        return r.width > 0 && getComputedStyle(label).visibility !== 'hidden' && r.top >= pane.top && r.bottom <= pane.bottom && r.left >= pane.left && r.right <= pane.right
      })
      .map((label) => ({ name: label.closest('.react-flow__node').getAttribute('aria-label'), px: parseFloat(getComputedStyle(label).fontSize) * zoom }))
  })
}

describe('the presenter view at 1280×720 and 150 %', () => {
  const session = chromiumSession({ browser: { viewport: { width: 853, height: 480 }, deviceScaleFactor: 1.5 } })
  // Long lines are pasted (one input event) rather than typed key by key.
  const paste = async (page, line, expected) => {
    await consoleRegion(page).locator('.monaco-editor .view-lines').first().click()
    await page.keyboard.insertText(line)
    await page.keyboard.press('Enter')
    if (expected) await waitForLog(page, expected)
  }

  test('diagram labels are at least 16 px on screen and captions say what happened', async () => {
    const { page } = session
    mkdirSync(join(ROOT, 'test-results'), { recursive: true })
    await openApp(page, session.server.url)
    await page.getByRole('button', { name: 'Presenter view' }).click()
    await expect.poll(() => page.evaluate(() => document.documentElement.dataset.presenter)).toBe('on')
    const diagram = page.getByRole('region', { name: 'Diagram' })
    for (const [line, shows] of WALKTHROUGH) {
      await paste(page, line, shows?.log ?? (shows?.node ? undefined : `$ ${line.slice(0, 40)}`))
      if (shows?.node) await diagram.locator(`.react-flow__node[aria-label^="${shows.node}"]`).first().waitFor({ state: 'attached', timeout: 15_000 })
    }
    await paste(page, 'aws elbv2 wait target-in-service --target-group-arn $TG_ARN', '$ aws elbv2 wait target-in-service')
    await page.waitForTimeout(800) // "Follow changes" animates for 400 ms

    const sizes = await labelSizes(page)
    await page.screenshot({ path: join(ROOT, 'test-results', 'presenter-1280x720-150.png') })
    expect(sizes.length).toBeGreaterThan(0)
    expect(sizes.filter((s) => s.px < 16)).toEqual([])

    // The projector's own window: the same world, the diagram given most of the screen.
    const audience = await session.browser.context.newPage()
    await audience.goto(`${session.server.url}?audience`)
    await expect.poll(() => audience.getByRole('status').first().textContent(), { timeout: 20_000 }).toContain('Following the presenter')
    await audience.locator('.react-flow__node[aria-label^="Load balancer FargateLoadBalancer"]').first().waitFor({ state: 'attached', timeout: 15_000 })
    await audience.waitForTimeout(800)
    const projected = await labelSizes(audience)
    await audience.screenshot({ path: join(ROOT, 'test-results', 'audience-1280x720-150.png') })
    expect(projected.map((s) => s.name).join('\n')).toMatch(/Load balancer FargateLoadBalancer/)
    expect(projected.filter((s) => s.px < 16)).toEqual([])
    const captions = await page.getByRole('log', { name: 'What just happened' }).textContent()
    expect(captions).toContain('load balancer FargateLoadBalancer is now active')
    expect(session.browser.pageErrors).toEqual([])
  })
})
