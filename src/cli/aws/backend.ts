/**
 * What the `aws` program needs from the simulated account: API calls by service and operation name, and the
 * virtual clock (waiters advance it between polls). The sandbox provides it; the CLI never reaches into the sim.
 */
export interface AwsBackend {
  /** `caller.profile`: the CLI profile the call is made with (`--profile`, `AWS_PROFILE`). */
  call(service: string, operation: string, input: Record<string, unknown>, caller?: { profile?: string }): unknown
  advance(ms: number): void
  now(): number
  readonly accountId: string
  readonly region: string
}
