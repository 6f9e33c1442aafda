import { cliOperationName, cliOptionName, getServiceModel, type ServiceModel, type Shape } from '../../models/index.ts'
import { CUSTOM_COMMANDS, CUSTOMIZATIONS, type Customization } from './customizations/index.ts'

/**
 * The command table the AWS CLI builds from a service model (fidelity §1.6, DESIGN.md example 3): operations
 * become kebab-case words, input members become options, booleans a `--x`/`--no-x` pair.
 */
export interface OptionSpec {
  /** `--load-balancer-arn`. */
  name: string
  /** Model member name, e.g. `LoadBalancerArn`. */
  member: string
  shapeName: string
  shape: Shape
  required: boolean
  /**
   * How argparse reads it: one word, all words up to the next option (`nargs='*'`), none (a flag), or one word if
   * one follows and else none (`nargs='?'`, EC2's top-level booleans).
   */
  nargs: 'one' | 'list' | 'flag' | 'optional'
  /** For `--no-x`: the value the flag stores. */
  flagValue?: boolean
  /** Set on options a CLI customization adds (not model members); their values go to `customization.apply`. */
  custom?: true
  /** A customization's positional argument (`aws logs tail <group_name>`): takes the first non-option word. */
  positional?: true
}

export interface OperationCommand {
  /** `create-service`. */
  cliName: string
  /** Arguments the AWS CLI adds to this operation beyond the model, if any. */
  customization?: Customization
  /** `CreateService`. */
  name: string
  options: OptionSpec[]
  paginated: boolean
}

/**
 * Options the AWS CLI renames after deriving them (awscli/customizations/argrename.py, fidelity §1.6).
 * Keyed by `<service>.<operation>.<derived option>`, or `<service>.<derived option>` for every operation of the service.
 */
const RENAMES: Readonly<Record<string, string>> = {
  'ecs.no-enable-execute-command': 'disable-execute-command',
  'ec2.no-egress': 'ingress',
  'ec2.no-disable-api-termination': 'enable-api-termination',
  'ec2.create-image.no-no-reboot': 'reboot',
  'ecs.execute-command.no-interactive': 'non-interactive',
}

function rename(service: string, operation: string, option: string): string {
  return RENAMES[`${service}.${operation}.${option}`] ?? RENAMES[`${service}.${option}`] ?? option
}

const cache = new Map<string, OperationCommand[]>()

export function operationCommands(service: string): OperationCommand[] {
  const cached = cache.get(service)
  if (cached) return cached
  const model = getServiceModel(service)
  if (!model) return []
  const commands = Object.entries(model.operations).map(([name, op]): OperationCommand => {
    const cliName = cliOperationName(name)
    const customization = CUSTOMIZATIONS[`${service}.${cliName}`]
    const custom = customOptions(customization)
    return {
      cliName,
      name,
      customization,
      options: [
        ...(op.input ? inputOptions(model, service, cliName, op.input) : [])
          .filter((o) => !customization?.removes?.includes(o.name))
          .map((o) => (customization?.optional?.includes(o.name) ? { ...o, required: false } : o)),
        ...custom,
      ],
      paginated: Boolean(model.paginators[name]?.input_token),
    }
  })
  for (const c of CUSTOM_COMMANDS[service] ?? []) {
    if (!model.operations[c.operation]) continue
    commands.push({ cliName: c.cliName, name: c.operation, customization: c.customization, options: customOptions(c.customization), paginated: false })
  }
  // The CLI's command table lists its commands sorted, the added ones among the model's.
  commands.sort((a, b) => (a.cliName < b.cliName ? -1 : a.cliName > b.cliName ? 1 : 0))
  cache.set(service, commands)
  return commands
}

/** Options a CLI customization adds: one string word each, handed to `customization.apply`. */
function customOptions(customization: Customization | undefined): OptionSpec[] {
  return (customization?.options ?? []).map((o): OptionSpec => ({
    name: o.name,
    member: o.name,
    shapeName: 'String',
    shape: o.nargs === 'list' ? { type: 'list', member: { shape: 'String' } } : o.nargs === 'flag' ? { type: 'boolean' } : { type: 'string' },
    required: o.required ?? false,
    nargs: o.nargs ?? 'one',
    ...(o.nargs === 'flag' ? { flagValue: true } : {}),
    ...(o.positional ? { positional: true as const } : {}),
    custom: true,
  }))
}

export function findOperation(service: string, cliName: string): OperationCommand | undefined {
  return operationCommands(service).find((c) => c.cliName === cliName)
}

function inputOptions(model: ServiceModel, service: string, operation: string, inputShape: string): OptionSpec[] {
  const input = model.shapes[inputShape]
  if (input?.type !== 'structure') return []
  const required = new Set(input.required ?? [])
  const options: OptionSpec[] = []
  for (const [member, ref] of Object.entries(input.members)) {
    const shape = model.shapes[ref.shape]
    if (!shape) continue
    // botocore fills an idempotency token with a fresh UUID, so the CLI never asks for one (clidriver.py).
    const base = { member, shapeName: ref.shape, shape, required: required.has(member) && !ref.idempotencyToken }
    const name = cliOptionName(member)
    if (service === 'ec2' && isBooleanValue(model, shape)) {
      // awscli/customizations/toplevelbool.py: EC2's `{"Value": boolean}` structures become `--x` (or `--x Value=…`)
      // and `--no-x`, neither required.
      options.push({ ...base, required: false, name: `--${name}`, nargs: 'optional' })
      options.push({ ...base, required: false, name: `--no-${name}`, nargs: 'flag', flagValue: false })
    } else if (shape.type === 'boolean') {
      options.push({ ...base, name: `--${rename(service, operation, name)}`, nargs: 'flag', flagValue: true })
      options.push({ ...base, required: false, name: `--${rename(service, operation, `no-${name}`)}`, nargs: 'flag', flagValue: false })
    } else {
      options.push({ ...base, name: `--${name}`, nargs: shape.type === 'list' ? 'list' : 'one' })
    }
  }
  return options
}

/** A structure whose one member is a boolean named `Value` (EC2's AttributeBooleanValue and the like). */
function isBooleanValue(model: ServiceModel, shape: Shape): boolean {
  if (shape.type !== 'structure') return false
  const members = Object.entries(shape.members)
  return members.length === 1 && members[0][0] === 'Value' && model.shapes[members[0][1].shape]?.type === 'boolean'
}
