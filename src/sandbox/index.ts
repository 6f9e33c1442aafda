/** The headless API everything drives: the UI, lessons, quizzes and tests (../shared/DESIGN.md). */
export { createSandbox, DEFAULT_ACCOUNT_ID, DEFAULT_REGION, DEFAULT_SEED, replay } from './createSandbox.ts'
export { DEFAULT_CHECKPOINT_POLICY } from './inputLog.ts'
export { HOME_DIR } from '../cli/index.ts'
export {
  SNAPSHOT_SCHEMA, type Checkpoint, type CheckpointPolicy, type ExecResult, type InputRecord, type Sandbox, type SandboxHistory, type SandboxOptions,
  type SandboxSnapshot, type WorkingFiles,
} from './types.ts'
export type { LogEntry, LogEvent, LogEventKind, World } from '../sim/index.ts'
/** Views: one answer per question, computed in the simulation (an EC2 instance as a host: decoded user data, role, agent). */
export { instanceHost, type InstanceHost } from '../sim/index.ts'
/** The Docker engine's read models (the inspector's layer microscope): `containerStorage(sandbox.world(), sandbox.files, 'web')`. */
export { containerStorage, pathOrigin, type ContainerStorageView, type LayerView, type LayerFile, type MountView } from '../sim/docker/index.ts'
/** Loads the models' documentation for `aws … help` (lazily loaded chunks); without it help pages say it is loading. */
export { loadAllServiceDocs as loadHelpPages } from '../models/index.ts'
/**
 * The read model (src/sim/views): pure functions over a `World` that answer what every reader asks (target health as
 * the CLI reports it, which service owns a task, where a rule forwards, whether a subnet is public). The app passes
 * the world its store published; lessons pass `sandbox.world()`. Nothing above the sandbox re-derives these.
 */
export * from '../sim/views/index.ts'
export type { Action, Listener, LoadBalancer, RegisteredTarget, Rule, RuleCondition, TargetGroup } from '../sim/elbv2/index.ts'
export type { Attachment, Cluster, Container, ContainerInstance, Service, Task, TaskDefinition } from '../sim/ecs/index.ts'
export type { InternetGateway, NetworkInterface, RouteTable, SecurityGroup, Subnet, Vpc } from '../sim/ec2/state.ts'
export type { RequestRecord } from '../sim/elbv2/state.ts'
/** CloudWatch Logs for the Insights panel: log groups, discovered fields, and a Logs Insights query answered at once. */
export { insightsFunctions, INSIGHTS_COMMANDS, INSIGHTS_KEYWORDS, insightsQuery, logGroupFields, logGroupNames, type InsightsQueryAnswer, type InsightsQueryInput } from '../sim/logs/views.ts'
