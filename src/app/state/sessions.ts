import type { Sandbox, SandboxSnapshot } from '../../sandbox/types.ts'
import { LOG_LIMIT, type AppActions, type AppState } from './api.ts'
import type { ConsoleEntry, EngineModule } from './types.ts'

export const errorText = (e: unknown): string => (e instanceof Error ? e.message : String(e))

/** What opening another world needs of the store it lives in. */
export interface SessionsHost {
  get(): AppState & AppActions
  set(partial: Partial<AppState> | ((s: AppState) => Partial<AppState>)): void
  /** Shows `sandbox`'s world (and follows its changes). */
  attach(sandbox: Sandbox): void
  note(text: string): void
  engine(): EngineModule | undefined
  /** Makes the change undoable: "Undo" brings back the world shown before it. */
  pushUndo(label: string): void
  /** Drops the timeline's scrubbed moment and branches: they belonged to the world being replaced. */
  forgetTimeline(): void
  schedulePersist(): void
  /** A new console entry id. */
  entryId(): number
  /** Makes every later console entry id greater than `id` (the ids of an imported console). */
  entryIdsAbove(id: number): void
}

/**
 * Worlds that come from elsewhere, apart from the rest of the store: a share link's session (and making one), an
 * exported session file, and a snapshot put back (a lesson's saved world). Each replaces the shown world undoably,
 * or says why it could not.
 */
export function createSessions(host: SessionsHost): Pick<AppActions, 'sharedSession' | 'openSession' | 'importSession' | 'restoreSnapshot'> {
  /** Shows `make`'s sandbox in place of the current one, undoably; undefined (and `failed` told why) when it cannot be made. */
  const replaceWorld = (label: string, make: (engine: EngineModule) => Sandbox, failed: (reason: string) => void): Sandbox | undefined => {
    const engine = host.engine()
    if (!engine) return undefined
    let sandbox: Sandbox
    try {
      sandbox = make(engine)
    } catch (e) {
      failed(errorText(e))
      return undefined
    }
    host.forgetTimeline()
    host.pushUndo(label)
    host.attach(sandbox)
    return sandbox
  }
  const cannotOpen = (label: string) => (reason: string) => host.set({ openError: `${label} could not be opened: ${reason}` })

  return {
    sharedSession(lesson) {
      const sandbox = host.get().sandbox
      const engine = host.engine()
      if (!sandbox || !engine) return undefined
      const history = sandbox.history()
      const base = history.checkpoints[0]
      const inputs = history.inputs.slice(base.position - history.offset)
      const seed = (JSON.parse(base.snapshot) as SandboxSnapshot).seed
      // A world that started fresh from its seed travels as the seed alone: a fresh account is the same text.
      const fresh = JSON.stringify(engine.createSandbox({ seed }).snapshot()) === base.snapshot
      const session = fresh ? { seed, inputs } : { checkpoint: JSON.parse(base.snapshot) as SandboxSnapshot, inputs }
      return lesson ? { ...session, lesson } : session
    },

    openSession(session, label) {
      const inputOffset = host.get().sandbox?.position() ?? 0
      const sandbox = replaceWorld(
        label,
        (engine) =>
          session.checkpoint
            ? engine.createSandbox({ snapshot: session.checkpoint, inputs: session.inputs, inputOffset })
            : engine.createSandbox({ seed: session.seed, inputs: session.inputs, inputOffset }),
        cannotOpen(label),
      )
      if (!sandbox) return false
      // The console shows the commands that made this world, with what they answered in this replay.
      const entries: ConsoleEntry[] = sandbox
        .inputs()
        .flatMap((i) => (i.kind === 'exec' ? [{ id: host.entryId(), input: i.line, stdout: i.stdout, stderr: i.stderr, exitCode: i.exitCode }] : []))
      host.set((s) => ({ log: s.log.filter((e) => e.pending).concat(entries.slice(-LOG_LIMIT)), selectedId: undefined, clock: { ...s.clock, playing: false }, openError: undefined }))
      host.note(`${label}: the world is as it was shared (${entries.length} commands replayed).`)
      if (session.lesson) host.get().requestLesson(session.lesson.id, session.lesson.step)
      host.schedulePersist()
      return true
    },

    importSession(state, label) {
      const sandbox = replaceWorld(label, (engine) => engine.createSandbox({ snapshot: state.sandbox, inputs: state.inputs, inputOffset: state.inputOffset }), cannotOpen(label))
      if (!sandbox) return false
      host.entryIdsAbove(state.log.reduce((max, e) => Math.max(max, e.id), 0))
      host.set({ log: state.log, history: state.history, selectedId: undefined, clock: { playing: false, speed: state.clock.speed }, openError: undefined })
      host.note(`${label}: the world, files and console are as they were exported.`)
      host.schedulePersist()
      return true
    },

    restoreSnapshot(snapshot, label, resume) {
      const sandbox = replaceWorld(label, (engine) => engine.createSandbox({ snapshot, ...resume }), (reason) => host.note(`${label} failed: ${reason}`))
      if (!sandbox) return false
      host.note(`${label}: the world is back as it was.`)
      host.schedulePersist()
      return true
    },
  }
}
