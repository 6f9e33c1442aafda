// Lessons keep their own worlds, in real Chromium: starting a lesson with another start state asks first, keeps the
// current world as a saved slot, and switching back brings that world back. The inspector's selection and its state
// history survive a reload. Helpers: ./browser.mjs.
import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { beforeAll, describe, expect, test } from 'vitest'
import { ROOT, openApp, runCommand, waitForMonaco } from './browser.mjs'
import { chromiumSession } from './suite.mjs'

const L1 = 'Containers, tasks and clusters'
const L3 = 'Microservices behind one load balancer'

describe('lesson worlds in Chromium', () => {
  const session = chromiumSession()
  let page

  beforeAll(async () => {
    page = session.page
    await openApp(page, session.server.url)
  })

  const lesson = () => page.getByRole('region', { name: 'Lesson' })
  /**
   * The cluster ARNs the account lists now: the output between the command and a marker it echoes (the log keeps
   * earlier output). The marker is typed with quotes inside, so only the output spells it whole.
   */
  const clusters = async (marker) => {
    const text = await runCommand(page, `aws ecs list-clusters --query "clusterArns" --output text && echo end"-"of-${marker}`, `end-of-${marker}`)
    return text.slice(text.lastIndexOf('list-clusters'), text.lastIndexOf(`end-of-${marker}`))
  }

  test('lesson 1: the cluster goal reads as a sentence and is met once the cluster exists', async () => {
    await lesson().getByRole('button', { name: `Start ${L1}` }).click()
    await runCommand(page, 'aws ecs create-cluster --cluster-name fargate-cluster', /fargate-cluster/)
    const goal = lesson().getByRole('list', { name: 'Goals' }).getByRole('listitem').first()
    await expect.poll(() => goal.getAttribute('data-state'), { timeout: 15_000 }).toBe('met')
    await expect(goal.textContent()).resolves.toContain('The cluster fargate-cluster is ACTIVE')
  })

  test('starting lesson 3 asks first; Start keeps lesson 1’s world as a slot and builds lesson 3’s', async () => {
    await lesson().getByRole('button', { name: '← All lessons' }).click()
    await lesson().getByRole('button', { name: `Start ${L3}` }).click()
    const dialog = page.getByRole('dialog', { name: `Start ${L3}?` })
    await dialog.waitFor()
    await expect(dialog.textContent()).resolves.toContain('Your current world will be kept as a saved slot')
    mkdirSync(join(ROOT, 'test-results'), { recursive: true })
    await page.screenshot({ path: join(ROOT, 'test-results', 'lesson-switch-dialog.png') })
    await dialog.getByRole('button', { name: 'Start' }).click()
    await lesson().getByRole('heading', { name: /^Step 1 of \d+:/ }).waitFor()
    const listed = await clusters('listed-in-lesson-3')
    expect(listed).toContain('cluster/microservices')
    expect(listed).not.toContain('cluster/fargate-cluster')
  })

  test('switching back to lesson 1 asks again and restores its world, cluster and progress', async () => {
    await lesson().getByRole('button', { name: '← All lessons' }).click()
    await lesson().getByRole('button', { name: `Continue ${L1}` }).click()
    const dialog = page.getByRole('dialog', { name: `Start ${L1}?` })
    await dialog.getByRole('button', { name: 'Start' }).click()
    const answer = await clusters('listed-after-restore')
    expect(answer).toContain('cluster/fargate-cluster')
    expect(answer).not.toContain('cluster/microservices')
    await lesson().getByRole('button', { name: 'Create a Fargate cluster (done)' }).waitFor()
    await page.screenshot({ path: join(ROOT, 'test-results', 'lesson-switched-back.png') })
  })

  test('the inspector’s selection and its state history survive a reload', async () => {
    const diagram = page.getByRole('region', { name: 'Diagram' })
    await diagram.getByRole('button', { name: 'Text view' }).click()
    await diagram.getByRole('button', { name: /fargate-cluster/ }).first().click()
    const inspector = page.getByRole('region', { name: 'Inspector' })
    await expect.poll(() => inspector.getByRole('region', { name: 'State history' }).textContent(), { timeout: 15_000 }).toMatch(/created/)
    await page.waitForTimeout(1_000)
    await page.reload()
    await waitForMonaco(page)
    await expect.poll(() => inspector.getByRole('region', { name: 'State history' }).textContent(), { timeout: 15_000 }).toMatch(/created/)
    await expect(inspector.textContent()).resolves.toContain('fargate-cluster')
  })

  test('the page threw no uncaught errors', () => {
    expect(session.browser.pageErrors).toEqual([])
    expect(session.browser.offsite).toEqual([])
  })
})
