import { describe, expect, it } from 'vitest'
import { createSandbox } from '../../../src/sandbox/index.ts'

describe('profiles: default (admin) and learner (no account-setting permissions)', () => {
  it('the learner profile meets AccessDeniedException in ECS’s words, with --profile or AWS_PROFILE, and nothing changes', () => {
    const sandbox = createSandbox()
    const before = JSON.stringify(sandbox.snapshot().world)
    const denied = sandbox.exec('aws ecs put-account-setting --name containerInsights --value enabled --profile learner')
    expect(denied.exitCode).toBe(254)
    expect(denied.stderr).toBe(
      '\naws: [ERROR]: An error occurred (AccessDeniedException) when calling the PutAccountSetting operation: User: arn:aws:iam::123456789012:user/student is not authorized to perform: ecs:PutAccountSetting on resource: * because no identity-based policy allows the ecs:PutAccountSetting action\n',
    )
    sandbox.exec('export AWS_PROFILE=learner')
    expect(sandbox.exec('aws ecs put-account-setting-default --name containerInsights --value enabled').stderr).toContain('not authorized to perform: ecs:PutAccountSettingDefault on resource: *')
    expect(JSON.stringify(sandbox.snapshot().world)).toBe(before)
    // What the learner profile may do, it does.
    expect(sandbox.exec('aws ecs list-account-settings --name containerInsights').exitCode).toBe(0)
    sandbox.exec('unset AWS_PROFILE')
    expect(JSON.parse(sandbox.exec('aws ecs put-account-setting --name containerInsights --value enabled').stdout).setting.value).toBe('enabled')
  })

  it('sts get-caller-identity tells which identity is active', () => {
    const sandbox = createSandbox()
    const me = JSON.parse(sandbox.exec('aws sts get-caller-identity').stdout)
    expect(me.Arn).toBe('arn:aws:iam::123456789012:user/learner')
    const student = JSON.parse(sandbox.exec('aws sts get-caller-identity --profile learner').stdout)
    expect(student).toMatchObject({ Account: '123456789012', Arn: 'arn:aws:iam::123456789012:user/student' })
    expect(student.UserId).toMatch(/^AIDA[0-9A-Z]{17}$/)
  })

  it('aws configure list and list-profiles show the profiles; an unknown one is ProfileNotFound', () => {
    const sandbox = createSandbox()
    expect(sandbox.exec('aws configure list-profiles').stdout).toBe('default\nlearner\n')
    const list = sandbox.exec('aws configure list --profile learner').stdout
    expect(list).toBe(
      '      Name                    Value             Type    Location\n' +
        '      ----                    -----             ----    --------\n' +
        '   profile                  learner           manual    --profile\n' +
        'access_key     ****************MPLE shared-credentials-file    \n' +
        'secret_key     ****************EKEY shared-credentials-file    \n' +
        '    region                us-east-1      config-file    ~/.aws/config\n',
    )
    expect(sandbox.exec('aws configure list').stdout).toContain('   profile                <not set>             None    None\n')
    const unknown = sandbox.exec('aws ecs list-clusters --profile nobody')
    expect(unknown.exitCode).toBe(253)
    expect(unknown.stderr).toContain('The config profile (nobody) could not be found')
  })
})
