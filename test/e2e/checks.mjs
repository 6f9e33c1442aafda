// What several end-to-end files check the same way: axe over a part of the page, and a lesson's steps run from the
// lesson panel with "Run solution" until each says "Step complete.".
import { join } from 'node:path'
import { expect } from 'vitest'
import { ROOT } from './browser.mjs'

const AXE = join(ROOT, 'node_modules/axe-core/axe.min.js')

/** Serious and critical axe violations in the part of the page `selector` picks, as readable lines. */
export async function seriousViolations(page, selector) {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ path: AXE })
  const violations = await page.evaluate(async (selector) => {
    const result = await window.axe.run(document.querySelector(selector), { resultTypes: ['violations'] })
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, targets: v.nodes.slice(0, 3).map((n) => n.target.join(' ')) }))
  }, selector)
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.impact} ${v.id}: ${v.help} — ${v.targets.join(', ')}`)
}

/**
 * Starts the lesson `title` (confirming the switch of worlds when asked) and runs the solutions of its first `steps`
 * steps in order, each until the panel says "Step complete.".
 */
export async function runLessonSteps(page, title, steps) {
  const lesson = page.getByRole('region', { name: 'Lesson' })
  await lesson.getByRole('button', { name: `Start ${title}` }).click()
  const dialog = page.getByRole('dialog', { name: `Start ${title}?` })
  if (await dialog.isVisible().catch(() => false)) await dialog.getByRole('button', { name: 'Start' }).click()
  const stepStatus = () => lesson.getByRole('status').filter({ hasText: /Step complete\.|Not done yet\./ })
  for (let i = 0; i < steps; i++) {
    await lesson.getByRole('heading', { name: new RegExp(`^Step ${i + 1} of \\d+:`) }).waitFor()
    await lesson.getByRole('button', { name: 'Run solution' }).click()
    await expect.poll(() => stepStatus().textContent(), { timeout: 20_000, message: `step ${i + 1} completes` }).toContain('Step complete.')
    if (i < steps - 1) await lesson.getByRole('button', { name: 'Next', exact: true }).click()
  }
}
