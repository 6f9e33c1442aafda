import { getServiceModel } from '../../models/index.ts'
import type { ServiceSim, SimContext } from '../context.ts'
import { NotSimulatedError, similarOperations } from './errors.ts'
import { shapeOutput } from './shapeOutput.ts'
import { validateEnums } from './validateEnums.ts'

/**
 * `call(service, operation, input)`: the one way into a service, for the CLI and for services calling each
 * other. The service is named by its CLI word (`ec2`, `ecs`, `elbv2`), the operation by the model's name
 * (`DescribeSubnets`); the response comes back in the output shape's member order.
 */
export function callOperation(
  ctx: SimContext,
  services: Readonly<Record<string, ServiceSim>>,
  service: string,
  operation: string,
  input: Record<string, unknown>,
  options: { shape: boolean } = { shape: true },
): unknown {
  const model = getServiceModel(service)
  const op = model?.operations[operation]
  if (!model || !op) throw new Error(`The ${service} model has no operation ${operation}`)
  const handler = services[service]?.operations[operation]
  if (!handler) {
    const simulated = Object.keys(services[service]?.operations ?? {})
    throw new NotSimulatedError(service, operation, similarOperations(operation, simulated))
  }
  validateEnums(model, service, op.input, input)
  const output = (handler as (c: SimContext, i: unknown) => unknown)(ctx, input)
  if (!options.shape) return output ?? {}
  return op.output ? (shapeOutput(model, op.output, output ?? {}) ?? {}) : {}
}
