// Dynamic host port mapping in real Chromium: lesson 09's solutions, run from the lesson panel, leave two bridge
// tasks of one service on one instance, and the diagram shows both with their host ports (the tasks' docker0
// mappings and the target group's edges to `i-… :hostPort → 80`). Screenshots at 1440×900 and at 1280×720 with
// 150 % zoom go to test-results/. Helpers: ./browser.mjs, ./suite.mjs.
import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { beforeAll, describe, expect, test } from 'vitest'
import { ROOT, openApp } from './browser.mjs'
import { runLessonSteps } from './checks.mjs'
import { chromiumSession } from './suite.mjs'

const TITLE = 'Dynamic host port mapping'
/** The steps up to two healthy tasks: task definition, target group, two tasks, blocked, the range opened. */
const STEPS = 5

describe('dynamic host ports in Chromium', () => {
  const session = chromiumSession()
  let page
  const diagram = () => page.getByRole('region', { name: 'Diagram' })

  beforeAll(async () => {
    page = session.page
    await openApp(page, session.server.url)
    mkdirSync(join(ROOT, 'test-results'), { recursive: true })
  })

  test('the lesson’s solutions bring two bridge tasks on one instance, healthy behind the target group', async () => {
    await runLessonSteps(page, TITLE, STEPS)
  })

  test('the diagram shows both tasks on the instance’s docker0 with their host ports, and the target group’s edges to them', async () => {
    await diagram().getByRole('button', { name: 'Text view' }).click()
    const text = diagram().getByRole('list', { name: 'Connections' })
    await expect.poll(() => text.textContent(), { timeout: 15_000 }).toMatch(/sends to target i-[0-9a-f]+:\d{5}, healthy.*sends to target i-[0-9a-f]+:\d{5}, healthy/)
    const all = (await diagram().textContent()) ?? ''
    const mappings = [...all.matchAll(/network mode bridge, 172\.17\.0\.\d+ on docker0, host port (\d{5}) to container port 80/g)].map((m) => m[1])
    expect(new Set(mappings).size).toBe(2)
    const instances = [...all.matchAll(/EC2 instance (i-[0-9a-f]+) running, t3\.large/g)].map((m) => m[1])
    expect(new Set(instances).size).toBe(1)
    expect(all).toContain(`${instances[0]}:${mappings[0]}`)

    // The picture: back to the graph, zoomed in on the instance until the detail level (zoomed out, details and
    // edge labels are left out: semantic zoom); the tasks' lines name their host ports.
    await diagram().getByRole('button', { name: 'Text view' }).click()
    await zoomInOnMappings()
    for (const port of mappings) await expect(diagram().getByText(new RegExp(`:${port} → 80$`)).count()).resolves.toBeGreaterThan(0)
    await page.screenshot({ path: join(ROOT, 'test-results', 'network-modes-1440x900.png') })
  })

  test('at 1280×720 with 150 % zoom (853×480 CSS pixels, the same layout) the tasks and their host ports are drawn', async () => {
    await page.setViewportSize({ width: 853, height: 480 })
    await diagram().getByRole('button', { name: 'Zoom to fit' }).click()
    await zoomInOnMappings()
    await page.screenshot({ path: join(ROOT, 'test-results', 'network-modes-1280x720-150.png') })
    await expect(diagram().getByText(/^web:1 · 172\.17\.0\.\d+ · :\d{5} → 80$/).count()).resolves.toBe(2)
  })

  /**
   * Wheel-zooms the diagram, as a learner would, over the middle of the running bridge tasks (the ones whose line
   * shows a host port mapping), until the detail level (semantic zoom) draws their lines.
   */
  async function zoomInOnMappings() {
    const mapped = diagram().locator('.react-flow__node').filter({ hasText: /:\d{5} → 80/ })
    for (let i = 0; i < 14; i++) {
      if (!(await diagram().locator('.react-flow__pane').evaluate((el) => el.closest('.cs-zoom-overview') !== null).catch(() => true))) return
      const boxes = (await Promise.all((await mapped.all()).map((n) => n.boundingBox()))).filter(Boolean)
      if (boxes.length === 0) throw new Error('no task with a host port mapping on the diagram')
      const x = boxes.reduce((sum, b) => sum + b.x + b.width / 2, 0) / boxes.length
      const y = boxes.reduce((sum, b) => sum + b.y + b.height / 2, 0) / boxes.length
      await page.mouse.move(x, y)
      await page.mouse.wheel(0, -200)
      await page.waitForTimeout(150)
    }
  }

  test('the page threw no uncaught errors and asked nothing off-site', () => {
    expect(session.browser.pageErrors).toEqual([])
    expect(session.browser.offsite).toEqual([])
  })
})
