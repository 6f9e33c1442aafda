export { callOperation } from './callOperation.ts'
export { isNotSimulated, NotSimulatedError, similarOperations } from './errors.ts'
export { shapeOutput } from './shapeOutput.ts'
