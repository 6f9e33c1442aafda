export { CostMeter } from './CostMeter.tsx'
