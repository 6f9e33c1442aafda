/** What one shell input answered (the sandbox's ExecResult, restated so this folder needs no engine import). */
export interface CommandResult {
  stdout: string
  stderr: string
  exitCode: number
}

/** One line for the learner under a failed command, and the diagram resources it is about. */
export interface Explanation {
  text: string
  /** Resource ids or ARNs as the diagram names its nodes (a volume id, an instance id, a role ARN). */
  highlight?: string[]
}

/** What the reader may know beyond the output: the Region the CLI used, and views the app can answer from. */
export interface ExplainContext {
  region?: string
  /** The Availability Zone of a resource (a view of the sandbox), when the simulation models it. */
  zoneOf?(resourceId: string): string | undefined
}

/** A failed command as the catalogue reads it. */
export interface Failure extends CommandResult {
  line: string
  /** The AWS error code (`ClusterNotFoundException`) and its message, when the AWS CLI printed one. */
  code?: string
  message?: string
  /** The curl exit code when the failure came from curl (`curl: (7) ...`). */
  curl?: number
  region: string
  context: ExplainContext
}

/** One kind of failure the course can explain: how to recognise it and what to say. */
export interface CatalogueEntry {
  /** A stable name for tests and analytics: usually the AWS error code. */
  id: string
  matches(failure: Failure): boolean
  explain(failure: Failure): Explanation
}
