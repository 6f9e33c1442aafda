// Shared by the end-to-end tests and scripts/screenshot.mjs: serve the built dist/ on 127.0.0.1, drive
// Debian's Chromium through playwright-core, and keep every request on 127.0.0.1
// (recipe: ../shared/reference/toolchain.md §6). Plain ESM so Node 20 runs it without a TypeScript step.
import { createServer } from 'node:http'
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { extname, join, normalize, resolve, sep } from 'node:path'
import { fileURLToPath } from 'node:url'
import { preview } from 'vite'
import { chromium } from 'playwright-core'

export const ROOT = fileURLToPath(new URL('../../', import.meta.url))
/** The build served: dist/ (`npm run e2e`), or E2E_DIST for a private `vite build --outDir` while others share dist/. */
export const DIST = resolve(ROOT, process.env.E2E_DIST || 'dist')
export const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium'

/** How long a learner-visible result may take to appear (first Monaco load included) before a test fails. */
export const UI_TIMEOUT = 30_000

// The exact §6 flags: headless, no network beyond loopback (host resolver maps everything else to NOTFOUND).
export const CHROMIUM_ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
  '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1, EXCLUDE localhost',
]

function assertBuilt() {
  if (!existsSync(join(DIST, 'index.html'))) throw new Error(`no ${join(DIST, 'index.html')}: run \`vite build\` first`)
}

/** `vite preview` of the build (DIST) on 127.0.0.1 at a free port. Returns { url, close }. */
export async function serveDist() {
  assertBuilt()
  const server = await preview({
    root: ROOT,
    logLevel: 'warn',
    build: { outDir: DIST },
    preview: { host: '127.0.0.1', port: 0, strictPort: true, open: false },
  })
  const address = server.httpServer.address()
  const port = typeof address === 'object' && address ? address.port : 0
  return {
    url: `http://127.0.0.1:${port}/`,
    close: () => new Promise((resolve) => server.httpServer.close(() => resolve(undefined))),
  }
}

const TYPES = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8', '.json': 'application/json', '.svg': 'image/svg+xml', '.png': 'image/png',
  '.ico': 'image/x-icon', '.ttf': 'font/ttf', '.woff': 'font/woff', '.woff2': 'font/woff2', '.wasm': 'application/wasm',
  '.txt': 'text/plain; charset=utf-8', '.md': 'text/markdown; charset=utf-8',
}

/**
 * A plain static host (node:http, no Vite) serving dist/ under a sub-path such as `/sub/path/`, the way a
 * learner's GitHub Pages or intranet server would. Anything outside the prefix is a 404, so an absolute
 * `/assets/...` URL in the build fails loudly. Returns { url, close }.
 */
export async function serveDistAt(prefix) {
  assertBuilt()
  if (!prefix.startsWith('/') || !prefix.endsWith('/')) throw new Error('prefix must start and end with "/"')
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://127.0.0.1').pathname)
    if (!path.startsWith(prefix)) { res.writeHead(404).end('not found'); return }
    let file = normalize(join(DIST, path.slice(prefix.length)))
    if (file !== DIST && !file.startsWith(DIST.endsWith(sep) ? DIST : DIST + sep)) { res.writeHead(403).end(); return }
    if (!existsSync(file) || statSync(file).isDirectory()) file = join(file, 'index.html')
    if (!existsSync(file)) { res.writeHead(404).end('not found'); return }
    res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' })
    res.end(readFileSync(file))
  })
  await new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(undefined)))
  const address = server.address()
  const port = typeof address === 'object' && address ? address.port : 0
  return {
    url: `http://127.0.0.1:${port}${prefix}`,
    close: () => new Promise((resolve) => { server.closeAllConnections?.(); server.close(() => resolve(undefined)) }),
  }
}

/**
 * Chromium on a fresh temporary profile. Every request whose host is not 127.0.0.1 (data: and blob: excepted)
 * is recorded in `offsite` and aborted, so tests can assert the app never leaves the machine.
 * `deviceScaleFactor` 1.5 with a 853×480 viewport is a 1280×720 screen at 150 % zoom; `colorScheme` 'dark' or
 * 'light' sets prefers-color-scheme. Returns { context, page, offsite, pageErrors, close }.
 */
export async function launchBrowser({ viewport = { width: 1440, height: 900 }, deviceScaleFactor = 1, colorScheme } = {}) {
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} not found: apt-get install -y chromium (toolchain.md §6)`)
  const profile = mkdtempSync(join(tmpdir(), 'e2e-profile-'))
  const context = await chromium.launchPersistentContext(profile, { executablePath: CHROMIUM, args: CHROMIUM_ARGS, viewport, deviceScaleFactor, ...(colorScheme ? { colorScheme } : {}) })
  const offsite = []
  await context.route('**/*', (route) => {
    const url = new URL(route.request().url())
    if (url.protocol === 'data:' || url.protocol === 'blob:' || url.hostname === '127.0.0.1') return route.continue()
    offsite.push(url.href)
    return route.abort('blockedbyclient')
  })
  const page = context.pages()[0] ?? (await context.newPage())
  const pageErrors = []
  page.on('pageerror', (error) => pageErrors.push(String(error)))
  return {
    context,
    page,
    offsite,
    pageErrors,
    close: async () => {
      await context.close()
      rmSync(profile, { recursive: true, force: true })
    },
  }
}

/** The console region's parts, by their accessible names. */
export const consoleRegion = (page) => page.getByRole('region', { name: 'Console' })
export const consoleLog = (page) => page.getByRole('log', { name: 'Console output' })

/** Opens the app and waits until the console's Monaco editor has mounted (the lazy chunk and its worker). */
export async function openApp(page, url) {
  await page.goto(url)
  await waitForMonaco(page)
}

export async function waitForMonaco(page, timeout = UI_TIMEOUT) {
  await consoleRegion(page).locator('.monaco-editor .view-lines').first().waitFor({ state: 'visible', timeout })
}

/** The output log's text as a learner reads it (non-breaking spaces as spaces). */
export async function logText(page) {
  const text = await consoleLog(page).textContent({ timeout: UI_TIMEOUT })
  return (text ?? '').replace(/\u00a0/g, ' ')
}

/**
 * Waits until the console output contains `expected` (a string or a RegExp); returns the log's text.
 * Polls textContent because Monaco and the virtualised log render a frame or more after the keypress.
 */
export async function waitForLog(page, expected, timeout = UI_TIMEOUT) {
  const log = await consoleLog(page).elementHandle({ timeout })
  const matcher = expected instanceof RegExp ? { source: expected.source, flags: expected.flags } : { text: expected }
  try {
    await page.waitForFunction(({ el, m }) => {
      const text = (el.textContent ?? '').replace(/\u00a0/g, ' ')
      return m.text !== undefined ? text.includes(m.text) : new RegExp(m.source, m.flags).test(text)
    }, { el: log, m: matcher }, { timeout, polling: 100 })
  } catch (error) {
    const text = await logText(page).catch(() => '(no log)')
    throw new Error(`console output never showed ${String(expected)} within ${timeout} ms; it shows:\n${text.slice(-2000)}`, { cause: error })
  }
  return logText(page)
}

/**
 * Enters one command line into the Monaco console and presses Enter, as a learner who pastes a line from the course
 * notes does. The line arrives as one input event: key-by-key typing (covered by completion.e2e.test.mjs) costs a
 * round of Monaco's tokenizing and diagnostics per character, which made long lines the suite's slowest part.
 */
export async function typeCommand(page, line) {
  await waitForMonaco(page)
  await consoleRegion(page).locator('.monaco-editor .view-lines').first().click()
  await page.keyboard.insertText(line)
  await page.keyboard.press('Enter')
}

/** Types a command and waits for `expected` in the output; returns the log's text. */
export async function runCommand(page, line, expected, timeout = UI_TIMEOUT) {
  await typeCommand(page, line)
  return waitForLog(page, expected, timeout)
}

/**
 * Whether `text` is anywhere in the console output, scrolling the virtualised log from top to bottom
 * (rows outside the viewport are not in the DOM). Leaves the log scrolled to the bottom.
 */
export async function findInLog(page, text, timeout = UI_TIMEOUT) {
  const log = await consoleLog(page).elementHandle({ timeout })
  const deadline = Date.now() + timeout
  do {
    const found = await log.evaluate(async (el, text) => {
      const has = () => (el.textContent ?? '').replace(/\u00a0/g, ' ').includes(text)
      const frame = () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)))
      if (has()) return true
      let found = false
      for (let top = 0; top <= el.scrollHeight && !found; top += Math.max(1, el.clientHeight / 2)) {
        el.scrollTop = top
        await frame()
        found = has()
      }
      el.scrollTop = el.scrollHeight
      await frame()
      return found
    }, text)
    if (found) return true
    await page.waitForTimeout(250)
  } while (Date.now() < deadline)
  return false
}
