/**
 * The AWS managed policies a learner can attach, by ARN: the ones the course notes and the ECS Developer Guide name
 * ("Amazon ECS container instance IAM role", "Amazon ECS task execution IAM role"), plus a few common ones.
 * Source: the IAM console's managed policy list (ARNs are stable, documented in the AWS Managed Policy Reference).
 */
export const AWS_MANAGED_POLICIES: readonly string[] = [
  'arn:aws:iam::aws:policy/service-role/AmazonEC2ContainerServiceforEC2Role',
  'arn:aws:iam::aws:policy/service-role/AmazonECSTaskExecutionRolePolicy',
  'arn:aws:iam::aws:policy/AmazonEC2ContainerRegistryReadOnly',
  'arn:aws:iam::aws:policy/AmazonSSMManagedInstanceCore',
  'arn:aws:iam::aws:policy/CloudWatchAgentServerPolicy',
  'arn:aws:iam::aws:policy/CloudWatchLogsFullAccess',
  'arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess',
  'arn:aws:iam::aws:policy/AmazonECS_FullAccess',
  'arn:aws:iam::aws:policy/AdministratorAccess',
  'arn:aws:iam::aws:policy/ReadOnlyAccess',
]
