// Lesson 2 (the Fargate walkthrough) completed in real Chromium by typing its solution into the console, step
// by step: the checklist ticks, and the completion is still there after a reload. Helpers: ./browser.mjs.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { beforeAll, describe, expect, test } from 'vitest'
import { ROOT, openApp, typeCommand, waitForMonaco } from './browser.mjs'
import { chromiumSession } from './suite.mjs'

/** The steps of the lesson file: the solution's command lines and whether it edits a file. */
function lessonSteps(file) {
  const text = readFileSync(join(ROOT, file), 'utf8')
  const body = text.slice(text.indexOf('\n---', 4) + 4)
  return body.split(/^## /m).slice(1).map((chunk) => {
    const title = chunk.split('\n')[0].replace(/\s*\{#[^}]+\}\s*$/, '').trim()
    const solution = [...chunk.matchAll(/^```solution\n([\s\S]*?)^```/gm)].map((m) => m[1]).join('')
    // Lines ending in "\" join the next line with nothing between, as the shell does.
    const commands = solution.replace(/\\\n/g, '').split('\n').filter((l) => l.trim() && !l.trim().startsWith('#'))
    return { title, commands, edits: /^```edit$/m.test(chunk) }
  })
}

const steps = lessonSteps('lessons/02-fargate-walkthrough.md')

describe('lesson 2 in Chromium', () => {
  const session = chromiumSession()
  let page

  beforeAll(async () => {
    page = session.page
    await openApp(page, session.server.url)
  })

  const lesson = () => page.getByRole('region', { name: 'Lesson' })
  const stepStatus = () => lesson().getByRole('status')

  test('typing each step’s solution into the console ticks its checklist, through to the end', async () => {
    await lesson().getByRole('button', { name: 'Start The Fargate walkthrough, end to end' }).click()
    for (const [i, step] of steps.entries()) {
      await lesson().getByRole('heading', { name: `Step ${i + 1} of ${steps.length}: ${step.title}` }).waitFor({ timeout: 15_000 })
      await expect(stepStatus().textContent()).resolves.toContain('Not done yet.')
      if (step.edits) {
        // File edits are what the Files tab is for; the panel's "Run solution" types the commands and saves the file.
        await lesson().getByRole('button', { name: 'Run solution' }).click()
      } else {
        for (const line of step.commands) await typeCommand(page, line)
      }
      await expect.poll(() => stepStatus().textContent(), { timeout: 30_000, message: `step ${i + 1} "${step.title}" completes` }).toContain('Step complete.')
      const goals = lesson().getByRole('list', { name: 'Goals' }).getByRole('listitem')
      for (let g = 0; g < (await goals.count()); g++) await expect(goals.nth(g).getAttribute('data-state')).resolves.toBe('met')
      if (i < steps.length - 1) await lesson().getByRole('button', { name: 'Next' }).click()
    }
    await expect(stepStatus().textContent()).resolves.toContain('Lesson complete!')
  }, 300_000) // Eighteen steps typed through Monaco: past the default 120 s on a shared, busy machine.

  test('after a reload every step is still done, and the course map says the lesson is completed', async () => {
    await page.waitForTimeout(1_000)
    await page.reload()
    await waitForMonaco(page)
    for (const step of steps) await lesson().getByRole('button', { name: `${step.title} (done)` }).waitFor({ timeout: 15_000 })
    await lesson().getByRole('button', { name: '← All lessons' }).click()
    await expect(lesson().getByLabel('Progress of The Fargate walkthrough, end to end').textContent()).resolves.toMatch(/^Completed/)
  })

  test('the page threw no uncaught errors', () => {
    expect(session.browser.pageErrors).toEqual([])
    expect(session.browser.offsite).toEqual([])
  })
})
