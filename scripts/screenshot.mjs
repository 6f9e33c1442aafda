#!/usr/bin/env node
// `npm run screenshot` (after `vite build`): opens the built app in Chromium at 1440×900, runs a console command,
// selects a subnet in the diagram when there is one, and writes docs/screenshot.png for the README.
// Serving and launching are shared with the end-to-end tests (test/e2e/browser.mjs).
import { mkdirSync } from 'node:fs'
import { join, relative } from 'node:path'
import { ROOT, launchBrowser, openApp, runCommand, serveDist } from '../test/e2e/browser.mjs'

const OUT = join(ROOT, 'docs', 'screenshot.png')
const COMMANDS = [
  // [command line, text that shows it has run]
  ['aws sts get-caller-identity', '"Account": "123456789012"'],
  ["aws ec2 describe-subnets --query 'Subnets[].[SubnetId,AvailabilityZone,CidrBlock]' --output table", '172.31.32.0/20'],
]

const server = await serveDist()
const browser = await launchBrowser({ viewport: { width: 1440, height: 900 } })
let status = 0
try {
  const { page } = browser
  await openApp(page, server.url)
  for (const [line, shows] of COMMANDS) await runCommand(page, line, shows)

  // Select a subnet in the diagram so the inspector has something to show (skipped if the diagram has none yet).
  const subnet = page.locator('.react-flow__node[data-id^="subnet-"]').first()
  try {
    await subnet.waitFor({ state: 'visible', timeout: 5_000 })
    await subnet.click({ timeout: 5_000 })
    console.log(`selected ${await subnet.getAttribute('data-id')} in the diagram`)
  } catch (error) {
    console.log(`could not select a subnet in the diagram (${error.message.split('\n')[0]}); the screenshot shows none selected`)
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
