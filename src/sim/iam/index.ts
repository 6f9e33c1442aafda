import { AwsError } from '../core/index.ts'
import { handler, type ServiceSim } from '../context.ts'
import type { Role } from './state.ts'

export type { IamState, Role } from './state.ts'

/** The `Role` shape without the sandbox's own bookkeeping (attached policies are a separate API). */
const toRole = ({ AttachedPolicyArns: _attached, ...role }: Role) => role

/** IAM: the roles the course uses (query protocol: short error codes). */
export const iam: ServiceSim = {
  operations: {
    GetRole: handler((ctx, input: { RoleName: string }) => {
      const role = ctx.world.iam.roles[input.RoleName]
      if (!role) throw new AwsError('NoSuchEntity', `The role with name ${input.RoleName} cannot be found.`)
      return { Role: toRole(role) }
    }),
    ListRoles: handler((ctx) => ({ Roles: Object.values(ctx.world.iam.roles).map(toRole), IsTruncated: false })),
    ListAttachedRolePolicies: handler((ctx, input: { RoleName: string }) => {
      const role = ctx.world.iam.roles[input.RoleName]
      if (!role) throw new AwsError('NoSuchEntity', `The role with name ${input.RoleName} cannot be found.`)
      return {
        AttachedPolicies: role.AttachedPolicyArns.map((PolicyArn) => ({ PolicyName: PolicyArn.split('/').pop(), PolicyArn })),
        IsTruncated: false,
      }
    }),
  },
}
