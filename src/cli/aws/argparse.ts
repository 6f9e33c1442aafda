import type { OperationCommand, OptionSpec } from './commandTable.ts'
import { argparseError, unknownOptions } from './errors.ts'

/**
 * The third argparse pass of the AWS CLI: the operation's own options (fidelity §1.5). Rules kept:
 * - a word is an option when it starts with `-`, unless it is `-`, a negative number, or holds a space;
 * - long options match exactly or by an unambiguous prefix (argparse `allow_abbrev`), `--x=value` works;
 * - single-dash words (`-family`) never match: they are unknown, and their value becomes a stray word;
 * - list options (`nargs='*'`) take every following word up to the next option;
 * - the first stray word is captured by the `help` positional and reported last among unknown options;
 * - missing required options are reported before unknown ones.
 */
export interface ParsedArgs {
  /** Raw words per option given: one word, a list of words, or a flag's boolean. */
  given: Map<OptionSpec, string | string[] | boolean>
  extras: { cliInputJson?: string; cliInputYaml?: string; skeleton?: string; startingToken?: string; pageSize?: string; maxItems?: string }
  help: boolean
}

const NEGATIVE_NUMBER = /^-\d+$|^-\d*\.\d+$/

export function isOptionLike(word: string): boolean {
  return word.startsWith('-') && word !== '-' && !NEGATIVE_NUMBER.test(word) && !word.includes(' ')
}

type Extra = keyof ParsedArgs['extras']

/** Options every operation has, plus the pagination ones on paginated operations (fidelity §1.10). */
function extraOptions(command: OperationCommand): Record<string, { key: Extra; optionalValue?: boolean; int?: boolean }> {
  return {
    '--cli-input-json': { key: 'cliInputJson' },
    '--cli-input-yaml': { key: 'cliInputYaml' },
    '--generate-cli-skeleton': { key: 'skeleton', optionalValue: true },
    ...(command.paginated
      ? { '--starting-token': { key: 'startingToken' }, '--page-size': { key: 'pageSize', int: true }, '--max-items': { key: 'maxItems', int: true } }
      : {}),
  }
}

export function parseOperationArgs(argv: string[], command: OperationCommand): ParsedArgs {
  const extras = extraOptions(command)
  const names = [...command.options.map((o) => o.name), ...Object.keys(extras)]
  const parsed: ParsedArgs = { given: new Map(), extras: {}, help: false }
  const unknown: string[] = []
  let stray: string | undefined
  // A customization's positional arguments take the first words (`help` stays the help word), then the stray rule.
  const positionals = command.options.filter((o) => o.positional)
  const positional = (word: string) => {
    const free = word === 'help' ? undefined : positionals.find((o) => !parsed.given.has(o))
    if (free) parsed.given.set(free, word)
    else if (stray === undefined) stray = word
    else unknown.push(word)
  }

  for (let i = 0; i < argv.length; i++) {
    const word = argv[i]
    if (word === '--') {
      argv.slice(i + 1).forEach(positional)
      break
    }
    if (!isOptionLike(word)) {
      positional(word)
      continue
    }
    if (!word.startsWith('--')) {
      unknown.push(word)
      continue
    }
    const eq = word.indexOf('=')
    const typed = eq > 0 ? word.slice(0, eq) : word
    const inline = eq > 0 ? word.slice(eq + 1) : undefined
    const name = resolveName(typed, names)
    if (!name) {
      unknown.push(word)
      continue
    }
    const extra = extras[name]
    const option = command.options.find((o) => o.name === name)
    const nargs = extra ? (extra.optionalValue ? 'optional' : 'one') : (option as OptionSpec).nargs
    const next = argv[i + 1]
    let value: string | string[] | boolean
    if (nargs === 'flag') {
      if (inline !== undefined) throw argparseError(`argument ${name}: ignored explicit argument '${inline}'`)
      value = (option as OptionSpec).flagValue ?? true
    } else if (nargs === 'list') {
      const words: string[] = inline !== undefined ? [inline] : []
      while (inline === undefined && i + 1 < argv.length && !isOptionLike(argv[i + 1])) words.push(argv[++i])
      value = words
    } else if (nargs === 'optional') {
      // `--generate-cli-skeleton` alone means `input`; an EC2 top-level boolean alone means true.
      value = inline ?? (next !== undefined && !isOptionLike(next) ? argv[++i] : extra ? 'input' : true)
    } else {
      if (inline === undefined && (next === undefined || isOptionLike(next))) throw argparseError(`argument ${name}: expected one argument`)
      value = inline ?? argv[++i]
    }
    if (extra) {
      if (extra.int && !/^\s*[-+]?\d+\s*$/.test(String(value))) throw argparseError(`argument ${name}: invalid int value: '${String(value)}'`)
      parsed.extras[extra.key] = String(value)
    } else parsed.given.set(option as OptionSpec, value)
  }

  if (stray === 'help' && unknown.length === 0) return { ...parsed, help: true }
  if (parsed.extras.cliInputJson !== undefined && parsed.extras.cliInputYaml !== undefined)
    throw argparseError('argument --cli-input-yaml: not allowed with argument --cli-input-json')
  // `--generate-cli-skeleton output` keeps them required: it validates the command before printing a sample
  // response (awscli/customizations/generatecliskeleton.py, override_required_args).
  const skeletonInput = parsed.extras.skeleton !== undefined && parsed.extras.skeleton !== 'output'
  const skipsRequired = parsed.extras.cliInputJson !== undefined || parsed.extras.cliInputYaml !== undefined || skeletonInput
  if (!skipsRequired) {
    const missing = command.options.filter((o) => o.required && o.nargs !== 'flag' && !parsed.given.has(o)).map((o) => o.name)
    if (missing.length) throw argparseError(`the following arguments are required: ${missing.join(', ')}`)
  }
  if (unknown.length || stray !== undefined) throw unknownOptions(stray === undefined ? unknown : [...unknown, stray])
  return parsed
}

/** Exact name, else the one option the typed prefix can stand for; two or more is argparse's ambiguity error. */
function resolveName(typed: string, names: string[]): string | undefined {
  if (names.includes(typed)) return typed
  const candidates = names.filter((n) => n.startsWith(typed))
  if (candidates.length > 1) throw argparseError(`ambiguous option: ${typed} could match ${candidates.join(', ')}`)
  return candidates[0]
}
