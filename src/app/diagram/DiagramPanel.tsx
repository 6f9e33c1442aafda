import { useCallback, useMemo, useState } from 'react'
import {
  Background,
  Controls,
  MiniMap,
  ReactFlow,
  type NodeChange,
  type NodeMouseHandler,
} from '@xyflow/react'
import '@xyflow/react/dist/style.css'
import './diagram.css'
import type { World } from '../../sim/world.ts'
import { DiagramText } from './DiagramText.tsx'
import { nodeTypes } from './nodes.tsx'
import { toGraph } from './toGraph.ts'
import type { DiagramNode } from './types.ts'

export interface DiagramPanelProps {
  world: Readonly<World>
  selectedId?: string
  onSelect(id: string | undefined): void
}

// Minimap colours follow the node colours in diagram.css.
const MINIMAP_COLOURS: Partial<Record<DiagramNode['data']['kind'], string>> = {
  VPC: '#e9f3e6',
  'Availability Zone': '#e6f0f8',
  Subnet: '#dcebc6',
  'Internet gateway': '#8c4fff',
  'Security group': '#dd344c',
  'IAM role': '#dd344c',
  'ECR repository': '#ed7100',
}
const minimapColour = (n: DiagramNode): string => MINIMAP_COLOURS[n.data.kind] ?? '#f4f6f8'

const FIT_VIEW_OPTIONS = { padding: 0.08 }

/**
 * The live diagram. The graph is a pure function of the world (memoised on it); selection is owned by
 * the caller, so the nodes are controlled and only `selected` is layered on top here.
 */
export function DiagramPanel({ world, selectedId, onSelect }: DiagramPanelProps) {
  const graph = useMemo(() => toGraph(world), [world])
  const nodes = useMemo(
    () => (selectedId === undefined ? graph.nodes : graph.nodes.map((n) => (n.id === selectedId ? { ...n, selected: true } : n))),
    [graph, selectedId],
  )
  const [textView, setTextView] = useState(false)

  const onNodeClick = useCallback<NodeMouseHandler<DiagramNode>>((_, node) => onSelect(node.id), [onSelect])
  const onPaneClick = useCallback(() => onSelect(undefined), [onSelect])
  // Keyboard selection (Enter/Space on a focused node, Escape to clear) arrives as select changes.
  const onNodesChange = useCallback(
    (changes: NodeChange<DiagramNode>[]) => {
      for (const c of changes) {
        if (c.type !== 'select') continue
        if (c.selected && c.id !== selectedId) onSelect(c.id)
        else if (!c.selected && c.id === selectedId) onSelect(undefined)
      }
    },
    [onSelect, selectedId],
  )

  return (
    <div className="cs-diagram">
      <div className="cs-diagram-toolbar">
        <button type="button" aria-pressed={textView} onClick={() => setTextView((v) => !v)}>
          Text view
        </button>
      </div>
      {textView ? (
        <DiagramText graph={graph} selectedId={selectedId} onSelect={onSelect} />
      ) : (
        <div className="cs-diagram-canvas">
          <ReactFlow<DiagramNode>
            nodes={nodes}
            edges={graph.edges}
            nodeTypes={nodeTypes}
            onNodeClick={onNodeClick}
            onPaneClick={onPaneClick}
            onNodesChange={onNodesChange}
            nodesDraggable={false}
            nodesConnectable={false}
            nodesFocusable
            fitView
            fitViewOptions={FIT_VIEW_OPTIONS}
            minZoom={0.1}
            aria-label="Architecture diagram"
          >
            <Background gap={24} />
            <Controls showInteractive={false} />
            <MiniMap<DiagramNode> nodeColor={minimapColour} pannable zoomable ariaLabel="Diagram overview" />
          </ReactFlow>
        </div>
      )}
    </div>
  )
}

export default DiagramPanel
