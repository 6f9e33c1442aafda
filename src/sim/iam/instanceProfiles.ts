import { AwsError, ownEntry } from '../core/index.ts'
import { handler, type SimContext } from '../context.ts'
import { findRole, toRole } from './roles.ts'
import type { InstanceProfile } from './state.ts'

/** The profile EC2 launches with, or undefined (EC2 words its own error: ec2/runInstances.ts). */
export const findInstanceProfile = (ctx: SimContext, name: string): InstanceProfile | undefined => ownEntry(ctx.world.iam.instanceProfiles, name)

function profileNamed(ctx: SimContext, name: string): InstanceProfile {
  const profile = findInstanceProfile(ctx, name)
  if (!profile) throw new AwsError('NoSuchEntity', `Instance Profile ${name} cannot be found.`)
  return profile
}

/** The API's InstanceProfile: its roles in full. */
function shaped(ctx: SimContext, { roleName, ...profile }: InstanceProfile) {
  const role = roleName ? ownEntry(ctx.world.iam.roles, roleName) : undefined
  return { ...profile, Roles: role ? [toRole(role)] : [] }
}

export const createInstanceProfile = handler((ctx, input: { InstanceProfileName: string; Path?: string }) => {
  const name = input.InstanceProfileName
  if (findInstanceProfile(ctx, name)) throw new AwsError('EntityAlreadyExists', `Instance Profile ${name} already exists.`)
  const path = input.Path ?? '/'
  const profile: InstanceProfile = {
    Path: path,
    InstanceProfileName: name,
    InstanceProfileId: `AIPA${ctx.rng.hex(17).toUpperCase()}`,
    Arn: `arn:aws:iam::${ctx.world.accountId}:instance-profile${path}${name}`,
    CreateDate: ctx.now(),
  }
  ctx.world.iam.instanceProfiles[name] = profile
  ctx.log(profile.Arn, { kind: 'resource.created', type: 'AWS::IAM::InstanceProfile', detail: name })
  return { InstanceProfile: shaped(ctx, profile) }
})

/** An instance profile holds one role (IAM quota "Roles in an instance profile: 1", LimitExceeded past it). */
export const addRoleToInstanceProfile = handler((ctx, input: { InstanceProfileName: string; RoleName: string }) => {
  const profile = profileNamed(ctx, input.InstanceProfileName)
  const role = findRole(ctx, input.RoleName)
  if (profile.roleName !== undefined) throw new AwsError('LimitExceeded', 'Cannot exceed quota for InstanceSessionsPerInstanceProfile: 1')
  profile.roleName = role.RoleName
  ctx.log(profile.Arn, { kind: 'resource.modified', type: 'AWS::IAM::InstanceProfile', detail: `role ${role.RoleName} added` })
  return {}
})

export const removeRoleFromInstanceProfile = handler((ctx, input: { InstanceProfileName: string; RoleName: string }) => {
  const profile = profileNamed(ctx, input.InstanceProfileName)
  findRole(ctx, input.RoleName)
  if (profile.roleName !== input.RoleName) throw new AwsError('NoSuchEntity', `The role with name ${input.RoleName} cannot be found.`)
  delete profile.roleName
  ctx.log(profile.Arn, { kind: 'resource.modified', type: 'AWS::IAM::InstanceProfile', detail: `role ${input.RoleName} removed` })
  return {}
})

export const getInstanceProfile = handler((ctx, input: { InstanceProfileName: string }) => ({ InstanceProfile: shaped(ctx, profileNamed(ctx, input.InstanceProfileName)) }))

export const listInstanceProfiles = handler((ctx) => ({
  InstanceProfiles: Object.values(ctx.world.iam.instanceProfiles).map((p) => shaped(ctx, p)),
  IsTruncated: false,
}))

export const deleteInstanceProfile = handler((ctx, input: { InstanceProfileName: string }) => {
  const profile = profileNamed(ctx, input.InstanceProfileName)
  if (profile.roleName !== undefined) throw new AwsError('DeleteConflict', 'Cannot delete entity, must remove roles from instance profile first.')
  delete ctx.world.iam.instanceProfiles[profile.InstanceProfileName]
  ctx.log(profile.Arn, { kind: 'resource.deleted', type: 'AWS::IAM::InstanceProfile' })
  return {}
})
