import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { createSandbox, SNAPSHOT_SCHEMA, type SandboxSnapshot } from '../../src/sandbox/index.ts'
import { playWalkthrough } from './fixtures/walkthrough.ts'

/**
 * A snapshot saved by an older version (localStorage, a share link) resumes: it is upgraded to the current schema
 * and continues exactly as the sandbox that never stopped. The fixture was saved by the schema-1 code after
 * `playWalkthrough`'s inputs.
 */
const schema1 = (): SandboxSnapshot => JSON.parse(readFileSync(new URL('./fixtures/schema1-walkthrough.json', import.meta.url), 'utf8'))

const next = [
  'aws ecs describe-services --cluster demo --services web --query "services[0].[runningCount,desiredCount,events[0].message]" --output text',
  'aws elbv2 describe-target-health --target-group-arn $TG --query "TargetHealthDescriptions[].[Target.Id,TargetHealth.State]" --output text',
  'curl -s -o /dev/null -w "%{http_code}" http://$DNS/',
  60_000,
  'aws elbv2 describe-target-health --target-group-arn $TG --query "TargetHealthDescriptions[].TargetHealth.State" --output text',
  'aws ecs update-service --cluster demo --service web --desired-count 1 --query service.desiredCount',
  120_000,
  'aws ecs list-tasks --cluster demo --query "length(taskArns)"',
  'aws ecs describe-services --cluster demo --services web --query "services[0].events[0:3].message"',
]

function continueWith(sandbox: ReturnType<typeof createSandbox>) {
  return next.map((step) => (typeof step === 'number' ? (sandbox.advance(step), `advanced ${step}`) : sandbox.exec(step)))
}

describe('a schema-1 snapshot', () => {
  it('resumes under the current schema', () => {
    expect(schema1().schema).toBe(1)
    const resumed = createSandbox({ snapshot: schema1() })
    expect(resumed.snapshot().schema).toBe(SNAPSHOT_SCHEMA)
  })

  it('reads its event log as typed events with the same words as a live sandbox', () => {
    const live = createSandbox()
    playWalkthrough(live)
    const resumed = createSandbox({ snapshot: schema1() })
    // Causes ("why?") are recorded since schema 4 as optional fields; an older log has none and is otherwise the same.
    const withoutCauses = live.world().log.entries.map(({ cause: _cause, command: _command, ...entry }) => entry)
    expect(resumed.world().log.entries).toEqual(withoutCauses)
    expect(resumed.world().log.versions).toEqual(live.world().log.versions)
    expect(resumed.world().log.entries.filter((e) => e.kind === 'http.request')).toHaveLength(3)
  })

  it('answers the next commands exactly as the sandbox that never stopped', () => {
    const live = createSandbox()
    playWalkthrough(live)
    const out = continueWith(live)
    expect(out.filter((o) => typeof o !== 'string' && o.exitCode !== 0)).toEqual([])
    expect(continueWith(createSandbox({ snapshot: schema1() }))).toEqual(out)
  })

  it('is refused when its schema is unknown', () => {
    const snapshot = { ...schema1(), schema: 0 } as unknown as SandboxSnapshot
    expect(() => createSandbox({ snapshot })).toThrow(/schema 0 is not supported/)
  })
})
