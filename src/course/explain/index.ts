/** "Explain this error": a catalogue of failures and the one line the console shows under them. */
export { CATALOGUE } from './catalogue.ts'
export { explainError } from './explain.ts'
export type { CatalogueEntry, CommandResult, ExplainContext, Explanation } from './types.ts'
