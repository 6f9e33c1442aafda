// A large world in real Chromium (issue 6): zoomed out, the diagram is one canvas picture instead of a DOM node per
// resource (src/app/diagram/PictureLayer.tsx). The app opened with `?bench=1000` draws a synthetic world of about
// 1,000 resources (src/app/diagram/bench.ts), as `npm run bench:ui` does with 2,000. Checked here with real pixels.
import { join } from 'node:path'
import { beforeAll, describe, expect, test } from 'vitest'
import { ROOT } from './browser.mjs'
import { chromiumSession } from './suite.mjs'

describe('a large world in the diagram, in Chromium', () => {
  const session = chromiumSession()
  let page
  const diagram = () => page.getByRole('region', { name: 'Diagram' })
  const picture = () => diagram().getByRole('img', { name: /^Architecture diagram zoomed out: \d+ resources drawn as one picture/ })
  /** The picture's pixels as [r, g, b, a] per pixel, and its paint count. */
  const pixels = () =>
    page.evaluate(() => {
      const canvas = document.querySelector('.cs-diagram-picture')
      const data = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data
      return { data: [...data], paints: Number(canvas.dataset.paints) }
    })

  beforeAll(async () => {
    page = session.page
    await page.goto(`${session.server.url}?bench=1000`)
    await picture().waitFor({ timeout: 30_000 })
  })

  test('fitted, every resource is drawn on one canvas and none is a DOM node', async () => {
    const total = await page.evaluate(() => window.__diagramBench.nodes)
    expect(total).toBeGreaterThan(990)
    await expect.poll(() => picture().getAttribute('data-drawn-nodes').then(Number)).toBe(total)
    await expect(diagram().locator('.react-flow__node').count()).resolves.toBe(0)
    const { data } = await pixels()
    let painted = 0
    for (let k = 3; k < data.length; k += 4) if (data[k] > 0) painted++
    // Boxes cover most of the fitted diagram's area.
    expect(painted / (data.length / 4)).toBeGreaterThan(0.5)
    await page.screenshot({ path: join(ROOT, 'test-results', 'diagram-picture.png') })
  })

  test('a task that stops is painted again where it is, and nowhere else', async () => {
    const before = await pixels()
    await page.evaluate(() => window.__diagramBench.setStatus(0, 'STOPPED'))
    await expect.poll(() => pixels().then((p) => p.paints)).toBeGreaterThan(before.paints)
    const after = await pixels()
    let changed = 0
    for (let k = 0; k < after.data.length; k++) if (after.data[k] !== before.data[k]) changed++
    expect(changed).toBeGreaterThan(0)
    expect(changed / after.data.length).toBeLessThan(0.01)
  })

  test('hovering the picture names the resource under the pointer, and a click selects it', async () => {
    // Somewhere on the picture there is a task: scan a grid of points over the drawn diagram (the fitted view is
    // centred in the pane's free area, beside the zoom controls) until the hover summary names one.
    const pane = await diagram().locator('.react-flow__pane').boundingBox()
    const canvas = await page.locator('.cs-diagram-picture').boundingBox()
    const left = Math.max(pane.x, canvas.x)
    const top = Math.max(pane.y, canvas.y)
    const area = { x: left, y: top, width: Math.min(pane.x + pane.width, canvas.x + canvas.width) - left, height: Math.min(pane.y + pane.height, canvas.y + canvas.height) - top }
    let at
    for (let i = 1; i < 12 && !at; i++) {
      for (let j = 1; j < 12 && !at; j++) {
        const [x, y] = [area.x + (area.width * i) / 12, area.y + (area.height * j) / 12]
        await page.mouse.move(x, y)
        const title = await diagram().locator('.react-flow__pane').getAttribute('title')
        if (/^Task [0-9a-f]{32} (RUNNING|STOPPED)/.test(title ?? '')) at = { x, y, title }
      }
    }
    expect(at, 'a task under one of the points').toBeDefined()
    const { paints } = await pixels()
    await page.mouse.click(at.x, at.y)
    // The selection is outlined on the picture: it is painted again.
    await expect.poll(() => pixels().then((p) => p.paints)).toBeGreaterThan(paints)
  })

  test('the overview map shows the world and moves the view where it is pressed', async () => {
    await diagram().getByRole('button', { name: 'Minimap' }).click()
    const map = diagram().getByRole('img', { name: 'Diagram overview' })
    const transform = () => diagram().locator('.react-flow__viewport').evaluate((v) => v.style.transform)
    const before = await transform()
    const box = await map.boundingBox()
    await page.mouse.click(box.x + box.width / 2, box.y + 10)
    await expect.poll(transform).not.toBe(before)
    await diagram().getByRole('button', { name: 'Minimap' }).click()
  })

  test('zoomed in, the picture hands over to DOM nodes, only those in view', async () => {
    await diagram().getByRole('button', { name: 'Zoom to fit' }).click()
    for (let i = 0; i < 30 && (await picture().count()); i++) await diagram().getByRole('button', { name: 'Zoom in' }).click()
    await expect(picture().count()).resolves.toBe(0)
    const count = await diagram().locator('.react-flow__node').count()
    expect(count).toBeGreaterThan(0)
    expect(count).toBeLessThan(500)
  })

  test('the page threw no uncaught errors and never left 127.0.0.1', () => {
    expect(session.browser.pageErrors).toEqual([])
    expect(session.browser.offsite).toEqual([])
  })
})
