import type { DemoBeat } from './script.ts'

/** What playing a beat needs from the page: show the line as it is typed, run it, and wait (wall-clock) between. */
export interface BeatPlayer {
  /** The command being typed so far (the whole line once typed), or undefined when nothing is being typed. */
  show(typed: string | undefined): void
  run(line: string): void
  wait(ms: number): Promise<void>
  /** Characters a second: about reading speed, so a class can follow; 0 shows each line at once. */
  charsPerSecond: number
  /** True once the instructor stopped the demo: the beat ends where it is. */
  stopped(): boolean
}

/** A long line is not typed for longer than this: the class reads it whole once it is there. */
const MAX_TYPING_MS = 2500
const FRAME_MS = 40

/** Plays one beat: each command typed visibly at reading speed, then run, in order. */
export async function playBeat(beat: DemoBeat, player: BeatPlayer): Promise<void> {
  for (const line of beat.commands) {
    if (player.stopped()) return
    if (player.charsPerSecond > 0) {
      const typingMs = Math.min(MAX_TYPING_MS, (line.length / player.charsPerSecond) * 1000)
      const frames = Math.max(1, Math.round(typingMs / FRAME_MS))
      for (let f = 1; f <= frames && !player.stopped(); f++) {
        player.show(line.slice(0, Math.ceil((line.length * f) / frames)))
        await player.wait(typingMs / frames)
      }
    }
    if (player.stopped()) return
    player.show(line)
    player.run(line)
  }
  player.show(undefined)
}
