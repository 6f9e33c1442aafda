import { PUBLIC_IMAGES, PYTHON_WEBAPP_IMAGE, type ImageSpec } from '../runtime/images.ts'
import type { Entry, ImageConfig } from './state.ts'

/**
 * The images `docker pull` can fetch, with the files each layer adds. The layers' digests, sizes and creating
 * instructions are the runtime's image data (../runtime/images.ts) where the image is there; alpine is added here
 * (Docker Hub lists alpine:latest at about 3.6 MB compressed, one layer). File contents are the images' real small
 * files, shortened: nginx's and httpd's welcome pages, /etc/passwd, /etc/os-release.
 */
export interface CatalogueLayer {
  id: string
  size: number
  createdBy: string
  entries: Record<string, Entry>
}

export interface CatalogueImage {
  /** Repository as Docker Hub names it (`nginx`), or the course app's name. */
  repository: string
  tag: string
  /** The image ID (config digest). */
  id: string
  /** The manifest digest `docker pull` prints. */
  digest: string
  /** Bottom first. */
  layers: CatalogueLayer[]
  /** Epoch ms the image was built (Docker Hub's dates are days before the course; shown as "N days ago"). */
  created: number
  config: ImageConfig
}

const file = (c: string): Entry => ({ k: 'f', c })
const dir: Entry = { k: 'd' }

const PASSWD = 'root:x:0:0:root:/root:/bin/sh\ndaemon:x:1:1:daemon:/usr/sbin:/usr/sbin/nologin\nnobody:x:65534:65534:nobody:/nonexistent:/usr/sbin/nologin\n'
const GROUP = 'root:x:0:\ndaemon:x:1:\nnogroup:x:65534:\n'

const debianFiles = (): Record<string, Entry> => ({
  '/bin': dir,
  '/bin/sh': file('#!dash\n'),
  '/etc': dir,
  '/etc/passwd': file(PASSWD),
  '/etc/group': file(GROUP),
  '/etc/os-release': file('PRETTY_NAME="Debian GNU/Linux 12 (bookworm)"\nNAME="Debian GNU/Linux"\nVERSION_ID="12"\nID=debian\n'),
  '/home': dir,
  '/root': dir,
  '/tmp': dir,
  '/usr': dir,
  '/usr/local': dir,
  '/var': dir,
  '/var/log': dir,
})

const NGINX_PAGE = `<!DOCTYPE html>
<html>
<head>
<title>Welcome to nginx!</title>
</head>
<body>
<h1>Welcome to nginx!</h1>
<p>If you see this page, the nginx web server is successfully installed and
working. Further configuration is required.</p>
</body>
</html>
`

const HTTPD_PAGE = '<html><body><h1>It works!</h1></body></html>\n'

const layerOf = (spec: ImageSpec | Omit<ImageSpec, 'repository'>, i: number, entries: Record<string, Entry>): CatalogueLayer => ({
  id: spec.layers[i].digest,
  size: spec.layers[i].size,
  createdBy: spec.layers[i].createdBy,
  entries,
})

const hub = (name: string): ImageSpec => PUBLIC_IMAGES.find((i) => i.repository === name) as ImageSpec
const nginx = hub('nginx')
const httpd = hub('httpd')
const busybox = hub('busybox')
const DAY = 86_400_000
/** The course's start (EPOCH_START is 2026-01-05); images were built before it. */
const BUILT = Date.UTC(2025, 11, 20)

export const CATALOGUE: CatalogueImage[] = [
  {
    repository: 'nginx',
    tag: 'latest',
    id: 'sha256:a830707172e8069c09cf6c67a04e23e5a1a332d70a90a54999b76273a928b9ce',
    digest: nginx.digest,
    created: BUILT,
    layers: [
      layerOf(nginx, 0, debianFiles()),
      layerOf(nginx, 1, {
        '/etc/nginx': dir,
        '/etc/nginx/nginx.conf': file('user  nginx;\nworker_processes  auto;\n'),
        '/etc/nginx/conf.d': dir,
        '/etc/nginx/conf.d/default.conf': file('server {\n    listen       80;\n    location / {\n        root   /usr/share/nginx/html;\n        index  index.html index.htm;\n    }\n}\n'),
        '/usr/share': dir,
        '/usr/share/nginx': dir,
        '/usr/share/nginx/html': dir,
        '/usr/share/nginx/html/index.html': file(NGINX_PAGE),
        '/usr/share/nginx/html/50x.html': file('<!DOCTYPE html>\n<html>\n<head>\n<title>Error</title>\n</head>\n<body>\n<h1>An error occurred.</h1>\n</body>\n</html>\n'),
        '/var/log/nginx': dir,
      }),
      layerOf(nginx, 2, { '/docker-entrypoint.sh': file('#!/bin/sh\nset -e\nexec "$@"\n') }),
    ],
    config: {
      cmd: ['nginx', '-g', 'daemon off;'],
      entrypoint: ['/docker-entrypoint.sh'],
      env: ['PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin', 'NGINX_VERSION=1.27.3'],
      workingDir: '/',
      user: '',
      exposedPorts: ['80/tcp'],
      server: { kind: 'nginx', port: 80, documentRoot: '/usr/share/nginx/html' },
    },
  },
  {
    repository: 'httpd',
    tag: 'latest',
    id: 'sha256:c5ae7f0d9a3e1b9de5c4f2b6f2e7d1c0b9a8f7e6d5c4b3a29180706f5e4d3c2b',
    digest: httpd.digest,
    created: BUILT - 3 * DAY,
    layers: [
      layerOf(httpd, 0, debianFiles()),
      layerOf(httpd, 1, {
        '/usr/local/apache2': dir,
        '/usr/local/apache2/conf': dir,
        '/usr/local/apache2/conf/httpd.conf': file('ServerRoot "/usr/local/apache2"\nListen 80\nDocumentRoot "/usr/local/apache2/htdocs"\n'),
        '/usr/local/apache2/htdocs': dir,
        '/usr/local/apache2/htdocs/index.html': file(HTTPD_PAGE),
        '/usr/local/bin': dir,
        '/usr/local/bin/httpd-foreground': file('#!/bin/sh\nset -e\nexec httpd -DFOREGROUND "$@"\n'),
      }),
    ],
    config: {
      cmd: ['httpd-foreground'],
      env: ['PATH=/usr/local/apache2/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin', 'HTTPD_PREFIX=/usr/local/apache2'],
      workingDir: '/usr/local/apache2',
      user: '',
      exposedPorts: ['80/tcp'],
      server: { kind: 'httpd', port: 80, documentRoot: '/usr/local/apache2/htdocs' },
    },
  },
  {
    repository: 'busybox',
    tag: 'latest',
    id: 'sha256:af4709625109d0a3ba5d8a8ec1b0d2c3d4e5f60718293a4b5c6d7e8f9a0b1c2d',
    digest: busybox.digest,
    created: BUILT - 40 * DAY,
    layers: [
      layerOf(busybox, 0, {
        '/bin': dir,
        '/bin/sh': file('(busybox)\n'),
        '/bin/busybox': file('(busybox)\n'),
        '/etc': dir,
        '/etc/passwd': file('root:x:0:0:root:/root:/bin/sh\nnobody:x:65534:65534:nobody:/home:/bin/false\n'),
        '/etc/group': file('root:x:0:\nnogroup:x:65534:\n'),
        '/home': dir,
        '/root': dir,
        '/tmp': dir,
        '/var': dir,
      }),
    ],
    config: { cmd: ['sh'], env: ['PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin'], workingDir: '/', user: '', exposedPorts: [] },
  },
  {
    repository: 'alpine',
    tag: 'latest',
    id: 'sha256:b0c9d09244e8a4a1a1c3c5b5e7d9f1a3c5e7b9d1f3a5c7e9b1d3f5a7c9e1b3d5',
    digest: 'sha256:21dc6063fd678b478f57c0e13f47560d0ea4eeba26dfc947b2a4f81f686b9f45',
    created: BUILT - 12 * DAY,
    layers: [
      {
        id: 'sha256:38a8310d387e375e0ec6fabe047a9149e8eb214073db9f461fee6251fd936a75',
        size: 3_640_000,
        createdBy: '/bin/sh -c #(nop) ADD file:alpine-minirootfs-3.21 in / ',
        entries: {
          '/bin': dir,
          '/bin/sh': file('(busybox)\n'),
          '/etc': dir,
          '/etc/passwd': file('root:x:0:0:root:/root:/bin/sh\nnobody:x:65534:65534:nobody:/:/sbin/nologin\n'),
          '/etc/group': file('root:x:0:root\nnogroup:x:65533:\n'),
          '/etc/alpine-release': file('3.21.0\n'),
          '/etc/os-release': file('NAME="Alpine Linux"\nID=alpine\nVERSION_ID=3.21.0\n'),
          '/home': dir,
          '/root': dir,
          '/tmp': dir,
          '/var': dir,
        },
      },
    ],
    config: { cmd: ['/bin/sh'], env: ['PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin'], workingDir: '/', user: '', exposedPorts: [] },
  },
  {
    repository: 'pythonwebapp',
    tag: 'latest',
    id: 'sha256:5e2c7a9f1b3d5f7a9c1e3b5d7f9a1c3e5b7d9f1a3c5e7b9d1f3a5c7e9b1d3f5a',
    digest: PYTHON_WEBAPP_IMAGE.digest,
    created: BUILT + 10 * DAY,
    layers: [
      layerOf(PYTHON_WEBAPP_IMAGE, 0, debianFiles()),
      layerOf(PYTHON_WEBAPP_IMAGE, 1, { '/usr/bin': dir, '/usr/bin/python3': file('(python3.11)\n') }),
      layerOf(PYTHON_WEBAPP_IMAGE, 2, { '/app': dir, '/app/app.py': file(PYTHON_WEBAPP_IMAGE.files['/app/app.py']) }),
      layerOf(PYTHON_WEBAPP_IMAGE, 3, {}),
    ],
    config: {
      cmd: ['python3', '/app/app.py'],
      env: ['PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin'],
      workingDir: '/app',
      user: '',
      exposedPorts: ['8080/tcp'],
      server: { kind: 'python-webapp', port: 8080, documentRoot: '/app' },
    },
  },
]

/** Catalogue layers by ID (layers shared between images, like debian's base, are one entry). */
export const CATALOGUE_LAYERS: ReadonlyMap<string, CatalogueLayer> = new Map(CATALOGUE.flatMap((image) => image.layers.map((l) => [l.id, l])))

/** The catalogue image a reference names: `nginx`, `nginx:latest`, `library/nginx`, `docker.io/library/nginx:latest`. */
export function findInCatalogue(repository: string, tag: string): CatalogueImage | undefined {
  const name = repository.replace(/^(docker\.io\/|registry-1\.docker\.io\/)/, '').replace(/^library\//, '')
  return CATALOGUE.find((i) => i.repository === name && i.tag === tag)
}
