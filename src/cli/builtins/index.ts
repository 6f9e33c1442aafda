/**
 * The shell's own commands. Each gets ProgramIO like any program, plus a ShellContext for the few
 * that touch the shell (`export`, `history`, `help`, `set`). The text tools (text/) read standard input. resolvePath (../shell/paths.ts) maps typed paths
 * to working-folder names for `cat`, `ls` and the AWS CLI's `file://`.
 */
import { echo } from './echo.ts'
import { cat, cd, ls, pwd } from './files.ts'
import { makeHelp } from './help.ts'
import { clear, falseBuiltin, history, set, trueBuiltin } from './session.ts'
import { cut, grep, head, less, more, sort, tail, tee, tr, uniq, wc } from './text/index.ts'
import type { Builtin } from './types.ts'
import { env, exportBuiltin, unset } from './variables.ts'

export type { Builtin, ShellContext } from './types.ts'
export { CLEAR_SCREEN } from './session.ts'

export const builtins: Readonly<Record<string, Builtin>> = {
  cat,
  cd,
  clear,
  cut,
  echo,
  env,
  export: exportBuiltin,
  false: falseBuiltin,
  grep,
  head,
  help: makeHelp(() => builtins),
  history,
  less,
  ls,
  more,
  pwd,
  set,
  sort,
  tail,
  tee,
  tr,
  true: trueBuiltin,
  uniq,
  unset,
  wc,
}
