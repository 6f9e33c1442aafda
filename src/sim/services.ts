import type { ServiceSim } from './context.ts'
import { ec2 } from './ec2/index.ts'
import { ecr } from './ecr/index.ts'
import { ecs } from './ecs/index.ts'
import { efs } from './efs/index.ts'
import { elbv2 } from './elbv2/index.ts'
import { iam } from './iam/index.ts'
import { ssm } from './ssm/index.ts'
import { logs } from './logs/index.ts'
import { sts } from './sts/index.ts'
import { autoscaling } from './autoscaling/index.ts'
import { cloudwatch } from './cloudwatch/index.ts'
import { applicationAutoscaling } from './applicationAutoscaling/index.ts'

/**
 * The simulated services, keyed by the AWS CLI's service word (the same key the models use).
 * An operation missing here is answered as "not simulated yet" by the protocol layer.
 */
export const SERVICES: Readonly<Record<string, ServiceSim>> = { 'application-autoscaling': applicationAutoscaling, autoscaling, cloudwatch, ec2, ecr, ecs, efs, elbv2, iam, logs, ssm, sts }
