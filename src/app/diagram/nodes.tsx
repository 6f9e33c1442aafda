import { memo } from 'react'
import { Handle, Position, type NodeProps, type NodeTypes } from '@xyflow/react'
import { KindIcon } from './icons.tsx'
import type { DiagramKind, DiagramNode } from './types.ts'

/** CSS class per kind, so colours live in diagram.css. */
export const kindClass = (kind: DiagramKind): string => `cs-kind-${kind.toLowerCase().replace(/[^a-z]+/g, '-')}`

// Edges attach top (in) and bottom (out); the handles are invisible because learners do not draw edges.
function Handles() {
  return (
    <>
      <Handle type="target" position={Position.Top} isConnectable={false} className="cs-diagram-handle" />
      <Handle type="source" position={Position.Bottom} isConnectable={false} className="cs-diagram-handle" />
    </>
  )
}

function classes(data: DiagramNode['data'], selected: boolean, base: string): string {
  return [base, kindClass(data.kind), `cs-status-${data.status}`, data.variant ? `cs-${data.variant}` : '', selected ? 'cs-selected' : '']
    .filter(Boolean)
    .join(' ')
}

/** Containers: Region, VPC, Availability Zone, subnet. The title sits in the top-left corner. */
function GroupNodeView({ data, selected }: NodeProps<DiagramNode>) {
  return (
    <div className={classes(data, selected, 'cs-node cs-node-group')} title={data.ariaLabel}>
      <Handles />
      <div className="cs-node-title">
        <KindIcon kind={data.kind} />
        <span className="cs-node-kind">{data.kind}</span>
        <span className="cs-node-label">{data.label}</span>
        {data.state !== undefined && <span className="cs-status-dot" aria-hidden="true" />}
      </div>
      {data.detail && <div className="cs-node-detail">{data.detail}</div>}
    </div>
  )
}

/** Stand-alone resources: internet gateway, ECR repository, IAM role. */
function ResourceNodeView({ data, selected }: NodeProps<DiagramNode>) {
  return (
    <div className={classes(data, selected, 'cs-node cs-node-resource')} title={data.ariaLabel}>
      <Handles />
      <span className="cs-node-icon">
        <KindIcon kind={data.kind} />
      </span>
      <span className="cs-node-text">
        <span className="cs-node-label">{data.label}</span>
        <span className="cs-node-detail">{data.detail}</span>
      </span>
      {data.state !== undefined && <span className="cs-status-dot" aria-hidden="true" />}
    </div>
  )
}

/** Small pills for attributes of a container, e.g. the VPC's security groups. */
function BadgeNodeView({ data, selected }: NodeProps<DiagramNode>) {
  return (
    <div className={classes(data, selected, 'cs-node cs-node-badge')} title={data.ariaLabel}>
      <Handles />
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
