import type { EventLogState } from './core/index.ts'
import type { DrillsState } from './drills/state.ts'
import type { DockerState } from './docker/state.ts'
import type { Ec2State } from './ec2/state.ts'
import type { IamState } from './iam/state.ts'
import type { EcrState } from './ecr/state.ts'
import type { EcsState } from './ecs/state.ts'
import type { EfsState } from './efs/state.ts'
import type { Elbv2State } from './elbv2/state.ts'
import type { LogsState } from './logs/state.ts'
import type { AutoScalingState } from './autoscaling/state.ts'
import type { PricingState } from './pricing/state.ts'
import type { CloudWatchState } from './cloudwatch/state.ts'
import type { ApplicationAutoScalingState } from './applicationAutoscaling/state.ts'

/**
 * The whole simulated account as plain JSON: one slice per service, each owned by its folder.
 * Plain data is what makes snapshots, undo and byte-identical replays possible.
 */
export interface World {
  accountId: string
  region: string
  ec2: Ec2State
  iam: IamState
  ecr: EcrState
  ecs: EcsState
  elbv2: Elbv2State
  /** The Docker engine on the learner's workstation (not an AWS service; src/sim/docker). */
  docker: DockerState
  /** CloudWatch Logs: log groups, streams, events and Logs Insights queries (src/sim/logs). */
  logs: LogsState
  /** Amazon EC2 Auto Scaling: groups, activities, policies, instance refreshes (src/sim/autoscaling). */
  autoscaling: AutoScalingState
  /** The cost meter's records: EC2 running time, settled Fargate tasks (src/sim/pricing). */
  pricing: PricingState
  /** Amazon EFS: file systems and mount targets (src/sim/efs). */
  efs: EfsState
  /** CloudWatch: metric series, alarms, and the traffic the metrics model reads (src/sim/cloudwatch). */
  cloudwatch: CloudWatchState
  /** Application Auto Scaling: scalable targets, scaling policies, activities (src/sim/applicationAutoscaling). */
  applicationAutoscaling: ApplicationAutoScalingState
  log: EventLogState
  /** What live drills broke and not yet restored (src/sim/drills); absent in worlds saved before drills existed. */
  drills?: DrillsState
}
