import { execFileSync } from 'node:child_process'
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'

const generated = join(import.meta.dirname, '../../src/models/generated')

describe('src/models/generated', () => {
  it('is what scripts/gen-models.mjs makes from the installed aws-sdk (run `npm run gen:models`)', () => {
    const out = mkdtempSync(join(tmpdir(), 'gen-models-'))
    try {
      execFileSync(process.execPath, [join(import.meta.dirname, '../../scripts/gen-models.mjs'), '--out', out, '--quiet'])
      const files = readdirSync(out).sort()
      expect(readdirSync(generated).sort()).toEqual(files)
      const stale = files.filter((f) => readFileSync(join(out, f), 'utf8') !== readFileSync(join(generated, f), 'utf8'))
      expect(stale).toEqual([])
    } finally {
      rmSync(out, { recursive: true, force: true })
    }
  })
})
