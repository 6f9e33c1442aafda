/**
 * The AWS CLI v2 global options (`awscli/data/cli.json`, fidelity §1.10). They may appear anywhere after
 * `aws`; the first parsing pass takes them out of argv before the service and operation are read.
 */
import { compileQuery, OUTPUT_FORMATS, QueryError } from './output/index.ts'

export interface GlobalOptions {
  output?: string
  query?: string
  region?: string
  profile?: string
  endpointUrl?: string
  debug: boolean
  noPaginate: boolean
  version: boolean
}

interface GlobalSpec {
  /** Takes a value (otherwise a flag). */
  value: boolean
  choices?: readonly string[]
  int?: boolean
  set?: (g: GlobalOptions, value: string) => void
}

export const GLOBAL_OPTIONS: Readonly<Record<string, GlobalSpec>> = {
  '--debug': { value: false, set: (g) => (g.debug = true) },
  '--endpoint-url': { value: true, set: (g, v) => (g.endpointUrl = v) },
  '--no-verify-ssl': { value: false },
  '--no-paginate': { value: false, set: (g) => (g.noPaginate = true) },
  '--output': { value: true, choices: OUTPUT_FORMATS, set: (g, v) => (g.output = v) },
  '--query': { value: true, set: (g, v) => (g.query = v) },
  '--profile': { value: true, set: (g, v) => (g.profile = v) },
  '--region': { value: true, set: (g, v) => (g.region = v) },
  '--version': { value: false, set: (g) => (g.version = true) },
  '--color': { value: true, choices: ['on', 'off', 'auto'] },
  '--no-sign-request': { value: false },
  '--ca-bundle': { value: true },
  '--cli-read-timeout': { value: true, int: true },
  '--cli-connect-timeout': { value: true, int: true },
  '--cli-binary-format': { value: true, choices: ['base64', 'raw-in-base64-out'] },
  '--no-cli-pager': { value: false },
  '--cli-auto-prompt': { value: false },
  '--no-cli-auto-prompt': { value: false },
  '--cli-error-format': { value: true, choices: ['legacy', 'json', 'yaml', 'text', 'table', 'enhanced'] },
}

/** The global option named `word`, if it is one (own keys only: a value such as `constructor` is not an option). */
export const globalOption = (word: string): GlobalSpec | undefined => (Object.hasOwn(GLOBAL_OPTIONS, word) ? GLOBAL_OPTIONS[word] : undefined)

type GlobalParseProblem =
  | { kind: 'expected-one'; option: string }
  | { kind: 'invalid-choice'; option: string; value: string; choices: readonly string[] }
  | { kind: 'invalid-int'; option: string; value: string }

/** Takes the global options out of argv; returns them and the rest in order. `--` ends option parsing. */
export function takeGlobals(argv: string[]): { globals: GlobalOptions; rest: string[]; problem?: GlobalParseProblem } {
  const globals: GlobalOptions = { debug: false, noPaginate: false, version: false }
  const rest: string[] = []
  for (let i = 0; i < argv.length; i++) {
    const word = argv[i]
    if (word === '--') {
      rest.push(...argv.slice(i))
      break
    }
    const [name, inline] = word.startsWith('--') && word.includes('=') ? [word.slice(0, word.indexOf('=')), word.slice(word.indexOf('=') + 1)] : [word, undefined]
    const spec = globalOption(name)
    if (!spec) {
      rest.push(word)
      continue
    }
    if (!spec.value) {
      spec.set?.(globals, '')
      continue
    }
    const value = inline ?? argv[i + 1]
    if (value === undefined || (inline === undefined && value.startsWith('--'))) return { globals, rest, problem: { kind: 'expected-one', option: name } }
    if (inline === undefined) i++
    if (spec.choices && !spec.choices.includes(value)) return { globals, rest, problem: { kind: 'invalid-choice', option: name, value, choices: spec.choices } }
    if (spec.int && !/^\s*[-+]?\d+\s*$/.test(value)) return { globals, rest, problem: { kind: 'invalid-int', option: name, value } }
    spec.set?.(globals, value)
  }
  return { globals, rest }
}

/**
 * The values `awscli/customizations/globalargs.py` resolves as soon as the global options are parsed, before the
 * command is even looked up (so before any call): `--query` is compiled, `--endpoint-url` must have a scheme.
 * Returns the ParamValidation message of the first bad one.
 */
export function badGlobalValue(globals: GlobalOptions): string | undefined {
  if (globals.query !== undefined) {
    try {
      compileQuery(globals.query)
    } catch (e) {
      if (e instanceof QueryError) return e.message
      throw e
    }
  }
  if (globals.endpointUrl !== undefined && !urlScheme(globals.endpointUrl))
    return `Bad value for --endpoint-url "${globals.endpointUrl}": scheme is missing.  Must be of the form http://<hostname>/ or https://<hostname>/`
  return undefined
}

/**
 * The scheme python's `urllib.parse.urlsplit` finds: leading C0 controls and spaces dropped, then letters, digits,
 * `+-.` before the first `:`, starting with a letter (`localhost:4566` has the scheme `localhost`).
 */
function urlScheme(url: string): string {
  // eslint-disable-next-line no-control-regex
  const match = /^[a-zA-Z][a-zA-Z0-9+.-]*:/.exec(url.replace(/^[\u0000-\u0020]+/, '').replace(/[\t\r\n]/g, ''))
  return match ? match[0].slice(0, -1) : ''
}
