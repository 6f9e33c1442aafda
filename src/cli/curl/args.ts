/**
 * curl's command line, the subset the course uses. Grammar (curl's own getparameter rules, src/tool_getparam.c):
 *   args    := (option | url)*            ; `--` ends options
 *   option  := '--' name ['=' value]?     ; long form; a value-taking option reads the next word
 *            | '-' flag+ [value]          ; short flags bundle (`-sSf`); a value-taking flag takes the rest of
 *                                         ; the word (`-XPOST`) or the next word (`-X POST`)
 */
export interface CurlOptions {
  silent: boolean
  showError: boolean
  include: boolean
  head: boolean
  verbose: boolean
  fail: boolean
  location: boolean
  headers: [string, string][]
  method?: string
  output?: string
  writeOut?: string
  maxTime?: number
  connectTimeout?: number
  data?: string
  userAgent?: string
  urls: string[]
}

type Flag = 'silent' | 'showError' | 'include' | 'head' | 'verbose' | 'fail' | 'location' | 'insecure' | 'http1.1' | 'help'
type Valued = 'header' | 'request' | 'output' | 'writeOut' | 'maxTime' | 'connectTimeout' | 'data' | 'userAgent'

const SHORT: Record<string, Flag | Valued> = {
  s: 'silent', S: 'showError', i: 'include', I: 'head', v: 'verbose', f: 'fail', L: 'location', k: 'insecure', h: 'help',
  H: 'header', X: 'request', o: 'output', w: 'writeOut', m: 'maxTime', d: 'data', A: 'userAgent',
}
const LONG: Record<string, Flag | Valued> = {
  silent: 'silent', 'show-error': 'showError', include: 'include', head: 'head', verbose: 'verbose', fail: 'fail', location: 'location',
  insecure: 'insecure', 'http1.1': 'http1.1', help: 'help', header: 'header', request: 'request', output: 'output', 'write-out': 'writeOut',
  'max-time': 'maxTime', 'connect-timeout': 'connectTimeout', data: 'data', 'user-agent': 'userAgent',
}
const VALUED = new Set<string>(['header', 'request', 'output', 'writeOut', 'maxTime', 'connectTimeout', 'data', 'userAgent'])

export class CurlUsageError extends Error {
  readonly exitCode: number
  constructor(message: string, exitCode = 2) {
    super(message)
    this.exitCode = exitCode
  }
}

const tryHelp = "curl: try 'curl --help' or 'curl --manual' for more information"

export function parseCurlArgs(args: string[]): CurlOptions | 'help' {
  const o: CurlOptions = { silent: false, showError: false, include: false, head: false, verbose: false, fail: false, location: false, headers: [], urls: [] }
  let help = false
  const set = (name: Flag | Valued, value: string | undefined, shown: string) => {
    switch (name) {
      case 'header': {
        const colon = (value ?? '').indexOf(':')
        if (colon > 0) o.headers.push([value!.slice(0, colon).trim(), value!.slice(colon + 1).trim()])
        return
      }
      case 'maxTime':
      case 'connectTimeout': {
        const n = Number(value)
        if (!(n >= 0)) throw new CurlUsageError(`curl: option ${shown}: expected a proper numerical parameter\n${tryHelp}`)
        o[name] = n
        return
      }
      case 'request':
        o.method = value
        return
      case 'output':
      case 'writeOut':
      case 'data':
      case 'userAgent':
        o[name] = value
        return
      case 'insecure':
      case 'http1.1':
        return
      case 'help':
        help = true
        return
      default:
        o[name] = true
    }
  }
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]
    if (arg === '--') {
      o.urls.push(...args.slice(i + 1))
      break
    }
    if (arg.startsWith('--')) {
      const eq = arg.indexOf('=')
      const key = arg.slice(2, eq > 0 ? eq : undefined)
      const name = Object.hasOwn(LONG, key) ? LONG[key] : undefined
      if (!name) throw new CurlUsageError(`curl: option ${arg}: is unknown\n${tryHelp}`)
      let value: string | undefined
      if (VALUED.has(name)) {
        value = eq > 0 ? arg.slice(eq + 1) : args[++i]
        if (value === undefined) throw new CurlUsageError(`curl: option ${arg}: requires parameter\n${tryHelp}`)
      }
      set(name, value, arg)
    } else if (arg.startsWith('-') && arg.length > 1) {
      for (let j = 1; j < arg.length; j++) {
        const name = SHORT[arg[j]]
        if (!name) throw new CurlUsageError(`curl: option -${arg.slice(j)}: is unknown\n${tryHelp}`)
        if (VALUED.has(name)) {
          const value = j + 1 < arg.length ? arg.slice(j + 1) : args[++i]
          if (value === undefined) throw new CurlUsageError(`curl: option -${arg[j]}: requires parameter\n${tryHelp}`)
          set(name, value, `-${arg[j]}`)
          break
        }
        set(name, undefined, `-${arg[j]}`)
      }
    } else o.urls.push(arg)
  }
  if (help) return 'help'
  // Bare `curl` prints only the hint; options without a URL say so first (curl 8).
  if (o.urls.length === 0) throw new CurlUsageError(args.length ? `curl: no URL specified\n${tryHelp}` : tryHelp)
  return o
}
