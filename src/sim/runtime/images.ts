/**
 * The container images this world knows: the ECR repository's python web app and the public images
 * `nginx`, `httpd` and `busybox`. Layer digests and sizes are illustrative, in Docker's formats; the
 * `app` field says how the image answers HTTP (see the runtime's http answers), and `port` is what it listens on.
 * Sizes follow Docker Hub's listed compressed sizes for the official images (docker.io/library, 2025), rounded.
 */
export interface ImageLayer {
  digest: string
  /** Bytes. */
  size: number
  createdBy: string
}

export interface ImageSpec {
  /** Repository as written in an image reference without tag (`nginx`, or the ECR URI's repository). */
  repository: string
  tag: string
  /** `sha256:` + 64 hex. */
  digest: string
  layers: ImageLayer[]
  /**
   * What the container does, decided by the runtime (`python-webapp`, `nginx`, `httpd`, `busybox`, and the CloudWatch
   * agent, which serves nothing and runs until stopped).
   */
  app: 'python-webapp' | 'nginx' | 'httpd' | 'busybox' | 'cloudwatch-agent'
  /** Port the process listens on, if it serves anything. */
  port?: number
  /** Files the image's layers hold (path → content), for the storage lessons' copy-on-write views. */
  files: Record<string, string>
}

const layer = (digest: string, size: number, createdBy: string): ImageLayer => ({ digest: `sha256:${digest}`, size, createdBy })

export const PUBLIC_IMAGES: ImageSpec[] = [
  {
    repository: 'nginx',
    tag: 'latest',
    digest: 'sha256:6a1b2e0bd3a8f7c0b7d9b3a0c5f0d2c9e4a7b8c1d2e3f40516273849a0b1c2d3',
    layers: [
      layer('8a1e25ce7c4f75e372e9884f8f7b1bedcfe4a7a7c5b9d3e9a1c7f0b2d4e6a8c0', 28_230_000, '/bin/sh -c #(nop) ADD file:debian-bookworm-slim in /'),
      layer('1f3e8c5a7b9d0e2f4a6c8e0b2d4f6a8c0e2a4c6e8a0c2e4a6c8e0a2c4e6a8c0e', 41_870_000, '/bin/sh -c set -x && apt-get install nginx'),
      layer('2b4d6f8a0c2e4a6c8e0a2c4e6a8c0e2a4c6e8a0c2e4a6c8e0a2c4e6a8c0e2a4c', 627, '/bin/sh -c #(nop) COPY file:docker-entrypoint.sh in /'),
    ],
    app: 'nginx',
    port: 80,
    files: { '/usr/share/nginx/html/index.html': '<h1>Welcome to nginx!</h1>\n', '/etc/nginx/nginx.conf': 'worker_processes auto;\n' },
  },
  {
    repository: 'httpd',
    tag: 'latest',
    digest: 'sha256:4c6e8a0c2e4a6c8e0a2c4e6a8c0e2a4c6e8a0c2e4a6c8e0a2c4e6a8c0e2a4c6e',
    layers: [
      layer('8a1e25ce7c4f75e372e9884f8f7b1bedcfe4a7a7c5b9d3e9a1c7f0b2d4e6a8c0', 28_230_000, '/bin/sh -c #(nop) ADD file:debian-bookworm-slim in /'),
      layer('5d7f9b1d3f5b7d9f1b3d5f7b9d1f3b5d7f9b1d3f5b7d9f1b3d5f7b9d1f3b5d7f', 30_110_000, '/bin/sh -c set -eux; apt-get install httpd'),
    ],
    app: 'httpd',
    port: 80,
    files: { '/usr/local/apache2/htdocs/index.html': '<html><body><h1>It works!</h1></body></html>\n' },
  },
  {
    repository: 'busybox',
    tag: 'latest',
    digest: 'sha256:9ae97d36d26566ff84e8893c64a6dc4fe8ca6d1144bf5b87b2b85a32def253c7',
    layers: [layer('ec562eabd705d25bfea8c8d79e4610775e375524af00552fe871d3338261563c', 2_150_000, '/bin/sh -c #(nop) ADD file:busybox in /')],
    app: 'busybox',
    files: { '/bin/sh': '(busybox)\n' },
  },
]

/**
 * The CloudWatch agent's image, under the two names AWS's instructions use (Amazon ECR Public
 * `public.ecr.aws/cloudwatch-agent/cloudwatch-agent`, Docker Hub `amazon/cloudwatch-agent`): run as a daemon service on
 * a cluster's container instances, it is what publishes Container Insights' instance-level data (CloudWatch User Guide,
 * "Deploying the CloudWatch agent to collect EC2 instance-level metrics on Amazon ECS"). Size illustrative (≈ 90 MB).
 */
const cloudwatchAgent = (repository: string): ImageSpec => ({
  repository,
  tag: 'latest',
  digest: 'sha256:0c2e4a6c8e0a2c4e6a8c0e2a4c6e8a0c2e4a6c8e0a2c4e6a8c0e2a4c6e8a0c2e',
  layers: [
    layer('a0c2e4a6c8e0a2c4e6a8c0e2a4c6e8a0c2e4a6c8e0a2c4e6a8c0e2a4c6e8a0c2', 1_890_000, '/bin/sh -c #(nop) COPY certificates and timezone data'),
    layer('b2d4f6a8c0e2a4c6e8a0c2e4a6c8e0a2c4e6a8c0e2a4c6e8a0c2e4a6c8e0a2c4', 88_400_000, 'COPY /opt/aws/amazon-cloudwatch-agent /opt/aws/amazon-cloudwatch-agent'),
  ],
  app: 'cloudwatch-agent',
  files: {},
})
PUBLIC_IMAGES.push(cloudwatchAgent('public.ecr.aws/cloudwatch-agent/cloudwatch-agent'), cloudwatchAgent('amazon/cloudwatch-agent'))

/** The course notes' python web app, pushed to ECR as `pythonwebapp:latest`; it listens on 8080. */
export const PYTHON_WEBAPP_IMAGE: Omit<ImageSpec, 'repository'> = {
  tag: 'latest',
  digest: 'sha256:7f3c1e9a2b4d6f8a0c2e4a6c8e0a2c4e6a8c0e2a4c6e8a0c2e4a6c8e0a2c4e6a',
  layers: [
    layer('3a6f8b0d2f4a6c8e0b2d4f6a8c0e2a4c6e8a0c2e4a6c8e0a2c4e6a8c0e2a4c6e', 29_150_000, '/bin/sh -c #(nop) ADD file:debian-bookworm-slim in /'),
    layer('6c8e0a2c4e6a8c0e2a4c6e8a0c2e4a6c8e0a2c4e6a8c0e2a4c6e8a0c2e4a6c8e', 47_320_000, '/bin/sh -c apt-get install -y python3'),
    layer('7d9f1b3d5f7b9d1f3b5d7f9b1d3f5b7d9f1b3d5f7b9d1f3b5d7f9b1d3f5b7d9f', 2_310, 'COPY app.py /app/app.py'),
    layer('8e0a2c4e6a8c0e2a4c6e8a0c2e4a6c8e0a2c4e6a8c0e2a4c6e8a0c2e4a6c8e0a', 0, 'CMD ["python3", "/app/app.py"]'),
  ],
  app: 'python-webapp',
  port: 8080,
  files: {
    '/app/app.py':
      'from http.server import BaseHTTPRequestHandler, HTTPServer\n# Answers with a page naming the task and its Availability Zone.\nHTTPServer(("", 8080), Handler).serve_forever()\n',
  },
}
