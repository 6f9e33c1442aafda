import { memo, type CSSProperties } from 'react'
import { Handle, type NodeProps, type NodeTypes } from '@xyflow/react'
import { KindIcon } from './icons.tsx'
import type { DiagramKind, DiagramNode, DiagramNodeData, ResourceUsage } from './types.ts'

/** CSS class per kind, so colours live in diagram.css. */
export const kindClass = (kind: DiagramKind): string => `cs-kind-${kind.toLowerCase().replace(/[^a-z]+/g, '-')}`

/** Kinds whose lifecycle word is printed on the node (the others only show a coloured dot). */
const LIVE_KINDS: ReadonlySet<DiagramKind> = new Set<DiagramKind>(['Task', 'Container', 'Load balancer', 'ECS service', 'ECS cluster'])

/**
 * Edges attach top (in) and bottom (out); the handles are invisible because learners do not draw edges. toGraph sets
 * a node's sourcePosition/targetPosition only when an edge leaves/arrives there, and only those get a Handle: each
 * is a DOM element and a React Flow store subscription, which on 2,000 nodes cost every pan and status change.
 */
function Handles({ sourcePosition, targetPosition }: Pick<NodeProps<DiagramNode>, 'sourcePosition' | 'targetPosition'>) {
  return (
    <>
      {targetPosition && <Handle type="target" position={targetPosition} isConnectable={false} className="cs-diagram-handle" />}
      {sourcePosition && <Handle type="source" position={sourcePosition} isConnectable={false} className="cs-diagram-handle" />}
    </>
  )
}

function classes(data: DiagramNodeData, selected: boolean, base: string): string {
  return [
    base,
    kindClass(data.kind),
    `cs-status-${data.status}`,
    data.variant ? `cs-${data.variant}` : '',
    data.accent ? 'cs-accent' : '',
    selected ? 'cs-selected' : '',
  ]
    .filter(Boolean)
    .join(' ')
}

/** The service colour as a CSS variable (the outline is drawn in diagram.css). */
const accentStyle = (data: DiagramNodeData): CSSProperties | undefined =>
  data.accent ? ({ '--cs-accent': data.accent } as CSSProperties) : undefined

/** The lifecycle word and health (e.g. `RUNNING` `healthy`), for the kinds that have a lifecycle. */
function StateWords({ data }: { data: DiagramNodeData }) {
  if (!LIVE_KINDS.has(data.kind) || data.state === undefined) {
    return data.state !== undefined ? <span className="cs-status-dot" aria-hidden="true" /> : null
  }
  return (
    <span className="cs-node-state">
      <span className="cs-status-dot" aria-hidden="true" />
      <span className="cs-state-word">{data.state}</span>
      {data.badge !== undefined && data.kind === 'Task' && <span className="cs-health">{data.badge}</span>}
    </span>
  )
}

function SecurityGroups({ names }: { names?: string[] }) {
  if (!names?.length) return null
  return (
    <span className="cs-sg-badges">
      {names.map((n) => (
        <span key={n} className="cs-sg-badge" title={`Security group ${n}`}>
          <KindIcon kind="Security group" />
          {n}
        </span>
      ))}
    </span>
  )
}

const percent = (u: ResourceUsage) => (u.registered > 0 ? Math.min(100, Math.max(0, (u.used / u.registered) * 100)) : 0)

/**
 * An ECS container instance's CPU and memory in use, as two small bars with their figures. Hidden from assistive
 * technology: the node's aria-label already says what is free of each (mappers/hosts.ts), and a meter per bar would
 * only repeat it. The bar's fill and border are dark enough on the instance's fill for WCAG 1.4.11 (diagram.css).
 */
function UsageBars({ usage }: { usage: NonNullable<DiagramNodeData['usage']> }) {
  const rows = [
    ['CPU', usage.cpu],
    ['MiB', usage.memory],
  ] as const
  return (
    <div className="cs-usage" aria-hidden="true">
      {rows.map(([name, u]) => (
        <div key={name} className="cs-usage-row">
          <span className="cs-usage-name">{name}</span>
          <span className="cs-usage-track">
            <span className="cs-usage-fill" style={{ width: `${percent(u)}%` }} />
          </span>
          <span className="cs-usage-figures">
            {u.used}/{u.registered} used
          </span>
        </div>
      ))}
    </div>
  )
}

/** Containers: Region, VPC, AZ, subnet, ENI, task, cluster, load balancer, listener. The title sits top-left. */
function GroupNodeView({ data, selected, sourcePosition, targetPosition }: NodeProps<DiagramNode>) {
  return (
    <div className={classes(data, selected, 'cs-node cs-node-group')} style={accentStyle(data)} title={data.ariaLabel}>
      <Handles sourcePosition={sourcePosition} targetPosition={targetPosition} />
      <div className="cs-node-title">
        <KindIcon kind={data.kind} />
        <span className="cs-node-kind">{data.kind}</span>
        <span className="cs-node-label">{data.label}</span>
        {data.summary !== undefined && <span className="cs-node-summary">{data.summary}</span>}
        <StateWords data={data} />
      </div>
      {data.detail && <div className="cs-node-detail">{data.detail}</div>}
      {data.usage && <UsageBars usage={data.usage} />}
      <SecurityGroups names={data.securityGroups} />
    </div>
  )
}

/** Stand-alone resources: internet gateway, ECR repository, IAM role, service, container, rule, target group. */
function ResourceNodeView({ data, selected, sourcePosition, targetPosition }: NodeProps<DiagramNode>) {
  return (
    <div className={classes(data, selected, 'cs-node cs-node-resource')} style={accentStyle(data)} title={data.ariaLabel}>
      <Handles sourcePosition={sourcePosition} targetPosition={targetPosition} />
      <span className="cs-node-icon">
        <KindIcon kind={data.kind} />
      </span>
      <span className="cs-node-text">
        <span className="cs-node-label">{data.label}</span>
        <span className="cs-node-detail">{data.detail}</span>
        {data.summary !== undefined && <span className="cs-node-summary">{data.summary}</span>}
      </span>
      {data.badge !== undefined && data.kind !== 'Task' && <span className="cs-node-badge-count">{data.badge}</span>}
      <StateWords data={data} />
    </div>
  )
}

/** Small pills for attributes of a container, e.g. the VPC's security groups. */
function BadgeNodeView({ data, selected, sourcePosition, targetPosition }: NodeProps<DiagramNode>) {
  return (
    <div className={classes(data, selected, 'cs-node cs-node-badge')} title={data.ariaLabel}>
      <Handles sourcePosition={sourcePosition} targetPosition={targetPosition} />
      <KindIcon kind={data.kind} />
      <span className="cs-node-label">{data.label}</span>
    </div>
  )
}

export const GroupNode = memo(GroupNodeView)
export const ResourceNode = memo(ResourceNodeView)
export const BadgeNode = memo(BadgeNodeView)

/** At module scope so React Flow never sees a new object and remounts every node. */
export const nodeTypes: NodeTypes = { group: GroupNode, resource: ResourceNode, badge: BadgeNode }
