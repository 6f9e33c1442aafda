#!/usr/bin/env node
// `npm run size`: builds dist/ and reports the gzip size of the first-load JavaScript: what the browser must
// fetch and run before the first screen is interactive. That is the entry <script type="module"> of
// dist/index.html, every <link rel="modulepreload">, and everything they import statically (followed
// recursively through the built chunks). Chunks reached only through dynamic import() — Monaco, React Flow,
// the engine, workers — load lazily and are reported apart. Fails when the first load exceeds the budget
// (issue 3: 250 kB gzip, kB = 1000 bytes).
//
//   node scripts/size.mjs [--no-build]     --no-build measures the existing dist/ as it is
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs'
import { dirname, join, relative, resolve, sep } from 'node:path'
import { fileURLToPath } from 'node:url'
import { gzipSync } from 'node:zlib'
import { build, parseSync } from 'vite'

const ROOT = fileURLToPath(new URL('..', import.meta.url))
const DIST = join(ROOT, 'dist')
const BUDGET_GZIP_BYTES = 250 * 1000

if (!process.argv.includes('--no-build')) {
  try {
    await build({ root: ROOT, logLevel: 'warn' })
  } catch (error) {
    console.error(`size: vite build failed:\n${error.message}`)
    process.exit(1)
  }
}
const indexHtml = join(DIST, 'index.html')
if (!existsSync(indexHtml)) {
  console.error(`size: ${relative(ROOT, indexHtml)} not found; did the build fail?`)
  process.exit(1)
}

/** A URL in index.html ("./assets/x.js", "/assets/x.js", "assets/x.js") → a file in dist/, or null if off-site. */
function distFile(url, from) {
  if (/^[a-z][a-z0-9+.-]*:/i.test(url) || url.startsWith('//')) return null
  const path = url.split(/[?#]/)[0]
  return path.startsWith('/') ? join(DIST, path) : resolve(dirname(from), path)
}

const attr = (tag, name) => tag.match(new RegExp(`\\s${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)'|([^\\s>]+))`, 'i'))?.slice(1).find((v) => v !== undefined)
const html = readFileSync(indexHtml, 'utf8')
const roots = []
for (const tag of html.match(/<script\b[^>]*>/gi) ?? []) {
  if (attr(tag, 'type') === 'module' && attr(tag, 'src')) roots.push(distFile(attr(tag, 'src'), indexHtml))
}
for (const tag of html.match(/<link\b[^>]*>/gi) ?? []) {
  if (attr(tag, 'rel') === 'modulepreload' && attr(tag, 'href')) roots.push(distFile(attr(tag, 'href'), indexHtml))
}
const entries = roots.filter(Boolean)
if (entries.length === 0) {
  console.error('size: no <script type="module" src> in dist/index.html')
  process.exit(1)
}

/** Static `import … from`, `import "…"` and `export … from` specifiers of a built chunk (dynamic import() excluded). */
function staticImports(file) {
  const { module } = parseSync(file, readFileSync(file, 'utf8'))
  return [
    ...module.staticImports.map((i) => i.moduleRequest.value),
    ...module.staticExports.flatMap((e) => e.entries.map((x) => x.moduleRequest?.value)).filter(Boolean),
  ]
}

const firstLoad = new Set()
const queue = [...entries]
while (queue.length > 0) {
  const file = queue.shift()
  if (firstLoad.has(file)) continue
  if (!existsSync(file)) {
    console.error(`size: ${relative(ROOT, file)} is referenced but missing`)
    process.exit(1)
  }
  firstLoad.add(file)
  for (const spec of staticImports(file)) {
    if (spec.startsWith('.') || spec.startsWith('/')) queue.push(distFile(spec, file))
  }
}

const walk = (dir) => readdirSync(dir).flatMap((name) => {
  const path = join(dir, name)
  return statSync(path).isDirectory() ? walk(path) : [path]
})
const allJs = walk(DIST).filter((f) => /\.m?js$/.test(f))
const lazy = allJs.filter((f) => !firstLoad.has(f))
const cssFiles = (html.match(/<link\b[^>]*>/gi) ?? [])
  .filter((tag) => attr(tag, 'rel') === 'stylesheet' && attr(tag, 'href'))
  .map((tag) => distFile(attr(tag, 'href'), indexHtml)).filter((f) => f && existsSync(f))

const measure = (file) => {
  const bytes = readFileSync(file)
  return { file, raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length }
}
const sum = (rows, key) => rows.reduce((total, row) => total + row[key], 0)
const kB = (bytes) => `${(bytes / 1000).toFixed(1)} kB`
const name = (file) => relative(DIST, file).split(sep).join('/')

const rows = [...firstLoad].map(measure)
const width = Math.max(28, ...rows.map((r) => name(r.file).length))
const line = (label, raw, gzip) => `${label.padEnd(width)}  ${kB(raw).padStart(11)}  ${kB(gzip).padStart(11)}`

console.log(`First-load JavaScript (entry script, modulepreloads and their static imports); kB = 1000 bytes, gzip level 9`)
console.log(`${'file'.padEnd(width)}  ${'raw'.padStart(11)}  ${'gzip'.padStart(11)}`)
for (const r of rows) console.log(line(name(r.file), r.raw, r.gzip))
const total = { raw: sum(rows, 'raw'), gzip: sum(rows, 'gzip') }
console.log(line(`total first-load JS (${rows.length} files)`, total.raw, total.gzip))
if (cssFiles.length > 0) {
  const css = cssFiles.map(measure)
  console.log(line(`first-load CSS, not counted (${css.length})`, sum(css, 'raw'), sum(css, 'gzip')))
}
const lazyRows = lazy.map(measure)
console.log(line(`lazy JS chunks and workers (${lazyRows.length})`, sum(lazyRows, 'raw'), sum(lazyRows, 'gzip')))

if (total.gzip > BUDGET_GZIP_BYTES) {
  console.log(`FAIL: first-load JavaScript is ${kB(total.gzip)} gzip, over the ${kB(BUDGET_GZIP_BYTES)} budget (${total.gzip} > ${BUDGET_GZIP_BYTES} bytes)`)
  process.exit(1)
}
console.log(`OK: first-load JavaScript is ${kB(total.gzip)} gzip, within the ${kB(BUDGET_GZIP_BYTES)} budget (${total.gzip} <= ${BUDGET_GZIP_BYTES} bytes)`)
