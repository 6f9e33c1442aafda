import { useActions, useApp } from '../state/context.tsx'
import { downloadText } from './download.ts'

/**
 * Said as soon as a save fails for lack of space (the browser's QuotaExceededError), never silently: the work is
 * still in this tab, and "Export" saves it as a file that can be kept or shared.
 */
export function StorageFullNotice() {
  const full = useApp((s) => s.storageFull)
  const actions = useActions()
  if (!full) return null
  const exportState = () => {
    const text = actions.exportState()
    if (text !== undefined) downloadText('container-sandbox-state.json', text)
  }
  return (
    <div className="recovery-banner" role="alert">
      <p>
        <strong>This browser’s storage is full, so your work is no longer being saved.</strong> It is still here in this tab
        ({Math.ceil(full.bytes / 1024)} KB to save). Export it to a file to keep it, or free some space for this site.
      </p>
      <div className="recovery-actions">
        <button type="button" onClick={exportState}>
          Export
        </button>
        <button type="button" onClick={() => actions.dismissStorageFull()}>
          Dismiss
        </button>
      </div>
    </div>
  )
}
