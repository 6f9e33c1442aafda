export { ConsolePanel } from './ConsolePanel.tsx'
export { ConsoleLog } from './ConsoleLog.tsx'
export { ConsoleInput } from './ConsoleInput.tsx'
export * from './lineEditing.ts'
