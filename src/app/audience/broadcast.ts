import type { Sandbox } from '../../sandbox/types.ts'
import type { AppStore } from '../state/store.ts'
import type { AudienceExtras, AudiencePort } from './messages.ts'

/**
 * The presenter's side: once an audience window has said hello, every change of what the presenter shows goes out
 * as the inputs since the last message (a `tail`), or as the whole session (a `sync`) when the presenter now shows
 * another sandbox (a reset, a link, the timeline, a branch) or took inputs back (undo). Until then nothing is sent:
 * a playing clock changes the store every frame, and nobody may be listening. Returns the function that stops it.
 */
export function broadcastTo(store: AppStore, port: AudiencePort): () => void {
  let active = false
  let epoch = 0
  let sentSandbox: Sandbox | undefined
  let sentPosition = 0
  let sentNow = 0
  let sentLog: unknown
  let sentSelected: string | null = null

  const extras = (force: boolean): AudienceExtras => {
    const { log, selectedId } = store.getState()
    const changed = force || log !== sentLog
    sentLog = log
    sentSelected = selectedId ?? null
    return changed ? { log, selectedId: sentSelected } : { selectedId: sentSelected }
  }

  const sync = (sandbox: Sandbox) => {
    const history = sandbox.history()
    const base = history.checkpoints[0]
    epoch += 1
    sentSandbox = sandbox
    sentPosition = sandbox.position()
    sentNow = sandbox.now()
    const inputs = history.inputs.slice(base.position - history.offset)
    port.post({ kind: 'sync', epoch, checkpoint: base.snapshot, offset: base.position, inputs: [...inputs], ...extras(true) })
  }

  const send = () => {
    const { sandbox, log, selectedId } = store.getState()
    if (!active || !sandbox) return
    const position = sandbox.position()
    const history = sandbox.history()
    // Resent from the newest record already sent: a playing clock adds its moves to that record.
    const from = Math.max(sentPosition - 1, history.offset)
    if (sandbox !== sentSandbox || position < sentPosition) {
      sync(sandbox)
      return
    }
    if (position === sentPosition && sandbox.now() === sentNow && log === sentLog && (selectedId ?? null) === sentSelected) return
    sentPosition = position
    sentNow = sandbox.now()
    port.post({ kind: 'tail', epoch, from, inputs: history.inputs.slice(from - history.offset), ...extras(false) })
  }

  const stopListening = port.listen((message) => {
    if (message.kind !== 'hello') return
    active = true
    const { sandbox } = store.getState()
    if (sandbox) sync(sandbox)
  })
  const unsubscribe = store.subscribe(send)
  // Audience windows already open (the presenter's page reloaded) answer this with hello.
  port.post({ kind: 'presenter' })
  return () => {
    unsubscribe()
    stopListening()
  }
}
