import { useActions, useApp } from '../state/context.tsx'

/** Why a share link or an imported file could not be opened (or opened without its lesson). */
export function OpenErrorBanner() {
  const message = useApp((s) => s.openError)
  const actions = useActions()
  if (message === undefined) return null
  return (
    <div className="recovery-banner" role="alert">
      <p>{message}</p>
      <button type="button" className="btn" onClick={() => actions.setOpenError(undefined)}>
        Dismiss
      </button>
    </div>
  )
}
