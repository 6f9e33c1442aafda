import { getServiceModel, serviceNames, type ServiceModel } from '../../models/index.ts'
import { isAwsError, isNotSimulated } from '../../sim/index.ts'
import type { Program, ProgramIO } from '../program.ts'
import { parseOperationArgs } from './argparse.ts'
import type { AwsBackend } from './backend.ts'
import { findOperation, operationCommands, type OperationCommand } from './commandTable.ts'
import { getCloseMatches } from './difflib.ts'
import { argparseError, CliError, EXIT, generalError, invalidChoice, paramError, serviceError } from './errors.ts'
import { takeGlobals, type GlobalOptions } from './globals.ts'
import { applyQuery, formatOutput, QueryError, type OutputFormat } from './output/index.ts'
import { buildInput } from './params.ts'
import { printableTimestamps } from './timestamps.ts'
import { validateInput } from './validate.ts'
import { AWS_CLI_VERSION } from './version.ts'

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
  const [serviceWord, operationWord, ...operationArgs] = rest
  if (serviceWord === undefined) throw argparseError('the following arguments are required: command')
  const services = serviceNames()
  if (!services.includes(serviceWord)) throw invalidChoice('command', serviceWord, getCloseMatches(serviceWord, [...services, 'help']))
  const model = getServiceModel(serviceWord) as ServiceModel
  if (operationWord === undefined) throw argparseError('the following arguments are required: operation')
  const command = findOperation(serviceWord, operationWord)
  if (!command) {
    const choices = [...operationCommands(serviceWord).map((c) => c.cliName), 'wait', 'help']
    throw invalidChoice('operation', operationWord, getCloseMatches(operationWord, choices))
  }
  checkConfiguration(globals, backend, io)
  const parsed = parseOperationArgs(operationArgs, command)
  const input = buildInput(model, parsed, io.files)
  validateInput(model, model.operations[command.name].input, input)
  if (globals.debug) io.stderr(`DEBUG - Making request for OperationModel(name=${command.name}) with params: ${JSON.stringify(input)}\n`)
  const response = invoke(backend, serviceWord, command, input)
  io.stdout(render(model, command, response, globals))
  return EXIT.ok
}

/** Profiles and Regions: the sandbox has one of each; say so rather than pretend (fidelity §1.3, configuration errors). */
function checkConfiguration(globals: GlobalOptions, backend: AwsBackend, io: ProgramIO): void {
  const profile = globals.profile ?? io.env.AWS_PROFILE
  if (profile !== undefined && profile !== 'default')
    throw new CliError(`\naws: [ERROR]: An error occurred (ProfileNotFound): The config profile (${profile}) could not be found\n`, EXIT.configuration)
  const region = globals.region ?? io.env.AWS_REGION ?? io.env.AWS_DEFAULT_REGION
  if (region !== undefined && region !== backend.region)
    io.stderr(`note: this sandbox simulates one Region, ${backend.region}; --region ${region} was not used\n`)
  if (globals.endpointUrl !== undefined) io.stderr(`note: --endpoint-url is ignored: every request goes to the simulated account\n`)
}

function invoke(backend: AwsBackend, service: string, command: OperationCommand, input: Record<string, unknown>): unknown {
  try {
    return backend.call(service, command.name, input)
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
  let value = outputShape ? printableTimestamps(model, outputShape, response) : response
  if (globals.query !== undefined) {
    try {
      value = applyQuery(value, globals.query)
    } catch (e) {
      if (e instanceof QueryError) throw e.exitCode === EXIT.general ? generalError(e.message) : paramError(e.message)
      throw e
    }
  }
  return formatOutput(value, (globals.output ?? 'json') as OutputFormat, command.name)
}
