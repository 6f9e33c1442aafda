import type { SimContext } from '../context.ts'
import type { HttpRequest, HttpResult } from '../network/types.ts'
import { serverOf } from './containers.ts'
import { ContainerFs } from './fs.ts'
import { normalise } from './paths.ts'
import type { Container, DockerState } from './state.ts'
import type { HostFiles } from './stores.ts'

/** Names of the learner's own workstation: a published port answers there. */
export const LOOPBACK = /^(localhost|127\.0\.0\.1|0\.0\.0\.0|\[::1\])$/i

/** Server header and 404 page of each web image (nginx 1.27, Apache 2.4; python's http.server speaks HTTP/1.0). */
const SERVERS = {
  nginx: { header: 'nginx/1.27.3', version: 'HTTP/1.1', notFound: '<html>\r\n<head><title>404 Not Found</title></head>\r\n<body>\r\n<center><h1>404 Not Found</h1></center>\r\n<hr><center>nginx/1.27.3</center>\r\n</body>\r\n</html>\r\n' },
  httpd: { header: 'Apache/2.4.62 (Unix)', version: 'HTTP/1.1', notFound: '<!DOCTYPE HTML PUBLIC "-//IETF//DTD HTML 2.0//EN">\n<html><head>\n<title>404 Not Found</title>\n</head><body>\n<h1>Not Found</h1>\n<p>The requested URL was not found on this server.</p>\n</body></html>\n' },
  'python-webapp': { header: 'BaseHTTP/0.6 Python/3.11.2', version: 'HTTP/1.0', notFound: '' },
} as const

/**
 * `curl http://localhost:<hostPort>/` on the workstation: the container publishing that port (or a host-network
 * container listening on it) answers from its document root, read through its mounts and layers as they are now.
 */
export function serveLocal(ctx: SimContext, host: HostFiles, request: HttpRequest): HttpResult {
  const url = /^https?:\/\/([^/:]+|\[[^\]]+\])(?::(\d+))?(\/[^?#]*)?/i.exec(request.url)
  const hostname = url?.[1] ?? 'localhost'
  const port = Number(url?.[2] ?? 80)
  const path = decodeURIComponent(url?.[3] ?? '/')
  const docker = ctx.world.docker
  let target: { c: Container; containerPort: number } | undefined
  for (const c of Object.values(docker.containers)) {
    if (c.status !== 'running') continue
    const binding = c.ports.find((p) => p.hostPort === port && p.protocol === 'tcp')
    if (binding) target = { c, containerPort: binding.containerPort }
    else if (c.networkMode === 'host' && serverOf(docker, c)?.port === port) target = { c, containerPort: port }
    if (target) break
  }
  const hops = target ? [{ resource: target.c.id, label: `docker-proxy 0.0.0.0:${port} → container ${target.c.name} ${target.c.ipAddress || 'host'}:${target.containerPort}` }] : []
  const server = target && serverOf(docker, target.c)
  // Published but nothing listens on the container port: the proxy accepts, then the connection is reset (curl 56);
  // reported here as refused, the nearest failure curl's formatter knows.
  if (!target || !server || server.port !== target.containerPort) return { hops, failure: { kind: 'refused', host: hostname, port, ip: '127.0.0.1' } }
  const kind = SERVERS[server.kind]
  const { status, body } = pageOf(docker, host, target.c, path)!
  const length = new TextEncoder().encode(body).length
  const line = `172.17.0.1 - - [${accessTime(ctx.now())}] "${request.method} ${path} HTTP/1.1" ${status} ${length} "-" "${request.headers['User-Agent'] ?? request.headers['user-agent'] ?? '-'}" "-"\n`
  target.c.logs += line
  return {
    hops,
    response: {
      httpVersion: kind.version,
      status,
      statusText: status === 200 ? 'OK' : 'Not Found',
      headers: [
        ['Server', kind.header],
        ['Content-Type', 'text/html'],
        ['Content-Length', String(length)],
      ],
      body: request.method === 'HEAD' ? '' : body,
      ip: '127.0.0.1',
      port,
    },
  }
}

/**
 * What a container's web server answers for a path (its document root, read through its mounts and layers as they
 * are now), or nothing when it runs no server of its image.
 */
export function pageOf(docker: DockerState, host: HostFiles, c: Container, path: string): { status: number; body: string } | undefined {
  const server = serverOf(docker, c)
  if (!server) return undefined
  if (server.kind === 'python-webapp') return { status: 200, body: `<html><body><h1>Hello from the python web app</h1><p>Container ${c.id.slice(0, 12)}</p></body></html>\n` }
  const fs = new ContainerFs(docker, c, host)
  let file = normalise(path, '/')
  file = `${server.documentRoot}${file === '/' ? '' : file}`
  if (fs.isDir(file)) file = `${file}/index.html`
  const text = fs.read(file)
  if (typeof text === 'string' && text !== 'ENOENT' && text !== 'EISDIR' && text !== 'ENOTDIR') return { status: 200, body: text }
  return { status: 404, body: SERVERS[server.kind].notFound }
}

/** nginx's `$time_local`: `05/Jan/2026:00:00:00 +0000`. */
function accessTime(ms: number): string {
  const d = new Date(ms)
  const month = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'][d.getUTCMonth()]
  const p = (n: number) => String(n).padStart(2, '0')
  return `${p(d.getUTCDate())}/${month}/${d.getUTCFullYear()}:${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())} +0000`
}
