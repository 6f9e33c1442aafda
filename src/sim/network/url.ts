/** The parts of an http(s) URL the network needs. Grammar: `[scheme://]host[:port][/path][?query]`. */
export interface ParsedUrl {
  scheme: 'http' | 'https'
  host: string
  port: number
  /** Path with the query, as sent in the request line: `/api/users?id=1`. */
  target: string
  path: string
  query: string
}

/** Parsed URLs, kept: a load test sends the same URL thousands of times (the parsed form is never changed). */
const parsed = new Map<string, Readonly<ParsedUrl> | undefined>()

export function parseUrl(url: string): Readonly<ParsedUrl> | undefined {
  if (parsed.has(url)) return parsed.get(url)
  if (parsed.size > 1000) parsed.clear()
  const result = parse(url)
  parsed.set(url, result && Object.freeze(result))
  return result
}

function parse(url: string): ParsedUrl | undefined {
  const m = /^(?:([a-zA-Z][a-zA-Z0-9+.-]*):\/\/)?([^/?#:]*)(?::(\d*))?([^?#]*)(?:\?([^#]*))?/.exec(url.trim())
  if (!m) return undefined
  const scheme = (m[1] ?? 'http').toLowerCase()
  if (scheme !== 'http' && scheme !== 'https') return undefined
  const host = m[2].toLowerCase()
  const port = m[3] ? Number(m[3]) : scheme === 'https' ? 443 : 80
  const path = m[4] || '/'
  const query = m[5] ?? ''
  return { scheme, host, port, path, query, target: query ? `${path}?${query}` : path }
}

export const isIpv4 = (host: string): boolean => /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.test(host) && host.split('.').every((o) => Number(o) <= 255)
