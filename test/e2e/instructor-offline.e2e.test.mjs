// The installable, offline app in real Chromium, served from a sub-path by a plain static host: after one online
// visit the service worker has every file of the build, and with the network off (and the host gone) the page
// loads, Monaco starts, and the course's Fargate walkthrough runs to healthy targets.
import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, test } from 'vitest'
import { consoleRegion, openApp, ROOT, serveDistAt, waitForLog } from './browser.mjs'
import { chromiumSession } from './suite.mjs'
import { WALKTHROUGH } from './walkthrough.mjs'

describe('offline after one visit', () => {
  const session = chromiumSession({ serve: () => serveDistAt('/course/sandbox/') })
  // The walkthrough's lines are long: pasted into the console (one input event) rather than typed key by key.
  const paste = async (page, line, expected) => {
    await consoleRegion(page).locator('.monaco-editor .view-lines').first().click()
    await page.keyboard.insertText(line)
    await page.keyboard.press('Enter')
    if (expected) await waitForLog(page, expected)
  }
  const node = (page, label) => page.getByRole('region', { name: 'Diagram' }).locator(`.react-flow__node[aria-label^="${label}"]`)

  test('the app is installable, and with the network off it loads and runs the walkthrough', async () => {
    const { page, context } = session.browser
    mkdirSync(join(ROOT, 'test-results'), { recursive: true })
    await openApp(page, session.server.url)
    // Installable: a manifest beside index.html (so under the sub-path), and a service worker controlling the page.
    const manifest = await page.evaluate(async () => {
      const href = document.querySelector('link[rel="manifest"]')?.href ?? ''
      return { href, body: await (await fetch(href)).json() }
    })
    expect(manifest.href).toBe(`${session.server.url}manifest.webmanifest`)
    expect(manifest.body).toMatchObject({ name: 'Container Sandbox', start_url: './', display: 'standalone' })
    await expect
      .poll(() => page.evaluate(async () => (await navigator.serviceWorker.ready, navigator.serviceWorker.controller?.scriptURL ?? '')), { timeout: 20_000 })
      .toBe(`${session.server.url}sw.js`)

    await context.setOffline(true)
    await session.server.close()
    await openApp(page, session.server.url)
    for (const [line, shows] of WALKTHROUGH) {
      await paste(page, line, shows?.log ?? (shows?.node ? undefined : `$ ${line.slice(0, 40)}`))
      if (shows?.node) await node(page, shows.node).first().waitFor({ state: 'attached', timeout: 15_000 })
    }
    await paste(page, 'aws elbv2 wait target-in-service --target-group-arn $TG_ARN', '$ aws elbv2 wait target-in-service')
    await paste(page, "aws elbv2 describe-target-health --target-group-arn $TG_ARN --query 'TargetHealthDescriptions[].TargetHealth.State' --output text", 'healthy\thealthy')
    // Help pages come from chunks of their own: cached too.
    await paste(page, 'aws ecs create-cluster help', 'The full description of your new cluster.')
    await page.screenshot({ path: join(ROOT, 'test-results', 'offline-walkthrough.png') })
    expect(session.browser.pageErrors).toEqual([])
    expect(session.browser.offsite).toEqual([])
  })
})
