/** The cost meter: prices as data, and what it records on the virtual clock (the view is src/sim/views/costMeter.ts). */
export { PRICES } from './prices.ts'
export { emptyPricingState, type PricingState, type InstanceUsage, type TaskUsage } from './state.ts'
export { instanceNotRunning, instanceRunning, settleBilling, startSettling, SETTLE_MS } from './meter.ts'
export { billedRunMs, fargateBilledMs, fargateSize } from './usage.ts'
