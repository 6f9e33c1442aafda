export { RecoveryBanner } from './RecoveryBanner.tsx'
export { downloadText } from './download.ts'
export { StorageFullNotice } from './StorageFullNotice.tsx'
