import type { Sandbox } from '../../sandbox/types.ts'
import { TimelineCursor } from '../timeline/cursor.ts'
import type { AppActions, AppState } from './api.ts'
import type { EngineModule } from './types.ts'

/** What the timeline needs of the store it lives in. */
export interface TimelineHost {
  get(): AppState & AppActions
  set(partial: Partial<AppState> | ((s: AppState) => Partial<AppState>)): void
  /** Shows `sandbox`'s world (and follows its changes). */
  attach(sandbox: Sandbox): void
  publish(force: boolean): void
  note(text: string): void
  quietly<T>(change: () => T): T
  engine(): EngineModule | undefined
}

/**
 * The timeline and its lines of history, apart from the rest of the store: scrubbing shows an earlier moment from a
 * second sandbox (a TimelineCursor replaying the live one's inputs) while the live sandbox waits; typing there starts
 * a "what if" branch; "return to now" and switching branches attach the sandbox to show.
 */
export function createTimeline(host: TimelineHost) {
  /** The second sandbox while scrubbed back, and the sandbox it follows (the live one, restored by "return to now"). */
  let cursor: TimelineCursor | undefined
  let scrubbedFrom: Sandbox | undefined

  const returnToNow = () => {
    if (!scrubbedFrom) return
    const live = scrubbedFrom
    scrubbedFrom = undefined
    host.set({ scrub: undefined })
    host.attach(live)
  }

  return {
    /** The sandbox that is "now": the live one, also while the timeline shows an earlier moment. */
    liveSandbox: (): Sandbox | undefined => scrubbedFrom ?? host.get().sandbox,

    scrubTo(position: number) {
      const live = scrubbedFrom ?? host.get().sandbox
      const engine = host.engine()
      if (!live || !engine) return
      if (position >= live.position()) {
        returnToNow()
        return
      }
      if (!cursor || cursor.source !== live) cursor = new TimelineCursor(engine, live)
      const shown = cursor
      host.quietly(() => shown.moveTo(position))
      const { start, end } = shown.range()
      scrubbedFrom = live
      host.set((s) => ({ clock: { ...s.clock, playing: false }, scrub: { position: shown.sandbox.position(), start, end } }))
      if (host.get().sandbox !== shown.sandbox) host.attach(shown.sandbox)
      else host.publish(true)
    },

    returnToNow,

    switchBranch(id: number) {
      const branch = host.get().branches.find((b) => b.id === id)
      if (!branch) return
      returnToNow()
      cursor = undefined
      host.set({ activeBranch: id, selectedId: undefined })
      host.attach(branch.sandbox)
      host.note(`Now showing: ${branch.label}.`)
    },

    /** Typing while the timeline shows an earlier moment: the cursor's world becomes a "what if" branch from there. */
    branchHere() {
      const { scrub, branches } = host.get()
      if (!scrub || !cursor || !scrubbedFrom) return
      const from = scrubbedFrom
      const view = cursor.sandbox
      cursor = undefined
      scrubbedFrom = undefined
      const lines = branches.length > 0 ? branches : [{ id: 0, label: 'Main line', sandbox: from }]
      const next = lines.reduce((max, b) => Math.max(max, b.id), 0) + 1
      host.set({ branches: lines.concat({ id: next, label: `What if (from input ${scrub.position})`, sandbox: view }), activeBranch: next, scrub: undefined })
    },

    /** A new world from elsewhere (reset, a link, a file, a snapshot) ends the timeline's branches. */
    forget() {
      if (scrubbedFrom) host.attach(scrubbedFrom)
      cursor = undefined
      scrubbedFrom = undefined
      host.set({ scrub: undefined, branches: [], activeBranch: 0 })
    },
  }
}
