// The diagram reads at a glance (issue 13): after the course's Fargate walkthrough, the view the learner gets without
// touching the zoom shows the load balancer, target group and task names at 11 px or more on screen, nothing fitted
// lands under the zoom controls, the legend is not over the diagram, and a curl's path is drawn bold. At 1440×900 and
// on a projector's 1280×720 at 150 % (853×480 CSS pixels). Screenshots go to test-results/.
import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { beforeAll, describe, expect, test } from 'vitest'
import { ROOT, openApp, runCommand, typeCommand } from './browser.mjs'
import { chromiumSession } from './suite.mjs'
import { WALKTHROUGH } from './walkthrough.mjs'

/** Runs the walkthrough and its waiters, as the diagram test does; leaves the zoom alone. */
async function walkthrough(page) {
  const diagram = page.getByRole('region', { name: 'Diagram' })
  for (const [line, shows] of WALKTHROUGH) {
    if (shows?.log) await runCommand(page, line, shows.log)
    else await typeCommand(page, line)
    if (shows?.node) await diagram.locator(`.react-flow__node[aria-label^="${shows.node}"]`).first().waitFor({ state: 'attached', timeout: 15_000 })
  }
  await runCommand(page, 'aws ecs wait services-stable --cluster fargate-cluster --services FargateDemoService2', '$ aws ecs wait services-stable')
  await runCommand(page, 'aws elbv2 wait target-in-service --target-group-arn $TG_ARN', '$ aws elbv2 wait target-in-service')
  await page.waitForFunction(() => document.querySelectorAll('.react-flow__node[aria-label*="RUNNING, healthy"]').length === 2, undefined, { timeout: 10_000 })
  await page.waitForTimeout(800) // "Follow changes" animates for 400 ms
}

/** On-screen size of each label: its computed font size × the viewport's scale, and where it is. */
function labelSizes(page, prefixes) {
  return page.evaluate((prefixes) => {
    const zoom = Number(/scale\(([\d.e-]+)\)/.exec(document.querySelector('.react-flow__viewport').style.transform)[1])
    const pane = document.querySelector('.react-flow').getBoundingClientRect()
    return prefixes.flatMap((prefix) =>
      [...document.querySelectorAll(`.react-flow__node[aria-label^="${prefix}"] .cs-node-label`)].map((label) => {
        const r = label.getBoundingClientRect()
        const style = getComputedStyle(label)
        return {
          prefix,
          px: parseFloat(style.fontSize) * zoom,
          shown: style.display !== 'none' && style.visibility !== 'hidden' && r.width > 0,
          inPane: r.top >= pane.top && r.bottom <= pane.bottom && r.left >= pane.left && r.right <= pane.right,
        }
      }),
    )
  }, prefixes)
}

/** Whether the zoom buttons or the legend lie over the pane (where they could hide a node). */
function overlaps(page) {
  return page.evaluate(() => {
    const hit = (a, b) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom
    const pane = document.querySelector('.react-flow').getBoundingClientRect()
    const zoom = document.querySelector('[role="group"][aria-label="Zoom"]').getBoundingClientRect()
    const legend = document.querySelector('.cs-diagram-legend')?.getBoundingClientRect()
    return { zoomOverPane: hit(zoom, pane), legendOverPane: legend ? hit(legend, pane) : false }
  })
}

for (const [name, browser] of [
  ['1440x900', { viewport: { width: 1440, height: 900 } }],
  ['853x480@1.5', { viewport: { width: 853, height: 480 }, deviceScaleFactor: 1.5 }],
]) {
  describe(`the diagram reads at a glance at ${name}`, () => {
    const session = chromiumSession({ browser })
    let page
    const shot = (file) => page.screenshot({ path: join(ROOT, 'test-results', `diagram-readable-${name}-${file}.png`) })

    beforeAll(async () => {
      mkdirSync(join(ROOT, 'test-results'), { recursive: true })
      page = session.page
      await openApp(page, session.server.url)
      await walkthrough(page)
    })

    test('load balancer, target group and task names are at least 11 px on screen, without touching the zoom', async () => {
      await shot('default')
      const sizes = await labelSizes(page, ['Load balancer FargateLoadBalancer', 'Target group FargateTargetGroup', 'Task '])
      expect(sizes.map((s) => s.prefix)).toEqual(['Load balancer FargateLoadBalancer', 'Target group FargateTargetGroup', 'Task ', 'Task '])
      for (const s of sizes) {
        expect(s.shown, `${s.prefix} is drawn`).toBe(true)
        expect(s.px, `${s.prefix} at ${s.px.toFixed(1)} px`).toBeGreaterThanOrEqual(11)
      }
      // In the full-size window, the load balancer and target group are in view, not just large. (At 853×480 the
      // workspace gives the diagram a pane a few hundred pixels square; the view starts at the VPC's top-left.)
      if (name === '1440x900') expect(sizes.filter((s) => !s.prefix.startsWith('Task')).every((s) => s.inPane)).toBe(true)
      await expect(page.getByRole('button', { name: 'Follow changes' }).getAttribute('aria-pressed')).resolves.toBe('true')
    })

    test('a curl lights its path bold: a thick dashed line in view', async () => {
      await typeCommand(page, "DNS=$(aws elbv2 describe-load-balancers --names FargateLoadBalancer --query 'LoadBalancers[0].DNSName' --output text)")
      await typeCommand(page, 'curl http://$DNS/')
      const handle = await page.waitForFunction(
        () => {
          const paths = [...document.querySelectorAll('.react-flow__edge.cs-lit .react-flow__edge-path')]
          return paths.length >= 2 ? paths.map((p) => ({ width: getComputedStyle(p).strokeWidth, dash: getComputedStyle(p).strokeDasharray, effect: getComputedStyle(p).vectorEffect })) : false
        },
        undefined,
        { timeout: 10_000, polling: 'raf' },
      )
      await shot('curl')
      for (const p of await handle.jsonValue()) {
        // 5 screen pixels at any zoom (non-scaling stroke), dashed.
        expect(p).toMatchObject({ width: '5px', effect: 'non-scaling-stroke' })
        expect(p.dash).not.toBe('none')
      }
    })

    test('zoom to fit uses the whole pane, and the zoom buttons and the legend are beside the diagram, not over it', async () => {
      await page.getByRole('region', { name: 'Diagram' }).getByRole('button', { name: 'Zoom to fit' }).click()
      await page.waitForTimeout(500)
      await shot('fit')
      const { zoomOverPane, legendOverPane } = await overlaps(page)
      expect(zoomOverPane).toBe(false)
      expect(legendOverPane).toBe(false)
      // Fitted to the pane's width or its height (the one that binds), within the overlays' margins (useFitGraph.ts).
      const fill = await page.evaluate(() => {
        const frame = document.querySelector('.react-flow').getBoundingClientRect()
        const pane = { width: frame.width - 24, height: frame.height - 24 }
        const boxes = [...document.querySelectorAll('.react-flow__node')].map((n) => n.getBoundingClientRect())
        const [left, top] = [Math.min(...boxes.map((b) => b.left)), Math.min(...boxes.map((b) => b.top))]
        const [right, bottom] = [Math.max(...boxes.map((b) => b.right)), Math.max(...boxes.map((b) => b.bottom))]
        return Math.max((right - left) / pane.width, (bottom - top) / pane.height)
      })
      expect(fill).toBeGreaterThan(0.7)
    })

    test('the page threw no uncaught errors and never left 127.0.0.1', () => {
      expect(session.browser.pageErrors).toEqual([])
      expect(session.browser.offsite).toEqual([])
    })
  })
}
