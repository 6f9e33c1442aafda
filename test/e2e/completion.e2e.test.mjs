// Completion and diagnostics in the Monaco console, in real Chromium (issue 4): a squiggle under what the
// AWS CLI would reject, a suggestion list on Tab, and the squiggle gone once a suggestion is accepted.
import { beforeAll, describe, expect, test } from 'vitest'
import { consoleRegion, openApp, runCommand } from './browser.mjs'
import { chromiumSession } from './suite.mjs'

describe('completion and diagnostics in the console', () => {
  const session = chromiumSession()
  let page

  beforeAll(async () => {
    page = session.page
    await openApp(page, session.server.url)
  })

  /** Focuses the console and abandons whatever is on the line (Ctrl+C), like a learner starting afresh. */
  const freshLine = async () => {
    await consoleRegion(page).locator('.monaco-editor .view-lines').first().click()
    await page.keyboard.press('Control+C')
  }
  const squiggles = () => consoleRegion(page).locator('.monaco-editor .squiggly-error')
  const check = () => page.getByRole('status', { name: 'Command check' })
  /** Squiggles update as each key lands: wait for the check to settle on the text for the whole line. */
  const checkSays = (predicate) =>
    page.waitForFunction((source) => {
      const text = document.querySelector('.console-diagnostic')?.textContent ?? ''
      return new Function('text', `return (${source})(text)`)(text)
    }, predicate.toString(), { timeout: 15_000 })

  test('typing `aws elbv2 create-l` squiggles the unfinished operation; accepting a suggestion clears it', async () => {
    await freshLine()
    await page.keyboard.type('aws elbv2 create-l')
    await checkSays((text) => text.includes("Invalid choice 'create-l'"))
    await squiggles().first().waitFor({ state: 'attached', timeout: 15_000 })

    await page.keyboard.press('Tab')
    const widget = consoleRegion(page).locator('.suggest-widget.visible')
    await widget.waitFor({ state: 'visible', timeout: 15_000 })
    await expect(widget.textContent()).resolves.toMatch(/create-listener[\s\S]*create-load-balancer/)
    await page.keyboard.press('Tab')

    await page.waitForFunction(() => !document.querySelector('.console-editor .squiggly-error'), null, { timeout: 15_000 })
    const line = (await consoleRegion(page).locator('.monaco-editor .view-lines').first().textContent()).replace(/\u00a0/g, ' ')
    expect(line).toMatch(/^aws elbv2 create-l(istener|oad-balancer)$/)
    await expect(check().textContent()).resolves.toBe('')
  })

  test('a single-dash option is squiggled with the two-dash spelling as the hint', async () => {
    await freshLine()
    await page.keyboard.type('aws ecs update-service -desired-count 2')
    await checkSays((text) => text === 'Unknown option -desired-count. Did you mean --desired-count?')
    await squiggles().first().waitFor({ state: 'attached', timeout: 15_000 })
  })

  test('a complete command runs with no squiggle left behind', async () => {
    await freshLine()
    await runCommand(page, 'aws sts get-caller-identity --query Account --output text', '123456789012')
    await expect(squiggles().count()).resolves.toBe(0)
    expect(session.browser.offsite).toEqual([])
  })
})
