import { parseQuery } from './clusterQuery.ts'
import { invalidParameter } from './errors.ts'
import type { FailureReason, PlacementConstraint, PlacementStrategy } from './hostPlacement.ts'

/**
 * `--placement-strategy` and `--placement-constraints` checked as ECS checks them at run-task/create-service time
 * (API PlacementStrategy / PlacementConstraint: at most 5 strategies and 10 constraints; binpack on cpu or memory;
 * distinctInstance takes no expression). Texts: "distinctInstance expression should not be specified." [seen
 * hashicorp/terraform#11471]; the others are ours (unverified).
 */
export function checkPlacement(strategies: readonly PlacementStrategy[] | undefined, constraints: readonly PlacementConstraint[] | undefined): void {
  if ((strategies?.length ?? 0) > 5) throw invalidParameter('The maximum number of placement strategies is 5.')
  if ((constraints?.length ?? 0) > 10) throw invalidParameter('The maximum number of placement constraints is 10.')
  for (const s of strategies ?? []) {
    if (s.type !== 'spread' && s.type !== 'binpack' && s.type !== 'random') throw invalidParameter(`Invalid placement strategy type: ${String(s.type)}.`)
    if (s.type === 'binpack' && s.field !== 'cpu' && s.field !== 'memory') throw invalidParameter(`Invalid field for binpack strategy: ${String(s.field)}. Valid values are cpu and memory.`)
    if (s.type === 'spread' && !s.field) throw invalidParameter('A field must be specified for the spread placement strategy.')
    if (s.type === 'random' && s.field) throw invalidParameter('A field should not be specified for the random placement strategy.')
  }
  for (const c of constraints ?? []) {
    if (c.type === 'distinctInstance') {
      if (c.expression) throw invalidParameter('distinctInstance expression should not be specified.')
    } else if (c.type === 'memberOf') {
      if (!c.expression) throw invalidParameter('memberOf expression must be specified.')
      parseQuery(c.expression)
    } else throw invalidParameter(`Invalid placement constraint type: ${String(c.type)}.`)
  }
}

/**
 * The end of ECS's "unable to place a task" event for the closest matching instance (fidelity §2.4:
 * memory, CPU, port and attribute wordings seen; the ENI and distinctInstance ones are unverified).
 */
export function closestMatchText(reason: FailureReason): string {
  switch (reason) {
    case 'RESOURCE:MEMORY':
      return 'has insufficient memory available'
    case 'RESOURCE:CPU':
      return 'has insufficient CPU units available'
    case 'RESOURCE:PORTS':
    case 'RESOURCE:PORTS_UDP':
      return 'is already using a port required by your task'
    case 'RESOURCE:ENI':
      return 'has insufficient free elastic network interfaces available'
    case 'ATTRIBUTE':
      return 'is missing an attribute required by your task'
    case 'DISTINCT_INSTANCE':
      return 'is already running a task of this group (distinctInstance)'
    case 'AGENT':
      return 'encountered error "AGENT"'
  }
}

/** The reason run-task reports in `failures` (distinctInstance is reported as an attribute mismatch: unverified). */
export const runTaskReason = (reason: FailureReason): string => (reason === 'DISTINCT_INSTANCE' ? 'ATTRIBUTE' : reason)
