import type { World } from '../../sandbox/index.ts'

/**
 * The goal vocabulary: declarative checks over the simulated account, written by lesson authors in YAML
 * (lessons/README.md lists every field). One kind per resource family, named as AWS names it, plus the
 * learner's recent commands, curl requests, working files and the combinators all / any / not.
 */

/** A number of things: exactly `n`, or a range (`{ atLeast: 1 }`). */
export type Count = number | { atLeast?: number; atMost?: number }

/** How a recorded command is matched (lastCommand and ranCommand). */
export interface CommandMatch {
  /**
   * Shell words the command must have, each a whole word, written space-separated (`create-listner --protocol`).
   * A "the notes' line fails" step names the notes' own typos here, so another failing command of the same kind
   * does not count (a line ending in `\` joins the next without a space, as the shell does).
   */
  words?: string
  /** The command line contains this text. */
  contains?: string
  /** true: exit code 0; false: anything else. */
  succeeded?: boolean
  /** The AWS error code in `An error occurred (Code)`, e.g. ClientException. */
  failedWith?: string
  exitCode?: number
  /** stdout or stderr contains this text. */
  outputContains?: string
}

interface Base {
  /** What the checklist shows instead of the generated sentence. */
  label?: string
  /** 1-based line in the lesson file where the goal is written (for messages). */
  line?: number
}

export type ClusterGoal = Base & { kind: 'cluster'; name: string; status?: string; runningTasks?: Count; activeServices?: Count }
export type TaskDefinitionGoal = Base & {
  kind: 'taskDefinition'
  family: string
  networkMode?: string
  cpu?: string
  memory?: string
  requiresCompatibilities?: string
  /** The first container's image contains this text. */
  image?: string
  containerPort?: number
  revision?: Count
}
export type ServiceGoal = Base & {
  kind: 'service'
  cluster: string
  name: string
  status?: string
  runningCount?: Count
  desiredCount?: Count
  pendingCount?: Count
  launchType?: string
  /** Task definition family (or family:revision) the service runs. */
  taskDefinition?: string
  /** Name of a target group the service registers its tasks with. */
  targetGroup?: string
  /** One of the service's events (as describe-services lists them) contains this text, e.g. ECS's placement failure. */
  event?: string
}
/** ECS container instances registered in a cluster (ECS on EC2): how many, in which status, with the agent connected. */
export type ContainerInstanceGoal = Base & { kind: 'containerInstance'; cluster: string; status?: string; count?: Count; runningTasks?: Count }
export type TaskGoal = Base & { kind: 'task'; cluster: string; family?: string; service?: string; lastStatus?: string; count?: Count }
export type LoadBalancerGoal = Base & { kind: 'loadBalancer'; name: string; state?: string; scheme?: string; type?: string }
export type TargetGroupGoal = Base & {
  kind: 'targetGroup'
  name: string
  port?: number
  protocol?: string
  targetType?: string
  healthyTargets?: Count
  registeredTargets?: Count
}
export type ListenerGoal = Base & { kind: 'listener'; loadBalancer: string; port: number; protocol?: string; forwardsTo?: string; defaultAction?: string }
export type RuleGoal = Base & { kind: 'rule'; loadBalancer: string; path: string; forwardsTo?: string }
export type LastCommandGoal = Base & CommandMatch & { kind: 'lastCommand' }
export type RanCommandGoal = Base & CommandMatch & { kind: 'ranCommand' }
export type CurlGoal = Base & {
  kind: 'curl'
  /** `load balancer` (any), a load balancer's name, or a host name as typed. */
  host?: string
  /** The URL's path, e.g. /api/users (any path when left out). */
  path?: string
  status?: number
}
export type FileGoal = Base & { kind: 'file'; path: string; contains?: string; notContains?: string }
export type AllGoal = Base & { kind: 'all'; goals: Goal[] }
export type AnyGoal = Base & { kind: 'any'; goals: Goal[] }
export type NotGoal = Base & { kind: 'not'; goal: Goal }

export type Goal =
  | ClusterGoal
  | TaskDefinitionGoal
  | ServiceGoal
  | TaskGoal
  | ContainerInstanceGoal
  | LoadBalancerGoal
  | TargetGroupGoal
  | ListenerGoal
  | RuleGoal
  | LastCommandGoal
  | RanCommandGoal
  | CurlGoal
  | FileGoal
  | AllGoal
  | AnyGoal
  | NotGoal

export type GoalKind = Goal['kind']

/** One command the learner ran and what it answered, as the console recorded it. */
export interface CommandRecord {
  /** Increases with every command (the console's entry id). */
  seq: number
  line: string
  stdout: string
  stderr: string
  exitCode: number
}

/**
 * Where a step began: commands after `command` and event-log entries from `log` on count for it.
 * (Virtual time is no good here: many commands run at the same virtual millisecond.)
 */
export interface Mark {
  command: number
  log: number
}

/** What goals read. Only the sandbox's public surface: its world, its files, and the recorded commands. */
export interface GoalContext {
  world: Readonly<World>
  files: { read(path: string): string | undefined }
  /** Oldest first. */
  commands: readonly CommandRecord[]
  /** Only commands and requests after this mark count (the step's start); everything counts without it. */
  since?: Mark
}

export interface GoalResult {
  met: boolean
  /** The checklist's sentence. */
  label: string
  /** What was found instead, when not met (e.g. "runningCount is 1"). */
  detail?: string
  children?: GoalResult[]
}
