import { DerivedCache, sliceVersion, unproxied, type Slice } from '../core/index.ts'
import type { SimContext } from '../context.ts'
import { failedEc2HealthCheck } from './healthCheck.ts'
import { counts, endsWhenTerminated } from './lifecycle.machine.ts'
import type { AutoScalingGroup, GroupBookkeeping } from './state.ts'

/**
 * A group at rest: its pass would change nothing. Most of a group's passes (every 10 s) find it so: every member
 * InService or on its way, as many as desired, no refresh. Looking over 120 members and their instances each time only
 * to find that was a good part of an hour with a group (`npm run bench`), so a pass that leaves the group at rest
 * remembers the version of what it read, and the next passes skip the look while that version has not moved.
 *
 * What the pass reads moves that version, or is forgotten explicitly:
 * - every change of an instance's state is logged (EC2's events, the `ec2` slice), and so are Auto Scaling's own
 *   changes to a group (desired capacity, deletion, refresh started: their events count in the `ec2` slice too);
 * - a member changed by an Auto Scaling operation without an event (SetInstanceHealth) is covered by
 *   `forgetRestingGroups`, which every Auto Scaling operation and alarm action calls first (index.ts).
 * Time alone changes nothing for a group at rest (no launch to retry, no refresh warming up; a lifecycle action's
 * timeout is a timer of its own, and ends through an Auto Scaling handler that forgets the marks, index.ts). The mark is derived, not
 * stored (a snapshot stays the same) and, like every DerivedCache entry, is forgotten when a savepoint rolls back.
 */
const PASS_READS: readonly Slice[] = ['ec2']

const resting = new DerivedCache<AutoScalingGroup, number>()

/** Whether the group was left at rest by a pass, and nothing its passes read has changed since. */
export const stillAtRest = (ctx: SimContext, group: AutoScalingGroup): boolean =>
  resting.get(unproxied(group)) === sliceVersion(ctx.world.log, PASS_READS)

/** After a pass: marks the group at rest if its next pass would change nothing (checked on the plain objects). */
export function markIfAtRest(ctx: SimContext, group: AutoScalingGroup, book: GroupBookkeeping): void {
  if (atRest(ctx, unproxied(group), unproxied(book))) resting.set(unproxied(group), sliceVersion(ctx.world.log, PASS_READS))
  else resting.delete(unproxied(group))
}

/** An Auto Scaling operation may change a group without an event: every group's next pass looks again. */
export function forgetRestingGroups(): void {
  resting.clear()
}

/**
 * Nothing for a pass to do: not being deleted, no refresh, no launch owed or request pending, as many members counting
 * as desired, and no member that follows its instance (capacity.ts followInstances) or is replaced (replaceUnhealthy).
 */
function atRest(ctx: SimContext, group: AutoScalingGroup, book: GroupBookkeeping): boolean {
  if (group.Status !== undefined || book.refresh !== undefined || book.replacements.length || 'requestCause' in book) return false
  const instances = unproxied(ctx.world).ec2.instances
  let live = 0
  for (const { InstanceId, LifecycleState, HealthStatus } of group.Instances) {
    const state = instances[InstanceId]?.State.Name ?? 'terminated'
    if (LifecycleState === 'Pending' && state === 'running') return false
    if (LifecycleState === 'Pending:Proceed') return false
    if (endsWhenTerminated(LifecycleState) && state === 'terminated') return false
    if (!counts(LifecycleState)) continue
    if (HealthStatus !== 'Healthy' || failedEc2HealthCheck(unproxied(ctx.world), InstanceId, state) !== undefined) return false
    live++
  }
  return live === group.DesiredCapacity
}
