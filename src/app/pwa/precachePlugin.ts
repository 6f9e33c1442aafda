import { createHash } from 'node:crypto'
import { readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join, relative, resolve, sep } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { Plugin } from 'vite'

/** The service worker's source; the line `const PRECACHE = PRECACHE_MANIFEST` gets `{ version, files }`. */
const TEMPLATE = fileURLToPath(new URL('./sw.js', import.meta.url))
export const SERVICE_WORKER = 'sw.js'

function filesUnder(dir: string): string[] {
  let entries
  try {
    entries = readdirSync(dir, { withFileTypes: true })
  } catch {
    return []
  }
  return entries.flatMap((e) => (e.isDirectory() ? filesUnder(join(dir, e.name)) : [join(dir, e.name)]))
}

/**
 * Writes dist/sw.js after a build, with the build's own file list (every chunk, worker, asset, public file and
 * index.html) and a version that changes whenever any of their bytes do, so browsers pick up a new deployment.
 * Build only: in dev nothing is registered (registerServiceWorker.ts) and no sw.js exists.
 */
export function precache(): Plugin {
  let outDir = 'dist'
  return {
    name: 'container-sandbox-precache',
    apply: 'build',
    configResolved(config) {
      outDir = resolve(config.root, config.build.outDir)
    },
    writeBundle() {
      const files = filesUnder(outDir)
        .map((f) => relative(outDir, f).split(sep).join('/'))
        .filter((f) => f !== SERVICE_WORKER && !f.endsWith('.map'))
        .sort()
      const hash = createHash('sha256')
      for (const f of files) hash.update(f).update(readFileSync(join(outDir, f)))
      const manifest = { version: hash.digest('hex').slice(0, 16), files: ['./', ...files.map((f) => `./${f}`)] }
      const template = readFileSync(TEMPLATE, 'utf8')
      const line = 'const PRECACHE = PRECACHE_MANIFEST'
      if (!template.includes(line)) throw new Error(`${TEMPLATE} has no "${line}" line to fill in`)
      const source = template.replace(line, `const PRECACHE = ${JSON.stringify(manifest)}`)
      writeFileSync(join(outDir, SERVICE_WORKER), source)
    },
  }
}
