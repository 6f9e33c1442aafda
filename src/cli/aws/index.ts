export { createAwsProgram } from './run.ts'
export type { AwsBackend } from './backend.ts'
export { operationCommands, findOperation } from './commandTable.ts'
