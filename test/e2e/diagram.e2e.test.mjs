// The live diagram in real Chromium (issue 6): the course notes' Fargate walkthrough typed into the console with the
// corrected commands, the clock moved by the waiters, then the diagram checked through its aria-labels (ALB → target
// group → two healthy tasks in two AZs), a curl lighting its path, the inspector, and the exports.
// Screenshots go to test-results/. Helpers: ./browser.mjs. E2E_DIST serves a private build instead of dist/.
import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { beforeAll, describe, expect, test } from 'vitest'
import { ROOT, openApp, runCommand, typeCommand, waitForLog } from './browser.mjs'
import { chromiumSession } from './suite.mjs'
import { WALKTHROUGH } from './walkthrough.mjs'

describe('the live diagram in Chromium', () => {
  const session = chromiumSession()
  let page
  const diagram = () => page.getByRole('region', { name: 'Diagram' })
  const node = (label) => diagram().locator(`.react-flow__node[aria-label^="${label}"]`)
  const nodes = (pattern) =>
    diagram().locator('.react-flow__node').evaluateAll((els, source) => els.map((e) => e.getAttribute('aria-label') ?? '').filter((l) => new RegExp(source).test(l)), pattern.source)

  beforeAll(async () => {
    mkdirSync(join(ROOT, 'test-results'), { recursive: true })
    page = session.page
    await openApp(page, session.server.url)
  })

  test('the walkthrough through the console draws ALB → target group → two healthy tasks in two AZs', async () => {
    for (const [line, shows] of WALKTHROUGH) {
      if (shows?.log) await runCommand(page, line, shows.log)
      else await typeCommand(page, line)
      if (shows?.node) await node(shows.node).first().waitFor({ state: 'attached', timeout: 15_000 })
    }
    // Right after create-service nothing runs yet (the scheduler's first pass is due on the virtual clock).
    await expect(node('ECS service FargateDemoService2 ACTIVE, desired 2, running 0').count()).resolves.toBe(1)

    // The waiters move the virtual clock until the service is stable and the targets are healthy.
    await runCommand(page, 'aws ecs wait services-stable --cluster fargate-cluster --services FargateDemoService2', '$ aws ecs wait services-stable')
    await runCommand(page, 'aws elbv2 wait target-in-service --target-group-arn $TG_ARN', '$ aws elbv2 wait target-in-service')
    await runCommand(page, 'aws elbv2 wait load-balancer-available --names FargateLoadBalancer', '$ aws elbv2 wait load-balancer-available')
    await runCommand(page, "aws elbv2 describe-target-health --target-group-arn $TG_ARN --query 'TargetHealthDescriptions[].TargetHealth.State' --output text", 'healthy\thealthy')

    await expect.poll(() => nodes(/^Load balancer FargateLoadBalancer active, application, internet-facing, .* in us-east-1a, us-east-1b, security group web$/), { timeout: 10_000 }).toHaveLength(1)
    await expect.poll(() => nodes(/^Target group FargateTargetGroup HTTP:8080, ip, 2 of 2 targets healthy$/)).toHaveLength(1)
    const tasks = await nodes(/^Task [0-9a-f]{32} RUNNING, healthy, us-east-1[ab], /)
    expect(tasks).toHaveLength(2)
    expect(new Set(tasks.map((t) => /us-east-1[ab]/.exec(t)[0]))).toEqual(new Set(['us-east-1a', 'us-east-1b']))
    // Each task sits in its ENI, inside a subnet of its AZ; the target group has an edge to each ENI.
    for (const label of tasks) {
      const id = await diagram().locator(`.react-flow__node[aria-label="${label}"]`).getAttribute('data-id')
      const az = /us-east-1[ab]/.exec(label)[0]
      const eni = await page.evaluate((taskArn) => document.querySelector(`.react-flow__node[aria-label*="of task ${taskArn.split('/').pop()}"]`)?.getAttribute('data-id'), id)
      expect(eni).toMatch(/^eni-/)
      await expect(diagram().locator(`.react-flow__edge[data-id$="->${eni}"]`).count()).resolves.toBe(1)
      await expect(nodes(new RegExp(`^Subnet subnet-[0-9a-f]+ ${az} `))).resolves.toHaveLength(1)
    }
    await expect(diagram().getByRole('list', { name: 'Services' }).textContent()).resolves.toContain('FargateDemoService2 2/2')
    await diagram().getByRole('button', { name: 'Zoom to fit' }).click()
    await page.waitForTimeout(500) // the fit animates for 300 ms
    await page.screenshot({ path: join(ROOT, 'test-results', 'diagram-fargate.png') })
  })

  test('a curl to the DNS name lights its path: listener → rule → target group → target', async () => {
    await typeCommand(page, "DNS=$(aws elbv2 describe-load-balancers --names FargateLoadBalancer --query 'LoadBalancers[0].DNSName' --output text)")
    await typeCommand(page, 'curl http://$DNS/')
    // The path stays lit for a moment (HIGHLIGHT_MS); catch it as soon as it is drawn.
    const lit = await page.waitForFunction(
      () => {
        const labels = [...document.querySelectorAll('.react-flow__node.cs-lit')].map((n) => n.getAttribute('aria-label') ?? '')
        const edges = document.querySelectorAll('.react-flow__edge.cs-lit').length
        return labels.length >= 5 && edges >= 2 ? { labels, edges } : false
      },
      undefined,
      { timeout: 10_000, polling: 'raf' },
    )
    const { labels, edges } = await lit.jsonValue()
    await page.screenshot({ path: join(ROOT, 'test-results', 'diagram-curl-lit.png') })
    const kinds = labels.map((l) => l.split(/ (?=[A-Za-z0-9:]*[0-9a-z]{6}|FargateLoadBalancer|FargateTargetGroup|HTTP:80|default)/)[0])
    for (const kind of ['Load balancer', 'Listener', 'Listener rule', 'Target group', 'Network interface', 'Task']) {
      expect(labels.some((l) => l.startsWith(`${kind} `)), `${kind} is lit: ${labels.join(' | ')}`).toBe(true)
    }
    expect(kinds.length).toBeGreaterThanOrEqual(5)
    expect(edges).toBe(2)
    await waitForLog(page, 'Hello from the Python web app!')
    // The highlight is short: it goes away by itself.
    await expect.poll(() => page.locator('.react-flow__node.cs-lit').count(), { timeout: 5_000 }).toBe(0)
  })

  test('clicking a task opens the inspector with its IP, state history and describe command', async () => {
    const task = diagram().locator('.react-flow__node[aria-label*="RUNNING, healthy, us-east-1a"]').first()
    // Drag the view first: while it moves, a layer over it takes the mouse (panShield.ts); it must be gone after the
    // drag, or it would take the click below.
    const pane = await diagram().locator('.react-flow').boundingBox()
    const [x, y] = [pane.x + 40, pane.y + pane.height - 40]
    await page.mouse.move(x, y)
    await page.mouse.down()
    for (let i = 1; i <= 5; i++) await page.mouse.move(x + i * 10, y - i * 5)
    await expect.poll(() => diagram().locator('.cs-pan-shield-on').count()).toBe(1)
    await page.mouse.up()
    await expect.poll(() => diagram().locator('.cs-pan-shield-on').count()).toBe(0)
    await diagram().getByRole('button', { name: 'Zoom to fit' }).click()
    await page.waitForTimeout(500)
    // The task's title bar (its centre is its container's node).
    await task.click({ position: { x: 3, y: 3 } })
    const inspector = page.getByRole('region', { name: 'Inspector' })
    await expect.poll(() => inspector.getByRole('region', { name: 'Describe command' }).textContent()).toMatch(/aws ecs describe-tasks --cluster fargate-cluster --tasks [0-9a-f]{32}/)
    await expect(inspector.locator('dl[aria-label="Key facts"]').textContent()).resolves.toMatch(/Private IP172\.31\.\d+\.\d+/)
    const history = await inspector.getByRole('region', { name: 'State history' }).textContent()
    expect(history).toMatch(/\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ created, lastStatus PROVISIONING — placed in us-east-1a to spread across AZs/)
    expect(history).toContain('lastStatus ACTIVATING → RUNNING')
    await page.screenshot({ path: join(ROOT, 'test-results', 'diagram-inspector.png') })
  })

  test('exports the diagram as SVG and PNG downloads', async () => {
    const [svg] = await Promise.all([page.waitForEvent('download'), diagram().getByRole('button', { name: 'Export SVG' }).click()])
    expect(svg.suggestedFilename()).toBe('container-sandbox-diagram.svg')
    const svgPath = join(ROOT, 'test-results', 'diagram.svg')
    await svg.saveAs(svgPath)
    const [png] = await Promise.all([page.waitForEvent('download'), diagram().getByRole('button', { name: 'Export PNG' }).click()])
    expect(png.suggestedFilename()).toBe('container-sandbox-diagram.png')
    const pngPath = join(ROOT, 'test-results', 'diagram.png')
    await png.saveAs(pngPath)
    const { readFileSync } = await import('node:fs')
    expect(readFileSync(svgPath, 'utf8')).toContain('FargateLoadBalancer')
    expect([...readFileSync(pngPath).subarray(1, 4)].map((c) => String.fromCharCode(c)).join('')).toBe('PNG')
  })

  test('the page threw no uncaught errors and never left 127.0.0.1', () => {
    expect(session.browser.pageErrors).toEqual([])
    expect(session.browser.offsite).toEqual([])
  })
})
