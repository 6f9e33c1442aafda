// Public surface of the diagram. The shell should lazy-load the panel itself
// (`React.lazy(() => import('./diagram/DiagramPanel.tsx'))`) so React Flow stays out of the first chunk;
// toGraph and the types are cheap to import from here.
export { toGraph, toGraphIncremental, type GraphMemo } from './toGraph.ts'
export { changedNodeIds, newLogEntries, newRequests, requestFlow } from './changes.ts'
export { createGraphCache, type GraphCache, type GraphFrame } from './graphCache.ts'
export { decorate, COLLAPSED_HEIGHT, type Decorations } from './decorate.ts'
export { graphToSvg, svgToPng, absoluteBoxes } from './exportImage.ts'
export { statusOf } from './status.ts'
export { DiagramPanel, type DiagramPanelProps } from './DiagramPanel.tsx'
export { DiagramText, type DiagramTextProps } from './DiagramText.tsx'
export {
  azNodeId,
  containerSpecs,
  SERVICE_COLOURS,
  requestsByEdge,
  resourceMappers,
  rootSpec,
  type GraphSink,
  type ResourceMapper,
} from './mappers/index.ts'
export { layout, type Box, type ContainerSpec, type GraphItem, type SectionSpec, type Size } from './layout.ts'
export type {
  DiagramEdge,
  DiagramEdgeData,
  DiagramGraph,
  DiagramKind,
  DiagramNode,
  DiagramNodeData,
  DiagramNodeType,
  DiagramStatus,
} from './types.ts'
