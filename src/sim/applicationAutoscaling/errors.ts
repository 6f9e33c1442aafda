import { getServiceModel } from '../../models/index.ts'
import { AwsError } from '../core/index.ts'

/**
 * Application Auto Scaling's errors (JSON protocol: `ValidationException`, `ObjectNotFoundException`). The sentences
 * are the service's as users report them (PutScalingPolicy's "No scalable target registered for service namespace:
 * ecs, resource ID: …, scalable dimension: …"; RegisterScalableTarget's "ECS service doesn't exist: service/…";
 * "Unsupported service namespace, resource type or scalable dimension"); those marked unverified were not found
 * quoted anywhere and follow the same style.
 */
export const validation = (message: string) => new AwsError('ValidationException', message)

const where = (namespace: string, resourceId: string, dimension: string) =>
  `service namespace: ${namespace}, resource ID: ${resourceId}, scalable dimension: ${dimension}`

export const targetNotRegistered = (namespace: string, resourceId: string, dimension: string) =>
  new AwsError('ObjectNotFoundException', `No scalable target registered for ${where(namespace, resourceId, dimension)}`)

export const targetNotFound = (namespace: string, resourceId: string, dimension: string) =>
  new AwsError('ObjectNotFoundException', `No scalable target found for ${where(namespace, resourceId, dimension)}`)

export const policyNotFound = (namespace: string, resourceId: string, dimension: string, policyName: string) =>
  new AwsError('ObjectNotFoundException', `No scaling policy found for ${where(namespace, resourceId, dimension)}, policy name: ${policyName}`)

export const unsupportedTarget = () => validation('Unsupported service namespace, resource type or scalable dimension')

export const ecsServiceMissing = (resourceId: string) => validation(`ECS service doesn't exist: ${resourceId}`)

/**
 * A value outside its member's enum, in the request validator's standard sentence (the CLI leaves enums to the
 * service): `1 validation error detected: Value 'x' at 'scalableDimension' failed to satisfy constraint: …`.
 */
export function checkEnum(shape: string, member: string, value: string | undefined): void {
  if (value === undefined) return
  const allowed = getServiceModel('application-autoscaling')?.shapes[shape]
  const values = allowed?.type === 'string' ? allowed.enum : undefined
  if (values && !values.includes(value))
    throw validation(`1 validation error detected: Value '${value}' at '${member}' failed to satisfy constraint: Member must satisfy enum value set: [${values.join(', ')}]`)
}
