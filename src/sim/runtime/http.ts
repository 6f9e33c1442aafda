import { PUBLIC_IMAGES, type ImageSpec } from './images.ts'

/** A request as it reaches the container: method, path with query, headers (lower-case names). */
export interface ContainerRequest {
  method: string
  path: string
  headers: Record<string, string>
}

/** The task the container belongs to, so the python web app can name it. */
export interface ContainerTask {
  taskArn: string
  containerName?: string
  availabilityZone?: string
  /** The task's private IP, shown by the web app. */
  ip?: string
}

export interface ContainerResponse {
  httpVersion: string
  status: number
  statusText: string
  headers: [string, string][]
  body: string
}

export const STATUS_TEXT: Record<number, string> = {
  200: 'OK',
  201: 'Created',
  204: 'No Content',
  301: 'Moved Permanently',
  302: 'Found',
  304: 'Not Modified',
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  500: 'Internal Server Error',
  501: 'Not Implemented',
  502: 'Bad Gateway',
  503: 'Service Temporarily Unavailable',
  504: 'Gateway Time-out',
}

/** HTTP date (RFC 9110 IMF-fixdate) of a virtual time. */
/** RFC 7231 date, as the Date header carries it. Health checks ask for the same second again and again: memo of one. */
let lastDate = { second: NaN, text: '' }
export function httpDate(ms: number): string {
  const second = Math.floor(ms / 1000)
  if (second !== lastDate.second) lastDate = { second, text: new Date(second * 1000).toUTCString() }
  return lastDate.text
}

// nginx 1.27's default index.html, byte for byte (615 bytes).
const NGINX_INDEX = `<!DOCTYPE html>
<html>
<head>
<title>Welcome to nginx!</title>
<style>
html { color-scheme: light dark; }
body { width: 35em; margin: 0 auto;
font-family: Tahoma, Verdana, Arial, sans-serif; }
</style>
</head>
<body>
<h1>Welcome to nginx!</h1>
<p>If you see this page, the nginx web server is successfully installed and
working. Further configuration is required.</p>

<p>For online documentation and support please refer to
<a href="http://nginx.org/">nginx.org</a>.<br/>
Commercial support is available at
<a href="http://nginx.com/">nginx.com</a>.</p>

<p><em>Thank you for using nginx.</em></p>
</body>
</html>
`
const NGINX_VERSION = 'nginx/1.27.3'
const nginx404 = `<html>\r\n<head><title>404 Not Found</title></head>\r\n<body>\r\n<center><h1>404 Not Found</h1></center>\r\n<hr><center>${NGINX_VERSION}</center>\r\n</body>\r\n</html>\r\n`

// httpd 2.4's htdocs/index.html and its 404 page.
const HTTPD_INDEX = '<html><body><h1>It works!</h1></body></html>\n'
const HTTPD_VERSION = 'Apache/2.4.62 (Unix)'
const httpd404 = `<!DOCTYPE HTML PUBLIC "-//IETF//DTD HTML 2.0//EN">\n<html><head>\n<title>404 Not Found</title>\n</head><body>\n<h1>Not Found</h1>\n<p>The requested URL was not found on this server.</p>\n</body></html>\n`

const escapeHtml = (s: string) => s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c] ?? c)

/** The course's python web app: a small page naming the task and its AZ, so load balancing is visible. */
function pythonPage(request: ContainerRequest, task: ContainerTask): string {
  const taskId = task.taskArn.split('/').pop() ?? task.taskArn
  return [
    '<!DOCTYPE html>',
    '<html>',
    '<head><title>Python Web App</title></head>',
    '<body>',
    '<h1>Hello from the Python web app!</h1>',
    `<p>Task: ${escapeHtml(taskId)}</p>`,
    `<p>Availability Zone: ${escapeHtml(task.availabilityZone ?? 'unknown')}</p>`,
    ...(task.ip ? [`<p>Private IP: ${escapeHtml(task.ip)}</p>`] : []),
    `<p>Path: ${escapeHtml(request.path)}</p>`,
    '</body>',
    '</html>',
    '',
  ].join('\n')
}

/**
 * The status a container answers `method path` with, by what its image is (`ImageSpec.app`); undefined when the image
 * serves nothing (busybox: the connection is refused). A load balancer's health check needs only this, not the page.
 */
export function statusOf(image: Pick<ImageSpec, 'app'> & { files?: ImageSpec['files'] }, method: string, target: string): number | undefined {
  const path = target.includes('?') ? target.slice(0, target.indexOf('?')) : target
  switch (image.app) {
    case 'python-webapp':
      // Python's http.server answers every GET/HEAD path through the app; other methods are 501.
      return method === 'GET' || method === 'HEAD' ? 200 : 501
    case 'nginx':
    case 'httpd':
      return path === '/' || path === '/index.html' || ownFile(image, path) !== undefined ? 200 : 404
    case 'busybox':
    case 'cloudwatch-agent':
      return undefined
  }
}

/** Where each web server looks for pages (the images' documented document roots). */
const DOCUMENT_ROOT = { nginx: '/usr/share/nginx/html', httpd: '/usr/local/apache2/htdocs' } as const

/**
 * A page an image built on nginx or httpd carries in its document root (a Dockerfile's `COPY index.html ...`, pushed to
 * ECR with its layers' files): what the server sends instead of its default page.
 */
function ownFile(image: Pick<ImageSpec, 'app'> & { files?: ImageSpec['files'] }, path: string): string | undefined {
  if (image.app !== 'nginx' && image.app !== 'httpd') return undefined
  // An image's files never change once it exists: the answer per path is kept (every request of a load test asks).
  const files = image.files
  if (!files) return undefined
  const byPath = ownFiles[image.app]
  let known = byPath.get(files)
  if (!known) byPath.set(files, (known = new Map()))
  if (known.has(path)) return known.get(path)
  const text = findOwnFile(image, path)
  if (known.size > 1000) known.clear()
  known.set(path, text)
  return text
}
const ownFiles = { nginx: new WeakMap<object, Map<string, string | undefined>>(), httpd: new WeakMap<object, Map<string, string | undefined>>() }

function findOwnFile(image: Pick<ImageSpec, 'app'> & { files?: ImageSpec['files'] }, path: string): string | undefined {
  if (image.app !== 'nginx' && image.app !== 'httpd') return undefined
  const key = `${DOCUMENT_ROOT[image.app]}${path === '/' ? '/index.html' : path}`
  const text = image.files ? ownEntryOf(image.files, key) : undefined
  // The public images list their default page by a short stand-in (images.ts): that one is the server's default page.
  const app = image.app
  if (text === undefined || PUBLIC_IMAGES.some((p) => p.app === app && p.files[key] === text)) return undefined
  return text
}
const ownEntryOf = (files: Record<string, string>, key: string): string | undefined => (Object.hasOwn(files, key) ? files[key] : undefined)
const encoder = new TextEncoder()
/** The last page measured: a load test sends the same page thousands of times (`npm run bench`). */
let measured = { text: '', bytes: 0 }
function byteLength(text: string): number {
  if (text !== measured.text) measured = { text, bytes: encoder.encode(text).length }
  return measured.bytes
}

/**
 * How a container answers HTTP (the status from `statusOf`, then the page and headers its server sends).
 * Virtual time `now` goes into the Date header.
 */
export function answer(image: Pick<ImageSpec, 'app'> & { files?: ImageSpec['files'] }, request: ContainerRequest, task: ContainerTask, now: number): ContainerResponse | undefined {
  const head = request.method === 'HEAD'
  const page = (httpVersion: string, status: number, headers: [string, string][], body: string): ContainerResponse => ({
    httpVersion,
    status,
    statusText: STATUS_TEXT[status] ?? '',
    headers,
    body: head ? '' : body,
  })
  const status = statusOf(image, request.method, request.path)
  if (status === undefined) return undefined
  switch (image.app) {
    case 'python-webapp': {
      // Python's http.server speaks HTTP/1.0 and names itself BaseHTTP.
      if (status === 501) {
        const body = `<!DOCTYPE HTML>\n<html lang="en">\n    <head>\n        <meta charset="utf-8">\n        <title>Error response</title>\n    </head>\n    <body>\n        <h1>Error response</h1>\n        <p>Error code: 501</p>\n        <p>Message: Unsupported method ('${escapeHtml(request.method)}').</p>\n        <p>Error code explanation: 501 - Server does not support this operation.</p>\n    </body>\n</html>\n`
        return page('HTTP/1.0', 501, [['Server', 'BaseHTTP/0.6 Python/3.11.2'], ['Date', httpDate(now)], ['Connection', 'close'], ['Content-Type', 'text/html;charset=utf-8'], ['Content-Length', String(body.length)]], body)
      }
      const body = pythonPage(request, task)
      return page('HTTP/1.0', 200, [['Server', 'BaseHTTP/0.6 Python/3.11.2'], ['Date', httpDate(now)], ['Content-type', 'text/html'], ['Content-Length', String(body.length)]], body)
    }
    case 'nginx': {
      if (status === 200) {
        const body = ownFile(image, request.path.split('?')[0]) ?? NGINX_INDEX
        const size = byteLength(body)
        return page('HTTP/1.1', 200, [
          ['Server', NGINX_VERSION],
          ['Date', httpDate(now)],
          ['Content-Type', 'text/html'],
          ['Content-Length', String(size)],
          ['Last-Modified', 'Tue, 26 Nov 2024 15:55:00 GMT'],
          ['Connection', 'keep-alive'],
          // nginx's ETag is the file's modification time and size in hex.
          ['ETag', `"6745ef54-${size.toString(16)}"`],
          ['Accept-Ranges', 'bytes'],
        ], body)
      }
      return page('HTTP/1.1', 404, [['Server', NGINX_VERSION], ['Date', httpDate(now)], ['Content-Type', 'text/html'], ['Content-Length', String(nginx404.length)], ['Connection', 'keep-alive']], nginx404)
    }
    case 'httpd': {
      if (status === 200) {
        const body = ownFile(image, request.path.split('?')[0]) ?? HTTPD_INDEX
        const size = byteLength(body)
        return page('HTTP/1.1', 200, [
          ['Date', httpDate(now)],
          ['Server', HTTPD_VERSION],
          ['Last-Modified', 'Mon, 11 Jun 2007 18:53:14 GMT'],
          // httpd's ETag is the file's size and modification time in hex.
          ['ETag', `"${size.toString(16)}-432a5e4a73a80"`],
          ['Accept-Ranges', 'bytes'],
          ['Content-Length', String(size)],
          ['Content-Type', 'text/html'],
        ], body)
      }
      return page('HTTP/1.1', 404, [['Date', httpDate(now)], ['Server', HTTPD_VERSION], ['Content-Length', String(httpd404.length)], ['Content-Type', 'text/html; charset=iso-8859-1']], httpd404)
    }
    default:
      return undefined
  }
}
