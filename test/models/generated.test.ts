import { execFileSync } from 'node:child_process'
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { MODELS_SOURCE } from '../../src/models/index.ts'

const generated = join(import.meta.dirname, '../../src/models/generated')

// The generated files are committed; botocore is not a build input. A developer with a botocore checkout at the
// commit MODELS_SOURCE names can check them: BOTOCORE_DIR=<checkout> npx vitest run test/models/generated.test.ts
const botocoreDir = process.env.BOTOCORE_DIR

describe('src/models/generated', () => {
  it('all name the one botocore release and commit they were made from', () => {
    expect(MODELS_SOURCE).toMatch(/^botocore \d+\.\d+\.\d+ \(commit [0-9a-f]{40}\)$/)
    const files = readdirSync(generated).filter((f) => f.endsWith('.json'))
    expect(files.length).toBe(24)
    for (const f of files) expect((JSON.parse(readFileSync(join(generated, f), 'utf8')) as { source: string }).source, f).toMatch(new RegExp(`^${MODELS_SOURCE.replace(/[()]/g, '\\$&')}: data/`))
  })

  it.skipIf(!botocoreDir)('is what scripts/gen-models.mjs makes from that botocore (run `npm run gen:models -- <checkout>`)', () => {
    const out = mkdtempSync(join(tmpdir(), 'gen-models-'))
    try {
      const commit = /commit ([0-9a-f]{40})/.exec(MODELS_SOURCE)![1]!
      execFileSync(process.execPath, [join(import.meta.dirname, '../../scripts/gen-models.mjs'), botocoreDir!, '--commit', commit, '--out', out, '--quiet'])
      const files = readdirSync(out).sort()
      expect(readdirSync(generated).sort()).toEqual(files)
      const stale = files.filter((f) => readFileSync(join(out, f), 'utf8') !== readFileSync(join(generated, f), 'utf8'))
      expect(stale).toEqual([])
    } finally {
      rmSync(out, { recursive: true, force: true })
    }
  })
})
