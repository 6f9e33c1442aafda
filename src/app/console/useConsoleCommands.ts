import { useMemo, useState } from 'react'
import { useAppStoreApi } from '../state/context.tsx'
import type { Completion } from '../state/types.ts'
import { splitCommands } from './commandBlocks.ts'
import { HistoryWalker } from './lineEditing.ts'

/** What both console inputs (Monaco and the textarea fallback) do with their keys. */
export interface ConsoleCommands {
  /** Runs every command in `text` in turn (one entry per command, so each output sits under its command). */
  run(text: string): void
  /** Ctrl+C: show the line with ^C, run nothing. */
  interrupt(text: string): void
  /** Ctrl+L. */
  clear(): void
  /** Up on the first line: the previous command, or undefined at the oldest. */
  previous(current: string): string | undefined
  /** Down on the last line: the next command, the draft past the newest, undefined when not walking. */
  next(): string | undefined
  complete(before: string): Completion
  /** What the AWS CLI would reject in the line being typed (the sandbox decides; the console only draws it). */
  diagnose(text: string): Diagnostic[]
}

export interface Diagnostic {
  from: number
  to: number
  message: string
}

export function useConsoleCommands(): ConsoleCommands {
  const store = useAppStoreApi()
  const [walker] = useState(() => new HistoryWalker())
  return useMemo<ConsoleCommands>(
    () => ({
      run(text) {
        walker.reset()
        const commands = splitCommands(text)
        // An empty line still shows a prompt, as in a terminal.
        for (const command of commands.length > 0 ? commands : [text]) store.getState().run(command)
      },
      interrupt(text) {
        walker.reset()
        store.getState().interrupt(text)
      },
      clear() {
        store.getState().clearLog()
      },
      previous(current) {
        return walker.previous(store.getState().history, current)
      },
      next() {
        return walker.next(store.getState().history)
      },
      complete(before) {
        return store.getState().complete(before)
      },
      diagnose(text) {
        return store.getState().sandbox?.diagnose(text) ?? []
      },
    }),
    [store, walker],
  )
}
