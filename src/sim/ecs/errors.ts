import { AwsError } from '../core/index.ts'

/**
 * ECS's errors, by exception name (the JSON protocol's wire code), with the texts of fidelity §2.6 / §1.19.
 * Texts marked "unverified" there are kept here, in one place, so they are easy to correct.
 */
export const clientException = (message: string) => new AwsError('ClientException', message)
export const invalidParameter = (message: string) => new AwsError('InvalidParameterException', message)

export const clusterNotFound = () => new AwsError('ClusterNotFoundException', 'Cluster not found.')
export const clusterInactive = () => new AwsError('ClusterNotFoundException', 'The referenced cluster was inactive.')
export const serviceNotFound = () => new AwsError('ServiceNotFoundException', 'Service not found.')
export const serviceNotActive = () => new AwsError('ServiceNotActiveException', 'Service was not ACTIVE.')
export const unableToDescribeTaskDefinition = () => clientException('Unable to describe task definition.')
/** run-task / create-service naming a task definition that does not exist (wording unverified). */
export const taskDefinitionNotFound = () => invalidParameter('TaskDefinition not found.')
export const taskDefinitionInactive = () => invalidParameter('TaskDefinition is inactive')
export const serviceScaledAboveZero = () => invalidParameter('The service cannot be stopped while it is scaled above 0.')
export const serviceNotIdempotent = () => invalidParameter('Creation of service was not idempotent.')
export const clusterContainsServices = () =>
  new AwsError('ClusterContainsServicesException', 'The Cluster cannot be deleted while Services are active.')
export const clusterContainsTasks = () => new AwsError('ClusterContainsTasksException', 'The Cluster cannot be deleted while Tasks are active.')
export const noFargateConfiguration = () => clientException('No Fargate configuration exists for given values.')
export const unsupportedLaunchType = (launchType: string) =>
  invalidParameter(`Task definition does not support launch_type ${launchType}.`)
export const roleNotValid = () => clientException('Role is not valid')
export const unableToAssumeRole = (roleArn: string) =>
  invalidParameter(
    `ECS was unable to assume the role '${roleArn}' that was provided for this task. Please verify that the role being passed has the proper trust relationship and permissions and that your IAM user has permissions to pass this role.`,
  )
