/** The Logs Insights query engine: parse a query (MalformedQueryException on bad syntax), run it over records. */
export { parseQuery } from './parser.ts'
export { QuerySyntaxError } from './lexer.ts'
export { evaluate, type QueryOutput, type QueryRecord, type RecordSource, type ResultRow } from './evaluator.ts'
export { resultTimestamp } from './time.ts'
export { referencedFields } from './fields.ts'
export type { Value } from './values.ts'
export type { Command } from './ast.ts'
