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
}

/** `group` nodes contain others (Region, VPC, AZ, subnet); `resource` and `badge` nodes are leaves. */
export type DiagramNodeType = 'group' | 'resource' | 'badge'

export type DiagramNode = Node<DiagramNodeData, DiagramNodeType>

export interface DiagramEdgeData extends Record<string, unknown> {
  /** What the edge means, in words, for the text view and screen readers. */
  relation: string
}

export type DiagramEdge = Edge<DiagramEdgeData>

export interface DiagramGraph {
  nodes: DiagramNode[]
  edges: DiagramEdge[]
}
