import type { TargetHealthState } from './targetHealth.machine.ts'

/**
 * Elastic Load Balancing v2 slice of the world. Owned by src/sim/elbv2. Resources are kept in the ELBv2 API's
 * own shapes and member names (`LoadBalancer`, `TargetGroup`, `Listener`, `Rule`), keyed by ARN, so describe-*
 * returns them as they are; what the API does not show (registered targets, the load balancer's node ENIs,
 * attributes, tags, traffic counters) sits beside them, and the health checks' counters and timers in `bookkeeping`. Times are epoch ms.
 */
export interface Tag {
  Key: string
  Value?: string
}

export interface LoadBalancer {
  LoadBalancerArn: string
  DNSName: string
  CanonicalHostedZoneId: string
  CreatedTime: number
  LoadBalancerName: string
  Scheme: 'internet-facing' | 'internal'
  VpcId: string
  /** `provisioning` → `active` (loadBalancer.machine.ts). */
  State: { Code: string; Reason?: string }
  Type: 'application' | 'network'
  AvailabilityZones: { ZoneName: string; SubnetId: string; LoadBalancerAddresses: { IpAddress?: string; PrivateIPv4Address?: string }[] }[]
  SecurityGroups?: string[]
  IpAddressType: string
}

export interface Matcher {
  HttpCode?: string
  GrpcCode?: string
}

export interface TargetGroup {
  TargetGroupArn: string
  TargetGroupName: string
  Protocol?: string
  Port?: number
  VpcId?: string
  HealthCheckProtocol?: string
  HealthCheckPort?: string
  HealthCheckEnabled: boolean
  HealthCheckIntervalSeconds: number
  HealthCheckTimeoutSeconds: number
  HealthyThresholdCount: number
  UnhealthyThresholdCount: number
  HealthCheckPath?: string
  Matcher?: Matcher
  /** Not stored: computed from the listeners and rules that forward to the group (see targetGroups.ts). */
  LoadBalancerArns?: string[]
  TargetType: 'instance' | 'ip' | 'lambda' | 'alb'
  ProtocolVersion?: string
  IpAddressType?: string
}

export interface TargetGroupTuple {
  TargetGroupArn: string
  Weight?: number
}

export interface Action {
  Type: 'forward' | 'fixed-response' | 'redirect' | 'authenticate-oidc' | 'authenticate-cognito'
  TargetGroupArn?: string
  Order?: number
  RedirectConfig?: { Protocol?: string; Port?: string; Host?: string; Path?: string; Query?: string; StatusCode: string }
  FixedResponseConfig?: { MessageBody?: string; StatusCode: string; ContentType?: string }
  ForwardConfig?: { TargetGroups?: TargetGroupTuple[]; TargetGroupStickinessConfig?: { Enabled?: boolean; DurationSeconds?: number } }
}

export interface Listener {
  ListenerArn: string
  LoadBalancerArn: string
  Port: number
  Protocol: string
  Certificates?: { CertificateArn?: string; IsDefault?: boolean }[]
  SslPolicy?: string
  DefaultActions: Action[]
}

export interface RuleCondition {
  Field: string
  Values?: string[]
  HostHeaderConfig?: { Values?: string[] }
  PathPatternConfig?: { Values?: string[] }
  HttpHeaderConfig?: { HttpHeaderName?: string; Values?: string[] }
  QueryStringConfig?: { Values?: { Key?: string; Value: string }[] }
  HttpRequestMethodConfig?: { Values?: string[] }
  SourceIpConfig?: { Values?: string[] }
}

/** A listener rule; the listener's default rule is stored too (`Priority: 'default'`, `IsDefault: true`). */
export interface Rule {
  RuleArn: string
  /** A string, as the API returns it: `"10"` or `"default"`. */
  Priority: string
  Conditions: RuleCondition[]
  Actions: Action[]
  IsDefault: boolean
  /** Not in the API shape (dropped on output): which listener the rule belongs to. */
  ListenerArn: string
}

/** A registered target as DescribeTargetHealth shows it: the target and its health (targetHealth.machine.ts). */
export interface RegisteredTarget {
  Id: string
  Port: number
  AvailabilityZone?: string
  /** targetHealth.machine.ts */
  state: TargetHealthState
  reason?: string
  description?: string
}

/** What the health checks keep about one target (not part of the API's shapes). */
export interface TargetBookkeeping {
  registeredAt: number
  /** Consecutive successes / failures of the current run, compared with the group's thresholds. */
  passes: number
  failures: number
  /** When draining ends and the target is gone. */
  drainUntil?: number
  /** What the last check found (an HTTP status, or no connection), reused while the world is quiet (healthChecks.ts). */
  lastCheck?: number | 'timeout' | 'refused'
}

/** What the health checks keep about one target group between rounds (healthChecks.ts). */
export interface TargetGroupBookkeeping {
  /** Virtual time of the group's pending health-check timer, if one is scheduled. */
  healthCheckAt?: number
  /** The version of what checks read (`sliceVersion`) after the group's last round of checks, and whether every target was healthy then. */
  lastRound?: { version: number; allHealthy: boolean }
  /** By target `Id`, then `Port` (as a target is identified in its group). */
  targets: Record<string, Record<number, TargetBookkeeping>>
}

export interface Attribute {
  Key: string
  Value: string
}

/** One request through a load balancer, kept for the diagram's request-flow highlight (newest last). */
export interface RequestRecord {
  at: number
  method: string
  url: string
  status?: number
  failure?: string
  hops: { resource: string; label: string }[]
}

export interface Elbv2State {
  loadBalancers: Record<string, LoadBalancer>
  /** Load balancer ARN → the ENI IDs of its nodes, one per subnet (in world.ec2.networkInterfaces). */
  loadBalancerNodes: Record<string, string[]>
  loadBalancerAttributes: Record<string, Attribute[]>
  targetGroups: Record<string, TargetGroup>
  targetGroupAttributes: Record<string, Attribute[]>
  /** Target group ARN → registered targets in registration order. */
  targets: Record<string, RegisteredTarget[]>
  /** Target group ARN → its health checks' bookkeeping (not part of the API's shapes). */
  bookkeeping: Record<string, TargetGroupBookkeeping>
  listeners: Record<string, Listener>
  rules: Record<string, Rule>
  tags: Record<string, Tag[]>
  /** What the traffic did, for round robin and the metrics to come. */
  traffic: {
    /** Next index per target group (round robin) and per rule (weighted forward). */
    cursor: Record<string, number>
    /** Requests routed to each target group. */
    requestCount: Record<string, number>
    /** The last few requests with their hops (at most RECENT_REQUESTS). */
    recent: RequestRecord[]
  }
}

export const RECENT_REQUESTS = 20

export const emptyElbv2State = (): Elbv2State => ({
  loadBalancers: {},
  loadBalancerNodes: {},
  loadBalancerAttributes: {},
  targetGroups: {},
  targetGroupAttributes: {},
  targets: {},
  bookkeeping: {},
  listeners: {},
  rules: {},
  tags: {},
  traffic: { cursor: {}, requestCount: {}, recent: [] },
})
