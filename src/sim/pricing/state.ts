/**
 * What the cost meter keeps (the rest it reads from the world): each EC2 instance's billed running time, which EC2's
 * state alone cannot tell once the instance was stopped and started again, and the Fargate tasks settled before ECS
 * forgets them (an hour after they stop).
 */
export interface InstanceUsage {
  instanceType: string
  /** Running time billed for the runs that ended (each at least the minimum). */
  billedMs: number
  /** When the current run started, while the instance is running. */
  runningSince?: number
}

export interface TaskUsage {
  vcpu: number
  gb: number
  /** Ran on Fargate Spot (billed at its price); absent for On-Demand Fargate. */
  spot?: true
  billedMs: number
}

export interface PricingState {
  instances: Record<string, InstanceUsage>
  tasks: Record<string, TaskUsage>
  /** When the next settle pass is due (one chain at a time). */
  settleAt?: number
}

export const emptyPricingState = (): PricingState => ({ instances: {}, tasks: {} })
