import { handler, type SimContext } from '../context.ts'
import type { Activity, AutoScalingGroup } from './state.ts'

/**
 * Scaling activities and the words of their causes. The sentences are AWS's, as describe-scaling-activities prints
 * them (AWS CLI examples `autoscaling/describe-scaling-activities.rst` and `terminate-instance-in-auto-scaling-group.rst`,
 * and activity histories users published): each begins `At <time>Z`, and a capacity change caused by a user request
 * carries that request's sentence first, two spaces between sentences.
 */
export const causeTime = (ms: number) => `${new Date(ms).toISOString().slice(0, 19)}Z`

export const CAUSES = {
  created: (t: number, from: number, to: number) => `At ${causeTime(t)} a user request created an AutoScalingGroup changing the desired capacity from ${from} to ${to}.`,
  updated: (t: number, g: { MinSize: number; MaxSize: number; DesiredCapacity: number }, from: number) =>
    `At ${causeTime(t)} a user request update of AutoScalingGroup constraints to min: ${g.MinSize}, max: ${g.MaxSize}, desired: ${g.DesiredCapacity} changing the desired capacity from ${from} to ${g.DesiredCapacity}.`,
  setDesired: (t: number, from: number, to: number) => `At ${causeTime(t)} a user request explicitly set group desired capacity changing the desired capacity from ${from} to ${to}.`,
  executedPolicy: (t: number, policy: string, from: number, to: number) => `At ${causeTime(t)} a user request executed policy ${policy} changing the desired capacity from ${from} to ${to}.`,
  alarm: (t: number, alarm: string, state: string, policy: string, from: number, to: number) =>
    `At ${causeTime(t)} a monitor alarm ${alarm} in state ${state} triggered policy ${policy} changing the desired capacity from ${from} to ${to}.`,
  increase: (t: number, from: number, to: number) => `At ${causeTime(t)} an instance was started in response to a difference between desired and actual capacity, increasing the capacity from ${from} to ${to}.`,
  shrink: (t: number, from: number, to: number) => `At ${causeTime(t)} an instance was taken out of service in response to a difference between desired and actual capacity, shrinking the capacity from ${from} to ${to}.`,
  selected: (t: number, id: string) => `At ${causeTime(t)} instance ${id} was selected for termination.`,
  unhealthyLaunch: (t: number) => `At ${causeTime(t)} an instance was launched in response to an unhealthy instance needing to be replaced.`,
  refreshLaunch: (t: number) => `At ${causeTime(t)} an instance was launched in response to an instance refresh.`,
  ec2Health: (t: number) => `At ${causeTime(t)} an instance was taken out of service in response to an EC2 health check indicating it has been terminated or stopped.`,
  // Wording unverified: the cause of a replacement after a failed (impaired) status check.
  statusCheck: (t: number) => `At ${causeTime(t)} an instance was taken out of service in response to an EC2 instance status checks failure.`,
  userHealth: (t: number) => `At ${causeTime(t)} an instance was taken out of service in response to a user health-check.`,
  refreshTerminate: (t: number) => `At ${causeTime(t)} an instance was taken out of service in response to an instance refresh.`,
  userTerminate: (t: number, id: string, shrink?: { from: number; to: number }) =>
    `At ${causeTime(t)} instance ${id} was taken out of service in response to a user request${shrink ? `, shrinking the capacity from ${shrink.from} to ${shrink.to}` : ''}.`,
  // Wording unverified: a launching lifecycle action that ended with ABANDON.
  abandonedLaunch: (t: number) => `At ${causeTime(t)} an instance was taken out of service in response to a launch lifecycle action being abandoned.`,
  deleteGroup: (t: number) => `At ${causeTime(t)} a user request deleted the AutoScalingGroup and terminated its instances.`,
}

/** Sentences of one cause, as AWS joins them. */
export const joinCause = (...sentences: (string | undefined)[]) => sentences.filter((s) => s !== undefined).join('  ')

/** Keeps the log of activities bounded: AWS keeps six weeks; the sandbox keeps the newest ones. */
const ACTIVITIES_KEPT = 2000

/** Records an activity (InProgress unless told otherwise) and returns it. */
export function recordActivity(ctx: SimContext, group: AutoScalingGroup, fields: Pick<Activity, 'Description' | 'Cause'> & Partial<Pick<Activity, 'StatusCode' | 'StatusMessage' | 'Progress' | 'EndTime'>> & { details?: { subnetId?: string; availabilityZone?: string } }): Activity {
  const { details, ...rest } = fields
  const activity: Activity = {
    ActivityId: ctx.rng.uuid(),
    AutoScalingGroupName: group.AutoScalingGroupName,
    StartTime: ctx.now(),
    StatusCode: 'InProgress',
    Progress: 0,
    ...rest,
    Details: JSON.stringify({ ...(details?.subnetId ? { 'Subnet ID': details.subnetId } : {}), ...(details?.availabilityZone ? { 'Availability Zone': details.availabilityZone } : {}) }),
    AutoScalingGroupARN: group.AutoScalingGroupARN,
  }
  const { activities } = ctx.world.autoscaling
  activities.push(activity)
  if (activities.length > ACTIVITIES_KEPT + ACTIVITIES_KEPT / 10) activities.splice(0, activities.length - ACTIVITIES_KEPT)
  return activity
}

/** Marks an activity done (Successful, Progress 100, EndTime now). */
export function finishActivity(ctx: SimContext, activityId: string): void {
  const { activities } = ctx.world.autoscaling
  for (let i = activities.length - 1; i >= 0; i--) {
    if (activities[i].ActivityId !== activityId) continue
    const activity = activities[i]
    if (activity.StatusCode === 'Successful') return
    activity.StatusCode = 'Successful'
    activity.Progress = 100
    activity.EndTime = ctx.now()
    return
  }
}

/** DescribeScalingActivities: newest first; one group's or every group's; by ActivityIds. */
export const describeScalingActivities = handler((ctx, input: { AutoScalingGroupName?: string; ActivityIds?: string[]; MaxRecords?: number }) => {
  const picked = ctx.world.autoscaling.activities.filter(
    (a) => (input.AutoScalingGroupName === undefined || a.AutoScalingGroupName === input.AutoScalingGroupName) && (!input.ActivityIds?.length || input.ActivityIds.includes(a.ActivityId)),
  )
  return { Activities: picked.reverse().slice(0, input.MaxRecords ?? 100) }
})
