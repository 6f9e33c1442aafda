import { expect, it } from 'vitest'
import { createSandbox, SNAPSHOT_SCHEMA, type SandboxSnapshot } from '../../../src/sandbox/index.ts'

it('a snapshot saved before the Docker engine existed (schema 2) resumes with an empty engine', () => {
  const old = createSandbox().snapshot() as unknown as { schema: number; world: Record<string, unknown> }
  old.schema = 2
  delete old.world.docker
  const resumed = createSandbox({ snapshot: old as unknown as SandboxSnapshot })
  expect(resumed.snapshot().schema).toBe(SNAPSHOT_SCHEMA)
  expect(resumed.exec('docker ps -a').stdout).toBe('CONTAINER ID   IMAGE     COMMAND   CREATED   STATUS    PORTS     NAMES\n')
  expect(resumed.exec('docker run -d --name web nginx').exitCode).toBe(0)
})
