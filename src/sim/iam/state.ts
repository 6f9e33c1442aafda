/** IAM slice: the roles that exist, in the API's `Role` shape. */
export interface Role {
  Path: string
  RoleName: string
  RoleId: string
  Arn: string
  /** Epoch ms. */
  CreateDate: number
  AssumeRolePolicyDocument: string
  Description?: string
  MaxSessionDuration: number
  /** Managed policies attached (ARNs), e.g. AmazonECSTaskExecutionRolePolicy. */
  AttachedPolicyArns: string[]
}

export interface IamState {
  roles: Record<string, Role>
  /** The learner's own identity, as `aws sts get-caller-identity` reports it. */
  user: { UserName: string; UserId: string; Arn: string }
}
