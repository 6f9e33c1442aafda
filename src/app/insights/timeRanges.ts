/** The time ranges both Insights tabs offer, as CloudWatch's console words its relative ranges. */
export const TIME_RANGES = [
  { label: 'Last 5 minutes', ms: 5 * 60_000 },
  { label: 'Last 15 minutes', ms: 15 * 60_000 },
  { label: 'Last 30 minutes', ms: 30 * 60_000 },
  { label: 'Last hour', ms: 60 * 60_000 },
  { label: 'Last 3 hours', ms: 3 * 60 * 60_000 },
  { label: 'Last 6 hours', ms: 6 * 60 * 60_000 },
  { label: 'Last 12 hours', ms: 12 * 60 * 60_000 },
  { label: 'Last day', ms: 24 * 60 * 60_000 },
] as const

export const FIFTEEN_MINUTES = 15 * 60_000
export const ONE_HOUR = 60 * 60_000
