import { describe, expect, it } from 'vitest'
import { createSandbox } from '../../../src/sandbox/index.ts'

type Sandbox = ReturnType<typeof createSandbox>

function ok(sandbox: Sandbox, line: string): string {
  const result = sandbox.exec(line)
  expect(result.stderr, line).toBe('')
  expect(result.exitCode, line).toBe(0)
  return result.stdout.trim()
}

function fails(sandbox: Sandbox, line: string): string {
  const result = sandbox.exec(line)
  expect(result.exitCode, line).not.toBe(0)
  return result.stderr.trim()
}

const TRUST = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: 'ec2.amazonaws.com' }, Action: 'sts:AssumeRole' }] }

describe('IAM roles for EC2 hosts', () => {
  it('create-role prints the trust policy back as JSON; get-role too; a second create-role is EntityAlreadyExists', () => {
    const s = createSandbox()
    s.files.write('trust.json', JSON.stringify(TRUST, null, 2))
    const created = JSON.parse(ok(s, 'aws iam create-role --role-name hostRole --assume-role-policy-document file://trust.json')).Role
    expect(created.AssumeRolePolicyDocument).toEqual(TRUST)
    expect(created.Arn).toMatch(/^arn:aws:iam::\d{12}:role\/hostRole$/)
    expect(JSON.parse(ok(s, 'aws iam get-role --role-name hostRole')).Role.AssumeRolePolicyDocument).toEqual(TRUST)
    expect(fails(s, 'aws iam create-role --role-name hostRole --assume-role-policy-document file://trust.json')).toContain(
      '(EntityAlreadyExists) when calling the CreateRole operation: Role with name hostRole already exists.')
    expect(fails(s, 'aws iam get-role --role-name nobody')).toContain('(NoSuchEntity) when calling the GetRole operation: The role with name nobody cannot be found.')
  })

  it('policies attach and detach; delete-role is refused while a policy or an instance profile holds it', () => {
    const s = createSandbox()
    s.files.write('trust.json', JSON.stringify(TRUST))
    ok(s, 'aws iam create-role --role-name hostRole --assume-role-policy-document file://trust.json')
    const policy = 'arn:aws:iam::aws:policy/service-role/AmazonEC2ContainerServiceforEC2Role'
    ok(s, `aws iam attach-role-policy --role-name hostRole --policy-arn ${policy}`)
    expect(ok(s, 'aws iam list-attached-role-policies --role-name hostRole --query AttachedPolicies[0].PolicyName --output text')).toBe('AmazonEC2ContainerServiceforEC2Role')
    expect(fails(s, 'aws iam delete-role --role-name hostRole')).toContain('(DeleteConflict) when calling the DeleteRole operation: Cannot delete entity, must detach all policies first.')
    ok(s, `aws iam detach-role-policy --role-name hostRole --policy-arn ${policy}`)
    ok(s, 'aws iam create-instance-profile --instance-profile-name hostProfile')
    ok(s, 'aws iam add-role-to-instance-profile --instance-profile-name hostProfile --role-name hostRole')
    expect(fails(s, 'aws iam delete-role --role-name hostRole')).toContain('Cannot delete entity, must remove roles from instance profile first.')
    expect(fails(s, 'aws iam delete-instance-profile --instance-profile-name hostProfile')).toContain('(DeleteConflict)')
    ok(s, 'aws iam remove-role-from-instance-profile --instance-profile-name hostProfile --role-name hostRole')
    ok(s, 'aws iam delete-instance-profile --instance-profile-name hostProfile')
    ok(s, 'aws iam delete-role --role-name hostRole')
    expect(fails(s, 'aws iam get-role --role-name hostRole')).toContain('(NoSuchEntity)')
  })

  it('an instance profile holds its role; get-/list-instance-profiles show it; errors in IAM’s words', () => {
    const s = createSandbox()
    ok(s, 'aws iam create-instance-profile --instance-profile-name ecsInstanceRole')
    expect(fails(s, 'aws iam create-instance-profile --instance-profile-name ecsInstanceRole')).toContain('(EntityAlreadyExists) when calling the CreateInstanceProfile operation: Instance Profile ecsInstanceRole already exists.')
    ok(s, 'aws iam add-role-to-instance-profile --instance-profile-name ecsInstanceRole --role-name ecsInstanceRole')
    expect(fails(s, 'aws iam add-role-to-instance-profile --instance-profile-name ecsInstanceRole --role-name ecsTaskExecutionRole')).toContain('(LimitExceeded)')
    const profile = JSON.parse(ok(s, 'aws iam get-instance-profile --instance-profile-name ecsInstanceRole')).InstanceProfile
    expect(profile.Roles.map((r: { RoleName: string }) => r.RoleName)).toEqual(['ecsInstanceRole'])
    expect(profile.Roles[0].AssumeRolePolicyDocument.Statement[0].Principal.Service).toBe('ec2.amazonaws.com')
    expect(ok(s, 'aws iam list-instance-profiles --query InstanceProfiles[].InstanceProfileName --output text')).toBe('ecsInstanceRole')
    expect(fails(s, 'aws iam get-instance-profile --instance-profile-name nope')).toContain('(NoSuchEntity) when calling the GetInstanceProfile operation: Instance Profile nope cannot be found.')
    expect(fails(s, 'aws iam attach-role-policy --role-name ecsInstanceRole --policy-arn arn:aws:iam::aws:policy/NoSuchPolicy')).toContain('(NoSuchEntity)')
  })
})
