import { RUN_UNTIL_LIMIT, runUntilChange } from './clockSteps.ts'
import { MAX_WALL_STEP_MS, type AppActions, type AppState } from './api.ts'

/** What the clock's actions need of the store they live in. */
export interface ClockHost {
  get(): AppState & AppActions
  set(partial: Partial<AppState> | ((s: AppState) => Partial<AppState>)): void
  publish(force: boolean): void
  note(text: string): void
  quietly<T>(change: () => T): T
  schedulePersist(): void
}

/**
 * The virtual clock's actions, apart from the rest of the store: play and pause, speed, the frame tick (slow motion
 * keeps exact time), step to the next event, and run until the selected resource changes.
 */
export function createClock({ get, set, publish, note, quietly, schedulePersist }: ClockHost) {
  /** Virtual milliseconds owed by slow motion: 0.1× of a 16 ms frame is 1.6 ms, and the clock moves in whole ms. */
  let clockCarry = 0

  return {
    setPlaying(playing) {
      set((s) => ({ clock: { ...s.clock, playing } }))
    },

    setSpeed(speed) {
      set((s) => ({ clock: { ...s.clock, speed } }))
      schedulePersist()
    },

    tick(wallDeltaMs) {
      const { sandbox, clock, scrub } = get()
      if (!sandbox || !clock.playing || scrub || !(wallDeltaMs > 0)) return
      // Whole milliseconds, with the fraction carried to the next frame, so slow motion keeps exact time.
      const owed = Math.min(wallDeltaMs, MAX_WALL_STEP_MS) * clock.speed + clockCarry
      const ms = Math.floor(owed + 1e-9)
      clockCarry = Math.max(0, owed - ms)
      if (ms <= 0) return
      sandbox.advance(ms)
      publish(false)
      schedulePersist()
    },

    stepToNextEvent() {
      const sandbox = get().sandbox
      if (!sandbox || get().scrub) return false
      set((s) => ({ clock: { ...s.clock, playing: false } }))
      const moved = quietly(() => sandbox.advanceToNextEvent())
      if (!moved) {
        note('Nothing is scheduled: the simulated account is at rest.')
        return false
      }
      publish(true)
      schedulePersist()
      return true
    },

    runUntilSelectedChanges() {
      const { sandbox, selectedId, scrub } = get()
      if (!sandbox || selectedId === undefined || scrub) return
      set((s) => ({ clock: { ...s.clock, playing: false } }))
      const outcome = quietly(() => runUntilChange(sandbox, selectedId))
      publish(true)
      schedulePersist()
      if (outcome.kind === 'changed') note(`${selectedId}: ${outcome.change}`)
      else if (outcome.kind === 'nothing-scheduled') note(`Nothing more is scheduled, so ${selectedId} will not change until you run a command.`)
      else note(`${selectedId} did not change in the next ${RUN_UNTIL_LIMIT.ms / 60_000} minutes of simulated time.`)
    },
  } satisfies Partial<AppActions>
}
