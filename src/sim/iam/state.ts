/** IAM slice: the roles that exist, in the API's `Role` shape. */
export interface Role {
  Path: string
  RoleName: string
  RoleId: string
  Arn: string
  /** Epoch ms. */
  CreateDate: number
  /** URL-encoded JSON, as IAM returns it on the wire (the CLI decodes it for printing). */
  AssumeRolePolicyDocument: string
  Description?: string
  MaxSessionDuration: number
  /** Managed policies attached (ARNs), e.g. AmazonECSTaskExecutionRolePolicy. */
  AttachedPolicyArns: string[]
}

/** An instance profile in the API's `InstanceProfile` shape, its role kept by name (at most one: IAM's quota). */
export interface InstanceProfile {
  Path: string
  InstanceProfileName: string
  InstanceProfileId: string
  Arn: string
  /** Epoch ms. */
  CreateDate: number
  roleName?: string
}

export interface IamState {
  roles: Record<string, Role>
  instanceProfiles: Record<string, InstanceProfile>
  /** The learner's own identity, as `aws sts get-caller-identity` reports it. */
  user: { UserName: string; UserId: string; Arn: string }
}
