/**
 * AWS's API models, trimmed into data (scripts/gen-models.mjs → generated/). The CLI builds its commands from
 * them and the simulation validates requests and shapes responses with them.
 *
 * The runtime models are bundled; the documentation is not (see docs.ts): `loadServiceDocs` fetches one
 * service's docs chunk, after which `getServiceDocs` answers synchronously.
 */
import type { ServiceModel, Shape } from './types.ts'
import { GENERATED_SERVICES } from './generated/services.ts'
import { cliOperationName } from './names.ts'

export type * from './types.ts'
export { xformName, cliOperationName, cliOptionName } from './names.ts'
export { getServiceDocs, loadServiceDocs, loadAllServiceDocs } from './docs.ts'
export { GENERATED_SERVICES, MODELS_SOURCE } from './generated/services.ts'

// import.meta.glob rather than `import ec2 from './generated/ec2.json'`: Vite and Vitest inline the files the
// same way, but tsc never loads the JSON. Static imports made tsc infer literal types for ~1.1 MB of models:
// measured on src/models alone, +100 MB memory and 2–3× the time (check 0.2 s → 1.6 s).
const files = import.meta.glob<ServiceModel>(['./generated/*.json', '!./generated/*.docs.json'], {
  eager: true,
  import: 'default',
})

const models = new Map<string, ServiceModel>()
for (const model of Object.values(files)) models.set(model.cliName, model)

/** The model behind `aws <cliName> …` (`ecs`, `elbv2`, `ec2`, `logs`, `cloudwatch`, …), if we generate it. */
export function getServiceModel(cliName: string): ServiceModel | undefined {
  return models.get(cliName)
}

/** The service words, in the AWS CLI's order (alphabetical, as `aws help` lists them). */
export function serviceNames(): string[] {
  return GENERATED_SERVICES.map((s) => s.cliName as string).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
}

/** A shape by name; throws on a name the model does not have (a generator bug, not bad user input). */
export function getShape(model: ServiceModel, name: string): Shape {
  const shape = model.shapes[name]
  if (!shape) throw new Error(`${model.cliName} model has no shape ${name}`)
  return shape
}

const byCliName = new WeakMap<ServiceModel, Map<string, string>>()

/** The model operation behind a CLI word: `create-service` → `CreateService` (undefined if none). */
export function operationForCliName(model: ServiceModel, word: string): string | undefined {
  let table = byCliName.get(model)
  if (!table) {
    table = new Map(Object.keys(model.operations).map((op) => [cliOperationName(op), op]))
    byCliName.set(model, table)
  }
  return table.get(word)
}

/** The CLI words of a service's operations, sorted as `aws <svc> help` lists them. */
export function cliOperationNames(model: ServiceModel): string[] {
  return Object.keys(model.operations).map(cliOperationName).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
}
