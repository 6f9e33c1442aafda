import { getServiceDocs, getServiceModel, serviceNames, type ServiceModel } from '../../models/index.ts'
import { SERVICES } from '../../sim/index.ts'
import { operationCommands, type OperationCommand, type OptionSpec } from './commandTable.ts'
import { GLOBAL_OPTIONS } from './globals.ts'
import { waiterNames } from './wait.ts'

/**
 * Help pages laid out like the AWS CLI's (man pages rendered in a terminal; fidelity §1.20): NAME, DESCRIPTION,
 * SYNOPSIS, OPTIONS with each type, required or not and enum values, GLOBAL OPTIONS, EXAMPLES, OUTPUT. All of it is
 * generated from the models; descriptions come from the docs files, which the app loads lazily.
 */
const INDENT = '       '
const NO_DOCS = 'The description is still loading; run help again in a moment.'

const heading = (title: string) => `${title.toUpperCase()}()${' '.repeat(Math.max(2, 78 - 2 * (title.length + 2)))}${title.toUpperCase()}()\n\n\n\n`

function wrap(text: string, indent = INDENT, width = 78): string {
  const lines: string[] = []
  let line = ''
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (line && indent.length + line.length + 1 + word.length > width) {
      lines.push(indent + line)
      line = word
    } else line = line ? `${line} ${word}` : word
  }
  if (line) lines.push(indent + line)
  return `${lines.join('\n')}\n`
}

const bullets = (items: string[]) => items.map((i) => `${INDENT}o ${i}\n\n`).join('')

export function topHelp(): string {
  return (
    heading('aws') +
    `NAME\n${INDENT}aws -\n\nDESCRIPTION\n` +
    wrap('The AWS Command Line Interface is a unified tool to manage your AWS services. In Container Sandbox it manages a simulated account: nothing leaves your browser.') +
    `\nSYNOPSIS\n${INDENT}aws [options] <command> <subcommand> [parameters]\n\n` +
    wrap('Use aws command help for information on a specific command. Use aws help topics to view a list of available help topics.') +
    `\nOPTIONS\n${globalOptions()}\nAVAILABLE SERVICES\n${bullets(serviceNames())}${INDENT}o help\n`
  )
}

export function serviceHelp(service: string): string {
  const model = getServiceModel(service) as ServiceModel
  const docs = getServiceDocs(service)
  const simulated = new Set(Object.keys(SERVICES[service]?.operations ?? {}))
  return (
    heading(service) +
    `NAME\n${INDENT}${service} -\n\nDESCRIPTION\n` +
    wrap(docs?.doc ?? model.serviceFullName) +
    wrap('Operations marked (simulated) change or read the simulated account; the others parse and validate, then say the sandbox does not simulate them yet.') +
    `\nAVAILABLE COMMANDS\n${bullets([...operationCommands(service).map((c) => (simulated.has(c.name) ? `${c.cliName} (simulated)` : c.cliName)), 'wait'])}${INDENT}o help\n` +
    (Object.keys(model.waiters).length ? `\nWAITERS (aws ${service} wait <name>)\n${bullets(waiterNames(model))}` : '')
  )
}

function synopsisLine(o: OptionSpec, options: OptionSpec[]): string | undefined {
  if (o.nargs === 'flag') {
    if (o.flagValue === false) return undefined
    const negative = options.find((n) => n.member === o.member && n.flagValue === false)
    return `[${o.name} | ${negative?.name ?? `--no-${o.name.slice(2)}`}]`
  }
  return o.required ? `${o.name} <value>` : `[${o.name} <value>]`
}

export function operationHelp(service: string, command: OperationCommand): string {
  const model = getServiceModel(service) as ServiceModel
  const docs = getServiceDocs(service)
  const op = model.operations[command.name]
  const inputShape = op.input ? model.shapes[op.input] : undefined
  const memberDocs = (op.input && docs?.shapes[op.input]) || {}
  const paginated = command.paginated
    ? `\n${wrap(`${command.cliName} is a paginated operation. Multiple API calls may be issued in order to retrieve the entire data set of results. You can disable pagination by providing the --no-paginate argument.`)}`
    : ''
  const synopsis = [
    ...command.options.map((o) => synopsisLine(o, command.options)).filter((l): l is string => l !== undefined),
    '[--cli-input-json | --cli-input-yaml]',
    ...(command.paginated ? ['[--starting-token <value>]', '[--page-size <value>]', '[--max-items <value>]'] : []),
    '[--generate-cli-skeleton <value>]',
  ]
  const options = command.options
    .filter((o) => o.flagValue !== false)
    .map((o) => {
      const negative = o.nargs === 'flag' ? ` | ${command.options.find((n) => n.member === o.member && n.flagValue === false)?.name}` : ''
      const lines = [`${INDENT}${o.name}${negative} (${o.shape.type})${o.required ? ' [required]' : ''}\n`]
      lines.push(wrap(memberDocs[o.member] ?? (docs ? '' : NO_DOCS), `${INDENT}   `))
      const enumValues = 'enum' in o.shape ? o.shape.enum : undefined
      if (enumValues?.length) lines.push(`\n${INDENT}   Possible values:\n\n${enumValues.map((v) => `${INDENT}   o ${v}\n\n`).join('')}`)
      return lines.join('')
    })
  const examples = (docs?.examples[command.name] ?? []).map(
    (e) =>
      `${wrap(e.title ?? '')}${e.description ? wrap(e.description) : ''}\n${INDENT}Input (the request, in the model's member names):\n\n${indentJson(e.input)}\n` +
      (e.output ? `${INDENT}Output:\n\n${indentJson(e.output)}\n` : ''),
  )
  const outputShape = op.output ? model.shapes[op.output] : undefined
  const outputMembers = outputShape?.type === 'structure' ? Object.entries(outputShape.members) : []
  return (
    heading(command.cliName) +
    `NAME\n${INDENT}${command.cliName} -\n\nDESCRIPTION\n` +
    wrap(docs?.operations[command.name] ?? NO_DOCS) +
    sandboxNote(service, command.name) +
    paginated +
    `\n${INDENT}See also: AWS API Documentation\n\nSYNOPSIS\n${INDENT}     ${command.cliName}\n` +
    synopsis.map((l) => `${INDENT}   ${l}\n`).join('') +
    `\nOPTIONS\n` +
    (options.length || inputShape ? options.join('\n') : `${INDENT}None\n`) +
    `\nGLOBAL OPTIONS\n${globalOptions()}` +
    (examples.length ? `\nEXAMPLES\n${examples.join('\n')}` : '') +
    `\nOUTPUT\n` +
    (outputMembers.length
      ? outputMembers.map(([name, ref]) => `${INDENT}${name} -> (${model.shapes[ref.shape]?.type ?? 'structure'})\n${wrap((op.output && docs?.shapes[op.output]?.[name]) || '', `${INDENT}   `)}`).join('\n')
      : `${INDENT}None\n`)
  )
}

/** The simulation's own note on where it departs from AWS for this operation (ServiceSim.notes). */
function sandboxNote(service: string, operation: string): string {
  const note = SERVICES[service]?.notes?.[operation]
  return note ? `\n${wrap(`In Container Sandbox: ${note}`)}` : ''
}

function globalOptions(): string {
  return Object.entries(GLOBAL_OPTIONS)
    .map(([name, spec]) => `${INDENT}${name} (${spec.value ? (spec.int ? 'int' : 'string') : 'boolean'})\n${spec.choices ? `${INDENT}   Possible values: ${spec.choices.join(', ')}\n` : ''}`)
    .join('\n')
}

function indentJson(value: unknown): string {
  return JSON.stringify(value ?? {}, null, 4)
    .split('\n')
    .map((l) => `${INDENT}   ${l}`)
    .join('\n')
    .concat('\n')
}
