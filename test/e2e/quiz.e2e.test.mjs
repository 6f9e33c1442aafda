// The 10-minute Fargate check taken in exam mode in real Chromium, the way a learner takes it: the timer runs,
// hints are locked, every question is answered (the practical one by typing its solution into the question's
// console), the quiz is submitted and the result code copied. An instructor then opens the app in a fresh browser
// (no shared storage) and verifies the code: the replay gives the same score. On a laptop (1440×900) and on a
// projector at 150 % zoom (853×480 CSS px); screenshots go to test-results/ for a human to look at.
import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { ROOT, launchBrowser, serveDist, waitForMonaco } from './browser.mjs'
import { seriousViolations } from './checks.mjs'

const SHOTS = join(ROOT, 'test-results')

const VIEWS = [
  { name: 'laptop 1440×900', file: 'quiz-1440x900', viewport: { width: 1440, height: 900 }, deviceScaleFactor: 1, learner: 'Ada Lovelace' },
  { name: 'projector 1280×720 at 150 %', file: 'quiz-1280x720-150pct', viewport: { width: 853, height: 480 }, deviceScaleFactor: 1.5, learner: 'Grace Hopper' },
]

/** A learner's answers, by the question's title: what they pick or type, read from the question as shown. */
const ANSWERS = {
  'Who manages what on Fargate': { check: [/^Patching and updating/, /^Provisioning and scaling/] },
  'The network mode Fargate supports': { check: [/^awsvpc$/] },
  'Predict: a Fargate task definition without a network mode': { check: [/^ClientException$/] },
  'Task size in CPU units': { type: () => '512' },
  'The object that keeps tasks running': { type: () => 'service' },
  // The desired count is a parameter of the learner's variant: read it from the prompt.
  'Predict: a service after five minutes': { type: (prompt) => /--desired-count (\d+)/.exec(prompt)?.[1] ?? '' },
  'Predict: a load balancer in one subnet': { check: [/^ValidationError$/] },
}

for (const view of VIEWS) {
  describe(`the Fargate check in exam mode on a ${view.name}`, () => {
    let server
    let browser
    let page
    let code
    let score

    beforeAll(async () => {
      mkdirSync(SHOTS, { recursive: true })
      server = await serveDist()
      browser = await launchBrowser({ viewport: view.viewport, deviceScaleFactor: view.deviceScaleFactor })
      await browser.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(server.url).origin })
      page = browser.page
      await page.goto(server.url)
      await waitForMonaco(page)
    })
    afterAll(async () => {
      await browser?.close()
      await server?.close()
    })

    const panel = () => page.getByRole('region', { name: 'Quizzes' })

    test('the exam starts with a running timer, and the panel has no serious axe violation', async () => {
      await page.getByRole('button', { name: 'Quizzes' }).click()
      await panel().getByRole('combobox', { name: /^Quiz/ }).selectOption({ label: 'Fargate walkthrough check (10 minutes)' })
      await panel().getByLabel('Your name').fill(view.learner)
      await panel().getByRole('radio', { name: /^Exam/ }).check()
      await panel().getByRole('button', { name: 'Start' }).click()
      const timer = panel().getByRole('timer', { name: 'Time left' })
      await expect(timer.textContent()).resolves.toMatch(/Time left (10:00|9:5\d)/)
      const handle = await timer.elementHandle()
      await page.waitForFunction((el) => /Time left 9:[0-5]\d/.test(el.textContent ?? ''), handle, { timeout: 5000 })
      await page.screenshot({ path: join(SHOTS, `${view.file}-exam.png`) })
      expect(await seriousViolations(page, '#quiz-panel')).toEqual([])
    })

    test('every question is answered once; hints are locked; the practical one is built in its console', async () => {
      const total = Number(/of (\d+)/.exec((await panel().getByText(/^Question \d+ of \d+$/).textContent()) ?? '')?.[1])
      expect(total).toBe(8)
      const seen = []
      for (let i = 0; i < total; i++) {
        await panel().getByText(`Question ${i + 1} of ${total}`).waitFor()
        const question = panel().locator('article')
        const title = (await question.getByRole('heading', { level: 3 }).textContent())?.trim() ?? ''
        seen.push(title)
        expect(await panel().getByRole('button', { name: 'Show a hint' }).count()).toBe(0)
        const prompt = (await question.textContent()) ?? ''
        const answer = ANSWERS[title]
        if (answer?.check) {
          for (const name of answer.check) await question.getByRole(title.startsWith('Who manages') ? 'checkbox' : 'radio', { name }).check()
          await question.getByRole('button', { name: /^(Answer|Predict, then run)$/ }).click()
          await question.getByText(/one attempt per question in exam mode/).waitFor()
        } else if (answer?.type) {
          await question.getByLabel(/^Your (answer|prediction)/).fill(answer.type(prompt))
          await question.getByRole('button', { name: /^(Answer|Predict, then run)$/ }).click()
          await question.getByText(/one attempt per question in exam mode/).waitFor()
        } else {
          expect(title).toBe('Build it: a Fargate service')
          expect(await panel().getByText('Hints are locked in exam mode.').isVisible()).toBe(true)
          const cluster = /cluster named\s+(shop-[a-z]{4})/.exec(prompt)?.[1]
          const service = /Fargate service (web-[a-z]{4})/.exec(prompt)?.[1]
          const count = /with (\d) tasks/.exec(prompt)?.[1]
          expect([cluster, service, count].every(Boolean)).toBe(true)
          const consoleLog = question.getByRole('log', { name: 'Question console output' })
          for (const line of [
            `aws ecs create-cluster --cluster-name ${cluster}`,
            `aws ecs create-service --cluster ${cluster} --service-name ${service} --task-definition web --desired-count ${count} --launch-type FARGATE --network-configuration file://task-networking.json`,
            `aws ecs wait services-stable --cluster ${cluster} --services ${service}`,
            `aws ecs describe-services --cluster ${cluster} --services ${service} --query 'services[0].runningCount' --output text`,
          ]) {
            await question.getByLabel('Command').fill(line)
            await question.getByLabel('Command').press('Enter')
            await consoleLog.getByText(`$ ${line}`).waitFor()
          }
          await expect(consoleLog.locator('pre').last().textContent()).resolves.toMatch(new RegExp(`\\n${count}\\n?$`))
          await page.screenshot({ path: join(SHOTS, `${view.file}-practical.png`) })
        }
        if (i < total - 1) await panel().getByRole('button', { name: 'Next' }).click()
      }
      expect(seen.sort()).toEqual([...Object.keys(ANSWERS), 'Build it: a Fargate service'].sort())
      expect(await seriousViolations(page, '#quiz-panel')).toEqual([])
    })

    test('submitting shows the score and a result code, which the copy button puts on the clipboard', async () => {
      await panel().getByRole('button', { name: 'Submit quiz' }).click()
      const heading = panel().getByRole('heading', { name: /^Your score: / })
      score = /Your score: ([\d.]+) of ([\d.]+)/.exec((await heading.textContent()) ?? '')?.slice(1)
      expect(score).toBeDefined()
      expect(Number(score[0])).toBe(Number(score[1]))
      await panel().getByRole('button', { name: 'Copy the result code' }).click()
      await panel().getByRole('status').getByText('Copied').waitFor()
      code = await page.evaluate(() => navigator.clipboard.readText())
      expect(code).toMatch(/^CSQ1\.fargate-check\.1\./)
      expect(code).toBe(await panel().getByLabel(/^Result code/).inputValue())
      // The same code as a QR code, drawn from the SVG the download link saves.
      const qr = panel().getByRole('img', { name: `QR code of the result code for ${view.learner}` })
      await qr.waitFor()
      expect((await qr.boundingBox())?.width).toBeGreaterThanOrEqual(200)
      const link = panel().getByRole('link', { name: 'Download the QR code (SVG)' })
      expect(await link.getAttribute('download')).toMatch(/^quiz-result-.+\.svg$/)
      expect(await link.getAttribute('href')).toBe(await qr.getAttribute('src'))
      await page.screenshot({ path: join(SHOTS, `${view.file}-results.png`), fullPage: false })
      expect(await seriousViolations(page, '#quiz-panel')).toEqual([])
    })

    test('an instructor in a fresh browser pastes the code and sees the same score, verified', async () => {
      const instructor = await launchBrowser({ viewport: view.viewport, deviceScaleFactor: view.deviceScaleFactor })
      try {
        const other = instructor.page
        await other.goto(server.url)
        await waitForMonaco(other)
        await other.getByRole('button', { name: 'Quizzes' }).click()
        const quizzes = other.getByRole('region', { name: 'Quizzes' })
        await quizzes.getByRole('button', { name: 'Verify results' }).click()
        await quizzes.getByLabel(/^Result codes/).fill(code)
        await quizzes.getByRole('button', { name: 'Verify', exact: true }).click()
        const row = quizzes.getByRole('row', { name: new RegExp(view.learner) })
        await row.waitFor({ timeout: 30_000 })
        await expect(row.textContent()).resolves.toContain('Verified')
        await expect(row.textContent()).resolves.toContain(`${score[0]} / ${score[1]}`)
        await other.screenshot({ path: join(SHOTS, `${view.file}-verified.png`) })
        expect(await seriousViolations(other, '#quiz-panel')).toEqual([])
        expect(instructor.offsite).toEqual([])
        expect(instructor.pageErrors).toEqual([])
      } finally {
        await instructor.close()
      }
    })

    test('nothing left the page’s origin and the page raised no error', async () => {
      expect(browser.offsite).toEqual([])
      expect(browser.pageErrors).toEqual([])
    })
  })
}
