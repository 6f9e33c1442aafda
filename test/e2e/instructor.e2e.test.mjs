// Instructor mode in real Chromium: the timeline scrubs the whole app back to an earlier moment and returns to now,
// a "what if" typed there becomes a branch, and a share link opened in a fresh browser shows the same world.
import { join } from 'node:path'
import { describe, expect, test } from 'vitest'
import { launchBrowser, openApp, ROOT, runCommand, waitForLog } from './browser.mjs'
import { chromiumSession } from './suite.mjs'

describe('instructor mode in Chromium', () => {
  const session = chromiumSession()
  const diagramNodes = (page) =>
    page.getByRole('region', { name: 'Diagram' }).locator('.react-flow__node').evaluateAll((els) => els.map((e) => e.getAttribute('aria-label') ?? ''))
  const hasCluster = async (page, name) => (await diagramNodes(page)).some((label) => label.includes(name))

  test('the timeline shows the world before a command, returns to now, and branches a what-if', async () => {
    const { page } = session
    await openApp(page, session.server.url)
    await runCommand(page, 'aws ecs create-cluster --cluster-name e2e-demo', '"clusterName": "e2e-demo"')
    await expect.poll(() => hasCluster(page, 'e2e-demo')).toBe(true)

    await page.getByRole('button', { name: 'Timeline' }).click()
    const slider = page.getByRole('slider', { name: 'Timeline position' })
    await slider.focus()
    await page.keyboard.press('Home')
    await expect.poll(() => page.getByRole('status', { name: 'Timeline moment' }).textContent()).toContain('Showing the world after input 0')
    await expect.poll(() => hasCluster(page, 'e2e-demo')).toBe(false)
    await page.screenshot({ path: join(ROOT, 'test-results', 'timeline-scrubbed.png') })

    await page.getByRole('button', { name: 'Return to now' }).click()
    await expect.poll(() => hasCluster(page, 'e2e-demo')).toBe(true)

    await slider.focus()
    await page.keyboard.press('Home')
    await runCommand(page, 'aws ecs create-cluster --cluster-name what-if', '"clusterName": "what-if"')
    await expect.poll(() => hasCluster(page, 'what-if')).toBe(true)
    expect(await hasCluster(page, 'e2e-demo')).toBe(false)
    const lines = page.getByRole('combobox', { name: 'Line of history' })
    await lines.selectOption({ label: 'Main line' })
    await expect.poll(() => hasCluster(page, 'e2e-demo')).toBe(true)
    expect(await hasCluster(page, 'what-if')).toBe(false)
    expect(session.browser.pageErrors).toEqual([])
  })

  test('a share link opened in a fresh browser shows the same world and the commands that made it', async () => {
    const { page } = session
    await page.getByRole('button', { name: 'Instructor' }).click()
    await page.getByRole('button', { name: 'Create share link' }).click()
    const link = await page.getByRole('textbox', { name: 'Link' }).inputValue()
    expect(link).toMatch(/#s=1\.[A-Za-z0-9_-]+$/)
    expect(link.length).toBeLessThan(2000)

    const fresh = await launchBrowser()
    try {
      await openApp(fresh.page, link)
      await waitForLog(fresh.page, 'Opened a share link: the world is as it was shared')
      await waitForLog(fresh.page, 'aws ecs create-cluster --cluster-name e2e-demo')
      await expect.poll(() => hasCluster(fresh.page, 'e2e-demo')).toBe(true)
      expect(await fresh.page.evaluate(() => window.location.hash)).toBe('')
      await fresh.page.screenshot({ path: join(ROOT, 'test-results', 'share-link-opened.png') })
      expect(fresh.offsite).toEqual([])
      expect(fresh.pageErrors).toEqual([])
    } finally {
      await fresh.close()
    }
  })
})
