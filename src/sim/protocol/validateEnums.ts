import type { ServiceModel } from '../../models/index.ts'
import { AwsError } from '../core/index.ts'

/**
 * Services that refuse a value outside a member's enum, and how they word it. The CLI does not check enums
 * (botocore's validator leaves them to the service), so the service's own error is what a learner sees.
 * ECS: `InvalidParameterException` `launch type should be one of [EC2,FARGATE,EXTERNAL,…]` and the same form for
 * `schedulingStrategy` (wording as other ECS emulators reproduce it; the list is the model's enum).
 * A service not listed stores what it is given, as before.
 */
const ENUM_ERRORS = new Map<string, (member: string, allowed: readonly string[]) => AwsError>([
  ['ecs', (member, allowed) => new AwsError('InvalidParameterException', `${words(member)} should be one of [${allowed.join(',')}]`)],
])

/** `launchType` → `launch type`. */
const words = (member: string) => member.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase()

/** Throws the service's error for the first value (in model member order) outside its member's enum. */
export function validateEnums(model: ServiceModel, service: string, shapeName: string | undefined, input: unknown): void {
  const refuse = ENUM_ERRORS.get(service)
  if (refuse && shapeName) walk(model, shapeName, input, '', refuse)
}

function walk(model: ServiceModel, shapeName: string, value: unknown, member: string, refuse: (member: string, allowed: readonly string[]) => AwsError): void {
  if (value === undefined || value === null || !Object.hasOwn(model.shapes, shapeName)) return
  const shape = model.shapes[shapeName]
  switch (shape.type) {
    case 'structure':
      if (shape.document || typeof value !== 'object') return
      for (const [name, ref] of Object.entries(shape.members)) {
        if (Object.hasOwn(value, name)) walk(model, ref.shape, (value as Record<string, unknown>)[name], name, refuse)
      }
      return
    case 'list':
      if (Array.isArray(value)) for (const item of value) walk(model, shape.member.shape, item, member, refuse)
      return
    case 'map':
      if (typeof value === 'object') for (const item of Object.values(value)) walk(model, shape.value.shape, item, member, refuse)
      return
    default:
      if (shape.enum && typeof value === 'string' && !shape.enum.includes(value)) throw refuse(member, shape.enum)
  }
}
