import type { SimContext } from '../context.ts'
import { impairInstanceDrill } from './instances.ts'
import { breakSecurityGroupRule } from './securityGroups.ts'
import { DrillError } from './state.ts'
import { failTarget, restoreTarget } from './targets.ts'
import { stopTaskDrill } from './tasks.ts'
import { zoneDown, zoneUp } from './zones.ts'

/**
 * Live drills (issue 19): the failures an instructor injects and a lesson can script, each one door for both — the
 * `drill` command in the shell (src/cli/drill), so the input log replays them like any command. The world then
 * responds on the virtual clock as AWS would: health checks notice, services replace tasks, placement avoids a zone.
 */
export { DrillError, drillsOf, emptyDrillsState, type DrillsState } from './state.ts'

export interface DrillSpec {
  /** `drill <name> <args>` as `help` shows it. */
  usage: string
  summary: string
  run(ctx: SimContext, args: readonly string[]): string
}

const need = (args: readonly string[], n: number, usage: string) => {
  if (args.length < n) throw new DrillError(`usage: drill ${usage}`)
}

export const DRILLS: Readonly<Record<string, DrillSpec>> = {
  'stop-task': {
    usage: 'stop-task <task-arn-or-id>',
    summary: "kill a task's essential container (the service starts a replacement)",
    run: (ctx, a) => (need(a, 1, 'stop-task <task-arn-or-id>'), stopTaskDrill(ctx, a[0])),
  },
  'fail-target': {
    usage: 'fail-target <target-group> [<ip>] [--timeout]',
    summary: 'a target answers HTTP 500 (or times out) until restored; health checks fail',
    run: (ctx, a) => {
      need(a, 1, 'fail-target <target-group> [<ip>] [--timeout]')
      const rest = a.slice(1).filter((x) => x !== '--timeout')
      return failTarget(ctx, a[0], a.includes('--timeout') ? 'timeout' : 'http-500', rest[0])
    },
  },
  'restore-target': {
    usage: 'restore-target <target-group> [<ip>]',
    summary: 'a failed target answers normally again',
    run: (ctx, a) => (need(a, 1, 'restore-target <target-group> [<ip>]'), restoreTarget(ctx, a[0], a[1])),
  },
  'zone-down': {
    usage: 'zone-down <availability-zone>',
    summary: 'an Availability Zone fails: its tasks stop, services rebalance to the other zones',
    run: (ctx, a) => (need(a, 1, 'zone-down <availability-zone>'), zoneDown(ctx, a[0])),
  },
  'zone-up': {
    usage: 'zone-up <availability-zone>',
    summary: 'the zone is back: tasks may be placed there again',
    run: (ctx, a) => (need(a, 1, 'zone-up <availability-zone>'), zoneUp(ctx, a[0])),
  },
  'impair-instance': {
    usage: 'impair-instance <instance-id>',
    summary: "an EC2 instance's host fails its status checks; an Auto Scaling group replaces the instance",
    run: (ctx, a) => (need(a, 1, 'impair-instance <instance-id>'), impairInstanceDrill(ctx, a[0])),
  },
  'break-sg-rule': {
    usage: 'break-sg-rule <target-group>',
    summary: "revoke the inbound rule that lets the load balancer reach the target group's targets",
    run: (ctx, a) => (need(a, 1, 'break-sg-rule <target-group>'), breakSecurityGroupRule(ctx, a[0])),
  },
}

/** Runs one drill; throws DrillError (nothing changed: the engine runs it atomically) when it cannot. */
export function runDrill(ctx: SimContext, name: string, args: readonly string[]): string {
  const drill = DRILLS[name]
  if (!drill) throw new DrillError(`unknown drill '${name}' (drills: ${Object.keys(DRILLS).join(', ')})`)
  return drill.run(ctx, args)
}
