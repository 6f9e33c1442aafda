/**
 * What the output shaper drops: a field a handler returned that the operation's output shape has no member for.
 * AWS's own parsers drop such fields silently, and so does the shaper; but a dropped field is almost always a sim
 * bug (the field was meant to reach the learner, like an ENI's `Association`), so development builds and tests
 * hear about it. Production builds have no listener and stay silent.
 */
export interface DroppedField {
  /** The model's structure shape, e.g. `NetworkInterface`. */
  shape: string
  /** The field the handler returned, e.g. `PublicIp`. */
  field: string
}

type Listener = (dropped: DroppedField) => void

/** Vite's development flag (also set under Vitest); absent when this module runs outside Vite. */
const development = (import.meta as { env?: { DEV?: boolean } }).env?.DEV === true

let listener: Listener | undefined = development
  ? ({ shape, field }) => console.error(`output shaper dropped ${shape}.${field}: the model has no such member`)
  : undefined

/** Replaces who hears about dropped fields (test/setup.ts makes it fail the test); `undefined` silences it. */
export function onDroppedField(next: Listener | undefined): void {
  listener = next
}

export function reportDroppedField(dropped: DroppedField): void {
  listener?.(dropped)
}
