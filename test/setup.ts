// Shared test setup. Component tests opt into jsdom with `// @vitest-environment jsdom` at the top of the file;
// DOM helpers below only apply there.
import '@testing-library/jest-dom/vitest'
import { setupDomStubs } from './domStubs.ts'
import { checkReadOnlyCalls } from '../src/sim/engine.ts'

// Every call named as a read (Describe/List/Get) is checked to change nothing (src/sim/engine.ts `call`).
checkReadOnlyCalls(true)

if (typeof window !== 'undefined') setupDomStubs()

// A field the output shaper drops (a handler returned a member the model does not have) fails the test that caused
// it: the learner would never see that field, which is a simulation bug (src/sim/protocol/droppedFields.ts).
import { afterEach, expect } from 'vitest'
import { onDroppedField, type DroppedField } from '../src/sim/protocol/index.ts'

const dropped: DroppedField[] = []
onDroppedField((field) => dropped.push(field))
afterEach(() => {
  const seen = [...new Map(dropped.map((d) => [`${d.shape}.${d.field}`, d])).keys()]
  dropped.length = 0
  if (seen.length) expect.fail(`the output shaper dropped ${seen.join(', ')} (no such member in the model)`)
})
