import { Suspense, useEffect, useState } from 'react'
import '../tokens.css'
import '../styles.css'
import './audience.css'
import { ConsoleLog } from '../console/ConsoleLog.tsx'
import type { Panels } from '../layout/Workspace.tsx'
import { useTextScaleEffect } from '../layout/TextSizeControl.tsx'
import { Captions, usePresenter, usePresenterEffect } from '../presenter/index.ts'
import { AppStoreProvider, useActions, useApp } from '../state/context.tsx'
import type { AppStore } from '../state/store.ts'
import { followPresenter, type FollowStatus } from './follower.ts'
import { broadcastPort } from './messages.ts'

const STATUS_TEXT: Record<FollowStatus | 'unsupported', string> = {
  waiting: "Waiting for the presenter's window (open it from Instructor, Open audience window).",
  following: 'Following the presenter',
  unsupported: 'This browser cannot link two windows (no BroadcastChannel).',
}

function SimulatedTime() {
  const now = useApp((s) => s.now)
  const ready = useApp((s) => s.status === 'ready')
  return (
    <span className="audience-time">
      Simulated time <time dateTime={ready ? new Date(now).toISOString() : undefined}>{ready ? new Date(now).toISOString().slice(11, 19) : '—'}</time>
    </span>
  )
}

function AudienceDiagram({ Diagram }: { Diagram: Panels['Diagram'] }) {
  const world = useApp((s) => s.world)
  const selectedId = useApp((s) => s.selectedId)
  const actions = useActions()
  if (!world) return <p className="panel-status">Starting the simulated account…</p>
  return (
    <Suspense fallback={<p className="panel-status">Loading the diagram…</p>}>
      <Diagram world={world} selectedId={selectedId} onSelect={actions.select} />
    </Suspense>
  )
}

function AudienceView({ store, Diagram }: { store: AppStore; Diagram: Panels['Diagram'] }) {
  const [status, setStatus] = useState<FollowStatus | 'unsupported'>(() => (typeof BroadcastChannel === 'undefined' ? 'unsupported' : 'waiting'))
  // Large type and high contrast in this window only: the presenter's own switch (kept in storage) stays as it is.
  useEffect(() => usePresenter.setState({ on: true }), [])
  usePresenterEffect()
  useTextScaleEffect()
  useEffect(() => {
    document.title = 'Container Sandbox — audience view'
    void store.getState().start()
    const port = broadcastPort()
    if (!port) return
    const stop = followPresenter(store, port, setStatus)
    return () => {
      stop()
      port.close()
    }
  }, [store])
  return (
    <div className="audience">
      <header className="audience-bar">
        <h1 className="audience-title">Container Sandbox</h1>
        <p className="audience-status" role="status">
          {STATUS_TEXT[status]}
        </p>
        <SimulatedTime />
      </header>
      <Captions />
      <main className="audience-main" aria-label="Audience view">
        <section className="audience-diagram region-diagram" aria-label="Diagram">
          <div className="region-body">
            <AudienceDiagram Diagram={Diagram} />
          </div>
        </section>
        <section className="audience-console" aria-label="Console">
          <ConsoleLog />
        </section>
      </main>
    </div>
  )
}

/**
 * The audience window (index.html?audience): the presenter's world, replayed here from its inputs, as the diagram,
 * the console transcript and captions in large type. It has no command line and no controls of its own; Tab reaches
 * the diagram and the transcript, which scroll with the keyboard.
 */
export function AudienceApp({ store, panels }: { store: AppStore; panels: Pick<Panels, 'Diagram'> }) {
  return (
    <AppStoreProvider store={store}>
      <AudienceView store={store} Diagram={panels.Diagram} />
    </AppStoreProvider>
  )
}
