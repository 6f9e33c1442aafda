import type { Edge, Node } from '@xyflow/react'

/** Resource kinds in AWS's own words; the aria-label of every node begins with one of these. */
export type DiagramKind =
  | 'Region'
  | 'VPC'
  | 'Availability Zone'
  | 'Subnet'
  | 'Internet gateway'
  | 'Security group'
  | 'IAM role'
  | 'ECR repository'
  | 'ECS cluster'
  | 'ECS service'
  | 'Network interface'
  | 'Task'
  | 'Container'
  | 'Load balancer'
  | 'Listener'
  | 'Listener rule'
  | 'Target group'
  | 'Capacity provider'
  // Kinds the layout is ready for (hostLayout.ts) before the simulation draws them: ECS on EC2 and storage.
  | 'EC2 instance'
  | 'Docker bridge'
  | 'Auto Scaling group'
  | 'EBS volume'

/** Colour family of a node; see statusOf() for how AWS state words map to it. */
export type DiagramStatus = 'ok' | 'pending' | 'warning' | 'error' | 'stopped' | 'neutral'

export interface DiagramNodeData extends Record<string, unknown> {
  kind: DiagramKind
  /** Name tag or ID: what the node shows in bold. */
  label: string
  /** One short line: CIDR, AZ, free IPs, attachment... */
  detail: string
  /** The resource's own state word (`available`, `RUNNING`...), when it has one. */
  state?: string
  status: DiagramStatus
  /** Begins with the kind, includes the name or ID and the state. */
  ariaLabel: string
  /** Visual variant within a kind, e.g. a public or private subnet. */
  variant?: 'public' | 'private'
  /** Security group names shown as small badges (load balancers, task ENIs). */
  securityGroups?: string[]
  /** Outline colour of the ECS service the node belongs to (a task, its ENI) or stands for (the service). */
  accent?: string
  /** The ECS service ARN the node belongs to, for "filter by service". */
  service?: string
  /** Short counts or health, shown as a pill: `2/2 running`, `healthy`. */
  badge?: string
  /**
   * What the node stands for when zoomed out (semantic.ts, from the graph itself): an AZ's counts, a service's or
   * target group's healthy count, a task's state and health.
   */
  summary?: string
  /**
   * An ECS container instance's CPU units and memory (MiB) in use against what it registered, from the container
   * instances view (registered − remaining); drawn as two small bars on the instance.
   */
  usage?: { cpu: ResourceUsage; memory: ResourceUsage }
}

export interface ResourceUsage {
  used: number
  registered: number
}

/** `group` nodes contain others (Region, VPC, AZ, subnet); `resource` and `badge` nodes are leaves. */
export type DiagramNodeType = 'group' | 'resource' | 'badge'

export type DiagramNode = Node<DiagramNodeData, DiagramNodeType>

export interface DiagramEdgeData extends Record<string, unknown> {
  /** What the edge means, in words, for the text view and screen readers. */
  relation: string
  /** Requests through this edge among the recent ones (world.elbv2.traffic.recent); drives thickness. */
  requests?: number
  /** Target health for a target-group → target edge. */
  state?: string
}

export type DiagramEdge = Edge<DiagramEdgeData>

export interface DiagramGraph {
  nodes: DiagramNode[]
  edges: DiagramEdge[]
}
