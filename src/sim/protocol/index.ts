export { callOperation } from './callOperation.ts'
export { isNotSimulated } from './errors.ts'
export { onDroppedField, type DroppedField } from './droppedFields.ts'
