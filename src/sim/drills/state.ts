/**
 * What the live drills have broken and not yet restored (a world slice; empty in a fresh world). Only what no AWS
 * API can express lives here: a target's own failure and an Availability Zone outage. Stopping a task and revoking a
 * rule go through ECS and EC2's own operations, so they leave no state of their own.
 */
export interface DrillsState {
  /** Private IPv4 address → how the target fails until restored: it answers HTTP 500, or never answers (timeout). */
  failingTargets: Record<string, 'http-500' | 'timeout'>
  /** Availability Zones that are down: nothing new is placed there. */
  zonesDown: string[]
}

export const emptyDrillsState = (): DrillsState => ({ failingTargets: {}, zonesDown: [] })

/** How a drill fails: the `drill` program prints the message with its own name (it is not an AWS tool). */
export class DrillError extends Error {}

/** Reads from a world that may predate the slice (snapshots from before drills existed). */
export const drillsOf = (world: { drills?: DrillsState }): DrillsState => world.drills ?? emptyDrillsState()
