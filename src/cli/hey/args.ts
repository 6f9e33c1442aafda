/**
 * hey's command line (rakyll/hey `hey.go`): Go's `flag` package, so `-n 10` and `-n=10` (one or two dashes), flags
 * before the URL, and `flag provided but not defined: -x` then the usage, exit 2, for an unknown one.
 */
export interface HeyOptions {
  n: number
  c: number
  q: number
  /** -z in ms (0: not given). */
  z: number
  method: string
  headers: [string, string][]
  body?: string
  /** -t seconds, 0 = no timeout. */
  timeout: number
  contentType: string
  accept?: string
  host?: string
  userAgent?: string
  output?: string
  url: string
}

export const USAGE = `Usage: hey [options...] <url>

Options:
  -n  Number of requests to run. Default is 200.
  -c  Number of workers to run concurrently. Total number of requests cannot
      be smaller than the concurrency level. Default is 50.
  -q  Rate limit, in queries per second (QPS) per worker. Default is no rate limit.
  -z  Duration of application to send requests. When duration is reached,
      application stops and exits. If duration is specified, n is ignored.
      Examples: -z 10s -z 3m.
  -o  Output type. If none provided, a summary is printed.
      "csv" is the only supported alternative. Dumps the response
      metrics in comma-separated values format.

  -m  HTTP method, one of GET, POST, PUT, DELETE, HEAD, OPTIONS.
  -H  Custom HTTP header. You can specify as many as needed by repeating the flag.
      For example, -H "Accept: text/html" -H "Content-Type: application/xml" .
  -t  Timeout for each request in seconds. Default is 20, use 0 for infinite.
  -A  HTTP Accept header.
  -d  HTTP request body.
  -D  HTTP request body from file. For example, /home/user/file.txt or ./file.txt.
  -T  Content-type, defaults to "text/html".
  -U  User-Agent, defaults to version "hey/0.0.1".
  -a  Basic authentication, username:password.
  -x  HTTP Proxy address as host:port.
  -h2 Enable HTTP/2.

  -host	HTTP Host header.

  -disable-compression  Disable compression.
  -disable-keepalive    Disable keep-alive, prevents re-use of TCP
                        connections between different HTTP requests.
  -disable-redirects    Disable following of HTTP redirects
  -cpus                 Number of used cpu cores.
                        (default for current machine is 2 cores)
`

/** A usage error: hey prints the message, a blank line and the usage on stderr (`usageAndExit`), exit 1; Go's flag errors exit 2. */
export class HeyUsageError extends Error {
  readonly exitCode: number
  constructor(message: string, exitCode = 1) {
    super(message)
    this.exitCode = exitCode
  }
}

const VALUE_FLAGS = new Set(['m', 'h', 'd', 'D', 'A', 'T', 'a', 'host', 'U', 'o', 'c', 'n', 'q', 't', 'z', 'cpus', 'x', 'H'])
const BOOL_FLAGS = new Set(['h2', 'disable-compression', 'disable-keepalive', 'disable-redirects'])

/** Go's time.ParseDuration: `300ms`, `1.5h`, `2h45m`; units ns us µs ms s m h. Milliseconds, or undefined. */
export function parseGoDuration(text: string): number | undefined {
  if (text === '0') return 0
  const units: Record<string, number> = { ns: 1e-6, us: 1e-3, µs: 1e-3, ms: 1, s: 1000, m: 60_000, h: 3_600_000 }
  const re = /(\d+(?:\.\d*)?|\.\d+)(ns|us|µs|ms|s|m|h)/y
  let at = 0
  let ms = 0
  const body = text.replace(/^[+-]/, '')
  if (!body) return undefined
  while (at < body.length) {
    re.lastIndex = at
    const m = re.exec(body)
    if (!m) return undefined
    ms += Number(m[1]) * units[m[2]]
    at = re.lastIndex
  }
  return text.startsWith('-') ? -ms : ms
}

export function parseHeyArgs(args: string[], readFile: (path: string) => string | undefined): HeyOptions {
  const values = new Map<string, string>()
  const headers: string[] = []
  let i = 0
  for (; i < args.length; i++) {
    const arg = args[i]
    if (arg === '--') {
      i++
      break
    }
    if (!arg.startsWith('-') || arg === '-') break
    const [rawName, inline] = arg.replace(/^--?/, '').split(/=(.*)/s, 2) as [string, string | undefined]
    if (rawName === 'help' || rawName === 'h' && inline === undefined && i === args.length - 1) throw new HeyUsageError('', 0)
    if (BOOL_FLAGS.has(rawName)) continue
    if (!VALUE_FLAGS.has(rawName)) throw new HeyUsageError(`flag provided but not defined: -${rawName}`, 2)
    const value = inline ?? args[++i]
    if (value === undefined) throw new HeyUsageError(`flag needs an argument: -${rawName}`, 2)
    if (rawName === 'H') headers.push(value)
    else values.set(rawName, value)
  }
  const int = (name: string, fallback: number) => {
    const v = values.get(name)
    if (v === undefined) return fallback
    if (!/^[-+]?\d+$/.test(v)) throw new HeyUsageError(`invalid value "${v}" for flag -${name}: parse error`, 2)
    return Number(v)
  }
  const n = int('n', 200)
  const c = int('c', 50)
  int('t', 20)
  const qText = values.get('q')
  const q = qText === undefined ? 0 : Number(qText)
  if (Number.isNaN(q)) throw new HeyUsageError(`invalid value "${qText}" for flag -q: parse error`, 2)
  const zText = values.get('z')
  const z = zText === undefined ? 0 : parseGoDuration(zText)
  if (z === undefined) throw new HeyUsageError(`invalid value "${zText}" for flag -z: parse error`, 2)
  if (values.has('h')) throw new HeyUsageError("Flag '-h' is deprecated, please use '-H' instead.")
  const url = args[i]
  if (url === undefined) throw new HeyUsageError('')
  if (z > 0) {
    if (c <= 0) throw new HeyUsageError('-c cannot be smaller than 1.')
  } else {
    if (n <= 0 || c <= 0) throw new HeyUsageError('-n and -c cannot be smaller than 1.')
    if (n < c) throw new HeyUsageError('-n cannot be less than -c.')
  }
  const parsedHeaders: [string, string][] = []
  for (const h of headers) {
    const m = /^([\w-]+):\s*(.+)/.exec(h)
    if (!m) throw new HeyUsageError(`could not parse the provided input; input = ${h}`)
    parsedHeaders.push([m[1], m[2]])
  }
  let body = values.get('d')
  const bodyFile = values.get('D')
  if (bodyFile !== undefined) {
    const text = readFile(bodyFile)
    if (text === undefined) throw new HeyUsageError(`open ${bodyFile}: no such file or directory`)
    body = text
  }
  return {
    n,
    c,
    q,
    z,
    method: (values.get('m') ?? 'GET').toUpperCase(),
    headers: parsedHeaders,
    body,
    timeout: int('t', 20),
    contentType: values.get('T') ?? 'text/html',
    accept: values.get('A'),
    host: values.get('host'),
    userAgent: values.get('U'),
    output: values.get('o'),
    url,
  }
}
