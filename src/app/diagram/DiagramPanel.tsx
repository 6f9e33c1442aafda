import { useCallback, useEffect, useMemo, useState, type CSSProperties } from 'react'
import {
  Background,
  Controls,
  MiniMap,
  ReactFlow,
  ReactFlowProvider,
  useReactFlow,
  type NodeChange,
  type NodeMouseHandler,
  type Viewport,
} from '@xyflow/react'
import '@xyflow/react/dist/style.css'
import './diagram.css'
import type { World } from '../../sim/world.ts'
import { benchNodesFromUrl, benchTaskArns, benchWorld, withTaskStatus } from './bench.ts'
import { decorate, type Decorations } from './decorate.ts'
import { DiagramText } from './DiagramText.tsx'
import { download, graphToSvg, svgBlob, svgToPng } from './exportImage.ts'
import { createFlatNodesCache } from './flatNodes.ts'
import { createGraphCache } from './graphCache.ts'
import { nodeTypes } from './nodes.tsx'
import { usePanShield } from './panShield.ts'
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
  'ECS cluster': '#fbe3cc',
  'ECS service': '#ed7100',
  'Network interface': '#e4d8ff',
  Task: '#ed7100',
  Container: '#f3c89c',
  'Load balancer': '#e4d8ff',
  Listener: '#c9b3ff',
  'Target group': '#8c4fff',
}
const minimapColour = (n: DiagramNode): string => MINIMAP_COLOURS[n.data.kind] ?? '#f4f6f8'

const FIT_VIEW_OPTIONS = { padding: 0.08 }
/** How long "what changed" and a request's path stay lit, in wall-clock ms (an animation, not simulation time). */
export const HIGHLIGHT_MS = 1600
/** Below this zoom, nodes are drawn without their text and icons (level of detail). */
const FAR_ZOOM = 0.3
/**
 * Above this many nodes, React Flow renders only what is in view, except below FAR_ZOOM: zoomed out that far the
 * diagram is mostly in view anyway, and re-filtering on every pan step mounted and unmounted nodes each frame.
 */
const VIRTUALISE_ABOVE = 400

/** Read once: `?bench=2000` swaps in a synthetic world for scripts/bench-ui.mjs. Never set in normal use. */
const BENCH_NODES = benchNodesFromUrl()
/** `?bench=2000&virtualise=0` measures the bench without onlyRenderVisibleElements. */
const VIRTUALISE_BENCH = typeof location === 'undefined' || new URLSearchParams(location.search).get('virtualise') !== '0'

/**
 * The live diagram. The graph is a pure function of the world (toGraph, cached per world so unchanged nodes keep
 * their objects); selection is owned by the caller; what changed since the last world, the path of new requests,
 * the service filter and collapsed AZs are layered on top here (decorate.ts).
 */
export function DiagramPanel(props: DiagramPanelProps) {
  return <ReactFlowProvider>{BENCH_NODES ? <BenchDiagram {...props} nodes={BENCH_NODES} /> : <DiagramView {...props} />}</ReactFlowProvider>
}

function DiagramView({ world, selectedId, onSelect, minZoom = 0.05, virtualise = true }: DiagramPanelProps & { minZoom?: number; virtualise?: boolean }) {
  const [cache] = useState(createGraphCache)
  const frame = useMemo(() => cache.frameOf(world), [cache, world])
  const { graph } = frame
  const [textView, setTextView] = useState(false)
  const [minimap, setMinimap] = useState(false)
  const [follow, setFollow] = useState(false)
  const [serviceFilter, setServiceFilter] = useState('')
  const [collapsed, setCollapsed] = useState<readonly string[]>([])
  // Zoomed far out, text is unreadable anyway: nodes draw as plain coloured boxes, which paints far faster.
  const [far, setFar] = useState(false)
  const { ref: shieldRef, onPan, onPanEnd } = usePanShield()
  const onMove = useCallback(
    (event: MouseEvent | TouchEvent | null, viewport: Viewport) => {
      setFar(viewport.zoom < FAR_ZOOM)
      onPan(event)
    },
    [onPan],
  )
  // The world whose highlights have run their course; until then, the frame's changes and flow are lit.
  const [settled, setSettled] = useState<Readonly<World>>()
  const live = settled !== world
  const hasHighlights = frame.changed.length > 0 || frame.flow.nodes.length > 0
  useEffect(() => {
    if (!hasHighlights) return
    const timer = setTimeout(() => setSettled(world), HIGHLIGHT_MS)
    return () => clearTimeout(timer)
  }, [world, hasHighlights])

  const decorations: Decorations = useMemo(
    () => ({
      selectedId,
      changed: live ? frame.changed : [],
      lit: live ? frame.flow : { nodes: [], edges: [] },
      service: serviceFilter || undefined,
      collapsed,
    }),
    [selectedId, live, frame, serviceFilter, collapsed],
  )
  const shown = useMemo(() => decorate(graph, decorations), [graph, decorations])
  const [flat] = useState(createFlatNodesCache)
  const flowNodes = useMemo(() => flat.of(shown.nodes), [flat, shown.nodes])

  const { fitView } = useReactFlow()
  useEffect(() => {
    if (!follow || frame.changed.length + frame.flow.nodes.length === 0) return
    const ids = [...new Set([...frame.changed, ...frame.flow.nodes])]
    void fitView({ nodes: ids.map((id) => ({ id })), duration: 400, maxZoom: 1.2, padding: 0.4 })
  }, [follow, frame, fitView])

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

  const services = useMemo(() => graph.nodes.filter((n) => n.data.kind === 'ECS service'), [graph])
  const zones = useMemo(() => graph.nodes.filter((n) => n.data.kind === 'Availability Zone'), [graph])
  const toggleZone = (id: string) => setCollapsed((c) => (c.includes(id) ? c.filter((z) => z !== id) : [...c, id]))
  const exportSvg = () => download(svgBlob(graphToSvg(shown)), 'container-sandbox-diagram.svg')
  const exportPng = () => {
    void svgToPng(graphToSvg(shown)).then((blob) => download(blob, 'container-sandbox-diagram.png'))
  }

  return (
    <div className="cs-diagram">
      <div className="cs-diagram-toolbar" role="toolbar" aria-label="Diagram">
        <button type="button" aria-pressed={textView} onClick={() => setTextView((v) => !v)}>
          Text view
        </button>
        {!textView && (
          <>
            <button type="button" onClick={() => void fitView({ ...FIT_VIEW_OPTIONS, duration: 300 })}>
              Zoom to fit
            </button>
            <button type="button" aria-pressed={minimap} onClick={() => setMinimap((v) => !v)}>
              Minimap
            </button>
            <button type="button" aria-pressed={follow} onClick={() => setFollow((v) => !v)} title="Pan to what each command changes">
              Follow changes
            </button>
          </>
        )}
        {services.length > 0 && (
          <label>
            Service
            <select value={serviceFilter} onChange={(e) => setServiceFilter(e.target.value)} aria-label="Filter by service">
              <option value="">All services</option>
              {services.map((s) => (
                <option key={s.id} value={s.id}>
                  {s.data.label}
                </option>
              ))}
            </select>
          </label>
        )}
        {zones.length > 0 && !textView && (
          <span role="group" aria-label="Collapse Availability Zones">
            {zones.map((z) => (
              <button
                key={z.id}
                type="button"
                aria-pressed={collapsed.includes(z.id)}
                aria-label={`Collapse ${z.data.label}${zones.filter((o) => o.data.label === z.data.label).length > 1 ? ` in ${z.parentId}` : ''}`}
                title={`Collapse ${z.data.label}`}
                onClick={() => toggleZone(z.id)}
              >
                {z.data.label.slice(-2)}
              </button>
            ))}
          </span>
        )}
        <span className="cs-toolbar-sep" aria-hidden="true" />
        <button type="button" onClick={exportPng}>
          Export PNG
        </button>
        <button type="button" onClick={exportSvg}>
          Export SVG
        </button>
      </div>
      {textView ? (
        <DiagramText graph={shown} selectedId={selectedId} onSelect={onSelect} />
      ) : (
        <div className={far ? 'cs-diagram-canvas cs-far' : 'cs-diagram-canvas'}>
          {services.length > 0 && (
            <ul className="cs-diagram-legend" aria-label="Services">
              {services.map((s) => (
                <li key={s.id}>
                  <span className="cs-legend-swatch" style={{ '--cs-accent': s.data.accent } as CSSProperties} aria-hidden="true" />
                  {s.data.label} {s.data.badge}
                </li>
              ))}
            </ul>
          )}
          <ReactFlow<DiagramNode>
            nodes={flowNodes}
            edges={shown.edges}
            nodeTypes={nodeTypes}
            onNodeClick={onNodeClick}
            onPaneClick={onPaneClick}
            onNodesChange={onNodesChange}
            onMove={onMove}
            onMoveEnd={onPanEnd}
            onInit={(instance) => setFar(instance.getZoom() < FAR_ZOOM)}
            nodesDraggable={false}
            nodesConnectable={false}
            nodesFocusable
            // Flat nodes (flatNodes.ts): lifting a selected container above the rest would cover its children.
            elevateNodesOnSelect={false}
            onlyRenderVisibleElements={virtualise && shown.nodes.length > VIRTUALISE_ABOVE && !far}
            fitView
            fitViewOptions={FIT_VIEW_OPTIONS}
            minZoom={minZoom}
            aria-label="Architecture diagram"
          >
            <Background gap={24} />
            <Controls showInteractive={false} position="top-right" />
            {minimap && <MiniMap<DiagramNode> nodeColor={minimapColour} pannable zoomable ariaLabel="Diagram overview" position="bottom-right" />}
          </ReactFlow>
          <div ref={shieldRef} className="cs-pan-shield" aria-hidden="true" />
        </div>
      )}
    </div>
  )
}

/** What scripts/bench-ui.mjs drives: `window.__diagramBench.setStatus(i, 'STOPPED')` changes one task's status. */
interface BenchHandle {
  /** Nodes in the graph (toGraph's output). */
  nodes: number
  taskArns: string[]
  setStatus(index: number, lastStatus: string): void
  setViewport(x: number, y: number, zoom: number): void
}

/** `?bench=N`: the same view over a synthetic world of about N nodes (bench.ts). */
function BenchDiagram(props: DiagramPanelProps & { nodes: number }) {
  const { world: base, nodes } = props
  const [world, setWorld] = useState(() => benchWorld(base, nodes))
  const [count] = useState(() => toGraph(world).nodes.length)
  const { setViewport } = useReactFlow()
  useEffect(() => {
    const arns = benchTaskArns(world)
    const handle: BenchHandle = {
      nodes: count,
      taskArns: arns,
      setStatus: (i, lastStatus) => setWorld((w) => withTaskStatus(w, arns[i % arns.length], lastStatus)),
      setViewport: (x, y, zoom) => void setViewport({ x, y, zoom }),
    }
    ;(window as unknown as { __diagramBench?: BenchHandle }).__diagramBench = handle
  }, [world, count, setViewport])
  // Zoom out far enough that the fitted view holds every node: the bench measures all of them in the DOM.
  return <DiagramView {...props} world={world} minZoom={0.002} virtualise={VIRTUALISE_BENCH} />
}

export default DiagramPanel
