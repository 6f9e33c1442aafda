export { InspectorPanel, type InspectorPanelProps } from './InspectorPanel.tsx'
export { findResource, resourceFinders, type FoundResource, type ResourceFinder } from './findResource.ts'
export { FieldTree, type FieldTreeProps } from './FieldTree.tsx'
export { CopyButton, type CopyButtonProps } from './CopyButton.tsx'
