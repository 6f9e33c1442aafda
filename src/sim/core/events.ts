/**
 * What the event log records, as data: a closed set of kinds in AWS's vocabulary, each with the fields a reader
 * matches on (status from/to, target id and port, reason code, request method/url/status). The words a learner
 * reads (`change`, `why`) are derived from them by `describeEvent` alone, so readers (lesson goals, the diagram,
 * the inspector) match on `kind` and fields and never parse text (../shared/DESIGN.md "One truth for every reader").
 */

/** The resource a `resource.*` event is about, named as CloudFormation names resource types. */
export type ResourceType =
  | 'AWS::EC2::VPC'
  | 'AWS::EC2::Subnet'
  | 'AWS::EC2::SecurityGroup'
  | 'AWS::EC2::NetworkInterface'
  | 'AWS::EC2::Instance'
  | 'AWS::EC2::LaunchTemplate'
  | 'AWS::EC2::KeyPair'
  | 'AWS::EC2::Volume'
  | 'AWS::EC2::Snapshot'
  | 'AWS::EFS::FileSystem'
  | 'AWS::EFS::MountTarget'
  | 'AWS::IAM::Role'
  | 'AWS::IAM::InstanceProfile'
  | 'AWS::ECS::Cluster'
  | 'AWS::ECS::Service'
  | 'AWS::ECS::TaskDefinition'
  | 'AWS::ECS::AccountSetting'
  | 'AWS::ECS::ContainerInstance'
  | 'AWS::ECS::CapacityProvider'
  | 'AWS::ElasticLoadBalancingV2::LoadBalancer'
  | 'AWS::ElasticLoadBalancingV2::TargetGroup'
  | 'AWS::ElasticLoadBalancingV2::Listener'
  | 'AWS::ElasticLoadBalancingV2::ListenerRule'
  | 'AWS::Logs::LogGroup'
  | 'AWS::AutoScaling::AutoScalingGroup'

export type LogEvent =
  /** Created (`detail`: what it is and where), or, for task definitions, registered. */
  | { kind: 'resource.created'; type: ResourceType; detail?: string }
  | { kind: 'resource.registered'; type: ResourceType; detail: string }
  | { kind: 'resource.modified'; type: ResourceType; detail: string }
  | { kind: 'resource.deleted'; type: ResourceType; detail?: string }
  /** An attribute moved from one value to another: `State`, `status`, `desiredCount`, a rule's `priority`. */
  | { kind: 'resource.status'; type: ResourceType; attribute: 'State' | 'status' | 'desiredCount' | 'priority'; from: string; to: string; reason?: string }
  /**
   * Settings changed: a cluster setting, an account setting or default, target group attributes, or (no settings)
   * a target group's health check.
   */
  | { kind: 'resource.settings'; type: ResourceType; scope: 'setting' | 'account setting' | 'account default' | 'attributes' | 'health check'; settings: { name: string; value: string }[]; reason?: string }
  | { kind: 'securityGroup.rule'; action: 'added' | 'removed'; rule: string }
  | { kind: 'task.created'; lastStatus: string; reason?: string }
  | { kind: 'task.status'; attribute: 'lastStatus' | 'desiredStatus'; from: string; to: string; reason?: string }
  | { kind: 'container.exited'; container: string; exitCode: number | null | undefined }
  /** The ECS task's side of load balancing: registered with (or draining from) a target group. */
  | { kind: 'task.target'; action: 'registered' | 'deregistered'; targetGroupArn: string; targetId: string; port: number; delaySeconds?: number }
  /** A call one service made to another that failed (ECS → ELBv2 register/deregister), with the error's words. */
  | { kind: 'call.failed'; service: string; operation: string; message: string }
  | { kind: 'service.event'; message: string }
  | { kind: 'deployment.status'; deploymentId: string; status: 'PRIMARY' | 'FAILED'; reason: string }
  /** The target group's side: a target registered, draining or gone (`reason`: the initial reason code or delay). */
  | { kind: 'target.registration'; targetId: string; port: number; state: 'registered' | 'draining' | 'deregistered'; reason?: string }
  | { kind: 'target.health'; targetId: string; port: number; from: string; to: string; reasonCode?: string; description?: string; checks?: number }
  /**
   * One request from the learner's machine; changes nothing in the world. `route`: the hops it went through, in
   * words; the hops as data are in `elbv2.traffic.recent` (an array per entry here, kept for 5,000 requests, made the
   * network path ~20 % slower in garbage collection).
   */
  | { kind: 'http.request'; method: string; url: string; status?: number; statusText?: string; failure?: string; route?: string }

export type LogEventKind = LogEvent['kind']

/** The words of an event: `change` (what changed) and `why` (in words a learner reads), exactly as the log shows them. */
export function describeEvent(event: LogEvent): { change: string; why?: string } {
  switch (event.kind) {
    case 'resource.created':
      return { change: 'created', why: event.detail }
    case 'resource.registered':
      return { change: 'registered', why: event.detail }
    case 'resource.modified':
      return { change: 'modified', why: event.detail }
    case 'resource.deleted':
      return { change: 'deleted', why: event.detail }
    case 'resource.status':
      return { change: `${event.attribute} ${event.from} → ${event.to}`, why: event.reason }
    case 'resource.settings': {
      const pairs = event.settings.map((s) => `${s.name} = ${s.value}`).join(', ')
      if (event.scope === 'health check') return { change: 'health check settings changed', why: event.reason }
      if (event.scope === 'attributes') return { change: `attributes changed: ${event.settings.map((s) => `${s.name}=${s.value}`).join(', ')}`, why: event.reason }
      return { change: `${event.scope} ${pairs}`, why: event.reason }
    }
    case 'securityGroup.rule':
      return { change: `inbound rule ${event.action}`, why: event.rule }
    case 'task.created':
      return { change: `created, lastStatus ${event.lastStatus}`, why: event.reason }
    case 'task.status':
      return { change: `${event.attribute} ${event.from} → ${event.to}`, why: event.reason }
    case 'container.exited':
      return { change: `container ${event.container} exited with code ${String(event.exitCode)}` }
    case 'task.target':
      return event.action === 'registered'
        ? { change: `registered ${event.targetId}:${event.port}`, why: `in target group ${event.targetGroupArn}` }
        : { change: `deregistered from ${event.targetGroupArn}`, why: `draining for ${String(event.delaySeconds)} s (deregistration delay)` }
    case 'call.failed':
      return { change: `${event.service} ${event.operation} failed`, why: event.message }
    case 'service.event':
      return { change: 'event', why: event.message }
    case 'deployment.status':
      return { change: `deployment ${event.deploymentId} ${event.status}`, why: event.reason }
    case 'target.registration':
      return { change: `target ${event.targetId}:${event.port} ${event.state}`, why: event.reason }
    case 'target.health':
      return {
        change: `target ${event.targetId}:${event.port} ${event.from} → ${event.to}`,
        why: event.reasonCode ? `${event.reasonCode}: ${String(event.description)}` : `passed ${String(event.checks)} health check(s)`,
      }
    case 'http.request': {
      const outcome = event.status !== undefined ? `${event.status} ${event.statusText ?? ''}` : (event.failure ?? 'no answer')
      return { change: `HTTP ${event.method} ${event.url} → ${outcome}`, why: event.route }
    }
  }
}

/** The world slices the simulation versions separately (core/eventLog.ts `versions`). */
export type Slice = 'ec2' | 'iam' | 'ecr' | 'ecs' | 'elbv2' | 'logs'

export const SLICES: readonly Slice[] = ['ec2', 'iam', 'ecr', 'ecs', 'elbv2', 'logs']

// Auto Scaling counts as EC2's slice: its groups are EC2 instances ("Amazon EC2 Auto Scaling"), and readers of instances
// read groups. EFS too: its mount targets are ENIs in EC2 subnets. Neither has a slice of its own to version and migrate.
const SLICE_OF_TYPE: Record<string, Slice> = { EC2: 'ec2', ECS: 'ecs', ElasticLoadBalancingV2: 'elbv2', IAM: 'iam', ECR: 'ecr', Logs: 'logs', AutoScaling: 'ec2', EFS: 'ec2' }

/** The slice an event changes; none for a request (it only counts traffic). */
export function sliceOf(event: LogEvent): Slice | undefined {
  switch (event.kind) {
    case 'resource.created':
    case 'resource.registered':
    case 'resource.modified':
    case 'resource.deleted':
    case 'resource.status':
    case 'resource.settings':
      return SLICE_OF_TYPE[event.type.split('::')[1]]
    case 'securityGroup.rule':
      return 'ec2'
    case 'target.registration':
    case 'target.health':
      return 'elbv2'
    case 'http.request':
      return undefined
    default:
      return 'ecs'
  }
}
