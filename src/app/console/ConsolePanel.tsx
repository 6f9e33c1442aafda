import { CommandAnnouncer } from './CommandAnnouncer.tsx'
import { ConsoleInput } from './ConsoleInput.tsx'
import { ConsoleLog } from './ConsoleLog.tsx'
import { useApp } from '../state/context.tsx'

/** The command line with the transcript below it. */
export function ConsolePanel() {
  const status = useApp((s) => s.status)
  return (
    <div className="console" aria-busy={status === 'loading'}>
      <ConsoleInput />
      {status === 'loading' && <p className="console-status">Starting the simulated account…</p>}
      <ConsoleLog />
      <CommandAnnouncer />
    </div>
  )
}
