import type { HttpRequest, HttpResponse, HttpResult } from '../../sim/network/types.ts'
import type { Program, ProgramIO } from '../program.ts'
import { CurlUsageError, parseCurlArgs, type CurlOptions } from './args.ts'

/** What curl needs from the sandbox: one HTTP exchange through the simulated network. */
export interface CurlBackend {
  http(request: HttpRequest): HttpResult
}

/** The curl this sandbox imitates: CloudShell's (Amazon Linux 2023). */
export const CURL_VERSION = '8.11.1'
/** Round trip from CloudShell to the region: how long a refused connection takes to be reported. */
const RTT_MS = 2
/** Linux gives up on an unanswered SYN after tcp_syn_retries=6 (1+2+…+64 s = 127 s plus the last wait). */
const SYN_GIVE_UP_MS = 130_005

const HELP = `Usage: curl [options...] <url>
 -d, --data <data>           HTTP POST data
 -f, --fail                  Fail fast with no output on HTTP errors
 -h, --help <subject>        Get help for commands
 -i, --include               Include response headers in output
 -o, --output <file>         Write to file instead of stdout
 -O, --remote-name           Write output to file named as remote file
 -s, --silent                Silent mode
 -T, --upload-file <file>    Transfer local FILE to destination
 -u, --user <user:password>  Server user and password
 -A, --user-agent <name>     Send User-Agent <name> to server
 -v, --verbose               Make the operation more talkative
 -V, --version               Show version number and quit

This is not the full help; this menu is split into categories.
Use "--help category" to get an overview of all categories.
For all options use the manual or "--help all".
`

/**
 * `curl`: sends each URL through the simulated network and prints what real curl prints: the body (or headers
 * with -i/-I), curl's own error lines and exit codes (6 resolve, 7 connect, 28 timeout, 22 with -f on ≥400),
 * and -v's `*`/`>`/`<` lines with the sandbox's hops as `*` comments. A timeout takes no wall time and does not
 * move the virtual clock: it is reported as curl would after waiting.
 */
export function createCurlProgram(backend: CurlBackend): Program {
  return (args, io) => {
    let options: CurlOptions | 'help'
    try {
      options = parseCurlArgs(args)
    } catch (e) {
      if (e instanceof CurlUsageError) {
        io.stderr(`${e.message}\n`)
        return e.exitCode
      }
      throw e
    }
    if (options === 'help') {
      io.stdout(HELP)
      return 0
    }
    let code = 0
    for (const url of options.urls) code = transfer(backend, options, url, io) || code
    return code
  }
}

function transfer(backend: CurlBackend, o: CurlOptions, rawUrl: string, io: ProgramIO): number {
  const url = /^[a-zA-Z][a-zA-Z0-9+.-]*:\/\//.test(rawUrl) ? rawUrl : `http://${rawUrl}`
  const m = /^([a-zA-Z][a-zA-Z0-9+.-]*):\/\/([^/?#:]*)(?::(\d*))?([^#]*)/.exec(url)
  const error = (code: number, message: string) => {
    if (o.verbose) io.stderr(`* ${message.replace(/^\(\d+\) /, '')}\n* Closing connection\n`)
    if (!o.silent || o.showError) io.stderr(`curl: (${code}) ${message}\n`)
    return code
  }
  if (!m || !m[2]) return error(3, 'URL rejected: Malformed input to a URL function')
  const scheme = m[1].toLowerCase()
  if (scheme !== 'http' && scheme !== 'https') return error(1, `Protocol "${scheme}" not supported`)
  const host = m[2]
  const port = m[3] ? Number(m[3]) : scheme === 'https' ? 443 : 80
  const target = m[4] || '/'
  const method = o.method ?? (o.head ? 'HEAD' : o.data !== undefined ? 'POST' : 'GET')
  const hostHeader = port === (scheme === 'https' ? 443 : 80) ? host : `${host}:${port}`
  const headers: [string, string][] = [
    ['Host', hostHeader],
    ['User-Agent', o.userAgent ?? `curl/${CURL_VERSION}`],
    ['Accept', '*/*'],
  ]
  if (o.data !== undefined) headers.push(['Content-Length', String(o.data.length)], ['Content-Type', 'application/x-www-form-urlencoded'])
  for (const [k, v] of o.headers) {
    const i = headers.findIndex(([name]) => name.toLowerCase() === k.toLowerCase())
    if (i >= 0) headers.splice(i, 1)
    if (v !== '') headers.push([k, v])
  }
  const request: HttpRequest = { method, url: `${scheme}://${host}:${port}${target}`, headers: Object.fromEntries(headers), ...(o.data !== undefined ? { body: o.data } : {}) }
  const result = backend.http(request)
  const verbose = (line: string) => {
    if (o.verbose) io.stderr(`${line}\n`)
  }
  // The sandbox's hops, each printed where curl reaches its step: the name, the connection, then the request's path.
  let printed = 0
  const hops = (upTo?: 'dns' | 'connect') => {
    for (; printed < result.hops.length; printed++) {
      const h = result.hops[printed]
      if (upTo && (h.stage === undefined || (upTo === 'dns' && h.stage === 'connect'))) return
      verbose(`* [sandbox] ${h.label}`)
    }
  }
  const failure = result.failure
  if (failure?.kind === 'dns') {
    hops()
    return error(6, `Could not resolve host: ${host}`)
  }
  const ip = failure ? failure.ip : (result.response?.ip ?? '')
  if (!/^\d+\.\d+\.\d+\.\d+$/.test(host)) {
    verbose(`* Host ${host}:${port} was resolved.`)
    verbose('* IPv6: (none)')
    verbose(`* IPv4: ${ip}`)
  }
  hops('dns')
  verbose(`*   Trying ${ip}:${port}...`)
  hops('connect')
  if (failure?.kind === 'refused') {
    hops()
    verbose(`* connect to ${ip} port ${port} failed: Connection refused`)
    return error(7, `Failed to connect to ${host} port ${port} after ${RTT_MS} ms: Couldn't connect to server`)
  }
  if (failure?.kind === 'timeout') {
    hops()
    const limits = [o.connectTimeout, o.maxTime].filter((n): n is number => n !== undefined && n > 0)
    const limit = limits.length ? Math.min(...limits) * 1000 : undefined
    if (limit === undefined) return error(28, `Failed to connect to ${host} port ${port} after ${SYN_GIVE_UP_MS} ms: Couldn't connect to server`)
    if (o.connectTimeout !== undefined && o.connectTimeout * 1000 === limit) return error(28, `Failed to connect to ${host} port ${port} after ${limit + 2} ms: Timeout was reached`)
    return error(28, `Connection timed out after ${limit + 1} milliseconds`)
  }
  const response = result.response as HttpResponse
  verbose(`* Connected to ${host} (${ip}) port ${port}`)
  verbose('* using HTTP/1.x')
  for (const [i, [k, v]] of [[`${method} ${target} HTTP/1.1`, ''] as [string, string], ...headers].entries()) verbose(i === 0 ? `> ${k}` : `> ${k}: ${v}`)
  verbose('> ')
  verbose('* Request completely sent off')
  hops()
  // An ALB answers 504 only after its idle timeout (60 s); a shorter -m gives up first.
  if (response.status === 504 && o.maxTime !== undefined && o.maxTime < 60)
    return error(28, `Operation timed out after ${o.maxTime * 1000 + 1} milliseconds with 0 bytes received`)
  const statusLine = `${response.httpVersion ?? 'HTTP/1.1'} ${response.status} ${response.statusText}`.trimEnd()
  verbose(`< ${statusLine}`)
  for (const [k, v] of response.headers) verbose(`< ${k}: ${v}`)
  verbose('< ')
  const closing = (response.httpVersion ?? 'HTTP/1.1') === 'HTTP/1.0' ? '* Closing connection' : `* Connection #0 to host ${host} left intact`
  if (o.fail && response.status >= 400) {
    verbose(`* The requested URL returned error: ${response.status}`)
    verbose('* Closing connection')
    if (!o.silent || o.showError) io.stderr(`curl: (22) The requested URL returned error: ${response.status}\n`)
    return 22
  }
  const head = `${statusLine}\r\n${response.headers.map(([k, v]) => `${k}: ${v}\r\n`).join('')}\r\n`
  let out = ''
  if (o.include || o.head) out += head
  if (!o.head && method !== 'HEAD') out += response.body
  if (o.output && o.output !== '/dev/null') io.files.write(o.output, out)
  else if (!o.output) io.stdout(out)
  verbose(closing)
  if (o.writeOut !== undefined) io.stdout(writeOut(o.writeOut, response, `${scheme}://${hostHeader}${target}`))
  if (o.location && (response.status === 301 || response.status === 302)) {
    const location = response.headers.find(([k]) => k.toLowerCase() === 'location')?.[1]
    if (location && !location.startsWith('https://')) return transfer(backend, { ...o, location: false }, location, io)
  }
  return 0
}

/** `-w`: curl's write-out variables and backslash escapes (curl man page, --write-out). */
function writeOut(format: string, response: HttpResponse, effectiveUrl: string): string {
  const vars: Record<string, string> = {
    http_code: String(response.status).padStart(3, '0'),
    response_code: String(response.status),
    remote_ip: response.ip,
    remote_port: String(response.port),
    size_download: String(new TextEncoder().encode(response.body).length),
    content_type: response.headers.find(([k]) => k.toLowerCase() === 'content-type')?.[1] ?? '',
    url_effective: effectiveUrl,
    time_total: '0.004000',
    num_redirects: '0',
  }
  return format
    .replace(/%\{([a-z_]+)\}/g, (all, name: string) => (Object.hasOwn(vars, name) ? vars[name] : all))
    .replace(/\\([nrt\\])/g, (_, c: string) => ({ n: '\n', r: '\r', t: '\t', '\\': '\\' })[c] ?? c)
}
