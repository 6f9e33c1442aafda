import { useCallback, useEffect, useMemo, useState, type CSSProperties, type MouseEvent as ReactMouseEvent } from 'react'
import {
  Background,
  ControlButton,
  Controls,
  ReactFlow,
  ReactFlowProvider,
  useReactFlow,
  type NodeChange,
  type NodeMouseHandler,
  type Viewport,
} from '@xyflow/react'
import '@xyflow/react/dist/style.css'
import './diagram.css'
import type { World } from '../../sandbox/index.ts'
import { benchNodesFromUrl, benchTaskArns, benchWorld, withTaskStatus } from './bench.ts'
import { decorate, type Decorations } from './decorate.ts'
import { DiagramText } from './DiagramText.tsx'
import { download, graphToSvg, svgBlob, svgToPng } from './exportImage.ts'
import { createFlatNodesCache } from './flatNodes.ts'
import { createGraphCache } from './graphCache.ts'
import { FitViewIcon } from './icons.tsx'
import { nodeTypes } from './nodes.tsx'
import { Overview } from './Overview.tsx'
import { boundsOf, nodeAt } from './paintGraph.ts'
import { PictureLayer } from './PictureLayer.tsx'
import { useFitGraph } from './useFitGraph.ts'
import { usePanShield } from './panShield.ts'
import { toGraph } from './toGraph.ts'
import type { DiagramEdge, DiagramNode } from './types.ts'

export interface DiagramPanelProps {
  world: Readonly<World>
  selectedId?: string
  onSelect(id: string | undefined): void
}

/** How long "what changed" and a request's path stay lit, in wall-clock ms (an animation, not simulation time). */
export const HIGHLIGHT_MS = 1600
/** Below this zoom, nodes are drawn without their text and icons (level of detail). */
const FAR_ZOOM = 0.3
/**
 * Above this many nodes, React Flow renders only what is in view, and below FAR_ZOOM the whole diagram is drawn as
 * one picture on a canvas (PictureLayer.tsx) instead of a DOM node per resource: zoomed out that far most of the
 * diagram is in view, and every mounted node costs on each pan step and status change (README, Performance).
 */
const MANY_NODES = 400
const NO_NODES: DiagramNode[] = []
const NO_EDGES: DiagramEdge[] = []

/** Read once: `?bench=2000` swaps in a synthetic world for scripts/bench-ui.mjs. Never set in normal use. */
const BENCH_NODES = benchNodesFromUrl()

/**
 * The live diagram. The graph is a pure function of the world (toGraph, cached per world so unchanged nodes keep
 * their objects); selection is owned by the caller; what changed since the last world, the path of new requests,
 * the service filter and collapsed AZs are layered on top here (decorate.ts).
 */
export function DiagramPanel(props: DiagramPanelProps) {
  return <ReactFlowProvider>{BENCH_NODES ? <BenchDiagram {...props} nodes={BENCH_NODES} /> : <DiagramView {...props} />}</ReactFlowProvider>
}

function DiagramView({ world, selectedId, onSelect, minZoom = 0.05 }: DiagramPanelProps & { minZoom?: number }) {
  const [cache] = useState(createGraphCache)
  const frame = useMemo(() => cache.frameOf(world), [cache, world])
  const { graph } = frame
  const [textView, setTextView] = useState(false)
  const [minimap, setMinimap] = useState(false)
  const [follow, setFollow] = useState(false)
  const [serviceFilter, setServiceFilter] = useState('')
  const [collapsed, setCollapsed] = useState<readonly string[]>([])
  // Zoomed far out, text is unreadable anyway: nodes are drawn as plain coloured boxes (cs-far), and a large diagram
  // as one picture. A large diagram starts there (fitted to the view, it is zoomed far out), so its first render
  // mounts no DOM node per resource; the first viewport change (the fit in onInit) corrects the guess.
  const [far, setFar] = useState(() => graph.nodes.length > MANY_NODES)
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
  const many = shown.nodes.length > MANY_NODES
  const picture = far && many
  // While the picture is shown React Flow gets no nodes or edges at all: it has nothing to mount, adopt or check on a
  // status change or a pan step, and the picture draws them instead.
  const [flat] = useState(createFlatNodesCache)
  const flowNodes = useMemo(() => (picture ? NO_NODES : flat.of(shown.nodes)), [picture, flat, shown.nodes])
  const flowEdges = picture ? NO_EDGES : shown.edges

  const { screenToFlowPosition } = useReactFlow()
  const fit = useFitGraph(shown.nodes)
  useEffect(() => {
    if (!follow || frame.changed.length + frame.flow.nodes.length === 0) return
    fit({ ids: [...new Set([...frame.changed, ...frame.flow.nodes])], duration: 400, maxZoom: 1.2, padding: 0.4 })
  }, [follow, frame, fit])

  const onNodeClick = useCallback<NodeMouseHandler<DiagramNode>>((_, node) => onSelect(node.id), [onSelect])
  /** The resource under the pointer when the picture is shown (there are no DOM nodes to click). */
  const pictureNodeAt = useCallback(
    (event: ReactMouseEvent) => (picture ? nodeAt(shown.nodes, screenToFlowPosition({ x: event.clientX, y: event.clientY })) : undefined),
    [picture, shown.nodes, screenToFlowPosition],
  )
  const onPaneClick = useCallback((event: ReactMouseEvent) => onSelect(pictureNodeAt(event)?.id), [onSelect, pictureNodeAt])
  // Hovering the picture shows the resource's summary, as a DOM node's title does.
  const onPaneMouseMove = useCallback(
    (event: ReactMouseEvent) => {
      if (picture) (event.currentTarget as HTMLElement).title = pictureNodeAt(event)?.data.ariaLabel ?? ''
    },
    [picture, pictureNodeAt],
  )
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
            <button type="button" onClick={() => fit({ duration: 300 })}>
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
            edges={flowEdges}
            nodeTypes={nodeTypes}
            onNodeClick={onNodeClick}
            onPaneClick={onPaneClick}
            onPaneMouseMove={onPaneMouseMove}
            onNodesChange={onNodesChange}
            onMove={onMove}
            onMoveEnd={onPanEnd}
            onInit={() => fit()}
            nodesDraggable={false}
            nodesConnectable={false}
            nodesFocusable
            // Flat nodes (flatNodes.ts): lifting a selected container above the rest would cover its children.
            elevateNodesOnSelect={false}
            onlyRenderVisibleElements={many}
            minZoom={minZoom}
            aria-label="Architecture diagram"
          >
            <Background gap={24} />
            <Controls showInteractive={false} showFitView={false} position="top-right">
              <ControlButton className="react-flow__controls-fitview" onClick={() => fit({ duration: 300 })} title="Fit view" aria-label="Fit view">
                <FitViewIcon />
              </ControlButton>
            </Controls>
            {picture && <PictureLayer nodes={shown.nodes} edges={shown.edges} label={pictureLabel(shown.nodes.length)} />}
            {minimap && <Overview nodes={shown.nodes} edges={shown.edges} />}
          </ReactFlow>
          <div ref={shieldRef} className="cs-pan-shield" aria-hidden="true" />
        </div>
      )}
    </div>
  )
}

const pictureLabel = (count: number): string =>
  `Architecture diagram zoomed out: ${count} resources drawn as one picture. Zoom in to read them, or use the Text view.`

/** What scripts/bench-ui.mjs drives: `window.__diagramBench.setStatus(i, 'STOPPED')` changes one task's status. */
interface BenchHandle {
  /** Nodes in the graph (toGraph's output). */
  nodes: number
  taskArns: string[]
  setStatus(index: number, lastStatus: string): void
  /** A task's lastStatus in the world drawn now. */
  statusOf(index: number): string | undefined
  setViewport(x: number, y: number, zoom: number): void
  /** Centres the view on a task at zoom 1, where tasks are DOM nodes again. */
  centreOn(index: number): void
}

/** `?bench=N`: the same view over a synthetic world of about N nodes (bench.ts). */
function BenchDiagram(props: DiagramPanelProps & { nodes: number }) {
  const { world: base, nodes } = props
  const [world, setWorld] = useState(() => benchWorld(base, nodes))
  const [count] = useState(() => toGraph(world).nodes.length)
  const { setViewport, setCenter } = useReactFlow()
  useEffect(() => {
    const arns = benchTaskArns(world)
    const handle: BenchHandle = {
      nodes: count,
      taskArns: arns,
      setStatus: (i, lastStatus) => setWorld((w) => withTaskStatus(w, arns[i % arns.length], lastStatus)),
      statusOf: (i) => world.ecs.tasks[arns[i % arns.length]]?.lastStatus,
      setViewport: (x, y, zoom) => void setViewport({ x, y, zoom }),
      centreOn: (i) => {
        const box = boundsOf(toGraph(world).nodes, new Set([arns[i % arns.length]]))
        void setCenter(box.x + box.width / 2, box.y + box.height / 2, { zoom: 1 })
      },
    }
    ;(window as unknown as { __diagramBench?: BenchHandle }).__diagramBench = handle
  }, [world, count, setViewport, setCenter])
  // Zoom out far enough that the fitted view holds every node.
  return <DiagramView {...props} world={world} minZoom={0.002} />
}

export default DiagramPanel
