export { PanelErrorBoundary } from './PanelErrorBoundary.tsx'
