import { addCount } from './addCount.ts'
import { getLoginPassword } from './getLoginPassword.ts'
import { logsTail } from './logsTail.ts'
import { putMetricData } from './putMetricData.ts'
import { combine, runInstances } from './runInstances.ts'
import { secgroupSimplify } from './secgroupSimplify.ts'
import type { CustomCommand, Customization } from './types.ts'

export type { CustomCommand, Customization, CustomizationContext, CustomValue } from './types.ts'

/** Keyed by `<service>.<cli operation>`, as awscli registers its customizations. */
export const CUSTOMIZATIONS: Readonly<Record<string, Customization>> = {
  'ec2.authorize-security-group-ingress': secgroupSimplify,
  'ec2.authorize-security-group-egress': secgroupSimplify,
  'ec2.revoke-security-group-ingress': secgroupSimplify,
  'ec2.revoke-security-group-egress': secgroupSimplify,
  'ec2.run-instances': combine(addCount, runInstances),
  'cloudwatch.put-metric-data': putMetricData,
}

/** Commands the AWS CLI adds to a service (awscli/customizations/), by service. */
export const CUSTOM_COMMANDS: Readonly<Record<string, readonly CustomCommand[]>> = {
  ecr: [getLoginPassword],
  logs: [logsTail],
}
