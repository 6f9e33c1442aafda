export { callOperation } from './callOperation.ts'
export { isNotSimulated } from './errors.ts'
