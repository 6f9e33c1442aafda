import { AwsError } from '../core/index.ts'

/**
 * Auto Scaling's errors (query protocol: short codes). Wordings as the service returns them, from the API Reference
 * "Common errors" and the messages users and SDK projects report (DeleteAutoScalingGroup's ResourceInUse,
 * AlreadyExists, the ValidationError sentences); each use names what it follows.
 */
export const validation = (message: string) => new AwsError('ValidationError', message)

/** SetDesiredCapacity, TerminateInstanceInAutoScalingGroup, Delete/UpdateAutoScalingGroup on an unknown name. */
export const groupNotFound = (name: string) => validation(`AutoScalingGroup name not found - AutoScalingGroup ${name} not found`)
