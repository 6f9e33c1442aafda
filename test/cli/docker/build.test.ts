import { describe, expect, it } from 'vitest'
import { createSandbox } from '../../../src/sandbox/index.ts'

type Sandbox = ReturnType<typeof createSandbox>
const ok = (sandbox: Sandbox, line: string) => {
  const r = sandbox.exec(line)
  expect(r.exitCode, `${line}\n${r.stderr}`).toBe(0)
  return r
}

const DOCKERFILE = 'FROM nginx\n# the site\nCOPY index.html /usr/share/nginx/html/\nRUN echo built > /built.txt && cat /built.txt\nENV GREETING=hi\nWORKDIR /srv\nEXPOSE 80\n'

function withSite(): Sandbox {
  const sandbox = createSandbox()
  sandbox.files.write('Dockerfile', DOCKERFILE)
  sandbox.files.write('index.html', '<h1>my site</h1>\n')
  return sandbox
}

describe('docker build from a Dockerfile in the working folder', () => {
  it('prints BuildKit\'s steps, one layer per file-system instruction, and names the image', () => {
    const sandbox = withSite()
    const r = ok(sandbox, 'docker build -t web .')
    expect(r.stdout).toBe('')
    expect(r.stderr).toContain('#1 [internal] load build definition from Dockerfile\n#1 transferring dockerfile: 146B done\n#1 DONE 0.0s\n')
    expect(r.stderr).toContain('#4 [1/4] FROM docker.io/library/nginx:latest@sha256:')
    expect(r.stderr).toContain('#6 [2/4] COPY index.html /usr/share/nginx/html/\n#6 DONE 0.2s\n')
    expect(r.stderr).toContain('#7 [3/4] RUN echo built > /built.txt && cat /built.txt\n#7 0.150 built\n#7 DONE 0.2s\n')
    expect(r.stderr).toContain('#8 [4/4] WORKDIR /srv\n')
    expect(r.stderr).toMatch(/#9 exporting to image\n#9 exporting layers 0\.1s done\n#9 writing image sha256:[0-9a-f]{64} done\n#9 naming to docker\.io\/library\/web:latest done\n#9 DONE 0\.1s\n\n$/)
    const history = ok(sandbox, 'docker history web').stdout.split('\n')
    expect(history[1]).toMatch(/^[0-9a-f]{12} {3}Less than a second ago {3}EXPOSE map\[80\/tcp:\{\}\] +0B +buildkit\.dockerfile\.v0$/)
    expect(history.slice(2, 6).map((l) => l.slice(0, 15) + l.slice(40, 88).trim())).toEqual([
      '<missing>      WORKDIR /srv',
      '<missing>      ENV GREETING=hi',
      '<missing>      RUN /bin/sh -c echo built > /built.txt && ca…',
      '<missing>      COPY index.html /usr/share/nginx/html/ # bui…',
    ])
    ok(sandbox, 'docker run -d --name site -p 8080:80 web')
    expect(ok(sandbox, 'curl -s localhost:8080').stdout).toBe('<h1>my site</h1>\n')
    expect(ok(sandbox, `docker exec site sh -c 'cat /built.txt; echo $GREETING; pwd'`).stdout).toBe('built\nhi\n/srv\n')
  })

  it('reuses the cache for unchanged steps and rebuilds from the first changed file', () => {
    const sandbox = withSite()
    const first = ok(sandbox, 'docker build -q -t web .').stdout
    const again = ok(sandbox, 'docker build -t web .')
    expect(again.stderr).toContain('#6 [2/4] COPY index.html /usr/share/nginx/html/\n#6 CACHED\n')
    expect(again.stderr).toContain('#7 [3/4] RUN echo built > /built.txt && cat /built.txt\n#7 CACHED\n')
    sandbox.files.write('index.html', '<h1>version 2</h1>\n')
    const changed = ok(sandbox, 'docker build -t web:v2 .')
    expect(changed.stderr).toContain('#6 [2/4] COPY index.html /usr/share/nginx/html/\n#6 DONE 0.2s\n')
    expect(changed.stderr).toContain('#7 0.150 built\n')
    expect(ok(sandbox, "docker images --format '{{.Repository}}:{{.Tag}}'").stdout).toBe("web:v2\nweb:latest\n")
    expect(ok(sandbox, 'docker image inspect -f "{{.Id}}" web').stdout).not.toBe('')
    expect(first).toMatch(/^sha256:[0-9a-f]{64}\n$/)
  })

  it('refuses a missing Dockerfile, an unknown instruction and a failing RUN in BuildKit\'s words, building nothing', () => {
    const sandbox = createSandbox()
    const missing = sandbox.exec('docker build -t web .')
    expect(missing.exitCode).toBe(1)
    expect(missing.stderr).toMatch(/#1 DONE 0\.0s\nERROR: failed to solve: failed to read dockerfile: open Dockerfile: no such file or directory\n$/)
    sandbox.files.write('Dockerfile', 'FROM nginx\nCOPPY index.html /usr/share/nginx/html/\n')
    const unknown = sandbox.exec('docker build -t web .')
    expect(unknown.stderr).toContain('Dockerfile:2\n--------------------\n   1 |     FROM nginx\n   2 | >>> COPPY index.html /usr/share/nginx/html/\n--------------------\n')
    expect(unknown.stderr).toMatch(/ERROR: failed to solve: dockerfile parse error on line 2: unknown instruction: COPPY\n$/)
    sandbox.files.write('Dockerfile', 'FROM busybox\nRUN nosuchtool --version\n')
    const failing = sandbox.exec('docker build -t web .')
    expect(failing.exitCode).toBe(1)
    expect(failing.stderr).toContain('#5 [2/2] RUN nosuchtool --version\n#5 0.150 sh: 1: nosuchtool: not found\n#5 ERROR: process "/bin/sh -c nosuchtool --version" did not complete successfully: exit code: 127\n')
    expect(failing.stderr).toMatch(/ERROR: failed to solve: process "\/bin\/sh -c nosuchtool --version" did not complete successfully: exit code: 127\n$/)
    sandbox.files.write('Dockerfile', 'FROM nginx\nCOPY site/ /usr/share/nginx/html/\n')
    expect(sandbox.exec('docker build -t web .').stderr).toMatch(/ERROR: failed to solve: failed to compute cache key: failed to calculate checksum of ref [0-9a-f]{25}::[0-9a-f]{25}: "\/site": not found\n$/)
    sandbox.files.write('Dockerfile', 'FROM nginxx\n')
    expect(sandbox.exec('docker build -t web .').stderr).toMatch(
      /ERROR: failed to solve: nginxx: failed to resolve source metadata for docker\.io\/library\/nginxx:latest: pull access denied, repository does not exist or may require authorization: server message: insufficient_scope: authorization failed\n$/,
    )
    expect(ok(sandbox, 'docker images -q').stdout).toBe('')
    expect(sandbox.exec('docker build -t Web .').stderr).toBe('ERROR: invalid tag "Web": repository name must be lowercase\n')
    expect(sandbox.exec('docker build -t web nowhere').stderr).toBe('ERROR: unable to prepare context: path "nowhere" not found\n')
  })

  it('copies a folder of the context, and a built image\'s CMD replaces the base\'s', () => {
    const sandbox = createSandbox()
    sandbox.files.write('app/Dockerfile', 'FROM busybox\nWORKDIR /app\nCOPY site ./site\nCMD ["cat", "/app/site/a.txt"]\n')
    sandbox.files.write('app/site/a.txt', 'hello from a\n')
    ok(sandbox, 'docker build -t reader app')
    expect(ok(sandbox, 'docker run --rm reader').stdout).toBe('hello from a\n')
  })
})
