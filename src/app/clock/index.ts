export { Toolbar } from './Toolbar.tsx'
export { useClockLoop } from './useClockLoop.ts'
