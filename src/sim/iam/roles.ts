import { AwsError, ownEntry } from '../core/index.ts'
import { handler, type SimContext } from '../context.ts'
import { AWS_MANAGED_POLICIES } from './policies.ts'
import type { Role } from './state.ts'

/** The `Role` shape without the sandbox's own bookkeeping (attached policies are a separate API). */
export const toRole = ({ AttachedPolicyArns: _attached, ...role }: Role) => role

/** IAM's words (IAM API Reference, error codes; the sentences as the CLI prints them). */
export function findRole(ctx: SimContext, roleName: string): Role {
  const role = ownEntry(ctx.world.iam.roles, roleName)
  if (!role) throw new AwsError('NoSuchEntity', `The role with name ${roleName} cannot be found.`)
  return role
}

/** Role names: up to 64 of letters, digits and `+=,.@_-` (IAM API Reference, CreateRole RoleName). */
const ROLE_NAME = /^[\w+=,.@-]{1,64}$/

/**
 * CreateRole: the trust policy must be JSON (MalformedPolicyDocument otherwise). IAM keeps and returns it URL-encoded;
 * the CLI prints it decoded, as a JSON object (botocore's `json_decode_policies` handler).
 */
export const createRole = handler((ctx, input: { RoleName: string; AssumeRolePolicyDocument: string; Path?: string; Description?: string; MaxSessionDuration?: number }) => {
  const name = input.RoleName
  if (!ROLE_NAME.test(name)) throw new AwsError('ValidationError', `1 validation error detected: Value '${name}' at 'roleName' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\w+=,.@-]+`)
  if (ownEntry(ctx.world.iam.roles, name)) throw new AwsError('EntityAlreadyExists', `Role with name ${name} already exists.`)
  try {
    const doc: unknown = JSON.parse(input.AssumeRolePolicyDocument)
    if (typeof doc !== 'object' || doc === null || Array.isArray(doc)) throw new Error('not an object')
  } catch {
    throw new AwsError('MalformedPolicyDocument', 'This policy contains invalid Json')
  }
  const path = input.Path ?? '/'
  const role: Role = {
    Path: path,
    RoleName: name,
    RoleId: `AROA${ctx.rng.hex(17).toUpperCase()}`,
    Arn: `arn:aws:iam::${ctx.world.accountId}:role${path}${name}`,
    CreateDate: ctx.now(),
    AssumeRolePolicyDocument: encodeURIComponent(input.AssumeRolePolicyDocument),
    ...(input.Description !== undefined ? { Description: input.Description } : {}),
    MaxSessionDuration: input.MaxSessionDuration ?? 3600,
    AttachedPolicyArns: [],
  }
  ctx.world.iam.roles[name] = role
  ctx.log(role.Arn, { kind: 'resource.created', type: 'AWS::IAM::Role', detail: name })
  const { Description: _d, MaxSessionDuration: _m, ...created } = toRole(role)
  return { Role: created }
})

/** DeleteRole: refused while policies are attached or an instance profile holds the role (IAM API Reference, DeleteConflict). */
export const deleteRole = handler((ctx, input: { RoleName: string }) => {
  const role = findRole(ctx, input.RoleName)
  if (role.AttachedPolicyArns.length) throw new AwsError('DeleteConflict', 'Cannot delete entity, must detach all policies first.')
  if (Object.values(ctx.world.iam.instanceProfiles).some((p) => p.roleName === role.RoleName))
    throw new AwsError('DeleteConflict', 'Cannot delete entity, must remove roles from instance profile first.')
  delete ctx.world.iam.roles[role.RoleName]
  ctx.log(role.Arn, { kind: 'resource.deleted', type: 'AWS::IAM::Role' })
  return {}
})

function checkPolicyArn(arn: string): void {
  const own = /^arn:aws:iam::\d{12}:policy\//.test(arn)
  if (!own && !/^arn:aws:iam::aws:policy\//.test(arn)) throw new AwsError('InvalidInput', `ARN ${arn} is not valid.`)
  if (!AWS_MANAGED_POLICIES.includes(arn)) throw new AwsError('NoSuchEntity', `Policy ${arn} does not exist or is not attachable.`)
}

export const attachRolePolicy = handler((ctx, input: { RoleName: string; PolicyArn: string }) => {
  const role = findRole(ctx, input.RoleName)
  checkPolicyArn(input.PolicyArn)
  if (!role.AttachedPolicyArns.includes(input.PolicyArn)) {
    role.AttachedPolicyArns.push(input.PolicyArn)
    ctx.log(role.Arn, { kind: 'resource.modified', type: 'AWS::IAM::Role', detail: `attached ${input.PolicyArn}` })
  }
  return {}
})

export const detachRolePolicy = handler((ctx, input: { RoleName: string; PolicyArn: string }) => {
  const role = findRole(ctx, input.RoleName)
  if (!role.AttachedPolicyArns.includes(input.PolicyArn)) throw new AwsError('NoSuchEntity', `Policy ${input.PolicyArn} was not found.`)
  role.AttachedPolicyArns = role.AttachedPolicyArns.filter((a) => a !== input.PolicyArn)
  ctx.log(role.Arn, { kind: 'resource.modified', type: 'AWS::IAM::Role', detail: `detached ${input.PolicyArn}` })
  return {}
})

export const listAttachedRolePolicies = handler((ctx, input: { RoleName: string }) => {
  const role = findRole(ctx, input.RoleName)
  return {
    AttachedPolicies: role.AttachedPolicyArns.map((PolicyArn) => ({ PolicyName: PolicyArn.split('/').pop(), PolicyArn })),
    IsTruncated: false,
  }
})
