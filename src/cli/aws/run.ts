import { getServiceModel, serviceNames, type OperationModel, type ServiceModel } from '../../models/index.ts'
import { isAwsError, isNotSimulated } from '../../sim/index.ts'
import type { Program, ProgramIO } from '../program.ts'
import { parseOperationArgs, type ParsedArgs } from './argparse.ts'
import { operationHelp, serviceHelp, topHelp } from './help.ts'
import { skeleton } from './skeleton.ts'
import type { AwsBackend } from './backend.ts'
import { findOperation, operationCommands, type OperationCommand } from './commandTable.ts'
import { getCloseMatches } from './difflib.ts'
import { argparseError, CliError, EXIT, generalError, invalidChoice, paramError, serviceError } from './errors.ts'
import { badGlobalValue, takeGlobals, type GlobalOptions } from './globals.ts'
import { formatOutput, QueryError, renderOutput, TableShapeError, type OutputFormat } from './output/index.ts'
import { buildInput, customValues } from './params.ts'
import { paginate } from './paginate.ts'
import { printableTimestamps } from './timestamps.ts'
import { validateInput } from './validate.ts'
import { findWaiter, runWaiter } from './wait.ts'
import { AWS_CLI_VERSION } from './version.ts'
import { runConfigure } from './configure.ts'
import { isProfile } from '../../sim/index.ts'

/** The `aws` program: AWS CLI v2 over the simulated account, its command table generated from the models. */
export function createAwsProgram(backend: AwsBackend): Program {
  return (args, io) => {
    try {
      return run(backend, args, io)
    } catch (e) {
      if (e instanceof CliError) {
        io.stderr(e.text)
        return e.exitCode
      }
      throw e
    }
  }
}

function run(backend: AwsBackend, args: string[], io: ProgramIO): number {
  const { globals, rest, problem } = takeGlobals(args)
  if (problem?.kind === 'expected-one') throw argparseError(`argument ${problem.option}: expected one argument`)
  if (problem?.kind === 'invalid-int') throw argparseError(`argument ${problem.option}: invalid int value: '${problem.value}'`)
  if (problem?.kind === 'invalid-choice') throw invalidChoice(problem.option, problem.value, getCloseMatches(problem.value, problem.choices))
  if (globals.version) {
    io.stdout(`${AWS_CLI_VERSION}\n`)
    return EXIT.ok
  }
  const bad = badGlobalValue(globals)
  if (bad !== undefined) throw paramError(bad)
  const [serviceWord, operationWord, ...operationArgs] = rest
  if (serviceWord === undefined) throw argparseError('the following arguments are required: command')
  if (serviceWord === 'help') return page(io, topHelp())
  if (serviceWord === 'configure') return runConfigure([operationWord, ...operationArgs].filter((w) => w !== undefined), globals, backend, io)
  const services = serviceNames()
  if (!services.includes(serviceWord)) throw invalidChoice('command', serviceWord, getCloseMatches(serviceWord, [...services, 'help']))
  const model = getServiceModel(serviceWord) as ServiceModel
  if (operationWord === undefined) throw argparseError('the following arguments are required: operation')
  if (operationWord === 'help') return page(io, serviceHelp(serviceWord))
  if (operationWord === 'wait') {
    const [waiterWord, ...waiterArgs] = operationArgs
    const waiter = findWaiter(model, serviceWord, waiterWord)
    checkConfiguration(globals, backend, io)
    runWaiter(backend, serviceWord, model, waiter, request(backend, model, waiter.command, parseOperationArgs(waiterArgs, waiter.command), io, globals))
    return EXIT.ok
  }
  const command = findOperation(serviceWord, operationWord)
  if (!command) {
    const choices = [...operationCommands(serviceWord).map((c) => c.cliName), 'wait', 'help']
    throw invalidChoice('operation', operationWord, getCloseMatches(operationWord, choices))
  }
  const parsed = parseOperationArgs(operationArgs, command)
  if (parsed.help) return page(io, operationHelp(serviceWord, command))
  const op = model.operations[command.name]
  if (parsed.extras.skeleton === 'output') request(backend, model, command, parsed, io, globals)
  if (parsed.extras.skeleton !== undefined) return printSkeleton(io, model, op, parsed.extras.skeleton)
  const profile = checkConfiguration(globals, backend, io)
  const response = paginate(invoke(backend, serviceWord, command, request(backend, model, command, parsed, io, globals), profile), model.paginators[command.name], parsed.extras)
  if (command.customization?.print) return page(io, command.customization.print(response, customValues(parsed)))
  io.stdout(render(model, command, response, globals))
  return EXIT.ok
}

/** The operation's input from its argv: argparse, then values, then botocore's validation. */
function request(backend: AwsBackend, model: ServiceModel, command: OperationCommand, parsed: ParsedArgs, io: ProgramIO, globals: GlobalOptions): Record<string, unknown> {
  const input = buildInput(model, command, parsed, io.files, backend)
  validateInput(model, model.operations[command.name].input, input)
  if (globals.debug) io.stderr(`DEBUG - Making request for OperationModel(name=${command.name}) with params: ${JSON.stringify(input)}\n`)
  return input
}

function page(io: ProgramIO, text: string): number {
  io.stdout(text)
  return EXIT.ok
}

const SKELETON_KINDS = ['input', 'output', 'yaml-input']

function printSkeleton(io: ProgramIO, model: ServiceModel, op: OperationModel, kind: string): number {
  if (!SKELETON_KINDS.includes(kind)) throw invalidChoice('--generate-cli-skeleton', kind, getCloseMatches(kind, SKELETON_KINDS))
  if (kind === 'output') return page(io, `${JSON.stringify(skeleton(model, op.output, 'output'), null, 4)}\n`)
  const value = skeleton(model, op.input, 'input')
  return page(io, kind === 'yaml-input' ? formatOutput(value, 'yaml', '') : `${JSON.stringify(value, null, 4)}\n`)
}

/**
 * Profiles and Regions: the sandbox has two profiles (`default`, `learner`: src/sim/sts/identities.ts) and one Region;
 * say so rather than pretend (fidelity §1.3, configuration errors). Returns the profile the call is made with.
 */
function checkConfiguration(globals: GlobalOptions, backend: AwsBackend, io: ProgramIO): string | undefined {
  const profile = globals.profile ?? io.env.AWS_PROFILE
  if (profile !== undefined && !isProfile(profile))
    throw new CliError(`\naws: [ERROR]: An error occurred (ProfileNotFound): The config profile (${profile}) could not be found\n`, EXIT.configuration)
  const region = globals.region ?? io.env.AWS_REGION ?? io.env.AWS_DEFAULT_REGION
  if (region !== undefined && region !== backend.region)
    io.stderr(`note: this sandbox simulates one Region, ${backend.region}; --region ${region} was not used\n`)
  if (globals.endpointUrl !== undefined) io.stderr(`note: --endpoint-url is ignored: every request goes to the simulated account\n`)
  return profile
}

function invoke(backend: AwsBackend, service: string, command: OperationCommand, input: Record<string, unknown>, profile?: string): unknown {
  try {
    return backend.call(service, command.name, input, profile === undefined ? undefined : { profile })
  } catch (e) {
    if (isAwsError(e)) throw serviceError(e.code, command.name, e.message)
    if (isNotSimulated(e)) {
      const similar = e.similar.map((name) => operationCommands(service).find((c) => c.name === name)?.cliName ?? name)
      const hint = similar.length ? ` Simulated ${service} operations like it: ${similar.join(', ')}.` : ''
      throw serviceError('NotSimulated', command.name, `Container Sandbox does not simulate "aws ${service} ${command.cliName}" yet.${hint}`)
    }
    throw e
  }
}

function render(model: ServiceModel, command: OperationCommand, response: unknown, globals: GlobalOptions): string {
  const outputShape = model.operations[command.name].output
  const value = outputShape ? printableTimestamps(model, outputShape, response) : response
  try {
    return renderOutput(value, (globals.output ?? 'json') as OutputFormat, command.name, { query: globals.query, paginated: command.paginated })
  } catch (e) {
    if (e instanceof QueryError) throw e.exitCode === EXIT.general ? generalError(e.message) : paramError(e.message)
    if (e instanceof TableShapeError) throw generalError(e.message)
    throw e
  }
}
