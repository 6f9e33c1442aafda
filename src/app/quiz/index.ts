/** The quiz panel (lazily loaded behind QuizEntry): take a quiz in practice or exam mode, verify result codes. */
export { QuizEntry } from './QuizEntry.tsx'
