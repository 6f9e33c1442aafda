import { TIME_RANGES } from './timeRanges.ts'

/** "Time range" and its list, the same in both Insights tabs; `id` names the select for its label. */
export function TimeRangeSelect({ id, value, onChange }: { id: string; value: number; onChange: (ms: number) => void }) {
  return (
    <>
      <label htmlFor={id}>Time range</label>
      <select id={id} value={value} onChange={(e) => onChange(Number(e.target.value))}>
        {TIME_RANGES.map((r) => (
          <option key={r.ms} value={r.ms}>
            {r.label}
          </option>
        ))}
      </select>
    </>
  )
}
