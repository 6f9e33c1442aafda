import { lazy, StrictMode, Suspense } from 'react'
import { createRoot } from 'react-dom/client'
import { App } from './app/App.tsx'
import { AUDIENCE_QUERY } from './app/audience/AudiencePanel.tsx'
import { panels } from './app/panels.ts'
import { createAppStore } from './app/state/store.ts'
import { loadEngine } from './app/state/boot.ts'
import { registerServiceWorker } from './app/pwa/registerServiceWorker.ts'

function browserStorage(): Storage | undefined {
  try {
    return window.localStorage
  } catch {
    return undefined // storage disabled: the app works, nothing is kept
  }
}

// ?audience: the projector's window, following the presenter's; it keeps nothing, so the presenter's saved state stays theirs.
const audience = new URLSearchParams(window.location.search).has(AUDIENCE_QUERY)
// Loaded only for the projector's window: the presenter's first load stays within its budget (scripts/size.mjs).
const AudienceApp = lazy(() => import('./app/audience/AudienceApp.tsx').then((m) => ({ default: m.AudienceApp })))
const store = createAppStore({ loadEngine, storage: audience ? undefined : browserStorage() })
const root = document.getElementById('root')
if (!root) throw new Error('index.html has no #root element')
createRoot(root).render(
  <StrictMode>
    {audience ? (
      <Suspense fallback={null}>
        <AudienceApp store={store} panels={panels} />
      </Suspense>
    ) : (
      <App store={store} panels={panels} />
    )}
  </StrictMode>,
)

if (import.meta.env.PROD) registerServiceWorker()
