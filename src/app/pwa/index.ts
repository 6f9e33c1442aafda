export { registerServiceWorker, useUpdateReady } from './registerServiceWorker.ts'
export { UpdateNotice } from './UpdateNotice.tsx'
