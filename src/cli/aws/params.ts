import { parse as parseYaml } from 'yaml'
import type { ServiceModel, Shape } from '../../models/index.ts'
import type { ProgramIO } from '../program.ts'
import type { ParsedArgs } from './argparse.ts'
import type { OperationCommand } from './commandTable.ts'
import type { CustomizationContext, CustomValue } from './customizations/index.ts'
import { generalError, paramError } from './errors.ts'
import { expandParamFile } from './paramfile.ts'
import { parsePythonJson, parseShorthand, PythonJsonError, setOwn, ShorthandError } from './values/index.ts'

/**
 * Turns the words argparse collected into the operation's input, as awscli/argprocess.py does (fidelity §1.7):
 * file:// first; structures and maps are JSON when they start with `{`, shorthand otherwise; a list is JSON when
 * its one word starts with `[`, otherwise each word is one item (shorthand for structures); numbers go through
 * Python's int()/float(). Type mistakes are left for validation, which reports them in botocore's words.
 */
export function buildInput(
  model: ServiceModel,
  command: OperationCommand,
  parsed: ParsedArgs,
  files: ProgramIO['files'],
  context: CustomizationContext,
): Record<string, unknown> {
  const { cliInputJson: json, cliInputYaml: yaml } = parsed.extras
  const input: Record<string, unknown> =
    json !== undefined ? cliInput('cli-input-json', json, files) : yaml !== undefined ? cliInput('cli-input-yaml', yaml, files) : {}
  for (const [option, raw] of parsed.given) {
    if (option.custom) continue
    const shape = option.shape
    // A boolean for a structure is an EC2 top-level boolean (`--x`, `--no-x`): `{"Value": …}`.
    if (typeof raw === 'boolean') input[option.member] = shape.type === 'structure' ? { Value: raw } : raw
    else if (Array.isArray(raw)) input[option.member] = listValue(model, option.name, shape, raw, files)
    else input[option.member] = singleValue(model, option.name, shape, expandParamFile(option.name, raw, files), files)
  }
  command.customization?.apply(customValues(parsed), input, context)
  return input
}

/** The words given to a customization's own options, by option name. */
export function customValues(parsed: ParsedArgs): Map<string, CustomValue> {
  return new Map([...parsed.given].filter(([option]) => option.custom).map(([option, raw]) => [option.name, raw]))
}

/**
 * `--cli-input-json` / `--cli-input-yaml` (fidelity §1.9): the whole request as one document, keys in the model's
 * member names. A bad document gets the CLI's one-line message (the YAML wording mirrors the JSON one: inferred).
 */
function cliInput(name: 'cli-input-json' | 'cli-input-yaml', raw: string, files: ProgramIO['files']): Record<string, unknown> {
  const text = expandParamFile(`--${name}`, raw, files)
  try {
    const value = name === 'cli-input-json' ? parsePythonJson(text) : parseYaml(text)
    if (value && typeof value === 'object' && !Array.isArray(value)) return value as Record<string, unknown>
  } catch {
    // fall through to the CLI's one-line message
  }
  throw paramError(`Error parsing parameter '${name}': Invalid ${name === 'cli-input-json' ? 'JSON' : 'YAML'} received.`)
}

function json(option: string, text: string): unknown {
  try {
    return parsePythonJson(text)
  } catch (e) {
    if (e instanceof PythonJsonError) throw paramError(`Error parsing parameter '${option}': Invalid JSON: ${e.message}\nJSON received: ${text}`)
    throw e
  }
}

function shorthand(model: ServiceModel, option: string, shape: Shape, text: string, files: ProgramIO['files']): unknown {
  if (shape.type === 'structure' && shape.document)
    throw paramError(`Error parsing parameter '${option}': Shorthand syntax does not support document types. Use JSON input for top-level argument to specify nested parameter: ${option.slice(2)}`)
  try {
    return coerce(model, shape, parseShorthand(text, { readParamFile: (value) => expandParamFile(option, value, files) }))
  } catch (e) {
    if (e instanceof ShorthandError) throw paramError(`Error parsing parameter '${option}': ${e.message}`)
    throw e
  }
}

function singleValue(model: ServiceModel, option: string, shape: Shape, text: string, files: ProgramIO['files']): unknown {
  switch (shape.type) {
    case 'structure':
    case 'map':
      return text.trimStart().startsWith('{') ? json(option, text) : shorthand(model, option, shape, text, files)
    default:
      return scalar(shape, text)
  }
}

function listValue(model: ServiceModel, option: string, shape: Shape, words: string[], files: ProgramIO['files']): unknown {
  if (shape.type !== 'list') return words
  const items = words.length === 1 ? [expandParamFile(option, words[0], files)] : words
  if (items.length === 1 && items[0].trim().startsWith('[')) return json(option, items[0])
  const member = model.shapes[shape.member.shape]
  if (!member) return items
  if (member.type === 'structure' || member.type === 'map') {
    const asJson = items[0]?.trimStart().startsWith('{')
    return items.map((w) => (asJson ? json(option, w) : shorthand(model, option, member, w, files)))
  }
  if (member.type === 'list') return items.map((w) => json(option, w))
  return items.map((w) => scalar(member, w))
}

/** Python's int() accepts surrounding spaces, a sign and underscores between digits. */
const PY_INT = /^\s*[-+]?\d+(_\d+)*\s*$/
const PY_FLOAT = /^\s*[-+]?((\d+(_\d+)*)?\.?\d+(_\d+)*([eE][-+]?\d+)?|inf|infinity|nan)\s*$/i

function scalar(shape: Shape, text: string): unknown {
  if (shape.type === 'integer' || shape.type === 'long') {
    if (!PY_INT.test(text)) throw generalError(`invalid literal for int() with base 10: '${text}'`)
    return Number(text.trim().replaceAll('_', ''))
  }
  if (shape.type === 'double' || shape.type === 'float') {
    if (!PY_FLOAT.test(text)) throw generalError(`could not convert string to float: '${text}'`)
    return Number(text.trim().replaceAll('_', ''))
  }
  return text
}

/** Shorthand gives strings and lists; the model then coerces them (fidelity §1.8, after parsing). */
function coerce(model: ServiceModel, shape: Shape | undefined, value: unknown): unknown {
  if (!shape) return value
  switch (shape.type) {
    case 'structure': {
      if (!value || typeof value !== 'object' || Array.isArray(value)) return value
      const out: Record<string, unknown> = {}
      for (const [k, v] of Object.entries(value)) setOwn(out, k, Object.hasOwn(shape.members, k) ? coerce(model, model.shapes[shape.members[k].shape], v) : v)
      return out
    }
    case 'list': {
      const items = Array.isArray(value) ? value : [value]
      return items.map((v) => coerce(model, model.shapes[shape.member.shape], v))
    }
    case 'map': {
      if (!value || typeof value !== 'object' || Array.isArray(value)) return value
      const out: Record<string, unknown> = {}
      for (const [k, v] of Object.entries(value)) setOwn(out, k, coerce(model, model.shapes[shape.value.shape], v))
      return out
    }
    case 'boolean':
      return typeof value === 'string' && /^(true|false)$/i.test(value) ? value.toLowerCase() === 'true' : value
    case 'integer':
    case 'long':
    case 'double':
    case 'float':
      return typeof value === 'string' ? scalar(shape, value) : value
    default:
      return value
  }
}
