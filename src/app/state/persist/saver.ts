import type { Sandbox } from '../../../sandbox/types.ts'
import { HISTORY_LIMIT, LOG_LIMIT, type AppActions, type AppState } from '../api.ts'
import { persistedText } from './document.ts'
import { savePersisted, type KeyValueStorage } from './storage.ts'

/** What saving needs of the store it lives in. */
export interface SaverHost {
  get(): AppState & AppActions
  set(partial: Partial<AppState>): void
  /** The sandbox that is "now" (the live one, also while the timeline shows an earlier moment). */
  liveSandbox(): Sandbox | undefined
}

/** Runs `fn` when the page is idle (or soon, where there is no idle callback): saving never delays a frame. */
const whenIdle = (fn: () => void): void => {
  const idle = (globalThis as { requestIdleCallback?: (cb: () => void, options?: { timeout: number }) => number }).requestIdleCallback
  if (idle) idle(fn, { timeout: 2000 })
  else fn()
}

/**
 * Keeping the app's state in storage, apart from the rest of the store. Throttled, not debounced: a playing clock
 * changes the state every frame, and a debounce would then never save. The write itself waits for an idle moment,
 * and costs little: the sandbox's newest checkpoint is already JSON text.
 */
export function createSaver(storage: KeyValueStorage | undefined, delayMs: number, host: SaverHost) {
  let timer: ReturnType<typeof setTimeout> | undefined

  /** The whole state as the text kept in storage (and offered by "Export" when storage is full). */
  const currentText = (): string | undefined => {
    const s = host.get()
    // While the timeline shows an earlier moment, what is kept is still the live world.
    const sandbox = host.liveSandbox()
    if (!sandbox) return undefined
    return persistedText(sandbox.history(), {
      log: s.log.filter((e) => !e.pending).slice(-LOG_LIMIT),
      history: s.history.slice(-HISTORY_LIMIT),
      layout: s.layout,
      clock: { speed: s.clock.speed },
    })
  }

  const writeNow = () => {
    const s = host.get()
    if (!s.sandbox || s.recovery) return
    const text = currentText() as string
    const outcome = savePersisted(storage, text)
    if (outcome === 'full') {
      if (!s.storageFull) host.set({ storageFull: { bytes: text.length } })
    } else if (outcome === 'saved' && s.storageFull) {
      host.set({ storageFull: undefined })
    }
  }

  const cancel = () => {
    if (timer !== undefined) clearTimeout(timer)
    timer = undefined
  }

  return {
    currentText,
    writeNow,
    cancel,
    /** Saves soon (once per `delayMs` at most), unless there is no storage or a saved state awaits recovery. */
    schedule() {
      if (!storage || host.get().recovery || timer !== undefined) return
      timer = setTimeout(() => whenIdle(() => {
        timer = undefined
        writeNow()
      }), delayMs)
    },
    /** Saves now, dropping a save that was waiting. */
    flush() {
      cancel()
      writeNow()
    },
  }
}
