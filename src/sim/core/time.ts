/**
 * Virtual time. The world starts at a fixed instant so that every run prints the same timestamps;
 * wall time only enters from the UI, which calls `sandbox.advance(ms)`.
 */
export const EPOCH_START = Date.UTC(2026, 0, 5, 9, 0, 0)

/** ISO 8601 in UTC as the AWS CLI v2 prints it: microseconds only when non-zero (fidelity §1.12). */
export function isoTimestamp(ms: number): string {
  const d = new Date(ms)
  const base = d.toISOString().slice(0, 19)
  const millis = d.getUTCMilliseconds()
  return millis === 0 ? `${base}+00:00` : `${base}.${String(millis * 1000).padStart(6, '0')}+00:00`
}
