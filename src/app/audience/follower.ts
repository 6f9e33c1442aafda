import type { SandboxSnapshot } from '../../sandbox/types.ts'
import type { AppStore } from '../state/store.ts'
import { followInputs, followedAfter, type Followed } from './follow.ts'
import type { AudienceExtras, AudienceMessage, AudiencePort } from './messages.ts'

export type FollowStatus = 'waiting' | 'following'

/**
 * The audience window's side: says hello, replays the presenter's session into this window's own store (which keeps
 * nothing in storage and never runs a command of its own), then applies each step as it comes. A message it cannot
 * place (another epoch, a gap) makes it ask for the whole session again. `onStatus` hears when it starts following.
 */
export function followPresenter(store: AppStore, port: AudiencePort, onStatus: (status: FollowStatus) => void = () => {}): () => void {
  let epoch: number | undefined
  let followed: Followed | undefined
  let asked = false

  const askAgain = () => {
    if (asked) return
    asked = true
    epoch = undefined
    port.post({ kind: 'hello' })
  }

  const showExtras = (extras: AudienceExtras) => {
    const state = store.getState()
    if (extras.log) store.setState({ log: extras.log })
    if ((state.selectedId ?? null) !== extras.selectedId) state.select(extras.selectedId ?? undefined)
  }

  const onMessage = (message: AudienceMessage) => {
    const state = store.getState()
    if (state.status !== 'ready') return
    if (message.kind === 'presenter') {
      asked = false
      askAgain()
    } else if (message.kind === 'sync') {
      let snapshot: SandboxSnapshot
      try {
        snapshot = JSON.parse(message.checkpoint) as SandboxSnapshot
      } catch {
        return
      }
      if (!state.restoreSnapshot(snapshot, 'Following the presenter', { inputs: message.inputs, inputOffset: message.offset })) return
      // Undo here would leave the presenter's world: the audience keeps no steps of its own.
      store.setState({ undoStack: [] })
      epoch = message.epoch
      followed = followedAfter(message.offset, message.inputs)
      asked = false
      showExtras(message)
      onStatus('following')
    } else if (message.kind === 'tail') {
      const sandbox = state.sandbox
      if (message.epoch !== epoch || !followed || !sandbox) {
        askAgain()
        return
      }
      const next = followInputs(sandbox, followed, message.from, message.inputs)
      if (!next) {
        askAgain()
        return
      }
      followed = next
      // The store republishes the world when the event log grows; a file saved or removed logs nothing.
      if (message.inputs.some((i) => i.kind === 'write' || i.kind === 'remove')) store.setState((s) => ({ files: sandbox.files.list(), revision: s.revision + 1 }))
      showExtras(message)
    }
  }

  const stop = port.listen(onMessage)
  const hello = () => {
    if (store.getState().status === 'ready') {
      unsubscribe()
      askAgain()
    }
  }
  const unsubscribe = store.subscribe(hello)
  hello()
  return () => {
    unsubscribe()
    stop()
  }
}
