import { useUpdateReady } from './registerServiceWorker.ts'

/** "A new version is ready": shown once a deployment's files are all cached; reloading switches to them. */
export function UpdateNotice() {
  const apply = useUpdateReady((s) => s.apply)
  if (!apply) return null
  return (
    <div className="recovery-banner" role="status">
      <p>A new version of Container Sandbox is ready. Your work is kept.</p>
      <button type="button" className="btn" onClick={apply}>
        Reload to update
      </button>
    </div>
  )
}
