import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { cliOperationName } from '../../src/models/index.ts'
import { SERVICES } from '../../src/sim/index.ts'

const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8')

describe('the README', () => {
  it('opens with the two set-up commands', () => {
    const blocks = [...readme.matchAll(/```bash\n(.*)\n```/g)].map((m) => m[1])
    expect(blocks.slice(0, 2)).toEqual(['npm ci && npm start', 'npm ci && npm test'])
  })

  it('lists exactly the operations the simulator models', () => {
    for (const [service, sim] of Object.entries(SERVICES)) {
      const row = readme.split('\n').find((line) => line.startsWith(`| \`${service}\` |`))
      expect(row, `README row for ${service}`).toBeDefined()
      const listed = (row ?? '').split('|')[2].split(',').map((s) => s.trim())
      expect(listed, service).toEqual(Object.keys(sim.operations).map((op) => cliOperationName(op)).sort())
    }
  })
})
