export { Region } from './Region.tsx'
export { Splitter } from './Splitter.tsx'
export { Workspace, type Panels } from './Workspace.tsx'
export * from './layoutModel.ts'
