// scratch: walkthrough then screenshot + measurements (not committed)
import { join } from 'node:path'
import { mkdirSync } from 'node:fs'
import { ROOT, launchBrowser, serveDist, openApp, runCommand, typeCommand } from './browser.mjs'
import { WALKTHROUGH } from './walkthrough.mjs'
const server = await serveDist()
const vp = process.env.VP === 'small' ? { width: 853, height: 480 } : { width: 1440, height: 900 }
const b = await launchBrowser({ viewport: vp, deviceScaleFactor: process.env.VP === 'small' ? 1.5 : 1 })
const page = b.page
await openApp(page, server.url)
const diagram = () => page.getByRole('region', { name: 'Diagram' })
for (const [line, shows] of WALKTHROUGH) {
  if (shows?.log) await runCommand(page, line, shows.log)
  else await typeCommand(page, line)
  if (shows?.node) await diagram().locator(`[aria-label^="${shows.node}"]`).first().waitFor({ state: 'attached', timeout: 15000 })
}
await runCommand(page, 'aws ecs wait services-stable --cluster fargate-cluster --services FargateDemoService2', '$ aws ecs wait services-stable')
await runCommand(page, 'aws elbv2 wait target-in-service --target-group-arn $TG_ARN', '$ aws elbv2 wait target-in-service')
await page.waitForTimeout(1500)
mkdirSync(join(ROOT, 'test-results'), { recursive: true })
await page.screenshot({ path: join(ROOT, 'test-results', `probe-${process.env.VP ?? 'big'}.png`) })
const info = await page.evaluate(() => {
  const vp = document.querySelector('.react-flow__viewport')?.style.transform
  const pane = document.querySelector('.cs-diagram-canvas')?.getBoundingClientRect()
  const labels = [...document.querySelectorAll('.react-flow__node .cs-node-label')].slice(0, 50).map((e) => [e.closest('.react-flow__node').getAttribute('aria-label').slice(0, 30), e.getBoundingClientRect().height.toFixed(1)])
  return { vp, pane: pane && [pane.width, pane.height], labels }
})
console.log(JSON.stringify(info, null, 1))
await diagram().getByRole('button', { name: 'Zoom to fit' }).click()
await page.waitForTimeout(600)
await page.screenshot({ path: join(ROOT, 'test-results', `probe-${process.env.VP ?? 'big'}-fit.png`) })
console.log(await page.evaluate(() => document.querySelector('.react-flow__viewport')?.style.transform))
await b.close(); await server.close()
