import { useEffect } from 'react'
import './tokens.css'
import './styles.css'
import { Toolbar } from './clock/Toolbar.tsx'
import { useClockLoop } from './clock/useClockLoop.ts'
import { SkipLinks, useRegionCycling } from './layout/SkipLinks.tsx'
import { useTextScaleEffect } from './layout/TextSizeControl.tsx'
import { Workspace, type Panels } from './layout/Workspace.tsx'
import { useRememberedSelection } from './inspector/rememberSelection.ts'
import { Captions, usePresenter, usePresenterEffect } from './presenter/index.ts'
import { OpenErrorBanner, useShareLinkOpener } from './share/index.ts'
import { TimelineBar, useTimelineOpen } from './timeline/index.ts'
import { useAudienceBroadcast } from './audience/useAudienceBroadcast.ts'
import { DemoBar } from './demo/DemoBar.tsx'
import { UpdateNotice } from './pwa/UpdateNotice.tsx'
import { RecoveryBanner } from './recovery/RecoveryBanner.tsx'
import { AppStoreProvider, useAppStoreApi } from './state/context.tsx'
import { useApp } from './state/context.tsx'
import type { AppStore } from './state/store.ts'

function EngineFailure() {
  const error = useApp((s) => s.engineError)
  if (error === undefined) return null
  return (
    <div className="recovery-banner" role="alert">
      <p>
        <strong>The simulated account could not be loaded:</strong> {error}
      </p>
      <button type="button" className="btn" onClick={() => window.location.reload()}>
        Reload the page
      </button>
    </div>
  )
}

function Shell({ panels }: { panels: Panels }) {
  const store = useAppStoreApi()
  useClockLoop()
  useRegionCycling()
  useTextScaleEffect()
  useRememberedSelection()
  usePresenterEffect()
  useShareLinkOpener()
  useAudienceBroadcast()
  const presenter = usePresenter((s) => s.on)
  const timeline = useTimelineOpen((s) => s.open)
  useEffect(() => {
    void store.getState().start()
    // Save right away when the page goes away (the normal write is debounced).
    const flush = () => store.getState().flushPersist()
    window.addEventListener('pagehide', flush)
    return () => window.removeEventListener('pagehide', flush)
  }, [store])
  return (
    <div className="app">
      <SkipLinks />
      <Toolbar />
      {timeline && <TimelineBar />}
      {presenter && <Captions />}
      <DemoBar />
      <UpdateNotice />
      <RecoveryBanner />
      <OpenErrorBanner />
      <EngineFailure />
      <main className="app-main" aria-label="Container Sandbox">
        <Workspace panels={panels} />
      </main>
    </div>
  )
}

/** The whole page. `store` and `panels` are passed in by main.tsx (and by tests, with fakes). */
export function App({ store, panels }: { store: AppStore; panels: Panels }) {
  return (
    <AppStoreProvider store={store}>
      <Shell panels={panels} />
    </AppStoreProvider>
  )
}
