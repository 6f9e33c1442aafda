import { useActions, useApp } from '../state/context.tsx'
import { downloadText } from './download.ts'
import { StorageFullNotice } from './StorageFullNotice.tsx'

/** The app's messages about stored state: it could not be restored, or storage is full. */
export function RecoveryBanner() {
  return (
    <>
      <UnreadableState />
      <StorageFullNotice />
    </>
  )
}

/** Says why the stored state was not restored, and offers a reset and the raw value for export. */
function UnreadableState() {
  const recovery = useApp((s) => s.recovery)
  const actions = useActions()
  if (!recovery) return null
  return (
    <div className="recovery-banner" role="alert">
      <p>
        <strong>Your saved session could not be restored:</strong> {recovery.reason}. You are working on a fresh simulated account.{' '}
        {recovery.backupKey
          ? `A copy of the unreadable state is kept in this browser (localStorage key "${recovery.backupKey}").`
          : 'This browser refused to keep a copy, so export it now if you need it.'}
      </p>
      <div className="recovery-actions">
        <button type="button" onClick={() => downloadText('container-sandbox-unreadable-state.json', recovery.raw)}>
          Export the unreadable state
        </button>
        <button type="button" onClick={() => actions.resetFromRecovery()}>
          Reset
        </button>
        <button type="button" onClick={() => actions.dismissRecovery()}>
          Dismiss
        </button>
      </div>
    </div>
  )
}
