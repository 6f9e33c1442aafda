import { createStore } from 'zustand/vanilla'
import type { ExecResult, Sandbox, SandboxSnapshot } from '../../sandbox/types.ts'
import type { World } from '../../sandbox/index.ts'
import { clampSize, defaultLayout } from '../layout/layoutModel.ts'
import type { PersistedState } from './persist/migrations.ts'
import { createSaver } from './persist/saver.ts'
import { keepBadCopy, loadPersisted } from './persist/storage.ts'
import { projectWorld } from './projection.ts'
import { createClock } from './clock.ts'
import { createSessions, errorText } from './sessions.ts'
import { createTimeline } from './timeline.ts'
import type { ConsoleEntry, EngineModule } from './types.ts'

import { CLEAR_SCREEN, HISTORY_LIMIT, LOG_LIMIT, UNDO_LIMIT, type AppActions, type AppDeps, type AppState, type AppStore } from './api.ts'

export { CLEAR_SCREEN, HISTORY_LIMIT, LOG_LIMIT, MAX_WALL_STEP_MS, UNDO_LIMIT } from './api.ts'
export type { AppActions, AppDeps, AppState, AppStore } from './api.ts'

export function createAppStore(deps: AppDeps): AppStore {
  let engine: EngineModule | undefined
  let unsubscribe: (() => void) | undefined
  let nextEntryId = 1
  let lastLogId: string | undefined
  let lastLive: Readonly<World> | undefined
  let lastVersion: string | undefined
  /** The sandbox whose world was published last. */
  let publishedFrom: Sandbox | undefined
  /** While true, sandbox notifications are ignored: the action publishes once when done. */
  let batching = false
  let started = false

  const store = createStore<AppState & AppActions>()((set, get) => {
    const freshOptions = () => (deps.seed === undefined ? {} : { seed: deps.seed })

    /**
     * Publishes what the UI renders: `force` after commands, saves and undo; otherwise only if the world moved
     * (`logId` below). The world is an immutable projection sharing every unchanged object with the one
     * published before (projection.ts), so memoised readers see exactly what changed; a command that changed
     * nothing publishes the same world object.
     */
    const publish = (force: boolean) => {
      const sandbox = get().sandbox
      if (!sandbox) return
      const live = sandbox.world()
      // What moves when the world changed: the event log (every AWS change is logged), CloudWatch Logs' stream (its
      // events are logged nowhere) and the Docker engine's own revision (it logs no events).
      const logId = `${live.log?.nextId}:${live.logs?.nextEventNumber}:${live.docker?.revision ?? 0}`
      if (force || logId !== lastLogId) {
        lastLogId = logId
        // A logged change moves its slice's entry in log.versions (sim/core/eventLog.ts): when nothing above and no
        // version moved since the last publication, and it is the same live world, the published copy is still exact.
        const version = `${logId}:${Object.values(live.log?.versions ?? {}).join(',')}`
        const unchanged = live === lastLive && version === lastVersion && get().world !== undefined
        lastLive = live
        lastVersion = version
        // Another sandbox (undo across a reset, the timeline, a branch) may hold other contents at the same slice
        // versions: its world is projected afresh rather than against the previous sandbox's copy.
        const previous = publishedFrom === sandbox ? (get().world as World | undefined) : undefined
        publishedFrom = sandbox
        const world = unchanged ? (get().world as World) : projectWorld(live as World, previous)
        const files = sandbox.files.list()
        set((s) => ({ now: sandbox.now(), world, files: sameList(files, s.files) ? s.files : files, revision: s.revision + 1 }))
      } else if (sandbox.now() !== get().now) {
        set({ now: sandbox.now() })
      }
    }

    /** Runs `change` with the sandbox's notifications ignored; the caller publishes once when it is done. */
    const quietly = <T>(change: () => T): T => {
      batching = true
      try {
        return change()
      } finally {
        batching = false
      }
    }

    const attach = (sandbox: Sandbox) => {
      unsubscribe?.()
      set({ sandbox })
      unsubscribe = sandbox.subscribe(() => {
        if (!batching && get().sandbox === sandbox) publish(false)
      })
      publish(true)
    }

    const saver = createSaver(deps.storage, deps.persistDelayMs ?? 400, { get, set, liveSandbox: () => timeline.liveSandbox() })
    const schedulePersist = saver.schedule

    const appendEntries = (entries: ConsoleEntry[]) => {
      set((s) => {
        const log = s.log.concat(entries)
        return { log: log.length > LOG_LIMIT ? log.slice(log.length - LOG_LIMIT) : log }
      })
    }

    const note = (text: string) => appendEntries([{ id: nextEntryId++, stdout: text, stderr: '', exitCode: 0, note: true }])

    const timeline = createTimeline({ get, set, attach, publish, note, quietly, engine: () => engine })
    const clock = createClock({ get, set, publish, note, quietly, schedulePersist })

    const pushHistory = (line: string) => {
      if (!line.trim()) return
      set((s) => {
        if (s.history[s.history.length - 1] === line) return s
        const history = s.history.concat(line)
        return { history: history.length > HISTORY_LIMIT ? history.slice(history.length - HISTORY_LIMIT) : history }
      })
    }

    /** Remembers where the sandbox's input log stands before a change: undoing it rewinds there (no copy of the world). */
    const pushUndo = (label: string) => {
      const sandbox = get().sandbox
      if (!sandbox) return
      const step = { label, sandbox, position: sandbox.position() }
      set((s) => {
        const undoStack = s.undoStack.concat(step)
        return { undoStack: undoStack.length > UNDO_LIMIT ? undoStack.slice(undoStack.length - UNDO_LIMIT) : undoStack }
      })
    }

    const sessions = createSessions({
      get,
      set,
      attach,
      note,
      engine: () => engine,
      pushUndo,
      forgetTimeline: () => timeline.forget(),
      schedulePersist,
      entryId: () => nextEntryId++,
      entryIdsAbove: (id) => void (nextEntryId = Math.max(nextEntryId, id + 1)),
    })

    /** Runs a line on the ready sandbox and records the result in the entry `id` (new or pending). */
    const execInto = (id: number, line: string): ExecResult => {
      const sandbox = get().sandbox as Sandbox
      // Waiters and timeouts move the virtual clock inside one exec; the console says so (the CLI prints nothing).
      const startedAt = sandbox.now()
      const result: ExecResult = quietly(() => {
        try {
          return sandbox.exec(line)
        } catch (e) {
          // The contract says exec never throws; if it does, the learner still gets an answer.
          return { stdout: '', stderr: `internal error: ${errorText(e)}\n`, exitCode: 255 }
        }
      })
      const clockAdvancedMs = sandbox.now() - startedAt
      const entry: ConsoleEntry = { id, input: line, stdout: result.stdout, stderr: result.stderr, exitCode: result.exitCode, ...(clockAdvancedMs > 0 ? { clockAdvancedMs } : {}) }
      const clearAt = result.stdout.lastIndexOf(CLEAR_SCREEN)
      if (clearAt >= 0) {
        const after = result.stdout.slice(clearAt + CLEAR_SCREEN.length)
        const kept = after || result.stderr || result.exitCode !== 0
          ? [{ id, stdout: after, stderr: result.stderr, exitCode: result.exitCode }]
          : []
        set((s) => ({ log: kept.concat(s.log.filter((e) => e.pending && e.id !== id)) }))
      } else {
        set((s) => {
          const at = s.log.findIndex((e) => e.id === id)
          if (at < 0) {
            const log = s.log.concat(entry)
            return { log: log.length > LOG_LIMIT ? log.slice(log.length - LOG_LIMIT) : log }
          }
          const log = s.log.slice()
          log[at] = entry
          return { log }
        })
      }
      publish(true)
      schedulePersist()
      return result
    }

    const runLine = (id: number, line: string): ExecResult => {
      if (line.trim() && get().scrub) timeline.branchHere()
      if (line.trim()) pushUndo(line)
      return execInto(id, line)
    }

    // Input positions keep counting across "Reset world", so lesson marks taken before a reset stay behind later commands.
    const freshSandbox = (): Sandbox => (engine as EngineModule).createSandbox({ ...freshOptions(), inputOffset: get().sandbox?.position() ?? 0 })

    const sameList = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((x, i) => x === b[i])

    return {
      status: 'loading',
      now: 0,
      files: [],
      revision: 0,
      log: [],
      history: [],
      layout: defaultLayout(),
      clock: { playing: false, speed: 1 },
      undoStack: [],
      branches: [],
      activeBranch: 0,

      async start() {
        if (started) return
        started = true
        const loaded = loadPersisted(deps.storage)
        let snapshot: SandboxSnapshot | undefined
        let resume: { inputs: PersistedState['inputs']; inputOffset: number } | undefined
        let raw: string | undefined
        if (loaded.kind === 'ok') {
          snapshot = loaded.state.sandbox
          resume = { inputs: loaded.state.inputs, inputOffset: loaded.state.inputOffset }
          raw = loaded.raw
          nextEntryId = loaded.state.log.reduce((max, e) => Math.max(max, e.id), 0) + 1
          set({ log: loaded.state.log, history: loaded.state.history, layout: loaded.state.layout, clock: { playing: false, speed: loaded.state.clock.speed } })
        } else if (loaded.kind === 'bad') {
          set({ recovery: { reason: loaded.reason, raw: loaded.raw, backupKey: keepBadCopy(deps.storage, loaded.raw) } })
        }
        try {
          engine = await deps.loadEngine()
        } catch (e) {
          set({ status: 'failed', engineError: errorText(e) })
          return
        }
        let sandbox: Sandbox
        if (snapshot) {
          try {
            sandbox = engine.createSandbox({ snapshot, ...resume })
          } catch (e) {
            const reason = `the saved simulated account could not be resumed (${errorText(e)})`
            set({ recovery: { reason, raw: raw ?? '', backupKey: keepBadCopy(deps.storage, raw ?? '') } })
            sandbox = freshSandbox()
          }
        } else {
          sandbox = freshSandbox()
        }
        attach(sandbox)
        set({ status: 'ready' })
        // Help pages read the models' documentation, kept in chunks of their own; fetch them in the background.
        void engine.loadHelpPages?.().catch(() => undefined)
        for (const entry of get().log.filter((e) => e.pending)) runLine(entry.id, entry.input ?? '')
      },

      run(line) {
        pushHistory(line)
        const id = nextEntryId++
        if (get().status !== 'ready') {
          appendEntries([{ id, input: line, stdout: '', stderr: '', exitCode: 0, pending: true }])
          return undefined
        }
        if (!line.trim()) {
          appendEntries([{ id, input: line, stdout: '', stderr: '', exitCode: 0 }])
          return { stdout: '', stderr: '', exitCode: 0 }
        }
        return runLine(id, line)
      },

      interrupt(line) {
        appendEntries([{ id: nextEntryId++, input: line, stdout: '', stderr: '', exitCode: 0, interrupted: true }])
        schedulePersist()
      },

      clearLog() {
        set((s) => ({ log: s.log.filter((e) => e.pending) }))
        schedulePersist()
      },

      complete(line) {
        const sandbox = get().sandbox
        if (!sandbox) return { from: line.length, items: [] }
        try {
          return sandbox.complete(line)
        } catch {
          return { from: line.length, items: [] }
        }
      },

      select(id) {
        set({ selectedId: id })
      },

      readFile(path) {
        return get().sandbox?.files.read(path)
      },

      saveFile(path, text) {
        const sandbox = get().sandbox
        if (!sandbox) return false
        pushUndo(`save ${path}`)
        quietly(() => sandbox.files.write(path, text))
        publish(true)
        schedulePersist()
        return true
      },

      removeFile(path) {
        const sandbox = get().sandbox
        if (!sandbox) return false
        pushUndo(`delete ${path}`)
        const removed = quietly(() => sandbox.files.remove(path))
        publish(true)
        schedulePersist()
        return removed
      },

      undo() {
        timeline.returnToNow()
        const { undoStack, sandbox: current } = get()
        const step = undoStack[undoStack.length - 1]
        if (!step || !engine) return
        // The step's sandbox is the current one (a command, a file save) or the one a reset replaced.
        try {
          quietly(() => step.sandbox.rewind(step.position))
        } catch (e) {
          note(`Undo failed: ${errorText(e)}`)
          return
        }
        set({ undoStack: undoStack.slice(0, -1) })
        if (step.sandbox === current) publish(true)
        else attach(step.sandbox)
        note(`Undone: ${step.label}`)
        schedulePersist()
      },

      resetWorld() {
        if (!engine) return
        timeline.forget()
        pushUndo('reset world')
        attach(freshSandbox())
        set((s) => ({ log: s.log.filter((e) => e.pending), selectedId: undefined, clock: { ...s.clock, playing: false } }))
        note('The world was reset to its starting state.')
        schedulePersist()
      },

      ...clock,

      setSize(key, value) {
        set((s) => ({ layout: { ...s.layout, [key]: clampSize(key, value) } }))
        schedulePersist()
      },

      setCollapsed(region, collapsed) {
        set((s) => ({ layout: { ...s.layout, collapsed: { ...s.layout.collapsed, [region]: collapsed } } }))
        schedulePersist()
      },

      setBottomTab(tab) {
        set((s) => ({ layout: { ...s.layout, bottomTab: tab } }))
        schedulePersist()
      },

      openTaskMetrics(taskArn) {
        if (taskArn === undefined) return set({ metricsTask: undefined })
        set((s) => ({ metricsTask: taskArn, layout: { ...s.layout, bottomTab: 'metrics', collapsed: { ...s.layout.collapsed, console: false } } }))
        schedulePersist()
      },

      resetFromRecovery() {
        set({ recovery: undefined })
        if (engine) {
          attach(freshSandbox())
          set({ undoStack: [], selectedId: undefined })
          saver.writeNow()
        }
      },

      dismissRecovery() {
        set({ recovery: undefined })
        schedulePersist()
      },

      flushPersist: saver.flush,

      exportState: saver.currentText,

      dismissStorageFull() {
        set({ storageFull: undefined })
      },

      dispose() {
        saver.cancel()
        unsubscribe?.()
        unsubscribe = undefined
      },

      pasteIntoConsole(text) {
        set((s) => ({ consoleDraft: { text, id: (s.consoleDraft?.id ?? 0) + 1 }, layout: { ...s.layout, bottomTab: 'console' } }))
      },

      setOpenError(message) {
        set({ openError: message })
      },

      importProgress(progress) {
        set((s) => ({ progressImport: { progress, id: (s.progressImport?.id ?? 0) + 1 } }))
      },

      scrubTo: (position) => timeline.scrubTo(position),
      liveSandbox: () => timeline.liveSandbox(),
      returnToNow: () => timeline.returnToNow(),
      switchBranch: (id) => timeline.switchBranch(id),

      requestLesson(lessonId, step) {
        set((s) => ({ lessonRequest: { lessonId, step, id: (s.lessonRequest?.id ?? 0) + 1 } }))
      },

      ...sessions,
    }
  })
  return store
}
