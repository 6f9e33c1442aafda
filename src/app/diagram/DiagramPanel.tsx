import { useCallback, useEffect, useMemo, useRef, useState, type CSSProperties, type MouseEvent as ReactMouseEvent } from 'react'
import {
  Background,
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
import { nodeTypes } from './nodes.tsx'
import { Overview } from './Overview.tsx'
import { boundsOf, nodeAt } from './paintGraph.ts'
import { PictureLayer } from './PictureLayer.tsx'
import { useFitGraph, type FitOptions } from './useFitGraph.ts'
import { loadFollow, saveFollow } from './settings.ts'
import { usePresenter } from '../presenter/presenterMode.ts'
import { withSummaries } from './semantic.ts'
import { DETAIL_ZOOM, READABLE_ZOOM, textScaleOf, workloadIds } from './zoomLevels.ts'
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
  // The panel's shape picks the layout's: AZs side by side in a wide panel, stacked in a tall one (toGraph.ts).
  const [zoneFlow, setZoneFlow] = useState<'row' | 'column'>('row')
  const frame = useMemo(() => cache.frameOf(world, { zones: zoneFlow }), [cache, world, zoneFlow])
  const { graph } = frame
  const [textView, setTextView] = useState(false)
  const [minimap, setMinimap] = useState(false)
  const [followChoice, setFollowState] = useState(loadFollow)
  // The presenter view keeps "Follow changes" on (the audience should see what each command did); the choice stays.
  const presenter = usePresenter((s) => s.on)
  const follow = followChoice || presenter
  const setFollow = (on: boolean) => {
    setFollowState(on)
    saveFollow(on)
  }
  const [legendOpen, setLegendOpen] = useState(true)
  const [serviceFilter, setServiceFilter] = useState('')
  const [collapsed, setCollapsed] = useState<readonly string[]>([])
  // Zoomed far out, text is unreadable anyway: nodes are drawn as plain coloured boxes (cs-far), and a large diagram
  // as one picture. A large diagram starts there (fitted to the view, it is zoomed far out), so its first render
  // mounts no DOM node per resource; the first viewport change (the fit in onInit) corrects the guess.
  const [far, setFar] = useState(() => graph.nodes.length > MANY_NODES)
  // Semantic zoom (zoomLevels.ts): below DETAIL_ZOOM a node draws its name and summary only, in letters that keep their
  // on-screen size (--cs-text-scale), and the small parts inside (containers, rules, badges) are not drawn.
  const [overview, setOverview] = useState(false)
  const canvasRef = useRef<HTMLDivElement>(null)
  const textScale = useRef(1)
  // The last fit the panel made by itself (initial view, zoom to fit, follow); redone when the pane is resized, and
  // forgotten once the learner moves the view.
  const lastFit = useRef<(() => void) | undefined>(undefined)
  const { ref: shieldRef, onPan, onPanEnd } = usePanShield()
  const onMove = useCallback(
    (event: MouseEvent | TouchEvent | null, viewport: Viewport) => {
      setFar(viewport.zoom < FAR_ZOOM)
      setOverview(viewport.zoom < DETAIL_ZOOM)
      const scale = textScaleOf(viewport.zoom)
      // Only when the zoom changes (not on each pan step): a new value restyles every mounted node.
      if (scale !== textScale.current) {
        textScale.current = scale
        canvasRef.current?.style.setProperty('--cs-text-scale', String(scale))
      }
      if (event) lastFit.current = undefined
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
  // Summaries are words for the overview level of DOM nodes; a large diagram is a picture when zoomed out, and a status
  // change there must repaint only its task (README, Performance), not its AZ and service whose counts move.
  const summarised = useMemo(() => (graph.nodes.length > MANY_NODES ? graph : withSummaries(graph)), [graph])
  const shown = useMemo(() => decorate(summarised, decorations), [summarised, decorations])
  const many = shown.nodes.length > MANY_NODES
  const picture = far && many
  // While the picture is shown React Flow gets no nodes or edges at all: it has nothing to mount, adopt or check on a
  // status change or a pan step, and the picture draws them instead.
  const [flat] = useState(createFlatNodesCache)
  const flowNodes = useMemo(() => (picture ? NO_NODES : flat.of(shown.nodes)), [picture, flat, shown.nodes])
  const flowEdges = picture ? NO_EDGES : shown.edges

  const { screenToFlowPosition, zoomIn, zoomOut } = useReactFlow()
  const fitGraph = useFitGraph(shown.nodes)
  const fit = useCallback(
    (options: FitOptions = {}) => {
      lastFit.current = () => fitGraph(options)
      return fitGraph(options)
    },
    [fitGraph],
  )
  /**
   * The view a learner gets without asking: everything, if it fits readably (READABLE_ZOOM); else what the course is
   * about (load balancers, target groups, services, tasks: zoomLevels.ts), readable, centred.
   */
  const latestFitDefault = useRef<() => void>(() => {})
  // The nodes drawn now, for the follow effect (which runs per frame, not per decoration).
  const shownRef = useRef(shown.nodes)
  useEffect(() => {
    shownRef.current = shown.nodes
  }, [shown.nodes])
  const fitDefault = useCallback(
    (duration?: number) => {
      const zoom = fitGraph({ measure: true })
      const ids = zoom !== undefined && zoom < READABLE_ZOOM && !many ? workloadIds(shown.nodes) : []
      if (ids.length > 0) fit({ ids, duration, minZoom: READABLE_ZOOM })
      else fit({ duration })
      lastFit.current = () => latestFitDefault.current()
    },
    [fit, fitGraph, many, shown.nodes],
  )
  useEffect(() => {
    latestFitDefault.current = fitDefault
  }, [fitDefault])
  // A new shape is a new layout: show it as the panel last chose to (after React Flow has the new nodes).
  const [firstFlow] = useState(zoneFlow)
  useEffect(() => {
    if (zoneFlow === firstFlow && !lastFit.current) return
    const frameId = requestAnimationFrame(() => lastFit.current?.())
    return () => cancelAnimationFrame(frameId)
  }, [zoneFlow, firstFlow])
  useEffect(() => {
    if (!follow || frame.changed.length + frame.flow.nodes.length === 0) return
    const options = { ids: [...new Set([...frame.changed, ...frame.flow.nodes])], duration: 400, maxZoom: 1.2, padding: 0.4 }
    if (many) {
      fit(options)
      return
    }
    // Spread too far to read at once (a service in its cluster and its tasks in their subnets): show the request path
    // (load balancers, target groups, tasks) readably instead; what changed is still lit.
    // If that does not fit readably either, what changed, from its top-left corner.
    const readable = (o: FitOptions) => (fitGraph({ ...o, measure: true }) ?? 0) >= READABLE_ZOOM
    const workload = { ...options, ids: workloadIds(shownRef.current), padding: 0.04 }
    fit(!readable(options) && workload.ids.length > 0 && readable(workload) ? workload : { ...options, minZoom: READABLE_ZOOM })
  }, [follow, frame, fit, fitGraph, many])
  // A pane that changes size (the workspace's panels move, the window turns) keeps the view the panel chose.
  useEffect(() => {
    const el = canvasRef.current
    if (!el || typeof ResizeObserver === 'undefined') return
    let size = ''
    const observer = new ResizeObserver(() => {
      const next = `${el.clientWidth}x${el.clientHeight}`
      if (next === size) return
      const first = size === ''
      size = next
      if (el.clientWidth > 0 && el.clientHeight > 0) setZoneFlow(shapeOf(el.clientWidth, el.clientHeight))
      // React Flow measures the pane in its own observer; fit once it has.
      if (!first) requestAnimationFrame(() => lastFit.current?.())
    })
    observer.observe(el)
    return () => observer.disconnect()
  }, [fitGraph, textView])

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
            {/* In the toolbar, not over the pane: a node the view follows can never hide under them. */}
            <span role="group" aria-label="Zoom">
              <button type="button" onClick={() => void zoomOut()} aria-label="Zoom out" title="Zoom out">
                −
              </button>
              <button type="button" onClick={() => void zoomIn()} aria-label="Zoom in" title="Zoom in">
                +
              </button>
            </span>
            <button type="button" onClick={() => fit({ duration: 300 })}>
              Zoom to fit
            </button>
            <button type="button" aria-pressed={minimap} onClick={() => setMinimap((v) => !v)}>
              Minimap
            </button>
            <button
              type="button"
              aria-pressed={follow}
              onClick={() => setFollow(!follow)}
              disabled={presenter}
              title={presenter ? 'The presenter view always follows changes' : 'Pan to what each command changes'}
            >
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
        <div
          ref={canvasRef}
          className={['cs-diagram-canvas', far && many ? 'cs-far' : '', overview ? 'cs-zoom-overview' : 'cs-zoom-detail'].filter(Boolean).join(' ')}
        >
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
            onInit={() => fitDefault()}
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
            {picture && <PictureLayer nodes={shown.nodes} edges={shown.edges} label={pictureLabel(shown.nodes.length)} />}
            {minimap && <Overview nodes={shown.nodes} edges={shown.edges} />}
          </ReactFlow>
          <div ref={shieldRef} className="cs-pan-shield" aria-hidden="true" />
        </div>
      )}
      {services.length > 0 && !textView && (
        // Below the pane, not over it: the legend never covers a node, and it folds away.
        <div className="cs-diagram-legend">
          <button type="button" aria-expanded={legendOpen} onClick={() => setLegendOpen((o) => !o)}>
            Legend
          </button>
          {legendOpen && (
            <ul aria-label="Services">
              {services.map((s) => (
                <li key={s.id}>
                  <span className="cs-legend-swatch" style={{ '--cs-accent': s.data.accent } as CSSProperties} aria-hidden="true" />
                  {s.data.label} {s.data.badge}
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
    </div>
  )
}

/** Taller than wide by a fifth: stack the AZs. (A square-ish panel keeps them side by side: they are short.) */
const shapeOf = (width: number, height: number): 'row' | 'column' => (height > width * 1.2 ? 'column' : 'row')

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
