#!/usr/bin/env node
// `npm run screenshot` (after `vite build`): opens the built app in Chromium at 1440×900, types the course notes'
// Fargate walkthrough into the console (test/e2e/walkthrough.mjs), lets the waiters move the clock, curls the load
// balancer, selects a task in the diagram and writes docs/screenshot.png for the README.
// Serving and launching are shared with the end-to-end tests (test/e2e/browser.mjs).
import { mkdirSync } from 'node:fs'
import { join, relative } from 'node:path'
import { ROOT, launchBrowser, openApp, runCommand, serveDist, typeCommand } from '../test/e2e/browser.mjs'
import { WALKTHROUGH } from '../test/e2e/walkthrough.mjs'

const OUT = join(ROOT, 'docs', 'screenshot.png')
const AFTER = [
  // [command line, text that shows it has run]
  ['aws ecs wait services-stable --cluster fargate-cluster --services FargateDemoService2', '$ aws ecs wait services-stable'],
  ['aws elbv2 wait target-in-service --target-group-arn $TG_ARN', '$ aws elbv2 wait target-in-service'],
  ["aws elbv2 describe-target-health --target-group-arn $TG_ARN --query 'TargetHealthDescriptions[].[Target.Id,TargetHealth.State]' --output table", 'healthy'],
  ["DNS=$(aws elbv2 describe-load-balancers --names FargateLoadBalancer --query 'LoadBalancers[0].DNSName' --output text)", undefined],
  ['curl -s http://$DNS/', '</html>'],
]

const server = await serveDist()
const browser = await launchBrowser({ viewport: { width: 1440, height: 900 } })
let status = 0
try {
  const { page } = browser
  await openApp(page, server.url)
  for (const [line, shows] of WALKTHROUGH) {
    await typeCommand(page, line)
    if (shows?.node) await page.locator(`.react-flow__node[aria-label^="${shows.node}"]`).first().waitFor({ state: 'attached', timeout: 15_000 })
  }
  for (const [line, shows] of AFTER) await (shows ? runCommand(page, line, shows) : typeCommand(page, line))
  // A taller diagram for the picture: the separator under it is keyboard-resizable, as a learner would use it.
  const separator = page.getByRole('separator', { name: 'Resize the diagram' })
  await separator.focus()
  for (let i = 0; i < 12; i++) await separator.press('ArrowDown')
  await page.getByRole('button', { name: 'Zoom to fit' }).click().catch(() => undefined)
  await page.waitForTimeout(400)

  // Select a task in the diagram so the inspector has something to show.
  const task = page.locator('.react-flow__node[aria-label^="Task "]').first()
  try {
    await task.waitFor({ state: 'visible', timeout: 5_000 })
    await task.click({ timeout: 5_000, force: true })
    console.log(`selected ${await task.getAttribute('aria-label')} in the diagram`)
  } catch (error) {
    console.log(`could not select a task in the diagram (${error.message.split('\n')[0]}); the screenshot shows none selected`)
  }
  await page.waitForTimeout(500) // let the inspector and the diagram's selection render

  mkdirSync(join(ROOT, 'docs'), { recursive: true })
  await page.screenshot({ path: OUT })
  if (browser.offsite.length > 0) {
    console.error(`the page tried to leave 127.0.0.1: ${browser.offsite.join(', ')}`)
    status = 1
  }
  console.log(`wrote ${relative(ROOT, OUT)}`)
} catch (error) {
  console.error(`screenshot: ${error.message}`)
  status = 1
} finally {
  await browser.close()
  await server.close()
}
process.exit(status)
