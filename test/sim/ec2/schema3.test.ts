import { describe, expect, it } from 'vitest'
import { createSandbox, SNAPSHOT_SCHEMA, type SandboxSnapshot } from '../../../src/sandbox/index.ts'

/** A world saved before instances existed (schema 2, without the new collections), as localStorage may hold one. */
function schema2Snapshot(): SandboxSnapshot {
  const snapshot = JSON.parse(JSON.stringify(createSandbox().snapshot())) as { schema: number; world: { ec2: Record<string, unknown>; iam: Record<string, unknown> } }
  snapshot.schema = 2
  for (const key of ['instances', 'instanceData', 'launchTemplates', 'launchTemplateVersions', 'keyPairs']) delete snapshot.world.ec2[key]
  delete snapshot.world.iam.instanceProfiles
  return snapshot as unknown as SandboxSnapshot
}

describe('a snapshot saved before EC2 instances existed', () => {
  it('resumes under the current schema and can launch an instance', () => {
    const resumed = createSandbox({ snapshot: schema2Snapshot() })
    expect(resumed.snapshot().schema).toBe(SNAPSHOT_SCHEMA)
    expect(resumed.exec('aws ec2 describe-instances').stdout.trim()).toBe('{\n    "Reservations": []\n}')
    const ami = resumed.exec('aws ssm get-parameter --name /aws/service/ecs/optimized-ami/amazon-linux-2023/recommended/image_id --query Parameter.Value --output text').stdout.trim()
    const run = resumed.exec(`aws ec2 run-instances --image-id ${ami} --instance-type t3.micro`)
    expect(run.exitCode, run.stderr).toBe(0)
    expect(resumed.exec('aws iam list-instance-profiles --query "length(InstanceProfiles)"').stdout.trim()).toBe('0')
  })
})

describe('snapshots taken mid-boot resume identically', () => {
  it('the same inputs after a snapshot give the same outputs', () => {
    const a = createSandbox({ seed: 7 })
    const ami = a.exec('aws ssm get-parameter --name /aws/service/ecs/optimized-ami/amazon-linux-2023/recommended/image_id --query Parameter.Value --output text').stdout.trim()
    a.exec(`aws ec2 run-instances --image-id ${ami} --instance-type t3.micro --count 2`)
    a.advance(5_000)
    const b = createSandbox({ snapshot: a.snapshot() })
    for (const s of [a, b]) s.advance(60_000)
    const line = 'aws ec2 describe-instances --query "Reservations[].Instances[].[InstanceId,State.Name,PrivateIpAddress,PublicIpAddress]" --output text'
    expect(b.exec(line).stdout).toBe(a.exec(line).stdout)
    expect(JSON.stringify(b.snapshot())).toBe(JSON.stringify(a.snapshot()))
  })
})
