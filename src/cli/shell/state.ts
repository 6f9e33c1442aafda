import { HOME_DIR } from './paths.ts'

/** Everything the shell remembers between inputs; plain JSON so sandbox snapshots can hold it. */
export interface ShellState {
  vars: Record<string, string>
  /** Names passed to programs' `env` (a name may be exported before it has a value, like bash). */
  exported: string[]
  /** Every non-blank input line, as typed. */
  history: string[]
  /** `$?`. */
  lastExitCode: number
  /**
   * `set -o` options that are on (only `pipefail` so far). Optional so snapshots from before pipes resume;
   * replaced, never mutated, so the sandbox's shallow copy for rollback stays a copy.
   */
  options?: string[]
}

/** A fresh shell; `initialEnv` (e.g. `AWS_DEFAULT_REGION`) is exported, as a login shell's environment is. */
export function emptyShellState(initialEnv: Record<string, string> = {}): ShellState {
  const vars: Record<string, string> = { HOME: HOME_DIR, PWD: HOME_DIR, USER: 'cloudshell-user', ...initialEnv }
  return { vars, exported: Object.keys(vars), history: [], lastExitCode: 0 }
}

/**
 * A variable's value, own keys only: the table is a plain object (it lives in snapshots), and `$constructor`
 * must be unset, not Object's constructor.
 */
export const getVar = (state: ShellState, name: string): string | undefined => ownValue(state.vars, name)

/** Sets a variable (`__proto__` too: a plain assignment would replace the table's prototype instead). */
export const setVar = (state: ShellState, name: string, value: string): void => setOwn(state.vars, name, value)

export const ownValue = <T>(record: Record<string, T>, key: string): T | undefined => (Object.hasOwn(record, key) ? record[key] : undefined)

export function setOwn<T>(record: Record<string, T>, key: string, value: T): void {
  Object.defineProperty(record, key, { value, writable: true, enumerable: true, configurable: true })
}

/** The environment a program sees: exported variables that have a value. */
export function exportedEnv(state: ShellState): Record<string, string> {
  const env: Record<string, string> = {}
  for (const name of state.exported) {
    const value = getVar(state, name)
    if (value !== undefined) setOwn(env, name, value)
  }
  return env
}

/** `$(...)` runs in a subshell: it sees the variables but its assignments do not come back. */
export function subshellState(state: ShellState): ShellState {
  return { vars: { ...state.vars }, exported: [...state.exported], history: state.history, lastExitCode: state.lastExitCode, options: state.options }
}

export const isName = (s: string): boolean => /^[A-Za-z_][A-Za-z0-9_]*$/.test(s)
