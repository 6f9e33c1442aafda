import { lazy } from 'react'

// The only doors to Monaco: each editor is its own lazily loaded module (they share the Monaco chunk).
// Unit tests replace this module to keep Monaco out of jsdom.
export const ConsoleEditor = lazy(() => import('../console/ConsoleEditor.tsx'))
export const FileEditor = lazy(() => import('../files/FileEditor.tsx'))
export const monacoAvailable = true
export const InsightsQueryEditor = lazy(() => import('../insights/QueryEditor.tsx'))
