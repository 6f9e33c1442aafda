import { AwsError, ownEntry } from '../core/index.ts'
import { handler, type ServiceSim, type SimContext } from '../context.ts'
import type { Role } from './state.ts'

export type { IamState, Role } from './state.ts'

/** The `Role` shape without the sandbox's own bookkeeping (attached policies are a separate API). */
const toRole = ({ AttachedPolicyArns: _attached, ...role }: Role) => role

function findRole(ctx: SimContext, roleName: string): Role {
  const role = ownEntry(ctx.world.iam.roles, roleName)
  if (!role) throw new AwsError('NoSuchEntity', `The role with name ${roleName} cannot be found.`)
  return role
}

/** IAM: the roles the course uses (query protocol: short error codes). */
export const iam: ServiceSim = {
  operations: {
    GetRole: handler((ctx, input: { RoleName: string }) => ({ Role: toRole(findRole(ctx, input.RoleName)) })),
    ListRoles: handler((ctx) => ({ Roles: Object.values(ctx.world.iam.roles).map(toRole), IsTruncated: false })),
    ListAttachedRolePolicies: handler((ctx, input: { RoleName: string }) => {
      const role = findRole(ctx, input.RoleName)
      return {
        AttachedPolicies: role.AttachedPolicyArns.map((PolicyArn) => ({ PolicyName: PolicyArn.split('/').pop(), PolicyArn })),
        IsTruncated: false,
      }
    }),
  },
}
