/** The text tools that make pipes useful: GNU coreutils' and grep's options, messages and exit codes. */
export { cut } from './cut.ts'
export { grep } from './grep.ts'
export { head, tail } from './headTail.ts'
export { less, more, tee } from './passThrough.ts'
export { sort } from './sort.ts'
export { tr } from './tr.ts'
export { uniq } from './uniq.ts'
export { wc } from './wc.ts'
