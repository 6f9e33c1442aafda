import { AwsError } from '../core/index.ts'
import { handler } from '../context.ts'
import { validation } from './errors.ts'

/**
 * Launch configurations, as a new account meets them: AWS stopped offering them to accounts created after
 * 1 October 2024 (Amazon EC2 Auto Scaling User Guide, "Launch configurations"), so CreateLaunchConfiguration is
 * refused with the service's own sentence (as users report it from CloudFormation and the SDKs; the error code is
 * unverified) and there is never one to describe or delete. The learner is pointed at launch templates, which the
 * sandbox simulates (ec2/launchTemplate.ts).
 */
const NOT_AVAILABLE =
  'The Launch Configuration creation operation is not available in your account. Use launch templates to create configuration templates for your Auto Scaling groups.'

export const createLaunchConfiguration = handler(() => {
  throw new AwsError('UnsupportedOperation', NOT_AVAILABLE)
})

/** None exist, so every name asked for is simply absent (DescribeLaunchConfigurations lists what it finds). */
export const describeLaunchConfigurations = handler(() => ({ LaunchConfigurations: [] }))

/** The same sentence CreateAutoScalingGroup gives for an unknown launch configuration (groups.ts). */
export const deleteLaunchConfiguration = handler((_ctx, input: { LaunchConfigurationName: string }) => {
  throw validation(`Launch configuration name not found - Launch configuration ${input.LaunchConfigurationName} not found`)
})
