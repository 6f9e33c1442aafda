import { handler, type ServiceSim } from '../context.ts'
import { addRoleToInstanceProfile, createInstanceProfile, deleteInstanceProfile, getInstanceProfile, listInstanceProfiles, removeRoleFromInstanceProfile } from './instanceProfiles.ts'
import { attachRolePolicy, createRole, deleteRole, detachRolePolicy, findRole, listAttachedRolePolicies, toRole } from './roles.ts'

export type { IamState, InstanceProfile, Role } from './state.ts'
export { findInstanceProfile } from './instanceProfiles.ts'

/** IAM: roles, their managed policies and instance profiles (query protocol: short error codes). */
export const iam: ServiceSim = {
  operations: {
    CreateRole: createRole,
    GetRole: handler((ctx, input: { RoleName: string }) => ({ Role: toRole(findRole(ctx, input.RoleName)) })),
    ListRoles: handler((ctx) => ({ Roles: Object.values(ctx.world.iam.roles).map(toRole), IsTruncated: false })),
    DeleteRole: deleteRole,
    AttachRolePolicy: attachRolePolicy,
    DetachRolePolicy: detachRolePolicy,
    ListAttachedRolePolicies: listAttachedRolePolicies,
    CreateInstanceProfile: createInstanceProfile,
    AddRoleToInstanceProfile: addRoleToInstanceProfile,
    RemoveRoleFromInstanceProfile: removeRoleFromInstanceProfile,
    GetInstanceProfile: getInstanceProfile,
    ListInstanceProfiles: listInstanceProfiles,
    DeleteInstanceProfile: deleteInstanceProfile,
  },
}
