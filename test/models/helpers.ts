import { getServiceModel, getShape, type ServiceModel } from '../../src/models/index.ts'

/** A generated model by CLI name; a missing one is a generator bug, so it throws. */
export const model = (name: string): ServiceModel => {
  const m = getServiceModel(name)
  if (!m) throw new Error(`no model ${name}`)
  return m
}

/** A structure's member names in model order (the order the CLI prints). */
export const members = (svc: string, shape: string): string[] => {
  const s = getShape(model(svc), shape)
  if (s.type !== 'structure') throw new Error(`${shape} is not a structure`)
  return Object.keys(s.members)
}
